"""Template tags for the parts of every page that lead elsewhere: the main
menu, the footer and the breadcrumbs. Menu and footer are snippets in each
language whose links are resolved to pages in the visitor's language
(:func:`resolve_links`); both are remembered per site and language until
the next publish.

Load with ``{% load moci_navigation %}``."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from wagtail.models import Page, Site

from mocisite.localise import in_language_all
from mocisite.memory import remember
from mocisite.models import Footer, NavigationMenu
from mocisite.utils import remembered_ancestors

register = template.Library()


def site_key(request):
    """The Wagtail Site of ``request`` (its pk), for what is remembered per site."""
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The header's links; which one is the current section is worked out per page,
    the rest is remembered per site and language until the next publish."""
    request = context.get("request")

    def links():
        menu = NavigationMenu.current()
        return resolve_links(menu.items if menu else [], request, fallback_language(menu))

    current = context.get("page")
    links = [
        {**link, "active": _is_current_section(current, link["page"])}
        for link in remember(("main-menu", site_key(request), get_language()), links, request)
    ]
    return {"links": links, "request": request}


def fallback_language(snippet):
    """The language of a snippet shown in place of a missing translation, else None."""
    if snippet is None or snippet.locale.language_code == get_language():
        return None
    return snippet.locale.language_code


def _is_current_section(current, page):
    """The link's page is the current page, or (below the home page) one of its ancestors."""
    if current is None or page is None:
        return False
    if current.pk == page.pk:
        return True
    return page.depth > 2 and current.path.startswith(page.path)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, the same on every page: rendered once per site and language
    until the next publish."""
    request = context.get("request")

    def render():
        footer = Footer.current()
        footer_language = fallback_language(footer)
        return render_to_string(
            "includes/footer.html",
            {
                "footer": footer,
                "footer_language": footer_language,
                "links": resolve_links(footer.links if footer else [], request, footer_language),
                "request": request,
            },
        )

    return remember(("footer", site_key(request), get_language()), render, request)


def resolve_links(stream, request=None, snippet_language=None):
    """Turn a stream of LinkBlocks into (text, url) pairs, with pages in the
    active language, in one query whatever the number of links."""
    values = [block.value for block in stream]
    pages = iter(
        in_language_all([value["page"] for value in values if value.get("page")], get_language(), Page.objects.live())
    )
    links = []
    for value in values:
        if value.get("page"):
            page = next(pages)
            if value.get("label"):
                text, language = value["label"], snippet_language
            else:  # the page's own title: English while the page is an alias
                text, language = page.title, settings.LANGUAGE_CODE if page.alias_of_id else None
            links.append({"text": text, "url": page.get_url(request), "page": page, "lang": language})
        elif value.get("url"):
            text = value.get("label") or value["url"]
            links.append({"text": text, "url": value["url"], "page": None, "lang": snippet_language})
    return links


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The path from the home page of the page's language down to its parent."""
    ancestors = remembered_ancestors(page) if page.depth > 2 else []
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}
