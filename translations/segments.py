"""Which fields of a page still have segments to translate, named as the
editor shows them ("Summary (Content)", "Search description (Promote)").

Why: a percentage alone left translators hunting for the one segment they
had not seen (it sat on a tab they never opened); the queue names the fields
instead, in the translator's language.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, F, OuterRef
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail_localize.models import StringSegment, StringTranslation

# The editor's tabs, named here so that every language of the site has them
# (Wagtail's own catalogues lack several of the site's languages).
TABS = (
    ("content_panels", pgettext_lazy("editor tab", "Content")),
    ("promote_panels", pgettext_lazy("editor tab", "Promote")),
    ("settings_panels", pgettext_lazy("editor tab", "Settings")),
)

# Labels of the fields that hold text to translate, for the same reason (and
# because most of the page models' fields have untranslated verbose names).
FIELD_LABELS = {
    "title": _("Title"),
    "seo_title": _("Title tag"),
    "search_description": _("Meta description"),
    "slug": _("Slug"),
    "summary": _("Summary"),
    "body": _("Body"),
    "introduction": _("Introduction"),
    "hero_title": _("Hero title"),
    "hero_text": _("Hero text"),
    "hero_link_text": _("Hero link text"),
    "featured_projects": _("Featured projects"),
    "principles_teaser": _("Principles teaser"),
    "principles": _("Principles"),
    "how_we_function": _("How we function"),
    "what_we_do": _("What we do"),
    "partners": _("Partners"),
    "downloads": _("Downloads"),
    "links": _("Links"),
    "challenges": _("Challenges"),
}


@cache
def _tabs(model):
    """The tab each of the model's fields is on, as the page editor groups them."""
    tabs = {}
    for attribute, heading in TABS:
        panels = ObjectList(getattr(model, attribute, [])).bind_to_model(model)
        for name in panels.get_form_options().get("fields", []):
            tabs.setdefault(name, heading)
    return tabs


def field_label(model, path):
    """The label of the field a segment's context path (``body.<uuid>.text``) is in,
    with the tab it is on."""
    name = path.split(".")[0]
    label = FIELD_LABELS.get(name)
    if label is None:
        try:
            label = capfirst(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            label = capfirst(name.replace("_", " "))
    tab = _tabs(model).get(name)
    return gettext("%(field)s (%(tab)s)") % {"field": label, "tab": tab} if tab else str(label)


def fields_left(translation_ids):
    """For each translation, the labels of the fields with untranslated
    segments, in the page's order. One query."""
    if not translation_ids:
        return {}
    untranslated = (
        StringSegment.objects.filter(source__translations__id__in=translation_ids)
        .annotate(translation_id=F("source__translations__id"), locale_id=F("source__translations__target_locale_id"))
        .exclude(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=OuterRef("locale_id"),
                    has_error=False,
                )
            )
        )
        .order_by("translation_id", "order")
        .values_list("translation_id", "context__path", "source__specific_content_type_id")
    )
    labels = {}
    for translation_id, path, content_type_id in untranslated:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        names = labels.setdefault(translation_id, [])
        label = field_label(model, path)
        if label not in names:
            names.append(label)
    return labels
