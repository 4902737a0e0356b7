"""The request's Wagtail Site: :func:`find_site`, looked up once per host and
port until the next publish (mocisite.memory.remember). Page serving
(mocisite/routing.py), the page cache's keys and the map's absolute addresses
all ask it."""

from wagtail.models import Site

from .memory import remember


def find_site(request):
    """The request's Site (and its root page), remembered per host and port."""
    if not hasattr(request, "_wagtail_site"):

        def lookup():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 - read once, here, not on every request
            return site

        request._wagtail_site = remember(("site", request.get_host(), request.get_port()), lookup, request)
    return request._wagtail_site
