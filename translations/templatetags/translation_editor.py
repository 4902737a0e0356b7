from django import template

from ..undo import editor_props

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_props(context):
    """wagtail-localize's editor props for the signed-in user (see undo.editor_props)."""
    return editor_props(context["props"], context["instance"], context["request"].user)
