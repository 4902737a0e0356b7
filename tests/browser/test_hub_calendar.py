"""A visitor adds a workshop to their calendar: the workshop page (with its schema.org data
block under the site's strict Content-Security-Policy) and the file Chromium downloads."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest

from django.utils import timezone

from wagtail.models import Site

from hub.models import HubPage, WorkshopPage
from tests import factories
from tests.browser.conftest import axe_check
from tests.browser.test_community_map import stub_tiles

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(event.effectiveDirective + " " + event.blockedURI);
});
"""


def test_a_visitor_adds_a_workshop_to_their_calendar(live_server, new_context, screenshot, external_requests):
    address = urlsplit(live_server.url)
    home = factories.make_home()
    Site.objects.filter(root_page=home).update(hostname=address.hostname, port=address.port)
    hub = factories.add(home, HubPage(title="The hub on the road", slug="hub"))
    day = (timezone.now() + datetime.timedelta(days=30)).date()
    workshop = factories.add(
        hub,
        WorkshopPage(
            title="Seed saving </script> in Tirana",
            summary="Jars, labels and a seed library.",
            start_date=day,
            start_time=datetime.time(10),
            end_time=datetime.time(16),
            time_zone="Europe/Tirane",
            place_name="Tirana",
            country="AL",
            location="SRID=4326;POINT(19.8187 41.3275)",
        ),
    )

    violations = []
    context = new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    stub_tiles(context)  # the hub page's route map draws its tiles once it is scrolled to
    context.expose_binding("reportCspViolation", lambda source, violation: violations.append(violation))
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.goto(live_server.url + workshop.url)
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "Event"
    assert data["name"] == "Seed saving </script> in Tirana"
    assert data["location"]["name"] == "Tirana, Albania"
    axe_check(page)
    screenshot(page, "workshop-add-to-calendar-phone.png")

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Seed saving </script> in Tirana"
    assert event.decoded("DTSTART") == datetime.datetime.combine(
        day, datetime.time(10), tzinfo=ZoneInfo("Europe/Tirane")
    )

    page.goto(live_server.url + hub.url)
    subscribe = page.get_by_role("link", name="Subscribe to the hub's calendar")
    assert subscribe.get_attribute("href") == f"{live_server.url}{hub.url}calendar.ics"
    screenshot(page, "hub-subscribe-phone.png")
    axe_check(page)
    assert violations == []
    assert external_requests == []
