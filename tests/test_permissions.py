"""Who may do what, per language: the permission matrix of the editorial roles."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupPagePermission, Locale

from mocisite.roles import EDITORS, SECRETARIAT, reviewers_group_name, setup_roles, translators_group_name
from tests.conftest import fresh, multilingual_module_tree

# (view draft, edit, publish) on the English page, then on the Albanian page.
MATRIX = {
    "anonymous": ((False, False, False), (False, False, False)),
    "editor": ((True, True, False), (True, True, False)),
    "secretariat": ((True, True, True), (True, True, True)),
    "translator-sq": ((False, False, False), (True, True, False)),
    "translator-de": ((False, False, False), (False, False, False)),
    "reviewer-sq": ((False, False, False), (True, True, True)),
}
GROUPS = {
    "editor": EDITORS,
    "secretariat": SECRETARIAT,
    "translator-sq": translators_group_name("sq"),
    "translator-de": translators_group_name("de"),
    "reviewer-sq": reviewers_group_name("sq"),
}


@pytest.fixture(scope="module")
def roles_tree(django_db_setup, django_db_blocker):
    with multilingual_module_tree(django_db_blocker, roles=True) as tree:
        yield tree


@pytest.fixture
def pages(roles_tree, db):
    english = fresh(roles_tree)["project"]
    albanian = english.get_translation(Locale.objects.get(language_code="sq"))
    return english, albanian


def abilities(client, user, page):
    if user is not None:
        client.force_login(user)
    view_draft = client.get(f"/admin/pages/{page.pk}/view_draft/").status_code == 200
    edit = client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    publish = user is not None and page.permissions_for_user(user).can_publish()
    return view_draft, edit, publish


@pytest.mark.parametrize("role", list(MATRIX))
def test_permission_matrix(client, pages, role):
    user = None
    if role != "anonymous":
        user = get_user_model().objects.create_user(role, f"{role}@moci.example", "pw")
        user.groups.add(Group.objects.get(name=GROUPS[role]))
    english, albanian = pages
    assert (abilities(client, user, english), abilities(client, user, albanian)) == MATRIX[role]


def test_translator_groups_are_set_up_once_per_language(pages):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Collection.objects.count())
    setup_roles()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Collection.objects.count()) == counts
    for code in ("sq", "sr-latn", "mk", "de", "ka", "hy"):
        group = Group.objects.get(name=translators_group_name(code))
        roots = GroupPagePermission.objects.filter(group=group).values_list("page__locale__language_code", flat=True)
        assert set(roots) == {code}
        assert Collection.objects.filter(name=translators_group_name(code)).exists()
    assert not Group.objects.filter(name=translators_group_name("en")).exists()


def test_wagtails_unused_moderators_group_is_retired(pages):
    """Wagtail's migrations make a "Moderators" group; the Secretariat does its job."""
    from wagtail.models import GroupApprovalTask, Page, Workflow

    from mocisite.roles import WAGTAIL_MODERATORS, WAGTAIL_WORKFLOW

    assert not Group.objects.filter(name=WAGTAIL_MODERATORS).exists()
    editors = {EDITORS, SECRETARIAT}
    languages = {translators_group_name(c) for c in LANGUAGES} | {reviewers_group_name(c) for c in LANGUAGES}
    assert set(Group.objects.values_list("name", flat=True)) == editors | languages
    assert not Workflow.objects.filter(name=WAGTAIL_WORKFLOW, active=True).exists()
    assert not GroupApprovalTask.objects.filter(name=WAGTAIL_WORKFLOW, active=True).exists()

    # Someone had put a colleague in it (as on a site set up before): they join the Secretariat.
    moderators = Group.objects.create(name=WAGTAIL_MODERATORS)
    GroupPagePermission.objects.create(
        group=moderators, page=Page.get_first_root_node(), permission_id=_publish_permission().pk
    )
    colleague = get_user_model().objects.create_user("colleague", "colleague@moci.example", "pw")
    colleague.groups.add(moderators)
    setup_roles()
    assert not Group.objects.filter(name=WAGTAIL_MODERATORS).exists()
    assert not GroupPagePermission.objects.filter(group__name=WAGTAIL_MODERATORS).exists()
    assert list(colleague.groups.values_list("name", flat=True)) == [SECRETARIAT]
    setup_roles()  # and again: nothing left to do
    assert list(colleague.groups.values_list("name", flat=True)) == [SECRETARIAT]


def _publish_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")


LANGUAGES = ["sq", "sr-latn", "mk", "de", "ka", "hy"]
