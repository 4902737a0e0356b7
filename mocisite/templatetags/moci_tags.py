import re
import unicodedata

from django import template
from django.conf import settings
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from mocisite.languages import language_name
from mocisite.models import Footer, NavigationMenu
from mocisite.pagecache import remember
from mocisite.utils import remembered_ancestors

register = template.Library()

DESCRIPTION_FIELDS = ["search_description", "summary", "bio", "introduction", "hero_text"]


@register.filter
def description(page, length=160):
    """A plain-text description of a page: what it says about itself, shortened."""
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, "")
        if value:
            text = " ".join(strip_tags(str(value)).split())
            return Truncator(text).chars(int(length))
    return ""


SMALL_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "–", "-"}


@register.filter
def initials(title):
    """Two characters for a placeholder card: “Precious Plastic Albania” → “PP”."""
    words = [word for word in str(title).split() if word.lower() not in SMALL_WORDS]
    return "".join(word[0] for word in words[:2]).upper()


@register.filter
def tone(page, tones=4):
    """A colour variant (0…tones-1) for a page's placeholder, the same in every language."""
    key = getattr(page, "translation_key", None)
    return key.int % int(tones) if key else 0


def _fold(text):
    """``text`` without case and accents, and for each folded character the
    index of the character it came from: “Shtëpi” → “shtepi”, [0, 1, 2, 3, 4, 5]."""
    folded, origin = [], []
    for index, char in enumerate(text):
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).casefold()
        folded.append(base)
        origin.extend([index] * len(base))
    return "".join(folded), origin


@register.filter
def highlight(text, query):
    """Escape ``text`` and wrap each word of ``query`` found in it in <mark>,
    ignoring case and accents (“shtepi” marks “Shtëpi”)."""
    text = str(text)
    words = {_fold(word)[0] for word in str(query).split() if len(word) > 1}
    if not words:
        return escape(text)
    folded, origin = _fold(text)
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    pieces, position = [], 0
    for match in pattern.finditer(folded):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if start < position:
            continue
        pieces += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped


def _site_key(request):
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
        for link in remember(("main-menu", _site_key(request), get_language()), links, request)
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

    return remember(("footer", _site_key(request), get_language()), render, request)


def resolve_links(stream, request=None, snippet_language=None):
    """Turn a stream of LinkBlocks into (text, url) pairs, with pages in the
    active language, in one query whatever the number of links."""
    values = [block.value for block in stream]
    pages = [value["page"] for value in values if value.get("page")]
    localized = {}
    if pages:
        locale_pages = Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=get_language(),
        ).live()
        localized = {page.translation_key: page for page in locale_pages}
    links = []
    for value in values:
        page = value.get("page")
        if page:
            page = localized.get(page.translation_key, page)
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


@register.simple_tag(takes_context=True)
def page_versions(context, page):
    """The page in every language it exists in (translations and aliases), for
    hreflang links: dicts with ``code``, ``url``; the source language first."""
    request = context.get("request")

    def find():
        pages = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
        )
        versions = [{"code": version.locale.language_code, "url": version.get_full_url(request)} for version in pages]
        versions.sort(key=lambda version: (version["code"] != settings.LANGUAGE_CODE, version["code"]))
        return versions

    # The same until the next publish; remembered per page and site.
    return remember(("versions", page.pk, _site_key(request)), find, request)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    languages = [
        {"code": code, "name": language_name(code), "current": code == current} for code, _name in settings.LANGUAGES
    ]
    return {
        "languages": languages,
        "page": page if isinstance(page, Page) else None,
        "next": request.get_full_path() if request else "/",
        "request": request,
    }


@register.simple_tag
def shows_source_text(page):
    """Whether the page shows the English text: an alias, or a page whose
    translation was started but not yet published (starting a translation
    keeps the English text live until the translation is approved)."""
    if not isinstance(page, Page):
        return False
    if page.alias_of_id:
        return True
    if get_language() == settings.LANGUAGE_CODE:
        return False
    started = remember(("translations-started", page.locale_id), lambda: _translations_started(page.locale_id))
    latest = started.get(page.translation_key)
    return latest is not None and (page.last_published_at is None or latest > page.last_published_at)


def _translations_started(locale_id):
    """{translation key: when its latest translation into this language was started}."""
    rows = (
        Translation.objects.filter(target_locale_id=locale_id, enabled=True)
        .values("source__object_id")
        .annotate(latest=Max("created_at"))
        .values_list("source__object_id", "latest")
    )
    return dict(rows)


@register.simple_tag(takes_context=True)
def term_lang(context, term):
    """` lang="…"` for a theme, skill or partner whose language differs from the
    text around it: an English fallback on a translated page, or a translated
    term on a page that shows the English text (``english_text``, set in base.html)."""
    page = context.get("page")
    if not isinstance(page, Page) or not hasattr(term, "locale_id"):
        return ""
    in_page_language = term.locale_id == page.locale_id
    if context.get("english_text"):
        if in_page_language and get_language() != settings.LANGUAGE_CODE:
            return format_html(' lang="{}"', get_language())
    elif not in_page_language:
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.simple_tag
def source_language_code():
    """The language the site is written in first (aliases show its content)."""
    return settings.LANGUAGE_CODE
