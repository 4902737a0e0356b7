"""Template tags of the resources library."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from wagtail.models import Page

from mocisite.visibility import public_q
from resources.models import ResourcePage

register = template.Library()


@register.simple_tag
def related_resources(project):
    """The live public resources in ``project``'s language that name it.

    A resource's related projects are synchronised across languages (they may
    be the source-language pages), so resources are matched by the project's
    translation key: the same in every language. Two queries (the pages and
    the view restrictions), whatever the number of resources."""
    if not isinstance(project, Page) or project.pk is None:
        return []
    return list(
        ResourcePage.objects.live()
        .filter(public_q())
        .filter(locale_id=project.locale_id, related_projects__translation_key=project.translation_key)
        .distinct()
        .order_by("title")
    )


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
