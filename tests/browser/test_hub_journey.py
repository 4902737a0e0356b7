"""Issue 17, item 9: the hub's whole journey in a browser.

The secretariat adds two upcoming workshops in two towns through the admin; the hub
page shows the next stop and the route in English and Albanian; a visitor takes the
only place of the first workshop, a second visitor goes on its waiting list and moves
up, with an e-mail, when the first cancels through the link in hers; the secretariat
downloads the list as CSV."""

import csv
import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from hub.models import HubPage, WorkshopPage
from hub.signups import Status, WorkshopSignup
from mocisite.roles import SECRETARIAT
from tests.browser.admin import log_in
from tests.browser.conftest import axe_check
from tests.browser.test_community_map import stub_tiles

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PASSWORD = "correct horse battery"
BERAT = "Seed saving in Berat"
KORCA = "Repair café in Korçë"
FIRST = ("Besa Kola", "besa@example.al")
SECOND = ("Drita Leka", "drita@example.al")


def in_days(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def add_workshop(page, base_url, hub_id, title, *, day, place, point, capacity=""):
    page.goto(f"{base_url}/admin/pages/add/hub/workshoppage/{hub_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill(f"{title}: a day of learning by doing.")
    page.locator("#id_start_date").fill(day)
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("16:00")
    page.locator("#id_time_zone").select_option("Europe/Tirane")
    page.locator("#id_place_name").fill(place)
    page.locator("#id_country").select_option("AL")
    page.locator("#id_location_latlng").fill(point)
    page.locator("#id_capacity").fill(str(capacity))
    page.locator("#id_languages").get_by_label("Shqip").check()
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{title}' created and published.")


def link_in(message, kind):
    """The path of the link of ``kind`` (confirm, workshop/cancel) in a mail."""
    return re.search(rf"https?://[^/\s]+(/\w+/connect/{kind}/\S+/)", message.body).group(1)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def sign_up(context, base_url, workshop_url, person):
    """Fill the form on a phone, then press the button behind the e-mail's link."""
    name, email = person
    page = context.new_page()
    page.goto(base_url + workshop_url)
    page.locator(".signup").get_by_role("link").click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your e-mail address").fill(email)
    page.get_by_role("checkbox").check()
    page.locator("form").get_by_role("button").click()
    expect(page.get_by_role("status")).to_contain_text(email)
    page.goto(base_url + link_in(mails_to(email)[-1], "confirm"))
    page.get_by_role("button", name="Confirm my sign-up").click()
    return page


@pytest.mark.usefixtures("fresh_counts")  # Playwright types faster than people
def test_the_secretariat_plans_two_stops_and_visitors_sign_up_with_a_waiting_list(
    moci_site, new_context, screenshot, external_requests
):
    secretary = get_user_model().objects.create_user("arta", "arta@moci.example", PASSWORD)
    secretary.groups.add(Group.objects.get(name=SECRETARIAT))
    hub = HubPage.objects.get(locale__language_code="en")

    # 1. The secretariat adds two upcoming workshops, in Berat and Korçë.
    admin_context = new_context(viewport={"width": 1280, "height": 900})
    stub_tiles(admin_context)
    admin = admin_context.new_page()
    # The place field looks the town up on the configured geocoder: here it is out of reach,
    # and the secretariat types the point under the map instead.
    lookups = []
    admin.route(
        lambda url: urlsplit(url).hostname == "nominatim.openstreetmap.org",
        lambda route: (lookups.append(route.request.url), route.abort("failed")),
    )
    log_in(admin, moci_site.url, "arta", PASSWORD)
    add_workshop(
        admin, moci_site.url, hub.pk, BERAT, day=in_days(20), place="Berat", point="40.7058,19.9522", capacity=1
    )
    add_workshop(admin, moci_site.url, hub.pk, KORCA, day=in_days(40), place="Korçë", point="40.6186,20.7808")
    berat = WorkshopPage.objects.get(title=BERAT, locale__language_code="en")
    assert berat.capacity == 1 and berat.live and berat.languages == ["sq"]
    assert berat.starts_at.astimezone(datetime.UTC).hour in (8, 9)  # 10:00 in Tirana, winter or summer

    # 2. The hub page: the next stop first, then the other, and the route, in English and Albanian.
    for language in ("en", "sq"):
        visitor = new_context(**PHONE)
        stub_tiles(visitor)
        page = visitor.new_page()
        page.goto(f"{moci_site.url}/{language}/hub/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        main = page.locator("main")
        expect(main).to_contain_text(BERAT)
        expect(main).to_contain_text(KORCA)
        text = main.inner_text()
        assert text.index(BERAT) < text.index(KORCA), "the next stop is not first"
        # The route: the seeded past stop (Pellumbas, 2020), then Berat, then Korçë, joined by a line.
        stops = page.locator("ol.route-stops > li")
        expect(stops).to_have_count(3)
        assert "route-stop--past" in stops.nth(0).get_attribute("class")
        expect(stops.nth(1)).to_contain_text(BERAT)
        expect(stops.nth(2)).to_contain_text(KORCA)
        page.locator("#route-map").scroll_into_view_if_needed()
        expect(page.locator("#route-map .leaflet-marker-icon.route-pin")).to_have_count(3)
        expect(page.locator("#route-map path.route-line")).to_have_count(2)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"/{language}/hub/ is {width}px wide on a 390px phone"
        axe_check(page)
        screenshot(page, f"hub-journey-{language}-phone.png")
        visitor.close()

    # 3. The first visitor takes the only place; the second goes on the waiting list.
    first_context = new_context(**PHONE)
    done = sign_up(first_context, moci_site.url, berat.url, FIRST)
    expect(done.get_by_role("status")).to_contain_text("You have a place")
    second_context = new_context(**PHONE)
    waiting = sign_up(second_context, moci_site.url, berat.url, SECOND)
    expect(waiting.get_by_role("status")).to_contain_text("number 1 on the waiting list")
    screenshot(waiting, "hub-journey-waiting-phone.png")
    assert WorkshopSignup.objects.get(email=SECOND[1]).status == Status.WAITING

    # 4. The first cancels through the link in her e-mail; the second moves up and is told.
    cancel = first_context.new_page()
    cancel.goto(moci_site.url + link_in(mails_to(FIRST[1])[-1], "workshop/cancel"))
    cancel.get_by_role("button", name="Cancel my sign-up").click()
    expect(cancel.get_by_role("status")).to_contain_text("is cancelled")
    assert WorkshopSignup.objects.get(email=SECOND[1]).status == Status.CONFIRMED
    moved_up = mails_to(SECOND[1])[-1]
    assert moved_up.subject.startswith("A place is free for you")

    # 5. The secretariat downloads the list as CSV.
    admin.goto(moci_site.url + "/admin/")
    admin.get_by_role("link", name="Workshop sign-ups").click()
    expect(admin.locator("main")).to_contain_text(SECOND[0])
    # Wagtail's listing keeps its downloads in the header's "Actions" menu.
    admin.locator("header").get_by_role("button", name="Actions").click()
    with admin.expect_download() as download:
        admin.get_by_role("link", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {FIRST[0], SECOND[0]}
    assert by_name[SECOND[0]]["E-mail address"] == SECOND[1]
    assert external_requests == [], f"the site asked other hosts for: {external_requests}"
