"""The project index and the directory filter through the query string."""

import pytest

from projects.models import ProjectPage
from tests import factories


@pytest.fixture
def projects(project_index):
    environment = factories.make_theme("environment", "Environment")
    culture = factories.make_theme("culture", "Culture")
    factories.make_project(project_index, "Plastic", country="AL", status="ongoing", themes=[environment])
    factories.make_project(project_index, "Bunkers", country="AL", status="completed", themes=[culture])
    factories.make_project(project_index, "Hub Berlin", country="DE", status="planned", themes=[environment, culture])
    return project_index


def titles(response):
    return sorted(page.title for page in response.context["projects"])


def test_no_filter_lists_everything(client, projects):
    assert titles(client.get(projects.url)) == ["Bunkers", "Hub Berlin", "Plastic"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "AL"}, ["Bunkers", "Plastic"]),
        ({"country": "DE"}, ["Hub Berlin"]),
        ({"status": "completed"}, ["Bunkers"]),
        ({"theme": "environment"}, ["Hub Berlin", "Plastic"]),
        ({"country": "AL", "theme": "environment"}, ["Plastic"]),
        ({"country": "AL", "status": "planned"}, []),
    ],
)
def test_filters(client, projects, query, expected):
    assert titles(client.get(projects.url, query)) == expected


def test_unknown_value_is_reported_and_other_filters_still_apply(client, projects):
    response = client.get(projects.url, {"country": "ZZ", "status": "completed"})
    assert response.status_code == 200
    assert titles(response) == ["Bunkers"]
    assert "Select a valid choice" in response.content.decode()


def test_pagination_keeps_filters_and_rejects_bad_pages(client, project_index):
    for number in range(14):
        factories.make_project(project_index, f"Project {number:02}", country="AL")
    first = client.get(project_index.url, {"country": "AL"})
    assert len(first.context["projects"]) == 12
    assert "?country=AL&amp;page=2" in first.content.decode()
    second = client.get(project_index.url, {"country": "AL", "page": 2})
    assert len(second.context["projects"]) == 2
    assert client.get(project_index.url, {"page": 5}).status_code == 404
    assert client.get(project_index.url, {"page": "x"}).status_code == 404


def test_drafts_are_not_listed(client, projects):
    ProjectPage.objects.get(title="Plastic").unpublish()
    assert "Plastic" not in titles(client.get(projects.url))


def test_directory_filters_by_kind_country_and_skill(client, people_index):
    permaculture = factories.make_skill("permaculture", "Permaculture")
    organisation = factories.make_organisation(people_index, "Uzina", country="AL", skills=[permaculture])
    factories.make_person(people_index, "Arta", country="AL", organisation=organisation)
    factories.make_person(people_index, "Jonas", country="DE", skills=[permaculture])

    def names(query):
        response = client.get(people_index.url, query)
        assert response.status_code == 200
        return sorted(item.title for item in response.context["items"])

    assert names({}) == ["Arta", "Jonas", "Uzina"]
    assert names({"kind": "person"}) == ["Arta", "Jonas"]
    assert names({"kind": "organisation"}) == ["Uzina"]
    assert names({"country": "AL"}) == ["Arta", "Uzina"]
    assert names({"skill": "permaculture"}) == ["Jonas", "Uzina"]
    assert names({"skill": "permaculture", "country": "DE"}) == ["Jonas"]


def test_directory_filters_by_need(client, people_index):
    space = factories.make_skill("workshop-space", "A space for workshops")
    permaculture = factories.make_skill("permaculture", "Permaculture")
    factories.make_organisation(people_index, "Uzina", needs=[space])
    factories.make_person(people_index, "Arta", needs=[permaculture])
    factories.make_person(people_index, "Jonas", skills=[space])

    def names(query):
        response = client.get(people_index.url, query)
        assert response.status_code == 200
        return sorted(item.title for item in response.context["items"])

    assert names({"need": "workshop-space"}) == ["Uzina"]
    assert names({"need": "permaculture", "kind": "person"}) == ["Arta"]
    # "Who can offer a space for workshops?" is the skill filter.
    assert names({"skill": "workshop-space"}) == ["Jonas"]
    response = client.get(people_index.url, {"need": "flying"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors["need"]
