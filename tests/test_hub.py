"""The travelling hub: workshops, their dates in the visitor's language and the place's zone,
the hub page's next stop, upcoming and past, and its queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from hub import dates
from hub.dates import Precision
from hub.models import HubPage, WorkshopPage
from tests import factories
from tests.queries import count_queries

UTC = datetime.UTC


def make_hub(home):
    return factories.add(home, HubPage(title="The hub on the road", slug="hub", how_to_invite="Write to us."))


def make_workshop(hub, title, start_date, **fields):
    return factories.add(hub, WorkshopPage(title=title, summary="A workshop.", start_date=start_date, **fields))


@pytest.fixture
def hub(home):
    return make_hub(home)


# Dates


@pytest.mark.parametrize(
    ("day", "english", "albanian"),
    [
        (datetime.date(2020, 10, 10), "Autumn 2020", "Vjeshtë 2020"),
        (datetime.date(2020, 9, 1), "Autumn 2020", "Vjeshtë 2020"),
        (datetime.date(2021, 1, 15), "Winter 2020/21", "Dimër 2020/21"),
        (datetime.date(2020, 12, 1), "Winter 2020/21", "Dimër 2020/21"),
        (datetime.date(2021, 5, 31), "Spring 2021", "Pranverë 2021"),
    ],
)
def test_a_season_in_the_visitors_language(day, english, albanian):
    with translation.override("en"):
        assert dates.describe(day, precision=Precision.SEASON) == english
    with translation.override("sq"):
        assert dates.describe(day, precision=Precision.SEASON) == albanian


def test_a_month_in_the_visitors_language():
    day = datetime.date(2020, 10, 17)
    with translation.override("en"):
        assert dates.describe(day, precision=Precision.MONTH) == "October 2020"
    with translation.override("de"):
        assert dates.describe(day, precision=Precision.MONTH) == "Oktober 2020"


def test_a_day_with_times_in_the_places_zone():
    with translation.override("en"):
        text = dates.describe(
            datetime.date(2020, 10, 10), datetime.time(10), None, datetime.time(16), Precision.EXACT, "Europe/Tirane"
        )
    assert text == "Saturday 10 October 2020, 10:00–16:00 (Tirana time)"
    with translation.override("sq"):
        text = dates.describe(
            datetime.date(2020, 10, 10), datetime.time(10), None, datetime.time(16), Precision.EXACT, "Europe/Tirane"
        )
    assert "10:00–16:00" in text
    assert "Tirana time" not in text


def test_periods_of_a_month_and_a_season():
    assert dates.period(datetime.date(2020, 10, 17), Precision.MONTH) == (
        datetime.date(2020, 10, 1),
        datetime.date(2020, 11, 1),
    )
    assert dates.period(datetime.date(2020, 12, 17), Precision.MONTH)[1] == datetime.date(2021, 1, 1)
    assert dates.period(datetime.date(2021, 2, 3), Precision.SEASON) == (
        datetime.date(2020, 12, 1),
        datetime.date(2021, 3, 1),
    )


def test_tbilisi_and_tirana_across_a_daylight_saving_change(hub):
    """Tirana leaves summer time on 25 October 2020; Tbilisi has none (UTC+4 all year).
    10:00 on each place's clock is a different instant before and after the change."""
    before = datetime.date(2020, 10, 24)
    after = datetime.date(2020, 10, 26)
    ten, four = datetime.time(10), datetime.time(16)
    common = {"start_time": ten, "end_time": four}
    tirana_before = make_workshop(hub, "Tirana before", before, time_zone="Europe/Tirane", **common)
    tirana_after = make_workshop(hub, "Tirana after", after, time_zone="Europe/Tirane", **common)
    tbilisi_before = make_workshop(hub, "Tbilisi before", before, time_zone="Asia/Tbilisi", **common)
    tbilisi_after = make_workshop(hub, "Tbilisi after", after, time_zone="Asia/Tbilisi", **common)

    assert tirana_before.starts_at == datetime.datetime(2020, 10, 24, 8, tzinfo=UTC)
    assert tirana_after.starts_at == datetime.datetime(2020, 10, 26, 9, tzinfo=UTC)
    assert tbilisi_before.starts_at == datetime.datetime(2020, 10, 24, 6, tzinfo=UTC)
    assert tbilisi_after.starts_at == datetime.datetime(2020, 10, 26, 6, tzinfo=UTC)
    assert tirana_after.ends_at == datetime.datetime(2020, 10, 26, 15, tzinfo=UTC)
    # Read back from the database, the instants are the same.
    stored = WorkshopPage.objects.get(pk=tirana_after.pk)
    assert stored.starts_at.astimezone(ZoneInfo("Europe/Tirane")).hour == 10
    with translation.override("en"):
        assert tirana_after.when == "Monday 26 October 2020, 10:00–16:00 (Tirana time)"
        assert tbilisi_after.when == "Monday 26 October 2020, 10:00–16:00 (Tbilisi time)"
    # In time order, Tbilisi's morning comes before Tirana's.
    order = list(WorkshopPage.objects.order_by("starts_at").values_list("title", flat=True))
    assert order == ["Tbilisi before", "Tirana before", "Tbilisi after", "Tirana after"]


def test_a_season_workshop_is_over_when_the_season_is(hub):
    workshop = make_workshop(hub, "Permaculture", datetime.date(2020, 10, 1), date_precision=Precision.SEASON)
    assert workshop.exact is False
    assert workshop.starts_at == datetime.datetime(2020, 9, 1, tzinfo=ZoneInfo("Europe/Tirane"))
    assert workshop.ends_at == datetime.datetime(2020, 12, 1, tzinfo=ZoneInfo("Europe/Tirane"))
    assert workshop.is_past(datetime.datetime(2020, 11, 30, 22, tzinfo=UTC)) is False
    assert workshop.is_past(datetime.datetime(2020, 11, 30, 23, 1, tzinfo=UTC)) is True


# Validation


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_date": datetime.date(2020, 10, 9)}, "end_date"),
        ({"start_time": datetime.time(16), "end_time": datetime.time(10)}, "end_time"),
        ({"date_precision": Precision.SEASON, "start_time": datetime.time(10)}, "date_precision"),
        ({"date_precision": Precision.MONTH, "end_time": datetime.time(10)}, "date_precision"),
        ({"end_time": datetime.time(10)}, "start_time"),
    ],
)
def test_dates_that_cannot_be(hub, fields, field):
    workshop = WorkshopPage(title="W", summary="S", start_date=datetime.date(2020, 10, 10), **fields)
    with pytest.raises(ValidationError) as error:
        workshop.clean()
    assert field in error.value.message_dict


def test_a_workshop_over_two_days_may_end_earlier_in_the_day(hub):
    workshop = WorkshopPage(
        title="W",
        summary="S",
        start_date=datetime.date(2020, 10, 10),
        end_date=datetime.date(2020, 10, 11),
        start_time=datetime.time(16),
        end_time=datetime.time(10),
    )
    workshop.clean()


# The hub page


def days_from_now(days):
    return (timezone.now() + datetime.timedelta(days=days)).date()


def test_no_dates_announced_yet(client, hub):
    response = client.get(hub.url)
    assert response.status_code == 200
    assert b"No dates announced yet" in response.content
    assert b"Write to us." in response.content


def test_the_next_stop_first_then_upcoming_then_the_archive_by_year(client, hub):
    make_workshop(hub, "Later exact", days_from_now(60))
    make_workshop(hub, "Next exact", days_from_now(10))
    make_workshop(hub, "Some month", days_from_now(40), date_precision=Precision.MONTH)
    make_workshop(hub, "Long ago", datetime.date(2020, 10, 1), date_precision=Precision.SEASON)
    make_workshop(hub, "Last year", datetime.date(2024, 5, 4))
    response = client.get(hub.url)
    assert response.context["next_stop"].title == "Next exact"
    assert [page.title for page in response.context["upcoming"]] == ["Later exact", "Some month"]
    assert [page.title for page in response.context["past"]] == ["Last year", "Long ago"]
    html = response.content.decode()
    assert "No dates announced yet" not in html
    assert html.index("Next exact") < html.index("Later exact") < html.index("Some month") < html.index("Last year")
    assert "<h3>2020</h3>" in html
    assert "Autumn 2020" in html


def test_a_workshop_moves_to_the_archive_when_it_ends(client, hub, monkeypatch, settings):
    """With the page cache on and nothing published in between."""
    settings.MOCI_PAGE_CACHE = True
    make_workshop(hub, "Soon", days_from_now(3))
    first = client.get(hub.url)
    assert first.context["next_stop"].title == "Soon"
    assert first["X-Page-Cache"] != "hit"
    later = timezone.now() + datetime.timedelta(days=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.get(hub.url)
    assert response["X-Page-Cache"] != "hit"
    assert response.context["next_stop"] is None
    assert [page.title for page in response.context["past"]] == ["Soon"]


def test_with_nothing_upcoming_the_hub_page_is_cached(client, hub, settings):
    settings.MOCI_PAGE_CACHE = True
    make_workshop(hub, "Long ago", datetime.date(2020, 10, 1), date_precision=Precision.SEASON)
    assert client.get(hub.url)["X-Page-Cache"] == "miss"
    assert client.get(hub.url)["X-Page-Cache"] == "hit"


def test_the_archive_is_paginated(client, hub):
    for number in range(14):
        make_workshop(hub, f"Old {number}", datetime.date(2019, 1, 1) + datetime.timedelta(days=number))
    assert len(client.get(hub.url).context["past"]) == 12
    assert len(client.get(hub.url, {"page": 2}).context["past"]) == 2
    assert client.get(hub.url, {"page": 3}).status_code == 404


def hub_queries(client, hub, count):
    image = factories.make_image()
    theme = factories.make_theme()
    for number in range(count):
        when = days_from_now(5 + number) if number % 2 else datetime.date(2019, 1, 1) + datetime.timedelta(days=number)
        page = WorkshopPage(
            title=f"Workshop {number}",
            summary="A workshop.",
            start_date=when,
            image=image if number % 3 else None,
            country="AL",
            place_name="Pellumbas",
        )
        hub.add_child(instance=page)
        page.themes.set([theme])
        factories.publish(page)
    from mocisite.pagecache import invalidate

    client.get(hub.url)  # renditions are generated once, on the first view
    warm = count_queries(client, hub.url)
    invalidate("test")  # the first view after a publish
    return warm, count_queries(client, hub.url)


# Measured when written: 8 on the warm path, 16 on the first view after a publish;
# one more on each since the route (its stops in one query).
HUB_WARM, HUB_PUBLISHED = 9, 17


def test_the_hub_page_queries_do_not_grow_with_the_workshops(client, home):
    few = hub_queries(client, make_hub(home), 3)
    many = hub_queries(client, factories.add(home, HubPage(title="Second hub", slug="hub-2")), 30)
    assert few == many
    assert many[0] <= HUB_WARM
    assert many[1] <= HUB_PUBLISHED


def test_the_workshop_page_shows_its_facts(client, hub, people_index):
    host = factories.make_organisation(people_index, "Hosts of Pellumbas")
    project = factories.make_project(factories.make_project_index(hub.get_parent()), "Permaculture in Pellumbas")
    workshop = make_workshop(
        hub,
        "Permaculture days",
        datetime.date(2020, 10, 1),
        date_precision=Precision.SEASON,
        host=host,
        languages=["sq", "en"],
        place_name="Pellumbas",
        country="AL",
    )
    workshop.related_projects.set([project])
    workshop.skills.set([factories.make_skill()])
    factories.publish(workshop)
    response = client.get(workshop.url)
    html = response.content.decode()
    assert "Autumn 2020" in html
    assert "Hosts of Pellumbas" in html and host.url in html
    assert '<span lang="sq">Shqip</span>' in html
    assert project.url in html
    assert "Permaculture" in html


class TestTreeRules(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedSubpageTypes(HubPage, {WorkshopPage})
        self.assertAllowedSubpageTypes(WorkshopPage, {})
        self.assertAllowedParentPageTypes(HubPage, {HomePage})
        self.assertAllowedParentPageTypes(WorkshopPage, {HubPage})
        self.assertCanCreateAt(HomePage, HubPage)
