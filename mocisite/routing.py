"""Wagtail's page serving, with the page found in one query.

Wagtail walks the tree one slug at a time (two queries a level: /sq/projects/x/
costs seven before the page is even rendered). Here the site (mocisite/sites.py)
and each language's home page are remembered until the next publish
(mocisite.memory.remember), and the page is found by its ``url_path``: every
prefix of the address is a candidate, the deepest existing one wins, and what is
left of the address goes to that page's own ``route()`` (a RoutablePage's
sub-addresses such as the map's ``geojson/``, or a 404). Which model each
address is remembered too, so the page is then read with one query on its own
table. Wagtail's serve view does the rest (its hooks, view restrictions,
``page.serve``).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language

from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from .cachekeys import declare
from .memory import recall, remember
from .sites import find_site


def _home(site):
    home = site.root_page.localized
    return home.url_path, home.depth


def _locate(candidates):
    """(url_path, page id, content type id) of the deepest existing candidate, or None."""
    return (
        Page.objects.filter(url_path__in=candidates)
        .order_by("-depth")
        .values_list("url_path", "pk", "content_type_id")
        .first()
    )


def route(request, path):
    """Wagtail's RouteResult for ``path`` (page, args, kwargs), or None for a 404."""
    site = find_site(request)
    if site is None:
        return None
    home_path, home_depth = remember(("home", site.pk, get_language()), lambda: _home(site), request)
    components = [component for component in path.split("/") if component]
    candidates = [home_path + "".join(f"{part}/" for part in components[:n]) for n in range(len(components), -1, -1)]
    # Remembered: addresses that were served, not every address someone tried.
    found = recall(("page", candidates[0]), request) or _locate(candidates)
    if found is None:
        return None
    url_path, pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.select_related("locale").filter(pk=pk).first() if model else None
    if page is None:
        return None
    remaining = components[url_path.count("/") - home_path.count("/") :]
    try:
        result = page.route(request, remaining)
    except Http404:
        return None
    remember(("page", candidates[0]), lambda: found, request)
    return result


def serve(request, path):
    """Wagtail's serve view, given the page found by :func:`route`."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    if request._wagtail_route_for_request:
        # The query parameters the page reads: the page cache's key holds only these.
        page = request._wagtail_route_for_request[0]
        declare(request, getattr(page, "cache_query_params", ()))
    return wagtail_serve(request, path)
