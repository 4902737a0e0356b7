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
