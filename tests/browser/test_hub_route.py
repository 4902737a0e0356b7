"""The hub's route on the hub page: the stops in date order joined by a line, the
past ones muted, each marker labelled and opening a popup that links to its
workshop; Leaflet fetched only when the map scrolls into view; tiles from a local
stub, nothing else leaving the machine. Phone screenshots in three languages.
(A file of its own beside the sign-up's browser tests of the hub.)"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import Locale

from hub.models import HubPage, WorkshopPage
from mocisite.geo import Point
from mocisite.languages import synchronise_trees
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_community_map import stub_tiles

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The seeded workshop (Pellumbas, autumn 2020) and these, in date order.
STOPS = [
    ("Permaculture and sustainable gardening in Pellumbas", True),
    ("Repair café in Korçë", True),
    ("Storytelling for change in Tirana", False),
    ("Radio makers in Shkodër", False),
]


@pytest.fixture
def route_site(moci_site):
    hub = HubPage.objects.get(locale=Locale.get_default())
    today = timezone.now().date()
    for title, slug, day, place, point in [
        (
            "Radio makers in Shkodër",
            "radio-shkoder",
            today + datetime.timedelta(days=40),
            "Shkodër",
            (42.0683, 19.5126),
        ),
        ("Repair café in Korçë", "repair-korce", datetime.date(2024, 5, 4), "Korçë", (40.6186, 20.7808)),
        (
            "Storytelling for change in Tirana",
            "stories-tirana",
            today + datetime.timedelta(days=12),
            "Tirana",
            (41.3275, 19.8187),
        ),
    ]:
        page = WorkshopPage(
            title=title,
            slug=slug,
            summary="A workshop of the hub on the road.",
            start_date=day,
            place_name=place,
            country="AL",
            location=str(Point(*point)),
        )
        hub.add_child(instance=page)
        page.save_revision().publish()
    synchronise_trees()  # what wagtail-localize does: the other languages get aliases
    return moci_site


def open_hub(new_context, url, width=1280, height=800):
    context = new_context(viewport={"width": width, "height": height})
    tiles = stub_tiles(context)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    return page, tiles, requested


def leaflet(requested):
    return [url for url in requested if "/vendor/leaflet/" in url]


def draw(page):
    """Scroll the route map into view and wait until it is drawn and still."""
    page.locator("#route-map").scroll_into_view_if_needed()
    expect(page.locator("#route-map")).to_have_attribute("data-drawn", str(len(STOPS)), timeout=15_000)
    page.wait_for_function(
        "() => !document.querySelector('#route-map .leaflet-zoom-anim, #route-map .leaflet-pan-anim')"
    )


# The seeded workshop is translated into Albanian; the others are shown in English there.
PELLUMBAS_SQ = "Permakulturë dhe kopshtari e qëndrueshme në Pëllumbas"


@pytest.mark.parametrize(
    ("language", "stop_word", "past_word"), [("en", "Stop", "past"), ("sq", "Ndalesa", "e kaluar")]
)
def test_the_route_in_date_order_past_muted_leaflet_on_scroll(
    route_site, new_context, screenshot, external_requests, language, stop_word, past_word
):
    stops = [(PELLUMBAS_SQ, True), *STOPS[1:]] if language == "sq" else STOPS
    page, tiles, requested = open_hub(new_context, f"{route_site.url}/{language}/hub/")
    # The list of stops is there from the start, in date order, the past ones marked.
    items = page.locator("ol.route-stops > li")
    expect(items).to_have_count(len(STOPS))
    for index, (title, past) in enumerate(stops):
        expect(items.nth(index)).to_contain_text(title)
        assert ("route-stop--past" in items.nth(index).get_attribute("class")) is past
    # The map's box is below the first screen: Leaflet not fetched yet.
    page.wait_for_load_state("networkidle")
    assert not page.locator("#route-map").evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
    assert leaflet(requested) == [], leaflet(requested)
    assert tiles == []
    draw(page)
    assert any(url.endswith("/vendor/leaflet/leaflet.js") for url in leaflet(requested))
    assert tiles, "no tile was asked for"
    # One marker per stop, numbered in date order and labelled for screen readers; past ones muted.
    markers = page.locator("#route-map .leaflet-marker-icon.route-pin")
    expect(markers).to_have_count(len(STOPS))
    for index, (title, past) in enumerate(stops):
        marker = page.locator(f'#route-map .route-pin[data-stop="{index + 1}"]')
        label = marker.get_attribute("aria-label")
        assert label.startswith(f"{stop_word} {index + 1}: {title}"), label
        assert (f"({past_word})" in label) is past, label
        assert ("route-pin--past" in marker.get_attribute("class")) is past
        opacity = marker.locator(".route-stop__marker").evaluate("el => getComputedStyle(el).opacity")
        assert (float(opacity) < 1) is past
    # Joined by a line, stop to stop: the road travelled (to a past stop) grey and dashed.
    lines = page.locator("#route-map path.route-line")
    expect(lines).to_have_count(len(STOPS) - 1)
    dashed = [lines.nth(i).get_attribute("stroke-dasharray") for i in range(len(STOPS) - 1)]
    assert [bool(value) for value in dashed] == [True, False, False], dashed
    assert "route-line--past" in lines.nth(0).get_attribute("class")
    # A marker opens a popup that leads to its workshop.
    page.locator('#route-map .route-pin[data-stop="3"]').click()
    popup = page.locator("#route-map .route-popup")
    expect(popup).to_contain_text(stops[2][0])
    screenshot(page, f"hub-route-{language}.png")
    popup.get_by_role("link", name=stops[2][0]).click()
    expect(page).to_have_url(re.compile(rf"/{language}/hub/stories-tirana/$"))
    assert external_requests == [], f"the hub page asked other hosts for: {external_requests}"


def test_without_javascript_the_route_is_the_list(route_site, new_context, external_requests):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{route_site.url}/en/hub/")
    expect(page.locator("ol.route-stops > li")).to_have_count(len(STOPS))
    expect(page.locator("#route-map")).to_be_hidden()
    expect(page.locator("ol.route-stops").get_by_role("link", name=STOPS[3][0])).to_be_visible()
    assert external_requests == []


@pytest.mark.parametrize("language", ["en", "sq", "hy"])
@pytest.mark.parametrize("width", [390, 320])
def test_the_hub_page_fits_a_phone(route_site, new_context, screenshot, external_requests, language, width):
    page, _tiles, _requested = open_hub(new_context, f"{route_site.url}/{language}/hub/", width=width, height=800)
    draw(page)
    page.evaluate("window.scrollTo(0, 0)")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{language} at {width} px scrolls sideways by {overflow} px"
    screenshot(page, f"hub-{language}-{width}.png")
    # The header's menu (a panel behind the Menu button on a phone), with the hub in it, fits the screen.
    page.locator(".nav-toggle").click()
    menu = page.locator("nav.main-menu")
    expect(menu.locator("a")).to_have_count(6)
    expect(menu.locator(f'a[href="/{language}/hub/"]')).to_be_visible()
    for right in menu.locator("a").evaluate_all("links => links.map(a => a.getBoundingClientRect().right)"):
        assert right <= width, f"a menu link ends at {right} px"
    page.screenshot(path=str(SCREENSHOTS / f"hub-{language}-{width}-menu.png"))
    assert external_requests == []
