"""Undoing a translation is for those who may publish in its language.

wagtail-localize offers two ways to undo a translation: *Convert to alias page*
(the translated page is overwritten with the source page's content, goes live as
such, and its ``Translation`` record is deleted) and *Stop Synced translation*
(the translation no longer follows its source). Its views check only that the
user may edit the page, so a translator, who may edit but not publish in their
language, could replace a reviewed, live translation without any review. Here:

- :func:`may_undo` says who may: whoever may publish the translated page (for a
  page, Wagtail's ``publish`` permission on it, i.e. on its language's tree; for
  a snippet, its model's publish permission, or change permission when the
  snippet has no publishing).
- :func:`convert_to_alias` and :func:`stop_translation` stand in front of
  wagtail-localize's views at the same addresses (:data:`urlpatterns`, registered
  ahead of wagtail-localize's own): they refuse anyone else with a message and
  change nothing, and hand everyone allowed to the original view.
- :func:`hide_from_action_menu` and :func:`editor_props` take the two actions out
  of what such a user is shown: the page editor's action menu and the translation
  editor's footer.
- :func:`check_guarded` is a system check that fails if an upgrade of
  wagtail-localize moves its views from under these guards.
"""

import json

from django.contrib import messages
from django.core import checks
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import convert as localize_convert
from wagtail_localize.views import edit_translation as localize_editor

# The two buttons of wagtail-localize's editor and its page action menu item.
UNDO_LINKS = ("convertToAliasUrl", "stopTranslationUrl")
CONVERT_MENU_ITEM = "localize-convert-to-alias"


def may_undo(user, instance):
    """Whether ``user`` may convert ``instance`` (a translated page or snippet) back
    into an alias of its source, or stop synchronising it: only if they may publish it."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.is_active and (user.is_superuser or user.has_perm(get_permission_name(action, type(instance))))


def _language(instance):
    return instance.locale.get_display_name()


def _back(request, instance):
    """Where a refused user is sent: where they came from, or the object's editor."""
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    if isinstance(instance, Page):
        return redirect("wagtailadmin_pages:edit", instance.pk)
    return redirect("wagtailadmin_home")


def convert_to_alias(request, page_id):
    """wagtail-localize's *Convert to alias page* (its confirmation and the change
    itself), for those who may publish the page only."""
    page = get_object_or_404(Page, pk=page_id)
    if not may_undo(request.user, page):
        messages.error(
            request,
            _(
                "Only someone who may publish in %(language)s can turn “%(title)s” back into a copy "
                "of the original page. Nothing was changed."
            )
            % {"language": _language(page), "title": page.get_admin_display_title()},
        )
        return _back(request, page)
    return localize_convert.convert_to_alias(request, page_id)


@require_POST
def stop_translation(request, translation_id):
    """wagtail-localize's *Stop Synced translation*, for those who may publish the
    translated page (or snippet) only."""
    translation = get_object_or_404(Translation, pk=translation_id)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not may_undo(request.user, instance):
        messages.error(
            request,
            _(
                "Only someone who may publish in %(language)s can stop “%(title)s” following its "
                "original. Nothing was changed."
            )
            % {"language": _language(instance), "title": str(instance)},
        )
        return _back(request, instance)
    return localize_editor.stop_translation(request, translation_id)


# The addresses of wagtail-localize's two views (under its "localize/" prefix in the
# admin), answered here first: register_admin_urls runs this module's hook earlier.
urlpatterns = [
    path("localize/page/<int:page_id>/convert_to_alias/", convert_to_alias, name="moci_convert_to_alias"),
    path("localize/translate/<int:translation_id>/disable/", stop_translation, name="moci_stop_translation"),
]


def hide_from_action_menu(menu_items, request, context):
    """``construct_page_action_menu``: no *Convert to alias page* for a page the user
    may not publish."""
    if not any(item.name == CONVERT_MENU_ITEM for item in menu_items):
        return
    permissions = context.get("user_page_permissions_tester")
    if permissions is None or not permissions.can_publish():
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_MENU_ITEM]


def editor_props(props, instance, user):
    """The translation editor's props (JSON) without the addresses of the two undo
    actions when ``user`` may not undo: the editor then offers no *Convert to alias
    page*; its *Stop Synced translation* button is left with nowhere to post to, and
    translations/editor.css hides it."""
    if may_undo(user, instance):
        return props
    data = json.loads(props)
    links = data.get("links", {})
    for name in UNDO_LINKS:
        if name in links:
            links[name] = None
    return json.dumps(data)


@checks.register(checks.Tags.security, checks.Tags.urls)
def check_guarded(app_configs=None, **kwargs):
    """wagtail-localize's undo views must resolve to the guards above: if an upgrade
    moves them, translators could undo translations again."""
    errors = []
    for name, guard in (
        ("wagtail_localize:convert_to_alias", "moci_convert_to_alias"),
        ("wagtail_localize:stop_translation", "moci_stop_translation"),
    ):
        try:
            answered_by = resolve(reverse(name, args=[1])).url_name
        except NoReverseMatch:
            continue
        if answered_by != guard:
            errors.append(
                checks.Error(
                    f"{name} is not answered by translations.undo: anyone who may edit a page could undo its "
                    "translation without review.",
                    hint="Update translations.undo.urlpatterns to wagtail-localize's addresses.",
                    id="translations.E001",
                )
            )
    return errors
