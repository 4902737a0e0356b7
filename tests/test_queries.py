"""Listings take the same number of queries whatever the number of items, and no
more than they were measured to take plus ``MARGIN``.

Each listing is counted with ``FEW`` items (fewer cards than a page holds) and with
``MANY`` (a full page and more): one query more per card (an N+1) makes the two
counts differ, and breaks the budget. The budgets are the counts measured when they
were set; when a change really makes a listing cheaper or dearer, measure again."""

import pytest

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from mocisite.pagecache import invalidate
from people.models import OrganisationPage, PersonPage
from projects.models import ProjectPage
from tests import factories
from tests.queries import count_queries

MARGIN = 2
FEW, MANY = 2, 30
# Queries measured when the budgets were set.
PROJECT_INDEX = 7
DIRECTORY = 8
HOME = {"warm": 1, "published": 14, "unremembered": 18}


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


@pytest.fixture
def themed(project_index):
    return [factories.make_theme("environment", "Environment"), factories.make_theme("culture", "Culture")]


def project_index_queries(client, index, themed, image, count, query=None):
    add_projects(index, count, themed, image)
    client.get(index.url, query or {})  # renditions are generated once, on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(index.url, query or {})
    assert response.status_code == 200
    assert len(response.context["projects"]) == min(count, 12)
    return len(queries)


@pytest.mark.parametrize("query", [{}, {"theme": "environment"}], ids=["all", "one theme"])
def test_project_index_same_queries_for_few_and_many(client, project_index, themed, query):
    image = factories.make_image()
    few = project_index_queries(client, project_index, themed, image, FEW, query)
    many = project_index_queries(client, project_index, themed, image, MANY - FEW, query)
    assert few == many, f"{few} queries with {FEW} projects, {many} with {MANY}"
    assert many <= PROJECT_INDEX + MARGIN, f"{many} queries; measured {PROJECT_INDEX}, margin {MARGIN}"


def test_directory_same_queries_for_few_and_many(client, people_index):
    skill = factories.make_skill()
    image = factories.make_image()

    def add(count, start):
        for number in range(start, start + count):
            model = PersonPage if number % 2 else OrganisationPage
            page = model(title=f"Profile {number:03}", country="AL", photo=image)
            people_index.add_child(instance=page)
            page.skills.set([skill])
            page.save()

    add(FEW, 0)
    client.get(people_index.url)
    few = count_queries(client, people_index.url)
    add(MANY - FEW, FEW)
    client.get(people_index.url)
    many = count_queries(client, people_index.url)
    assert few == many, f"{few} queries with {FEW} profiles, {many} with {MANY}"
    assert many <= DIRECTORY + MARGIN, f"{many} queries; measured {DIRECTORY}, margin {MARGIN}"


def test_home_page_query_count(client, project_index, themed):
    """Warm, on the first request after a publish, and with nothing remembered."""
    add_projects(project_index, 20, themed, factories.make_image())
    factories.make_principles(project_index.get_parent())
    client.get("/en/")
    found = {"warm": count_queries(client, "/en/")}
    invalidate("a publish")
    found["published"] = count_queries(client, "/en/")
    with override_settings(MOCI_REMEMBER_PARTS=False):
        found["unremembered"] = count_queries(client, "/en/")
    over = {mode: count for mode, count in found.items() if count > HOME[mode] + MARGIN}
    assert not over, f"{found}; measured {HOME}, margin {MARGIN}"
