"""The hub's calendars (hub/calendars.py), parsed back with ``icalendar``; a workshop
page's schema.org Event data and OpenGraph (hub/templatetags/hub_meta.py); the hub
in the sitemap with its alternates.

One tree for the module, in English, Albanian and German: a hub page translated
into both, workshops in Tirana on each side of the next daylight-saving change and
one in Tbilisi (which has none), an all-day one, one dated to a month only, one
long past, one that ended a month ago, and a private one."""

import datetime
import json
import re
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest

from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Locale, PageViewRestriction

from hub.calendars import RECENT_DAYS
from hub.dates import Precision
from hub.models import HubPage, WorkshopPage
from hub.templatetags.hub_meta import event_dates
from mocisite import geo
from mocisite.languages import synchronise_trees
from mocisite.pagecache import invalidate
from tests import factories
from tests.conftest import fresh, three_language_tree
from tests.queries import count_queries

UTC = datetime.UTC
LANGUAGES = ("en", "sq", "de")
TIRANA_POINT = "SRID=4326;POINT(19.8187 41.3275)"
TBILISI_POINT = "SRID=4326;POINT(44.7930 41.7151)"
TEN, FOUR = datetime.time(10), datetime.time(16)


def next_dst_change(today):
    """The next last Sunday of March or October (Tirana's clock changes) at least a week away."""
    for year in (today.year, today.year + 1):
        for month in (3, 10):
            day = datetime.date(year, month, 31)
            day -= datetime.timedelta(days=(day.weekday() + 1) % 7)
            if day > today + datetime.timedelta(days=7):
                return day
    raise AssertionError("unreachable")


def days_from_now(days):
    return (timezone.now() + datetime.timedelta(days=days)).date()


def make_workshop(hub, title, start_date, **fields):
    fields.setdefault("summary", f"{title}: a workshop.")
    return factories.add(hub, WorkshopPage(title=title, start_date=start_date, **fields))


def ten_to_four(hub, title, day, **fields):
    """A workshop on ``day`` from 10:00 to 16:00 on the place's clock."""
    return make_workshop(hub, title, day, start_time=TEN, end_time=FOUR, **fields)


@pytest.fixture(scope="module")
def hub_tree(django_db_setup, django_db_blocker):
    change = next_dst_change(timezone.now().date())
    with three_language_tree(django_db_blocker) as tree:
        hub = factories.add(tree["home"], HubPage(title="The hub on the road", slug="hub"))
        tirana = {"place_name": "Tirana", "country": "AL", "location": TIRANA_POINT, "time_zone": "Europe/Tirane"}
        tree.update(
            hub=hub,
            change=change,
            tirana_before=ten_to_four(hub, "Tirana before", change - datetime.timedelta(days=1), **tirana),
            tirana_after=ten_to_four(
                hub,
                "Tirana after",
                change + datetime.timedelta(days=1),
                image=factories.make_image("Garden"),
                image_alt_text="Raised beds in a garden",
                languages=["sq", "en"],
                **tirana,
            ),
            tbilisi=ten_to_four(
                hub,
                "Tbilisi after",
                change + datetime.timedelta(days=1),
                place_name="Tbilisi",
                country="GE",
                location=TBILISI_POINT,
                time_zone="Asia/Tbilisi",
                host=tree["organisation"],
            ),
            all_day=make_workshop(
                hub,
                "Two days in Pellumbas",
                days_from_now(20),
                end_date=days_from_now(21),
                place_name="Pellumbas",
                country="AL",
            ),
            month=make_workshop(hub, "Some day in spring", days_from_now(40), date_precision=Precision.MONTH),
            long_ago=make_workshop(hub, "Permaculture", datetime.date(2020, 10, 1), date_precision=Precision.EXACT),
            recent=make_workshop(hub, "A month ago", days_from_now(-30), place_name="Elbasan", country="AL"),
            private=make_workshop(hub, "Private rehearsal", days_from_now(12)),
        )
        PageViewRestriction.objects.create(
            page=tree["private"], restriction_type=PageViewRestriction.PASSWORD, password="a-shared-secret"
        )
        synchronise_trees()
        factories.translate(hub, "sq", title="Huba në rrugë")
        factories.translate(hub, "de", title="Der Hub unterwegs")
        factories.translate(tree["tirana_after"], "sq", title="Tirana pas", summary="Një punëtori në Tiranë.")
        factories.translate(tree["tirana_after"], "de", title="Tirana danach", summary="Ein Workshop in Tirana.")
        yield tree


@pytest.fixture
def world(hub_tree, db):
    return {**fresh({key: value for key, value in hub_tree.items() if key != "change"}), "change": hub_tree["change"]}


def version(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode(), icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


# The hub's calendar


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_hub_calendar_in_each_language(client, world, code):
    hub = version(world["hub"], code)
    _text, calendar = get_calendar(client, f"{hub.url}calendar.ics")
    found = events(calendar)
    translated = {"en": "Tirana after", "sq": "Tirana pas", "de": "Tirana danach"}[code]
    assert set(found) == {
        translated,
        "Tirana before",
        "Tbilisi after",
        "Two days in Pellumbas",
        "A month ago",
    }, "only exact days, upcoming or ended within the last days, never a private one"
    event = found[translated]
    workshop = version(world["tirana_after"], code)
    assert str(event["DESCRIPTION"]) == workshop.summary
    assert str(event["URL"]) == workshop.full_url
    assert str(event["URL"]).startswith(f"http://localhost/{code}/")
    with translation.override(code):
        assert str(event["LOCATION"]) == geo.place_label("Tirana", "AL")
    assert {"sq": "Shqipëri", "de": "Albanien", "en": "Albania"}[code] in str(event["LOCATION"])
    # One UID per workshop and language: the same whatever its title or slug.
    assert str(event["UID"]) == f"workshop-{workshop.translation_key}-{code}@localhost"
    assert event.decoded("DTSTAMP") == workshop.last_published_at.replace(microsecond=0)
    assert event.decoded("LAST-MODIFIED") == workshop.last_published_at.replace(microsecond=0)
    assert event["GEO"].latitude == pytest.approx(41.3275)
    assert event["GEO"].longitude == pytest.approx(19.8187)
    # Translated everywhere; the Tbilisi workshop is not: its English text is marked as English.
    assert "LANGUAGE" not in event["SUMMARY"].params
    untranslated = found["Tbilisi after"]
    expected = {} if code == "en" else {"LANGUAGE": "en"}
    assert dict(untranslated["SUMMARY"].params) == expected
    assert dict(untranslated["DESCRIPTION"].params) == expected


def test_uids_differ_between_languages_and_stay_across_edits(client, world):
    uids = set()
    for code in LANGUAGES:
        _text, calendar = get_calendar(client, f"{version(world['hub'], code).url}calendar.ics")
        uids.add(str(events(calendar)["Tbilisi after"]["UID"]))
    assert len(uids) == 3
    tbilisi = world["tbilisi"]
    tbilisi.title, tbilisi.slug = "Tbilisi, new title", "tbilisi-renamed"
    factories.publish(tbilisi)
    _text, calendar = get_calendar(client, f"{world['hub'].url}calendar.ics")
    assert str(events(calendar)["Tbilisi, new title"]["UID"]) in uids


def test_times_across_a_daylight_saving_change_are_the_right_instants(client, world):
    """Tirana's 10:00 is 09:00 UTC in winter and 08:00 UTC in summer; Tbilisi's is 06:00 UTC all year."""
    change = world["change"]
    text, calendar = get_calendar(client, f"{world['hub'].url}calendar.ics")
    found = events(calendar)
    before, after = change - datetime.timedelta(days=1), change + datetime.timedelta(days=1)
    winter_hour, summer_hour = 9, 8
    into_summer = change.month == 3

    def utc(day, hour):
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=UTC)

    tirana_before = found["Tirana before"]
    assert tirana_before.decoded("DTSTART").astimezone(UTC) == utc(before, winter_hour if into_summer else summer_hour)
    tirana_after = found["Tirana after"]
    assert tirana_after.decoded("DTSTART").astimezone(UTC) == utc(after, summer_hour if into_summer else winter_hour)
    assert tirana_after.decoded("DTEND").astimezone(UTC) == utc(
        after, (summer_hour if into_summer else winter_hour) + 6
    )
    tbilisi = found["Tbilisi after"]
    assert tbilisi.decoded("DTSTART").astimezone(UTC) == utc(after, 6)
    # Written on the place's clock, with the zone's rules in the calendar.
    assert f"DTSTART;TZID=Europe/Tirane:{after:%Y%m%d}T100000" in text
    assert f"DTSTART;TZID=Asia/Tbilisi:{after:%Y%m%d}T100000" in text
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/Tirane", "Asia/Tbilisi"}
    # The zone as written in the file (not the parser's own) gives the same instant.
    tirane = next(zone for zone in calendar.walk("VTIMEZONE") if str(zone["TZID"]) == "Europe/Tirane")
    offsets = {part.decoded("TZOFFSETTO") for part in tirane.walk() if "TZOFFSETTO" in part}
    assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    assert tirana_after.decoded("DTSTART").utcoffset() == ZoneInfo("Europe/Tirane").utcoffset(
        datetime.datetime.combine(after, TEN)
    )


def test_an_all_day_workshop_is_whole_days_with_an_exclusive_end(client, world):
    text, calendar = get_calendar(client, f"{world['hub'].url}calendar.ics")
    event = events(calendar)["Two days in Pellumbas"]
    first, last = days_from_now(20), days_from_now(21)
    assert event.decoded("DTSTART") == first
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
    assert event.decoded("DTEND") == last + datetime.timedelta(days=1)
    assert f"DTSTART;VALUE=DATE:{first:%Y%m%d}" in text


def test_a_stop_leaves_the_calendar_some_time_after_it_ends(client, world, monkeypatch):
    later = timezone.now() + datetime.timedelta(days=RECENT_DAYS - 20)
    monkeypatch.setattr(timezone, "now", lambda: later)
    _text, calendar = get_calendar(client, f"{world['hub'].url}calendar.ics")
    assert "A month ago" not in events(calendar)


# One workshop's calendar


def test_a_workshop_has_its_own_calendar_entry(client, world):
    for code in LANGUAGES:
        workshop = version(world["tirana_after"], code)
        _text, calendar = get_calendar(client, f"{workshop.url}calendar.ics")
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == workshop.title
        assert str(event["UID"]) == f"workshop-{workshop.translation_key}-{code}@localhost"
        assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Tirane"]


@pytest.mark.parametrize("name", ["month", "private"])
def test_no_calendar_for_a_workshop_without_a_day_or_a_private_one(client, world, name):
    for code in LANGUAGES:
        assert client.get(f"{version(world[name], code).url}calendar.ics").status_code == 404


def test_no_calendar_for_other_pages_or_addresses(client, world):
    assert client.get(f"{world['project'].url}calendar.ics").status_code == 404
    assert client.get("/en/calendar.ics").status_code == 404
    assert client.get("/en/hub/no-such-workshop/calendar.ics").status_code == 404
    assert client.get("/xx/hub/calendar.ics", follow=True).status_code == 404


# Links on the pages


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_hub_page_offers_its_calendar_and_feed(client, world, code):
    hub = version(world["hub"], code)
    html = client.get(hub.url).content.decode()
    head, body = html.split("</head>")
    with translation.override(code):
        title, subscribe = gettext("MOCI: workshops of the hub"), gettext("Subscribe to the hub's calendar")
    assert f'<link rel="alternate" type="text/calendar" title="{title}" href="{hub.full_url}calendar.ics">' in head
    assert f'<link rel="alternate" type="application/atom+xml" title="{title}" href="/{code}/feeds/workshops/">' in head
    # The plain https address, for a calendar app's "subscribe from URL".
    assert f'<a class="more" href="{hub.full_url}calendar.ics" type="text/calendar">{subscribe}</a>' in body
    assert {"en": "Subscribe", "sq": "Abonohu", "de": "abonnieren"}[code] in subscribe


def test_add_to_calendar_only_on_a_workshop_with_a_day(client, world):
    workshop = world["tirana_after"]
    assert f'href="{workshop.url}calendar.ics"' in client.get(workshop.url).content.decode()
    month = world["month"]
    assert "calendar.ics" not in client.get(month.url).content.decode()


# Search engines and link previews


def json_ld(html):
    (found,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def test_a_workshop_page_carries_schema_org_event_data(client, world):
    workshop = version(world["tirana_after"], "sq")
    html = client.get(workshop.url).content.decode()
    data = json_ld(html)
    after = world["change"] + datetime.timedelta(days=1)
    offset = "+02:00" if world["change"].month == 3 else "+01:00"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Tirana pas"
    assert data["description"] == "Një punëtori në Tiranë."
    assert data["url"] == workshop.full_url
    assert data["startDate"] == f"{after.isoformat()}T10:00:00{offset}"
    assert data["endDate"] == f"{after.isoformat()}T16:00:00{offset}"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["name"] == "Tirana, Shqipëria"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Tirana",
        "addressCountry": "AL",
    }
    assert data["location"]["geo"]["latitude"] == pytest.approx(41.3275)
    assert data["organizer"] == {"@type": "Organization", "name": "MOCI", "url": "http://localhost/sq/"}
    assert data["image"][0].startswith("http://localhost/") and data["image"][0].endswith(".jpg")
    assert data["inLanguage"] == ["sq", "en"]
    # Sign-up is free and open (no capacity): an offer in stock, in the page's language.
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["offers"]["url"] == workshop.full_url + "signup/"
    # OpenGraph beside it.
    assert '<meta property="og:title" content="Tirana pas">' in html
    assert f'<meta property="og:url" content="{workshop.full_url}">' in html
    assert '<meta property="og:locale" content="sq_AL">' in html
    assert '<meta property="og:image" content="http://localhost/' in html
    assert '<meta property="og:image:alt" content="Raised beds in a garden">' in html


def test_the_organiser_is_the_host_and_an_all_day_workshop_has_dates(client, world):
    data = json_ld(client.get(world["tbilisi"].url).content.decode())
    assert data["organizer"]["name"] == "Uzina"
    assert data["organizer"]["url"] == world["organisation"].full_url
    assert data["startDate"].endswith("T10:00:00+04:00")
    data = json_ld(client.get(world["all_day"].url).content.decode())
    assert (data["startDate"], data["endDate"]) == (days_from_now(20).isoformat(), days_from_now(21).isoformat())
    assert "image" not in data


def test_a_month_is_given_as_a_month(client, world):
    data = json_ld(client.get(world["month"].url).content.decode())
    month = days_from_now(40).strftime("%Y-%m")
    assert (data["startDate"], data["endDate"]) == (month, month)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2020, 10, 10), ("2020-09", "2020-11")),
        (datetime.date(2021, 1, 15), ("2020-12", "2021-02")),
    ],
)
def test_a_season_is_given_as_its_first_and_last_months(day, expected):
    """ISO 8601 year and month: no day is invented for a workshop dated to a season."""
    when = SimpleNamespace(
        start_date=day, end_date=None, start_time=None, end_time=None, time_zone="", date_precision=Precision.SEASON
    )
    assert event_dates(when) == expected


def test_the_event_data_cannot_be_closed_by_a_title(client, world):
    workshop = world["all_day"]
    workshop.title = "Beds </script><script>alert(1)</script> & paths"
    factories.publish(workshop)
    html = client.get(workshop.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "Beds </script><script>alert(1)</script> & paths"


def test_the_sitemap_lists_workshops_and_the_hub_with_their_alternates(client, world):
    xml = client.get("/sitemap.xml").content.decode()
    for page in (world["hub"], world["tirana_after"]):
        assert f"<loc>{page.full_url}</loc>" in xml
        for code in ("sq", "de"):
            other = version(page, code)
            assert f'hreflang="{code}" href="{other.full_url}"' in xml
    assert world["private"].full_url not in xml


# Queries


def calendar_queries(client, url):
    """(queries warm, queries on the first request after a publish)."""
    client.get(url)
    warm = count_queries(client, url)
    invalidate("test")
    return warm, count_queries(client, url)


def test_the_calendar_does_not_grow_with_the_workshops(client, world):
    hub = world["hub"]
    url = f"{hub.url}calendar.ics"
    few = calendar_queries(client, url)
    for number in range(25):
        make_workshop(
            hub,
            f"More {number}",
            days_from_now(50 + number),
            start_time=TEN,
            place_name="Tirana",
            country="AL",
            location=TIRANA_POINT,
        )
    many = calendar_queries(client, url)
    assert len(events(get_calendar(client, url)[1])) == 30
    assert few == many
    assert many[0] <= CALENDAR_WARM
    assert many[1] <= CALENDAR_PUBLISHED


# Measured when written: 2 warm (the hub page, its workshops; the route is remembered),
# 6 on the first request after a publish (the site, the home page, the route, the restrictions).
CALENDAR_WARM, CALENDAR_PUBLISHED = 2, 6


def test_the_hub_calendar_is_not_kept_while_stops_can_leave_it(client, world, settings):
    """Stops leave the calendar with time, not with a publish; one workshop's file is kept."""
    settings.MOCI_PAGE_CACHE = True
    url = f"{world['hub'].url}calendar.ics"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] != "hit"
    workshop_url = f"{world['tbilisi'].url}calendar.ics"
    client.get(workshop_url)
    assert client.get(workshop_url)["X-Page-Cache"] == "hit"
