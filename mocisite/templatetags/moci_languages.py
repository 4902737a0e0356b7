"""Template tags about languages: a page's versions in other languages
(``hreflang`` links), the language switcher, whether a page shows the
English text, and the ``lang`` attributes of words and titles whose language
differs from the text around them (:func:`term_lang`, :func:`title_lang`).

Load with ``{% load moci_languages %}``."""

from django import template
from django.conf import settings
from django.db.models import Max
from django.utils.html import format_html
from django.utils.translation import get_language

from wagtail.models import Page
from wagtail_localize.models import Translation

from mocisite.languages import language_name
from mocisite.memory import remember

from .moci_navigation import site_key

register = template.Library()


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
    return remember(("versions", page.pk, site_key(request)), find, request)


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


@register.simple_tag(takes_context=True)
def title_lang(context, linked):
    """` lang="…"` for the title of a linked page when its language differs from
    the text around it: an English title (an alias, or the source page standing
    in for a missing translation) on a translated page, or a translated title
    on a page that shows the English text (``english_text``, set in base.html)."""
    page = context.get("page")
    if not isinstance(page, Page) or not isinstance(linked, Page):
        return ""
    current = get_language() or settings.LANGUAGE_CODE
    in_source_language = bool(linked.alias_of_id) or linked.locale_id != page.locale_id
    title_language = settings.LANGUAGE_CODE if in_source_language else current
    around = settings.LANGUAGE_CODE if context.get("english_text") else current
    return format_html(' lang="{}"', title_language) if title_language != around else ""


@register.simple_tag
def source_language_code():
    """The language the site is written in first (aliases show its content)."""
    return settings.LANGUAGE_CODE
