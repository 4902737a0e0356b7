"""The Albanian (sq) translation of the MOCI site, for wagtail-localize.

``CATALOGUE`` maps every English string segment of the site built by
``load_moci_content`` (pages and the snippets visitors see) to its Albanian
translation; ``seed.translation.translate_site`` stores them as
wagtail-localize translations. Keys are the source strings exactly as
wagtail-localize extracts them: rich text is split per paragraph, and inline
links appear as ``<a id="a1">…</a>``, which the translation must keep.

Page slugs are not listed: the Albanian pages keep the English slugs, so
/sq/… mirrors /en/…. When an English text in ``seed/english/`` changes, add its
new version here, in the module of the same kind (``pages.py``,
``projects.py``, ``profiles.py``, ``hub.py``): ``translate_site`` refuses to leave a string
in English (``MissingTranslations`` lists what is missing) and
tests/test_albanian.py checks that nothing is.

The "about" paragraphs (``pages.py``) follow the network's own Albanian "who we
are" (one of the organisation's texts, see ``seed/english/``), with its typing
slips mended (eliminuar, bashkëkrijimi, nxitin, "(pas)konfliktuale"). Elsewhere
the register is that of an Albanian youth NGO: plain standard Albanian,
addressing the reader with "ti".
"""

from seed.resources import ALBANIAN as RESOURCES_ALBANIAN

from . import hub, pages, profiles, projects

# The resources library's seed texts carry their own translations (seed/resources.py);
# where a sentence is quoted from another page, the site's own translation is the one kept.
CATALOGUE = {
    **RESOURCES_ALBANIAN,
    **projects.CATALOGUE,
    **profiles.CATALOGUE,
    **hub.CATALOGUE,
    **pages.CATALOGUE,
}
