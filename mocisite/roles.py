"""Groups, permissions and the moderation workflow, set up idempotently.

``setup_roles`` (management command) calls :func:`setup_roles`; the content
command and the start script run it, so a fresh database and a deployed one
end up with the same roles. Running it again changes nothing.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import get_language_info

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import Translation

from .languages import ensure_locales, language_codes

SECRETARIAT = "Secretariat"
EDITORS = "Editors"
WORKFLOW_NAME = "Secretariat approval"
# Wagtail's migrations create a "Moderators" group and its "Moderators approval"
# workflow; here the Secretariat does that job, so they are retired.
WAGTAIL_MODERATORS = "Moderators"
WAGTAIL_WORKFLOW = "Moderators approval"

logger = logging.getLogger(__name__)

MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}
# Snippets: (app label, model name) → the group that manages them.
SNIPPETS = {
    SECRETARIAT: [
        ("mocisite", "navigationmenu"),
        ("mocisite", "footer"),
        ("projects", "theme"),
        ("projects", "partner"),
        ("people", "skill"),
    ],
    EDITORS: [("projects", "theme"), ("projects", "partner"), ("people", "skill")],
}
# Other models: (app label, model name, actions) → the group that may use them in the admin.
# Workshop sign-ups (hub/): the secretariat sees, downloads, corrects and deletes them.
MODELS = {
    SECRETARIAT: [("hub", "workshopsignup", ("view", "change", "delete"))],
    EDITORS: [],
}
# Translators edit their language's tree; publishing is the secretariat's.
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
# Reviewers approve a language's translations; approving publishes, so they may publish there.
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
TRANSLATOR_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
PAGE_PERMISSIONS = {
    SECRETARIAT: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
    EDITORS: ["add_page", "change_page"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_model_permissions(group, app_label, codenames):
    group.permissions.add(*(_permission(app_label, codename) for codename in codenames))


def ensure_foundations():
    """The locales of every language in settings, and the rows Wagtail's
    migrations create (root page, root collection), recreated if a database
    was flushed since it was migrated."""
    locale = ensure_locales()
    root_page = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", live=True, locale=locale)
    )
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    # wagtail-localize creates this permission in a migration, not from a model's Meta.
    Permission.objects.get_or_create(
        codename="submit_translation",
        content_type=ContentType.objects.get_for_model(Translation),
        defaults={"name": "Can submit translations"},
    )
    return root_page, root_collection


@transaction.atomic
def setup_roles():
    """Create or update the groups and the workflow. Returns the Secretariat group."""
    root_page, root_collection = ensure_foundations()
    groups = {}
    for name in (SECRETARIAT, EDITORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        _grant_model_permissions(group, "wagtailadmin", ["access_admin"])
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore", codename)
            )
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            _grant_model_permissions(group, app_label, codenames)
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(app_label, codename)
                )
        for app_label, model in SNIPPETS[name]:
            _grant_model_permissions(group, app_label, [f"{action}_{model}" for action in ("add", "change", "delete")])
        for app_label, model, actions in MODELS[name]:
            _grant_model_permissions(group, app_label, [f"{action}_{model}" for action in actions])

    secretariat = groups[SECRETARIAT]
    _grant_model_permissions(secretariat, "wagtail_localize", ["submit_translation"])

    task, _ = GroupApprovalTask.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task.groups.set([secretariat])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    retire_wagtail_moderators(secretariat, workflow)
    setup_translator_roles(root_collection)
    return secretariat


def retire_wagtail_moderators(secretariat, workflow):
    """Wagtail's default "Moderators" group would sit unused beside Editors and
    Secretariat, with the right to publish anywhere: its members (if someone put
    people in it) join the Secretariat, whose job it is, and the group goes with
    its permissions. Its workflow and task are switched off (kept: pages' history
    may refer to them)."""
    for group in Group.objects.filter(name=WAGTAIL_MODERATORS):
        members = list(group.user_set.all())
        if members:
            secretariat.user_set.add(*members)
            logger.warning(
                "The %s group is retired; its members joined %s: %s",
                WAGTAIL_MODERATORS,
                SECRETARIAT,
                ", ".join(sorted(user.get_username() for user in members)),
            )
        group.delete()  # its page, collection and model permissions go with it
    Workflow.objects.filter(name=WAGTAIL_WORKFLOW).exclude(pk=workflow.pk).update(active=False)
    GroupApprovalTask.objects.filter(name=WAGTAIL_WORKFLOW).update(active=False)


def translators_group_name(code):
    """“Translators – Albanian”: one group per language other than the source."""
    return f"Translators – {get_language_info(code)['name']}"


def reviewers_group_name(code):
    """“Reviewers – Albanian”: people who approve that language's translations."""
    return f"Reviewers – {get_language_info(code)['name']}"


def review_workflow_name(code):
    return f"Review – {get_language_info(code)['name']}"


def _review_workflow(code, language_root, reviewers):
    """The language's own moderation workflow on its tree: one approval task
    for the secretariat and the language's reviewers, which publishes."""
    name = review_workflow_name(code)
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    task, _ = GroupApprovalTask.objects.get_or_create(name=name, defaults={"active": True})
    task.groups.set([secretariat, reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=language_root, defaults={"workflow": workflow})


def setup_translator_roles(root_collection):
    """A translators' group per language: admin access, add and edit (not
    publish) on that language's page tree only, images in a collection of
    its own (and choosing any image). A reviewers' group per language, and a
    moderation workflow on that language's tree that the secretariat and the
    reviewers approve (approval publishes). A language whose tree does not
    exist yet gets its page rights and workflow on the next run (the content
    command runs this again once the trees are synchronised)."""
    for code in language_codes():
        if code == settings.LANGUAGE_CODE:
            continue
        name = translators_group_name(code)
        group, _ = Group.objects.get_or_create(name=name)
        _grant_model_permissions(group, "wagtailadmin", ["access_admin"])
        _grant_model_permissions(group, "wagtailimages", TRANSLATOR_IMAGE_PERMISSIONS)
        collection = root_collection.get_children().filter(name=name).first() or root_collection.add_child(name=name)
        for codename in TRANSLATOR_IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission("wagtailimages", codename)
            )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission("wagtailimages", "choose_image")
        )
        reviewers, _ = Group.objects.get_or_create(name=reviewers_group_name(code))
        _grant_model_permissions(reviewers, "wagtailadmin", ["access_admin"])
        language_root = Page.objects.filter(depth=2, locale__language_code=code).first()
        if language_root is not None:
            for page_group, codenames in ((group, TRANSLATOR_PAGE_PERMISSIONS), (reviewers, REVIEWER_PAGE_PERMISSIONS)):
                for codename in codenames:
                    GroupPagePermission.objects.get_or_create(
                        group=page_group, page=language_root, permission=_permission("wagtailcore", codename)
                    )
            _review_workflow(code, language_root, reviewers)
