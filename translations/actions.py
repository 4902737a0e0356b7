"""What translators and reviewers do from the queue, one function per step.

Each step checks the user's rights on the page in that language, runs in a
transaction and raises :class:`QueueError` with a message for the user
when it cannot go ahead, so nothing is ever half done.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.edit_translation import apply_machine_translation

from .drafts import save_draft
from .queue import source_pages


class QueueError(Exception):
    """A step that cannot be taken; the message is shown to the user."""


def can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def machine_locale_ids(locales):
    """The languages the configured machine translator can translate English into."""
    translator = get_machine_translator()
    if translator is None:
        return set()
    source = Locale.get_default()
    return {locale.pk for locale in locales if translator.can_translate(source, locale)}


def _validation_message(error):
    return "; ".join(error.messages) if hasattr(error, "messages") else str(error)


@transaction.atomic
def start_translation(user, source_page, locale, machine=False):
    """Start translating an English page into ``locale``. Returns the Translation.

    The page in that language stops being an alias and becomes a page of its
    own, still showing the English text until a translation is approved."""
    if source_page.is_root() or not source_pages().filter(pk=source_page.pk).exists():
        raise QueueError(_("Only pages of the English site are translated."))
    target = source_page.get_translation_or_none(locale)
    rights_on = target or Page.objects.filter(depth=2, locale=locale).first()
    if rights_on is None or not can_edit(user, rights_on):
        raise QueueError(_("You cannot translate pages into %(language)s.") % {"language": locale.get_display_name()})
    creator = TranslationCreator(user, [locale])
    # Related snippets (themes, partners) are the secretariat's to translate;
    # until they are, the page shows them in English.
    creator.create_translations(source_page.specific, include_related_objects=False)
    translation = Translation.objects.get(source__object_id=source_page.translation_key, target_locale=locale)
    if Page.objects.filter(translation_key=source_page.translation_key, locale=locale, alias_of__isnull=True).exists():
        if machine:
            apply_machine_draft(user, translation)
        return translation
    raise QueueError(_("The page could not be created in %(language)s.") % {"language": locale.get_display_name()})


def apply_machine_draft(user, translation):
    """Fill the untranslated segments with machine translation, as a first draft."""
    translator = get_machine_translator()
    if translator is None:
        raise QueueError(_("Machine translation is not configured."))
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        raise QueueError(
            _("%(translator)s cannot translate into %(language)s.")
            % {"translator": translator.display_name, "language": translation.target_locale.get_display_name()}
        )
    try:
        apply_machine_translation(translation.id, user, translator)
    except Exception as error:  # the service is remote: any failure is reported, nothing is saved
        raise QueueError(
            _("Machine translation failed (%(error)s); the page was started without it.") % {"error": error}
        ) from error


def target_page(user, translation):
    """The page in the translation's language, if the user may edit it."""
    try:
        page = translation.get_target_instance()
    except Page.DoesNotExist as error:
        raise QueueError(_("This page no longer exists in that language.")) from error
    if not can_edit(user, page):
        raise QueueError(
            _("You cannot edit pages in %(language)s.") % {"language": translation.target_locale.get_display_name()}
        )
    return page


def is_out_of_date(translation):
    source_page = translation.source.get_source_instance()
    return bool(source_page.last_published_at and source_page.last_published_at > translation.source.last_updated_at)


@transaction.atomic
def update_translation(user, translation):
    """Sync the translation with the English page as last published. Segments
    already translated keep their translations; new text is left to translate.
    A draft awaiting review was made from the old text, so it leaves review.
    Returns (segments left to translate, whether a review was withdrawn)."""
    page = target_page(user, translation)
    try:
        translation.source.update_from_db()
    except Page.DoesNotExist as error:
        raise QueueError(_("The English page no longer exists.")) from error
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    total, translated = translation.get_progress()
    return total - translated, state is not None


@transaction.atomic
def submit_for_review(user, translation):
    """Save the translation as a draft of the page in that language and put it
    into that language's moderation workflow. Returns the WorkflowState."""
    page = target_page(user, translation)
    if is_out_of_date(translation):
        raise QueueError(_("The English page has changed since this translation was synced: update it first."))
    total, translated = translation.get_progress()
    if translated < total:
        raise QueueError(
            _("%(count)s of %(total)s segments are still untranslated.") % {"count": total - translated, "total": total}
        )
    try:
        save_draft(translation, user)
    except ValidationError as error:
        raise QueueError(
            _("The translation cannot be saved: %(error)s") % {"error": _validation_message(error)}
        ) from error
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return state.resume(user=user) or page.current_workflow_state
    if state is not None:
        # Submitted again while awaiting review: review the new draft instead.
        state.cancel(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise QueueError(_("No moderation workflow covers this page; ask the secretariat."))
    return workflow.start(page, user)


def review_actions(user, page):
    """The review actions this user may take on the page's current task."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS or state.current_task_state is None:
        return None, []
    task = state.current_task_state.task.specific
    return state, [name for name, _label, _needs_data in task.get_actions(page, user)]


@transaction.atomic
def review(user, translation, action, comment=""):
    """Approve (which publishes the draft) or request changes with a comment."""
    page = translation.get_target_instance()
    state, allowed = review_actions(user, page)
    if state is None:
        raise QueueError(_("This translation is not awaiting review."))
    if action not in allowed:
        raise QueueError(_("You cannot review translations into this language."))
    if action == "reject" and not comment.strip():
        raise QueueError(_("Say what needs to change, so the translator knows."))
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user, action, comment=comment.strip())
    return page
