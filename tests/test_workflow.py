"""Publishing: an editor submits, the secretariat approves, the page goes live."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, WorkflowState

from mocisite.roles import EDITORS, SECRETARIAT, setup_roles
from projects.models import ProjectPage
from tests.factories import project_form_data


def make_user(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@moci.example", "pw-for-tests")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def roles(project_index):
    setup_roles()
    return {"editor": make_user("edi", EDITORS), "secretary": make_user("sec", SECRETARIAT)}


def project_form(title, action):
    data = project_form_data(title)
    data[action] = action
    return data


def test_setup_roles_is_idempotent(roles):
    counts = (Group.objects.count(), Group.objects.get(name=SECRETARIAT).permissions.count())
    setup_roles()
    setup_roles()
    assert (Group.objects.count(), Group.objects.get(name=SECRETARIAT).permissions.count()) == counts


def test_editor_cannot_publish_directly(client, roles, project_index):
    client.force_login(roles["editor"])
    client.post(
        f"/admin/pages/add/projects/projectpage/{project_index.pk}/",
        project_form("Quick win", "action-publish"),
    )
    assert not ProjectPage.objects.filter(slug="quick-win", live=True).exists()


def test_submit_then_approve_makes_the_page_live(client, roles, project_index):
    client.force_login(roles["editor"])
    response = client.post(
        f"/admin/pages/add/projects/projectpage/{project_index.pk}/",
        project_form("Community garden", "action-submit"),
    )
    assert response.status_code == 302
    page = ProjectPage.objects.get(slug="community-garden", locale=project_index.locale)
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Secretariat approval"
    assert client.get(page.url if page.url else "/en/projects/community-garden/").status_code == 404

    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(approve_url, {"comment": ""})
    assert not Page.objects.get(pk=page.pk).live

    client.force_login(roles["secretary"])
    response = client.post(approve_url, {"comment": "Looks good."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get("/en/projects/community-garden/").status_code == 200
    # The other languages' trees follow: the page is there (as an alias) once it is live.
    assert client.get("/de/projects/community-garden/").status_code == 200


def test_secretariat_can_publish_and_manage_snippets(client, roles, project_index):
    secretary = roles["secretary"]
    assert secretary.has_perm("mocisite.change_footer")
    assert secretary.has_perm("wagtailimages.add_image")
    assert secretary.has_perm("wagtail_localize.submit_translation")
    assert project_index.permissions_for_user(secretary).can_publish()
    assert not project_index.permissions_for_user(roles["editor"]).can_publish()
    assert not roles["editor"].has_perm("mocisite.change_footer")
