"""Template tags of the resources library: the resources that name a project.

(A linked title's ``lang`` attribute, `title_lang`, is in moci_languages.)"""

from django import template

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
