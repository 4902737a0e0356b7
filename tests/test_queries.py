"""Listings take a bounded number of queries, whatever the number of items."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import OrganisationPage, PersonPage
from projects.models import ProjectPage
from tests import factories


def add_projects(index, count, themes, image):
    for number in range(count):
        page = ProjectPage(
            title=f"Project {number}",
            summary="A project.",
            country="AL",
            image=image if number % 2 else None,
        )
        index.add_child(instance=page)
        page.themes.set(themes)
        page.save()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def themed(project_index):
    return [factories.make_theme("environment", "Environment"), factories.make_theme("culture", "Culture")]


@pytest.mark.parametrize("count", [10, 100])
def test_project_index_query_count_does_not_grow(client, project_index, themed, count, django_assert_max_num_queries):
    add_projects(project_index, count, themed, factories.make_image())
    client.get(project_index.url)  # renditions are generated once, on the first view
    with django_assert_max_num_queries(20):
        response = client.get(project_index.url, {"theme": "environment"})
    assert response.status_code == 200
    assert len(response.context["projects"]) == min(count, 12)


def test_project_index_same_queries_at_10_and_100(client, project_index, themed):
    image = factories.make_image()
    add_projects(project_index, 10, themed, image)
    client.get(project_index.url)
    small = count_queries(client, project_index.url)
    add_projects(project_index, 90, themed, image)
    client.get(project_index.url)
    assert count_queries(client, project_index.url) == small


def test_directory_same_queries_at_10_and_100(client, people_index):
    skill = factories.make_skill()
    image = factories.make_image()

    def add(count, start):
        for number in range(start, start + count):
            model = PersonPage if number % 2 else OrganisationPage
            page = model(title=f"Profile {number:03}", country="AL", photo=image)
            people_index.add_child(instance=page)
            page.skills.set([skill])
            page.save()

    add(10, 0)
    client.get(people_index.url)
    small = count_queries(client, people_index.url)
    add(90, 10)
    client.get(people_index.url)
    assert count_queries(client, people_index.url) == small


def test_home_page_query_count(client, project_index, themed):
    add_projects(project_index, 20, themed, factories.make_image())
    factories.make_principles(project_index.get_parent())
    client.get("/en/")
    assert count_queries(client, "/en/") <= 20
