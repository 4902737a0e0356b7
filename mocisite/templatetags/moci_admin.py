"""Pieces of the site's own admin pages (the translation queue, sign-in lockouts).

Load with ``{% load moci_admin %}``."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def table_head(*labels, hidden=""):
    """A listing's ``<thead>``: a column heading (``scope="col"``) for each label, in
    order, then, if ``hidden`` names it, a last column heading for screen readers only
    (the column of buttons)::

        {% table_head _("Username") _("Address") hidden=_("Actions") %}
    """
    cells = format_html_join("", '<th scope="col">{}</th>', ((label,) for label in labels))
    if hidden:
        cells += format_html('<th scope="col"><span class="w-sr-only">{}</span></th>', hidden)
    return format_html("<thead><tr>{}</tr></thead>", cells)
