"""The translation queue's admin views: the queue, and one POST view per step."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from . import actions
from .queue import DONE, STATES, build_queue, review_locales, summarise, target_locales, user_locales
from .segments import field_label, fields_left

PER_PAGE = 50
ALL = "all"


def _queue_url(request):
    """Back to the queue with the filters the user came from (and nothing else)."""
    sent = QueryDict(request.POST.get("next_query", ""))
    query = urlencode({key: sent[key][:200] for key in ("language", "state", "q") if sent.get(key)})
    return reverse("translations:queue") + (f"?{query}" if query else "")


def _editor_url(page_id):
    # wagtail-localize turns Wagtail's edit view of a translated page into its translation editor.
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _english_editable(user):
    english_home = Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    return english_home is not None and english_home.permissions_for_user(user).can_edit()


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/queue.html"
    page_title = gettext_lazy("Translation queue")
    header_icon = "globe"

    def get(self, request, *args, **kwargs):
        self.locales = user_locales(request.user, target_locales())
        if not self.locales:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        codes = {locale.language_code: locale for locale in self.locales}
        language = request.GET.get("language", "")
        state = request.GET.get("state", "")
        query = request.GET.get("q", "").strip()[:200]
        errors = []
        if language and language not in codes:
            errors.append(_("There is no language “%(code)s” in your queue.") % {"code": language[:20]})
            language = ""
        if state and state not in STATES and state != ALL:
            errors.append(_("There is no state “%(state)s”.") % {"state": state[:20]})
            state = ""

        rows = build_queue(self.locales)
        summaries = summarise(rows, self.locales)
        if language:
            rows = [row for row in rows if row.locale.language_code == language]
        if state == ALL:
            pass
        elif state:
            rows = [row for row in rows if row.state == state]
        else:
            rows = [row for row in rows if row.state != DONE]
        if query:
            rows = [row for row in rows if query.casefold() in row.title.casefold()]

        paginator = Paginator(rows, PER_PAGE)
        try:
            page_number = int(request.GET.get("p", "1"))
            if page_number < 1 or page_number > paginator.num_pages:
                raise ValueError
        except ValueError:
            page_number = 1
        listing = paginator.page(page_number)
        labels = fields_left([row.translation_id for row in listing if row.translation_id and row.segments_left])
        for row in listing:
            row.fields_left = labels.get(row.translation_id, [])
        filters = {key: value for key, value in (("language", language), ("state", state), ("q", query)) if value}
        context.update(
            {
                "rows": listing,
                "paginator": paginator,
                "summaries": summaries,
                "locales": self.locales,
                "states": STATES,
                "language": language,
                "state": state,
                "query": query,
                "filter_errors": errors,
                "next_query": urlencode(filters),
                "filter_query": urlencode(filters) + ("&" if filters else ""),
                "many_languages": len(self.locales) > 1,
                "machine_locale_ids": actions.machine_locale_ids(self.locales),
                "review_locale_ids": {locale.pk for locale in review_locales(request.user, self.locales)},
                "can_edit_english": _english_editable(request.user),
            }
        )
        return context


def _translation(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id, enabled=True
    )
    if translation.target_locale not in user_locales(request.user, target_locales()):
        raise PermissionDenied
    return translation


@require_POST
def start(request, page_id, language_code):
    source_page = get_object_or_404(Page, pk=page_id)
    locale = get_object_or_404(Locale, language_code=language_code)
    if locale not in user_locales(request.user, target_locales()):
        raise PermissionDenied
    try:
        translation = actions.start_translation(request.user, source_page, locale, machine="machine" in request.POST)
    except actions.QueueError as error:
        messages.error(request, str(error))
        return redirect(_queue_url(request))
    target = translation.get_target_instance()
    messages.success(
        request,
        _("Started translating “%(title)s” into %(language)s.")
        % {"title": source_page.title, "language": locale.get_display_name()},
    )
    return redirect(_editor_url(target.pk))


@require_POST
def machine_translate(request, translation_id):
    translation = _translation(request, translation_id)
    try:
        actions.target_page(request.user, translation)
        actions.apply_machine_draft(request.user, translation)
    except actions.QueueError as error:
        messages.error(request, str(error))
        return redirect(_queue_url(request))
    messages.success(request, _("Machine translation filled in the empty segments: check each one before submitting."))
    return redirect(_editor_url(translation.get_target_instance().pk))


@require_POST
def update(request, translation_id):
    translation = _translation(request, translation_id)
    try:
        left, withdrawn = actions.update_translation(request.user, translation)
    except actions.QueueError as error:
        messages.error(request, str(error))
        return redirect(_queue_url(request))
    title = translation.source.object_repr
    if left:
        messages.success(
            request,
            ngettext(
                "“%(title)s” now matches the English page: %(count)s segment to translate.",
                "“%(title)s” now matches the English page: %(count)s segments to translate.",
                left,
            )
            % {"title": title, "count": left},
        )
    else:
        messages.success(request, _("“%(title)s” now matches the English page.") % {"title": title})
    if withdrawn:
        messages.warning(
            request, _("The draft awaiting review was made from the old English text: submit it again when ready.")
        )
    return redirect(_editor_url(translation.get_target_instance().pk))


@require_POST
def submit(request, translation_id):
    translation = _translation(request, translation_id)
    try:
        actions.submit_for_review(request.user, translation)
    except actions.QueueError as error:
        messages.error(request, str(error))
        target = Page.objects.filter(
            translation_key=translation.source.object_id, locale=translation.target_locale
        ).first()
        if request.POST.get("from_editor") and target is not None:
            # Back to the editor the translator came from, to finish the segments left.
            return redirect(_editor_url(target.pk))
        return redirect(_queue_url(request))
    messages.success(
        request,
        _("“%(title)s” in %(language)s is submitted for review.")
        % {"title": translation.source.object_repr, "language": translation.target_locale.get_display_name()},
    )
    return redirect(_queue_url(request))


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """The reviewer reads the English and the translation side by side, then
    approves (publishing it) or requests changes with a comment."""

    template_name = "translations/review.html"
    header_icon = "tasks"

    def dispatch(self, request, translation_id):
        self.translation = _translation(request, translation_id)
        try:
            self.page = self.translation.get_target_instance()
        except Page.DoesNotExist as error:
            raise Http404 from error
        self.state, self.allowed = actions.review_actions(request.user, self.page)
        if self.state is None:
            messages.info(request, _("This translation is not awaiting review."))
            return redirect(reverse("translations:queue"))
        if not self.allowed:
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_title(self):
        return _("Review: %(title)s") % {"title": self.page.get_admin_display_title()}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("translations:queue"), "label": _("Translation queue")},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request):
        action = request.POST.get("action", "")
        try:
            actions.review(request.user, self.translation, action, request.POST.get("comment", ""))
        except actions.QueueError as error:
            messages.error(request, str(error))
            return self.get(request)
        names = {"title": self.page.get_admin_display_title(), "language": self.page.locale.get_display_name()}
        if action == "approve":
            messages.success(request, _("“%(title)s” is published in %(language)s.") % names)
        else:
            messages.success(request, _("Changes requested on “%(title)s” in %(language)s.") % names)
        return redirect(reverse("translations:queue"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locale = self.translation.target_locale
        segments = (
            StringSegment.objects.filter(source=self.translation.source)
            .annotate_translation(locale)
            .annotate(
                translated_at=Subquery(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=locale
                    ).values("updated_at")[:1]
                )
            )
            .select_related("string", "context")
            .order_by("order")
        )
        published = self.page.last_published_at
        model = self.page.specific_class
        for segment in segments:
            segment.field = field_label(model, segment.context.path)
            segment.changed = bool(segment.translated_at and (published is None or segment.translated_at > published))
        revision = self.state.current_task_state.revision
        context.update(
            {
                "translation": self.translation,
                "page": self.page,
                "segments": segments,
                "state": self.state,
                "language": self.translation.target_locale,
                "can_request_changes": "reject" in self.allowed,
                "preview_url": reverse("wagtailadmin_pages:revisions_view", args=[self.page.pk, revision.pk])
                if revision
                else None,
                "comment": self.request.POST.get("comment", ""),
            }
        )
        return context
