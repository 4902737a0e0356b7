"""Helpers shared by page models: ancestors for breadcrumbs, pagination.

(An object in a page's language: mocisite/localise.py.)"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def remembered_ancestors(page):
    """The page's ancestors below the tree's root (its home page first, its parent
    last), remembered until the next publish: breadcrumbs and back links on every page."""
    from .memory import remember

    return remember(("ancestors", page.path), lambda: list(page.get_ancestors().filter(depth__gt=1)))


def paginate(request, items, per_page):
    """A page of ``items`` for ``?page=N``; an unknown or bad page number is a 404."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
