"""The workshop sign-up on a phone, in English and Albanian: the box on the workshop
page and the form fit a 390 px screen, are labelled, and pass axe. (The whole journey,
with the secretariat and the waiting list, is another test's.)"""

import datetime

import pytest
from playwright.sync_api import expect

from django.core.cache import cache
from django.utils import timezone

from hub.models import HubPage, WorkshopPage
from mocisite.languages import ensure_locales, synchronise_trees
from tests import factories
from tests.browser.conftest import axe_check

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def workshop(live_server):
    cache.clear()
    home = factories.make_home()
    hub = factories.add(home, HubPage(title="The hub on the road", slug="hub"))
    page = factories.add(
        hub,
        WorkshopPage(
            title="Permaculture and sustainable gardening",
            summary="Two days of gardening together.",
            start_date=(timezone.now() + datetime.timedelta(days=30)).date(),
            start_time=datetime.time(10),
            end_time=datetime.time(16),
            time_zone="Europe/Tirane",
            place_name="Pellumbas",
            country="AL",
            capacity=12,
        ),
    )
    ensure_locales()
    synchronise_trees()
    return page


def fits_the_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


@pytest.mark.parametrize(
    ("language", "sign_up", "submit"),
    [("en", "Sign up for this workshop", "Sign up"), ("sq", "Regjistrohuni për këtë punëtori", "Regjistrohuni")],
)
def test_the_sign_up_fits_a_phone(workshop, live_server, new_context, screenshot, language, sign_up, submit):
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/hub/{workshop.slug}/")
    expect(page.get_by_role("status")).to_contain_text("12")
    fits_the_phone(page)
    screenshot(page, f"workshop-signup-box-{language}-phone.png")
    page.get_by_role("link", name=sign_up).click()
    expect(page.get_by_role("button", name=submit, exact=True)).to_be_visible()
    for field in ("name", "email", "organisation", "consent"):
        expect(page.locator(f"#id_{field}")).to_be_visible()
    fits_the_phone(page)
    axe_check(page)
    screenshot(page, f"workshop-signup-form-{language}-phone.png")
