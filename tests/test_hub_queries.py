"""The hub page and a workshop page stay within the query budget (at most 10 on the
warm path) and cost the same with 10 workshops as with 500, warm and on the first
view after a publish. The workshops are added in bulk (seed/tree_writer.py), as the
site-wide budgets (tests/test_query_budget.py) grow theirs."""

import datetime

import pytest

from django.utils import timezone

from hub.models import HubPage, WorkshopPage
from mocisite.geo import Point
from mocisite.pagecache import invalidate
from seed.tree_writer import TreeWriter
from tests import factories
from tests.queries import count_queries

SMALL, LARGE = 10, 500
LIMIT = 10  # the budget for the warm path
# Measured when written (2026-12-06), the same at both sizes: {page: (warm, published)}.
BUDGETS = {"hub": (9, 17), "workshop": (9, 17)}
MARGIN = 1


@pytest.fixture
def hub_tree(home, people_index):
    hub = factories.add(home, HubPage(title="The hub on the road", slug="hub", how_to_invite="Write to us."))
    host = factories.make_organisation(people_index, "Hosts of Tirana")
    project = factories.make_project(factories.make_project_index(home), "Permaculture in Pellumbas")
    workshop = factories.add(
        hub,
        WorkshopPage(
            title="The workshop measured",
            summary="A workshop.",
            start_date=datetime.date(2020, 10, 1),
            date_precision="season",
            host=host,
            languages=["sq", "en"],
            place_name="Pellumbas",
            country="AL",
            location=str(Point(41.2183, 19.8864)),
        ),
    )
    workshop.related_projects.set([project])
    workshop.themes.set([factories.make_theme()])
    workshop.skills.set([factories.make_skill()])
    factories.publish(workshop)
    return {"hub": hub, "workshop": workshop, "image": factories.make_image(), "theme": factories.make_theme("t2")}


def grow(tree, count):
    """Workshops until there are ``count`` under the hub: half of them past, half
    upcoming, each with a point, some with an image."""
    hub = tree["hub"]
    have = WorkshopPage.objects.child_of(hub).count()
    today = timezone.now().date()
    with TreeWriter(hub.locale) as writer:
        for n in range(have, count):
            days = datetime.timedelta(days=3 + n)
            writer.add(
                hub,
                WorkshopPage(
                    title=f"Workshop {n}",
                    slug=f"workshop-{n}",
                    summary="A workshop on the road.",
                    start_date=today + days if n % 2 else today - days,
                    image=tree["image"] if n % 3 else None,
                    place_name="Tirana",
                    country="AL",
                    location=str(Point(40 + (n % 50) / 10, 19 + (n // 50) / 10)),
                ),
                themes=[tree["theme"]],
            )


def measure(client, url):
    client.get(url)  # renditions and the remembered parts, once
    warm = count_queries(client, url)
    invalidate("a publish")
    return warm, count_queries(client, url)


def test_the_hub_and_a_workshop_cost_the_same_for_10_and_500_workshops(client, hub_tree):
    found = {}
    for size in (SMALL, LARGE):
        grow(hub_tree, size)
        assert WorkshopPage.objects.child_of(hub_tree["hub"]).live().count() == size
        response = client.get(hub_tree["hub"].url)
        assert len(response.context["stops"]) == size
        found[size] = {
            "hub": measure(client, hub_tree["hub"].url),
            "workshop": measure(client, hub_tree["workshop"].url),
        }
    assert found[SMALL] == found[LARGE], found
    for page, (warm, published) in found[LARGE].items():
        assert warm <= LIMIT, (page, warm)
        budget = BUDGETS[page]
        assert warm <= budget[0] + MARGIN and published <= budget[1] + MARGIN, (page, found[LARGE], budget)


def test_where_the_hub_is_next_costs_the_home_page_nothing_warm_and_one_query_cold(client, hub_tree):
    """The home page's warm path is its page look-up alone (tests/test_queries.py): where
    the hub is next is remembered until it changes or something is published."""
    grow(hub_tree, SMALL)
    warm, published = measure(client, "/en/")
    with_hub = client.get("/en/")
    assert with_hub.context["hub_next"] is not None
    HubPage.objects.filter(pk=hub_tree["hub"].pk).update(live=False)
    invalidate("the hub unpublished")
    warm_without, published_without = measure(client, "/en/")
    assert warm == warm_without
    assert published == published_without + 1
