from django import template

from wagtail.models import Page

from ..actions import can_edit
from ..queue import user_locales
from ..undo import editor_props

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_props(context):
    """wagtail-localize's editor props for the signed-in user (see undo.editor_props)."""
    return editor_props(context["props"], context["instance"], context["request"].user)


@register.inclusion_tag("translations/editor_submit.html", takes_context=True)
def translation_submit(context):
    """*Submit for review* in the translation editor, for whoever may submit this
    translation from the queue (a page in one of their languages that they may
    edit), so that they need not go back to the queue to find it."""
    translation, instance, request = context.get("translation"), context.get("instance"), context["request"]
    shown = (
        translation is not None
        and translation.enabled
        and isinstance(instance, Page)
        and translation.target_locale in user_locales(request.user)
        and can_edit(request.user, instance)
    )
    return {"translation": translation if shown else None, "request": request, "csrf_token": context.get("csrf_token")}
