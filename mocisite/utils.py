"""Helpers shared by page models."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404


def localized_pages(queryset, translation_keys, locale):
    """The pages with these translation keys in ``locale``, in the given order.

    Where a page has no live version in ``locale`` the source page (from the
    same queryset, any locale) stands in, so a half-translated site still
    links somewhere. One query whatever the number of pages.
    """
    from django.conf import settings

    keys = list(dict.fromkeys(translation_keys))
    if not keys:
        return []
    found = {}
    # Only the two languages that can be chosen: not every language's copy of each page.
    candidates = queryset.filter(translation_key__in=keys).filter(
        Q(locale_id=locale.pk) | Q(locale__language_code=settings.LANGUAGE_CODE)
    )
    for page in candidates:
        current = found.get(page.translation_key)
        if current is None or page.locale_id == locale.pk:
            found[page.translation_key] = page
    return [found[key] for key in keys if key in found]


def localized_version(model, pk, locale_id):
    """The live ``model`` instance with ``pk``, in the language ``locale_id`` where it
    is translated there (else as it is), in one query: ``.localized`` without its
    two (the active locale, then the translation). None when it is not live."""
    from wagtail.models import DraftStateMixin

    if pk is None:
        return None
    versions = model.objects.filter(translation_key__in=model.objects.filter(pk=pk).values("translation_key"))
    if issubclass(model, DraftStateMixin):
        versions = versions.filter(live=True)
    by_locale = {version.locale_id: version for version in versions}
    return by_locale.get(locale_id) or next((version for version in by_locale.values() if version.pk == pk), None)


def remembered_ancestors(page):
    """The page's ancestors below the tree's root (its home page first, its parent
    last), remembered until the next publish: breadcrumbs and back links on every page."""
    from .pagecache import remember

    return remember(("ancestors", page.path), lambda: list(page.get_ancestors().filter(depth__gt=1)))


def paginate(request, items, per_page):
    """A page of ``items`` for ``?page=N``; an unknown or bad page number is a 404."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
