"""Who may see a page: what is public, what is restricted.

- :func:`public_q`: the filter every listing, the search, the map, the sitemap
  and the peer suggestions put on their pages, so a restricted page and the
  pages below it are left out;
- :func:`restricted_pages`: the pages with a view restriction (usually none),
  remembered by each process until the next change (:mod:`mocisite.memory`);
- :class:`RememberedRestrictions`: Wagtail's check of each page it serves,
  skipped while no page has a restriction (every page model has it through
  :class:`mocisite.pages.MociPage`).

:mod:`mocisite.privacy` writes what this module reads: it copies a view
restriction to every language version of its page as real rows, so that a page
made private in one language is left out here, and refused by Wagtail, in all.
"""

from django.db.models import Q

from .memory import remember


def restricted_pages(request=None):
    """(path, depth) of every page with a view restriction; usually none."""
    from wagtail.models import PageViewRestriction

    return remember(
        "restricted-pages",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
        request,
    )


def public_q(request=None):
    """What ``PageQuerySet.public()`` filters on (pages outside every restricted
    section), without its query for the restrictions: they are remembered."""
    private = Q()
    for path, depth in restricted_pages(request):
        private |= Q(path__startswith=path, depth__gte=depth)
    return ~private if private else Q()


class RememberedRestrictions:
    """For every page model, before ``Page``: Wagtail checks each served page's view
    restrictions with two queries (the page's ancestors, then their restrictions).
    While no page of the site has a restriction (which the process remembers until
    the next publish or restriction change), there is nothing to check."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not restricted_pages():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
