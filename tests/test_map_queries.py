"""The community map's cost does not grow with the network: the feed and the
page run the same queries for 10 places as for 500. A module of its own, since
its network must not share a tree with the MOCI site other map tests use."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from hub.models import HubPage, WorkshopPage
from mocisite.geo import Point
from people.models import OrganisationPage
from projects.models import Partner, ProjectPage
from tests import factories
from tests.conftest import module_data


def feed(client, page):
    response = client.get(f"{page.url}geojson/")
    assert response.status_code == 200
    return response.json()


@pytest.fixture(scope="module")
def growing_network(django_db_setup, django_db_blocker):
    """A map page, then projects, organisations, people and partners added in steps."""
    with module_data(django_db_blocker):
        home = factories.make_home()
        yield {
            "map": factories.make_community_map(home),
            "projects": factories.make_project_index(home),
            "people": factories.make_people_index(home),
            "theme": factories.make_theme(),
            "skill": factories.make_skill(),
            "hub": factories.add(home, HubPage(title="The hub", slug="hub")),
        }


def grow(network, count):
    """Add places until there are ``count`` of them, of every kind: live pages
    added straight to the tree (no revisions, which the map never reads)."""
    have = ProjectPage.objects.count() + OrganisationPage.objects.count()
    locale = Locale.get_default()
    for n in range(have, count):
        point = str(Point(40 + (n % 50) / 10, 19 + (n // 50) / 10))
        if n % 2:
            partner = Partner.objects.create(name=f"Partner {n}", locale=locale, location=point, country="DE")
            project = ProjectPage(
                title=f"Project {n}",
                summary="A project on the map.",
                location=point,
                country="AL",
                partners=[("partner", {"partner": partner, "role": "partner"})],
            )
            project.themes = [network["theme"]]
            network["projects"].add_child(instance=project)
        else:
            organisation = OrganisationPage(title=f"Organisation {n}", location=point)
            organisation.skills = [network["skill"]]
            network["people"].add_child(instance=organisation)
        if n % 5 == 0:
            # A workshop for every fifth place, upcoming and past in turn.
            days = datetime.timedelta(days=n + 1)
            start = datetime.date.today() + (days if n % 10 else -days)
            workshop = WorkshopPage(title=f"Workshop {n}", summary="A stop.", start_date=start, location=point)
            network["hub"].add_child(instance=workshop)


def expected_places(size):
    """Each project brings its partner: 10 places are 5 projects, 5 partners and 5
    organisations; and a workshop for every fifth."""
    return size * 3 // 2 + WorkshopPage.objects.count()


@pytest.mark.django_db
def test_the_feed_and_the_page_cost_the_same_for_10_and_500_points(client, growing_network):
    feed_queries, page_queries = {}, {}
    for size in (10, 500):
        grow(growing_network, size)
        with CaptureQueriesContext(connection) as queries:
            collection = feed(client, growing_network["map"])
        assert len(collection["features"]) == expected_places(size)
        assert {feature["properties"]["kind"] for feature in collection["features"]} == {
            "project",
            "partner",
            "organisation",
            "workshop",
        }
        feed_queries[size] = len(queries)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(growing_network["map"].url)
        assert len(response.context["places"]) == expected_places(size)
        page_queries[size] = len(queries)
    # Wagtail may or may not find its site root paths cached: never more queries for more places.
    assert feed_queries[500] <= feed_queries[10] <= 20, feed_queries
    assert page_queries[500] <= page_queries[10], page_queries
