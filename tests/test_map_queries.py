"""The community map's cost does not grow with the network: the feed and the
page run the same queries for 10 places as for 500. A module of its own, since
its network must not share a tree with the MOCI site other map tests use."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

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
        }


def grow(network, count):
    """Add places until there are ``count`` of them, of every kind."""
    have = ProjectPage.objects.count() + OrganisationPage.objects.count()
    locale = Locale.get_default()
    for n in range(have, count):
        point = str(Point(40 + (n % 50) / 10, 19 + (n // 50) / 10))
        if n % 2:
            partner = Partner.objects.create(name=f"Partner {n}", locale=locale, location=point, country="DE")
            factories.make_project(
                network["projects"],
                f"Project {n}",
                location=point,
                country="AL",
                themes=[network["theme"]],
                partners=[("partner", {"partner": partner, "role": "partner"})],
            )
        else:
            factories.make_organisation(
                network["people"], f"Organisation {n}", location=point, skills=[network["skill"]]
            )


@pytest.mark.django_db
def test_the_feed_costs_the_same_for_10_and_500_points(client, growing_network):
    counts = {}
    for size in (10, 500):
        grow(growing_network, size)
        with CaptureQueriesContext(connection) as queries:
            collection = feed(client, growing_network["map"])
        # Each project brings its partner: 10 places are 5 projects, 5 partners and 5 organisations.
        assert len(collection["features"]) == size * 3 // 2
        counts[size] = len(queries)
    # Wagtail may or may not find its site root paths cached: never more queries for more places.
    assert counts[500] <= counts[10] <= 20, counts


@pytest.mark.django_db
def test_the_map_page_costs_the_same_for_10_and_500_points(client, growing_network):
    counts = {}
    for size in (10, 500):
        grow(growing_network, size)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(growing_network["map"].url)
        assert len(response.context["places"]) == size * 3 // 2
        counts[size] = len(queries)
    assert counts[500] <= counts[10], counts
