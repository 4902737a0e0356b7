"""Where every page stands in every language: the translation queue.

A row is one source page in one target language: an English page, or a page
first written in another language (:func:`source_pages`). Its state comes from
wagtail-localize's records (the translation, its source's last sync, the
translated segments) and Wagtail's (the page in that language, its
moderation workflow):

- untranslated: the page exists in that language only as an alias (or not at
  all), or no translation of it has been started;
- out of date: the English page was published after the translation's source
  was last synced, so the translators are working from old text;
- awaiting review: submitted and in its language's moderation workflow;
- in progress: segments still untranslated, changes requested by a reviewer,
  or translated segments not yet published;
- done: every segment translated and published.

:func:`build_queue` reads all of it in a fixed number of queries, however
many pages and languages there are.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from mocisite.languages import language_codes
from mocisite.roles import SECRETARIAT, reviewers_group_name

OUT_OF_DATE = "out_of_date"
UNTRANSLATED = "untranslated"
IN_PROGRESS = "in_progress"
AWAITING_REVIEW = "awaiting_review"
DONE = "done"

# In the order the queue lists them when sorted by state.
STATES = {
    OUT_OF_DATE: _("Out of date"),
    UNTRANSLATED: _("Untranslated"),
    IN_PROGRESS: _("In progress"),
    AWAITING_REVIEW: _("Awaiting review"),
    DONE: _("Done"),
}
ACTIVE_WORKFLOW = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


@dataclass
class Row:
    """One English page in one target language."""

    page_id: int
    title: str
    depth: int
    locale: Locale
    state: str
    percent: int
    source_changed_at: datetime | None
    translated_at: datetime | None = None
    target_id: int | None = None
    translation_id: int | None = None
    segments: int = 0
    segments_translated: int = 0
    workflow_state_id: int | None = None
    submitted_by: str = ""
    changes_requested: str | None = None
    reviewer: str = ""
    fields_left: list = field(default_factory=list)

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def complete(self):
        return self.translation_id is not None and self.segments_translated >= self.segments

    @property
    def segments_left(self):
        return max(self.segments - self.segments_translated, 0)


@dataclass
class Summary:
    """How far one language has come."""

    locale: Locale
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    percent: int = 0

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def to_do(self):
        return self.total - self.counts[DONE]


def target_locales():
    """Every language but the source, in the site's order."""
    order = {code: index for index, code in enumerate(language_codes())}
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    return sorted(locales, key=lambda locale: order.get(locale.language_code, len(order)))


def user_locales(user, locales=None):
    """The languages whose queue the user works on: those whose page tree
    they may edit (every language for rights given on the root)."""
    locales = target_locales() if locales is None else locales
    if not user.is_active:
        return []
    if user.is_superuser:
        return locales
    granted = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page", page__depth__lte=2
    ).values_list("page__depth", "page__locale_id")
    granted = list(granted)
    if any(depth == 1 for depth, _locale in granted):
        return locales
    locale_ids = {locale_id for _depth, locale_id in granted}
    return [locale for locale in locales if locale.pk in locale_ids]


def review_locales(user, locales):
    """The languages whose translations the user reviews: every one for the
    secretariat, their own for a language's reviewers."""
    if user.is_superuser:
        return locales
    names = set(user.groups.values_list("name", flat=True))
    if SECRETARIAT in names:
        return locales
    return [locale for locale in locales if reviewers_group_name(locale.language_code) in names]


def _display_name(first_name, last_name, username):
    return f"{first_name} {last_name}".strip() or username or ""


def _count(queryset):
    """A correlated subquery counting the rows of ``queryset`` (0 when none)."""
    counted = queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _translations(locales, source_keys):
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    last_translated = StringTranslation.objects.filter(
        locale_id=OuterRef("target_locale_id"), context__object_id=OuterRef("source__object_id")
    ).order_by("-updated_at")
    rows = (
        Translation.objects.filter(enabled=True, target_locale__in=locales, source__object_id__in=source_keys)
        .annotate(
            total=_count(segments),
            translated=_count(translated),
            last_translated_at=Subquery(last_translated.values("updated_at")[:1]),
        )
        .values(
            "id",
            "source__object_id",
            "source__last_updated_at",
            "target_locale_id",
            "total",
            "translated",
            "last_translated_at",
        )
    )
    return {(row["source__object_id"], row["target_locale_id"]): row for row in rows}


def _workflows(page_ids):
    """The active moderation workflow of each page, keyed by page id.

    Only pages in a workflow have a row, so this reads few rows whatever the
    size of the site; the filter on ids happens here, not in SQL."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), status__in=ACTIVE_WORKFLOW
    ).values(
        "id",
        "object_id",
        "status",
        "requested_by__first_name",
        "requested_by__last_name",
        "requested_by__username",
        "current_task_state__comment",
        "current_task_state__finished_by__first_name",
        "current_task_state__finished_by__last_name",
        "current_task_state__finished_by__username",
    )
    return {int(state["object_id"]): state for state in states if int(state["object_id"]) in page_ids}


def source_pages():
    """The pages translations are made from: every English page, and every page
    first written in another language (a profile sent through the join form in
    Albanian): not an alias, no English page of the same translation key, and
    none of that key created before it (those are its translations)."""
    same_key = Page.objects.filter(translation_key=OuterRef("translation_key"))
    original = Q(alias_of__isnull=True) & ~Exists(same_key.filter(locale__language_code=settings.LANGUAGE_CODE))
    original &= ~Exists(same_key.filter(alias_of__isnull=True, pk__lt=OuterRef("pk")))
    return Page.objects.filter(depth__gte=2).filter(Q(locale__language_code=settings.LANGUAGE_CODE) | original)


def build_queue(locales):
    """Every row for these languages, out of date first, then by the source
    page's last change, most recent first. Seven queries at most."""
    if not locales:
        return []
    source_pages_ = source_pages().filter(live=True)
    sources = list(
        source_pages_.order_by("path").values(
            "id", "title", "depth", "translation_key", "last_published_at", "locale_id"
        )
    )
    keys = source_pages_.values("translation_key")
    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(locale__in=locales, translation_key__in=keys).values(
            "id", "translation_key", "locale_id", "alias_of_id", "live", "last_published_at"
        )
    }
    translations = _translations(locales, keys)
    workflows = _workflows({row["id"] for row in targets.values()})

    rows = []
    for source in sources:
        for locale in locales:
            if locale.pk == source["locale_id"]:
                continue  # a page first written in this language is its own source
            key = (source["translation_key"], locale.pk)
            rows.append(_row(source, locale, targets.get(key), translations.get(key), workflows))
    rows.sort(key=lambda row: row.source_changed_at.timestamp() if row.source_changed_at else 0, reverse=True)
    rows.sort(key=lambda row: row.state != OUT_OF_DATE)
    return rows


def _row(source, locale, target, translation, workflows):
    row = Row(
        page_id=source["id"],
        title=source["title"],
        depth=source["depth"],
        locale=locale,
        state=UNTRANSLATED,
        percent=0,
        source_changed_at=source["last_published_at"],
    )
    if target is None or target["alias_of_id"] is not None:
        row.target_id = target and target["id"]
        return row
    row.target_id = target["id"]
    row.translated_at = target["last_published_at"]
    if translation is None:
        # Translated by hand in Wagtail's own editor, outside wagtail-localize.
        row.percent = 100
        changed, published = source["last_published_at"], target["last_published_at"]
        row.state = OUT_OF_DATE if changed and published and changed > published else DONE
        return row

    row.translation_id = translation["id"]
    row.segments = translation["total"]
    row.segments_translated = min(translation["translated"], row.segments)
    row.percent = 100 if not row.segments else row.segments_translated * 100 // row.segments
    last_translated = translation["last_translated_at"]
    if last_translated and (not row.translated_at or last_translated > row.translated_at):
        row.translated_at = last_translated
    workflow = workflows.get(target["id"])
    if workflow:
        row.workflow_state_id = workflow["id"]
        row.submitted_by = _display_name(
            workflow["requested_by__first_name"],
            workflow["requested_by__last_name"],
            workflow["requested_by__username"],
        )
        if workflow["status"] == WorkflowState.STATUS_NEEDS_CHANGES:
            row.changes_requested = workflow["current_task_state__comment"] or ""
            row.reviewer = _display_name(
                workflow["current_task_state__finished_by__first_name"],
                workflow["current_task_state__finished_by__last_name"],
                workflow["current_task_state__finished_by__username"],
            )

    changed = source["last_published_at"]
    if changed and changed > translation["source__last_updated_at"]:
        row.state = OUT_OF_DATE
    elif workflow and workflow["status"] == WorkflowState.STATUS_IN_PROGRESS:
        row.state = AWAITING_REVIEW
    elif workflow or not row.complete or not target["live"]:
        row.state = IN_PROGRESS
    elif last_translated and (not target["last_published_at"] or last_translated > target["last_published_at"]):
        # Every segment translated, but not all of it published yet.
        row.state = IN_PROGRESS
    else:
        row.state = DONE
    return row


def summarise(rows, locales):
    """Counts by state and the percent translated, per language."""
    summaries = {locale.pk: Summary(locale) for locale in locales}
    percents = {locale.pk: [] for locale in locales}
    for row in rows:
        summaries[row.locale.pk].counts[row.state] += 1
        percents[row.locale.pk].append(row.percent)
    for locale_id, values in percents.items():
        summaries[locale_id].percent = round(sum(values) / len(values)) if values else 100
    return list(summaries.values())
