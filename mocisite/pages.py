"""The one base of every MOCI page model: :class:`MociPage`.

What each page type needs, given once, so that a new page type cannot forget
it: its address in other languages follows its translated title
(:class:`mocisite.slugs.TranslatedSlug`), and Wagtail's check of its view
restrictions is skipped while no page has one
(:class:`mocisite.visibility.RememberedRestrictions`). A test checks that
every page model of the project is a ``MociPage``.
"""

from wagtail.models import Page

from .slugs import TranslatedSlug
from .visibility import RememberedRestrictions


class MociPage(TranslatedSlug, RememberedRestrictions, Page):
    """Abstract: no table, no fields of its own, not offered to editors."""

    class Meta:
        abstract = True
