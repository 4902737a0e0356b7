"""The countries where the network and its partners work, as ISO 3166 codes with names that
are interface strings (so they are translated with the rest of the site), and the order
lists show them in. The country-list half of the site's geography; points and place
labels are in mocisite/geo.py."""

import unicodedata

from django.utils.translation import gettext_lazy as _

COUNTRY_CHOICES = [
    ("AL", _("Albania")),
    ("AM", _("Armenia")),
    ("AZ", _("Azerbaijan")),
    ("BE", _("Belgium")),
    ("BA", _("Bosnia and Herzegovina")),
    ("GE", _("Georgia")),
    ("DE", _("Germany")),
    ("XK", _("Kosovo")),
    ("ME", _("Montenegro")),
    ("NL", _("Netherlands")),
    ("MK", _("North Macedonia")),
    ("RS", _("Serbia")),
]

# The network's own region: the Western Balkans and the South Caucasus. Lists put these first,
# then the partners' countries abroad, so the Albanian map does not open on Germany's funders.
NETWORK_REGION = frozenset({"AL", "AM", "AZ", "BA", "GE", "XK", "ME", "MK", "RS"})

COUNTRY_NAMES = dict(COUNTRY_CHOICES)


def collation_key(text):
    """``text`` as it sorts for a reader: case and accents set aside ("Ç" beside "C",
    "Š" beside "S"), without a locale library (the interface languages' own alphabets
    order their letters by code point closely enough for a dozen country names)."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def country_sort_key(code):
    """Where the country ``code`` goes in a list: the network's region first, then
    alphabetically by its name in the active language; unknown or empty codes last."""
    if code not in COUNTRY_NAMES:
        return (2, collation_key(code))
    return (0 if code in NETWORK_REGION else 1, collation_key(COUNTRY_NAMES[code]))


def country_choices(codes):
    """``(code, name)`` for those of ``codes`` the site knows, in :func:`country_sort_key`
    order and named in the active language (call it per request, not at import)."""
    known = set(codes) & COUNTRY_NAMES.keys()
    return [(code, str(COUNTRY_NAMES[code])) for code in sorted(known, key=country_sort_key)]
