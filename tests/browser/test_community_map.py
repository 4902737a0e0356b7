"""The community map: markers from the GeoJSON feed, filters, clusters, the list without JavaScript,
a profile's peers, and the map widget in the admin. Map tiles come from a local stub: nothing leaves
the machine."""

import io
import re
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.conf import settings
from django.contrib.auth import get_user_model

from projects.models import ProjectPage
from tests.browser.conftest import axe_check

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

USERNAME = "map-admin"
PASSWORD = "correct horse battery"
PELLUMBAS = "permaculture-in-pellumbas"
# Four projects share the network's base in Tirana (seed/english/projects.py).
TIRANA_PROJECTS = [
    "Precious Plastic Albania",
    "Vila 3 – Cultural and Social Space",
    "Skills for Resilient Communities",
    "Medicinal and Aromatic Plants value chain",
]


def _tile_png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (228, 232, 220)).save(buffer, format="PNG")
    return buffer.getvalue()


TILE_PNG = _tile_png()


def stub_tiles(context):
    """Serve every map tile (settings.MAP_TILE_URL) from a local PNG; returns the tile URLs asked for.

    Added after the conftest's catch-all route, so it takes precedence, for tiles only."""
    prefix = settings.MAP_TILE_URL.split("{", 1)[0]
    assert urlsplit(prefix).hostname, prefix  # a real remote host: this stub is what keeps it local
    requested = []

    def fulfill(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE_PNG)

    context.route(lambda url: url.startswith(prefix), fulfill)
    return requested


def open_map(new_context, url, **options):
    context = new_context(viewport={"width": 1280, "height": 900}, **options)
    tiles = stub_tiles(context)
    page = context.new_page()
    page.goto(url)
    return page, tiles


def feed(page, query=""):
    """The map's GeoJSON feed for the page's language, as the map reads it."""
    address = urlsplit(page.url)
    response = page.request.get(f"{address.scheme}://{address.netloc}{address.path}geojson/{query}")
    assert response.ok and response.headers["content-type"].startswith("application/geo+json")
    return response.json()["features"]


def markers_loaded(page):
    community_map = page.locator("#community-map")
    expect(community_map).to_have_attribute("data-markers", re.compile(r"^\d+$"))
    expect(community_map).to_be_visible()
    return int(community_map.get_attribute("data-markers"))


def expect_drawn(page, number):
    """The map shows ``number`` places, counting single markers and the places inside each cluster,
    once the zoom animation (during which old and new markers overlap) is over."""
    page.wait_for_function(
        """number => {
            const map = document.getElementById("community-map");
            const singles = map.querySelectorAll(".leaflet-marker-icon.map-pin").length;
            const clustered = [...map.querySelectorAll(".marker-cluster")]
                .reduce((sum, cluster) => sum + Number(cluster.textContent), 0);
            return singles + clustered === number;
        }""",
        arg=number,
        timeout=15_000,  # the first draw waits for Leaflet to load and fit; slow on a busy CI box
    )


def settle(page):
    """Wait until Leaflet's zoom and pan and markercluster's animations are over."""
    page.wait_for_function(
        # Leaflet marks its map pane (inside #community-map) while zooming or panning, markercluster while it animates.
        "() => !document.querySelector("
        "'#community-map .leaflet-zoom-anim, #community-map .leaflet-pan-anim, #community-map .leaflet-cluster-anim')"
    )


def refit(page, action):
    """Do ``action`` (a filter) and wait until the map has fitted what it left: community-map.js
    sets data-bounds once a fit has ended, so it is cleared first (after the first fit)."""
    community_map = page.locator("#community-map")
    expect(community_map).to_have_attribute("data-bounds", re.compile(r"\S"))
    settle(page)
    community_map.evaluate("element => element.removeAttribute('data-bounds')")
    action()
    expect(community_map).to_have_attribute("data-bounds", re.compile(r"\S"), timeout=15_000)
    settle(page)


def open_largest_cluster(page):
    """Click the cluster holding the most places: markercluster zooms in on it, or spreads its markers
    (spiderfies) when they share one point. Returns once the click has taken effect."""
    # Leaflet drops a zoom asked for while another is animating (the first fit, or the last click's),
    # as it would drop a person's click then: wait for the first fit (data-bounds is set when it ends)
    # and for the map to be still before choosing and clicking.
    expect(page.locator("#community-map")).to_have_attribute("data-bounds", re.compile(r"\S"))
    settle(page)
    clusters = page.locator("#community-map .marker-cluster")
    counts = [int(text) for text in clusters.all_inner_texts()]
    assert counts, "no cluster left to open"
    cluster = clusters.nth(counts.index(max(counts)))
    handle = cluster.element_handle()
    cluster.click()
    # Zooming in replaces the cluster's icon; spiderfying fades it to 0.3.
    page.wait_for_function("el => !el.isConnected || el.style.opacity === '0.3'", arg=handle, timeout=15_000)
    settle(page)


def reveal(page, markers, attempts=6):
    """Open clusters until every locator in ``markers`` is a visible marker of its own."""
    for _ in range(attempts):
        if all(marker.count() == 1 and marker.is_visible() for marker in markers):
            return
        open_largest_cluster(page)
    for marker in markers:
        expect(marker).to_be_visible()


def test_english_map_shows_every_place_with_local_tiles(moci_site, new_context, screenshot, external_requests):
    page, tiles = open_map(new_context, moci_site.url + "/en/map/")

    markers = markers_loaded(page)
    features = feed(page)
    # 7 projects, 2 organisations, 4 partners and the hub's workshop (Pellumbas, autumn 2020).
    assert markers == len(features) == 14
    # Every place is on the map (data-markers: the markers added to it) and listed below it.
    # The first view is the network's region, so places abroad are not drawn yet.
    expect(page.locator("#community-map .leaflet-marker-icon").first).to_be_visible()
    expect(page.locator(".places .place")).to_have_count(14)
    expect(page.locator("#map-count")).to_have_text("14 places on the map")
    # The workshop is a kind of its own, its marker muted: it is past.
    expect(page.locator(".places .map-marker--workshop.map-marker--past")).to_have_count(1)
    screenshot(page, "community-map-en.png")

    # The first view is the network's region; the partners abroad are a zoom away. Filtered to
    # Germany, the map fits those. Markers are divIcons named for screen readers ("<Kind>:
    # <title>"), with the place's id.
    page.goto(moci_site.url + "/en/map/?country=DE")
    # Drawn, alone or inside a cluster, once the view has settled on them.
    expect_drawn(page, markers_loaded(page))
    berlin = page.locator('#community-map .map-pin[aria-label="Organisation: iac Berlin"]')
    expect(berlin).to_be_visible()
    expect(berlin.locator("span.map-marker.map-marker--organisation")).to_have_count(1)
    iac = next(feature for feature in features if feature["properties"]["title"] == "iac Berlin")
    expect(berlin).to_have_attribute("data-place", iac["id"])

    # The tiles came from the stub (and were drawn), nothing from the real tile server.
    expect(page.locator("#community-map img.leaflet-tile-loaded").first).to_be_visible()
    assert tiles, "the map asked for no tiles"
    tile_url = re.escape(settings.MAP_TILE_URL).replace(r"\{z\}", r"\d+").replace(r"\{x\}", r"\d+")
    tile_url = tile_url.replace(r"\{y\}", r"\d+")
    assert all(re.fullmatch(tile_url, url) for url in tiles), tiles

    axe_check(page)
    assert external_requests == [], f"the map asked other hosts for: {external_requests}"


def test_albanian_map_filters_and_opens_a_project(moci_site, new_context, screenshot, external_requests):
    page, tiles = open_map(new_context, moci_site.url + "/sq/map/")
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    all_markers = markers_loaded(page)
    assert all_markers == len(feed(page)) == 14
    places = page.locator(".places .place")
    expect(places).to_have_count(all_markers)
    count = page.locator("#map-count")
    count_before = count.inner_text()

    agriculture = feed(page, "?theme=agriculture")
    assert 0 < len(agriculture) < all_markers
    page.evaluate("window.notReloaded = true")
    filters = page.locator("form.filters")
    filters.locator("select[name=theme]").select_option(value="agriculture")
    refit(page, filters.locator("button[type=submit]").click)

    expect(page.locator("#community-map")).to_have_attribute("data-markers", str(len(agriculture)))
    expect(page).to_have_url(re.compile(r"/sq/map/\?theme=agriculture$"))
    expect(places).to_have_count(len(agriculture))
    expect(count).not_to_have_text(count_before)
    expect(count).to_contain_text(str(len(agriculture)))
    assert page.evaluate("window.notReloaded === true"), "the filters reloaded the page"
    assert sorted(places.evaluate_all("items => items.map(item => item.dataset.place)")) == sorted(
        feature["id"] for feature in agriculture
    )
    expect_drawn(page, len(agriculture))
    for feature in agriculture:
        assert any(term["slug"] == "agriculture" for term in feature["properties"]["terms"])

    pellumbas = next(feature for feature in agriculture if feature["properties"]["url"].endswith(f"/{PELLUMBAS}/"))
    assert pellumbas["properties"]["title"] == "Permakulturë në Pëllumbas"
    marker = page.locator(f'#community-map .map-pin[data-place="{pellumbas["id"]}"]')
    reveal(page, [marker])
    expect(marker).to_have_attribute("aria-label", re.compile("Pëllumbas"))
    settle(page)
    marker.click()
    popup = page.locator(".leaflet-popup .map-popup")
    expect(popup).to_be_visible()
    expect(popup.locator(".map-popup__title")).to_have_text("Permakulturë në Pëllumbas")
    link = popup.locator(".map-popup__title a")
    expect(link).to_have_attribute("href", re.compile(rf"/sq/projects/{PELLUMBAS}/$"))
    # Leaflet fades the popup in; check its colours once it is fully shown.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
    axe_check(page)
    screenshot(page, "community-map-sq.png")

    link.click()
    expect(page).to_have_url(f"{moci_site.url}/sq/projects/{PELLUMBAS}/")
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    expect(page.get_by_role("heading", level=1)).to_have_text("Permakulturë në Pëllumbas")
    assert tiles
    assert external_requests == [], f"the map asked other hosts for: {external_requests}"


def test_overlapping_places_can_all_be_reached(moci_site, new_context, screenshot, external_requests):
    page, tiles = open_map(new_context, moci_site.url + "/en/map/")
    markers_loaded(page)
    labelled = [page.locator(f'#community-map .map-pin[aria-label="Project: {title}"]') for title in TIRANA_PROJECTS]
    # At first the four share one cluster with the rest of Albania.
    for marker in labelled:
        expect(marker).to_have_count(0)

    reveal(page, labelled)
    # Spread apart: four markers, four different spots.
    centres = set()
    for marker in labelled:
        box = marker.bounding_box()
        centres.add((round(box["x"] + box["width"] / 2), round(box["y"] + box["height"] / 2)))
    assert len(centres) == 4, centres

    vila = labelled[1]
    vila.click()
    popup = page.locator(".leaflet-popup .map-popup")
    expect(popup).to_be_visible()
    expect(popup.locator(".map-popup__title")).to_have_text(TIRANA_PROJECTS[1])
    expect(popup.locator(".map-popup__meta")).to_have_text("Project · Tirana")
    expect(popup.locator("a.map-popup__more")).to_have_attribute("href", re.compile(r"/en/projects/vila-3/$"))
    assert tiles
    assert external_requests == [], f"the map asked other hosts for: {external_requests}"


def test_the_list_works_without_javascript(moci_site, new_context, external_requests):
    page, tiles = open_map(new_context, moci_site.url + "/en/map/?kind=partner", java_script_enabled=False)

    partners = feed(page, "?kind=partner")
    assert partners and all(feature["properties"]["kind"] == "partner" for feature in partners)
    places = page.locator(".places .place")
    expect(places).to_have_count(len(partners))
    expect(places.locator(".kind")).to_have_text(["Partner"] * len(partners))
    assert sorted(places.evaluate_all("items => items.map(item => item.dataset.place)")) == sorted(
        feature["id"] for feature in partners
    )
    expect(page.locator("#community-map")).to_be_hidden()
    expect(page.locator("#map-count")).to_have_text(f"{len(partners)} places on the map")

    # The form is an ordinary GET form: submitting it loads the filtered page from the server
    # (with the empty fields the script would have left out).
    filters = page.locator("form.filters")
    expect(filters.get_by_label("Show")).to_have_value("partner")
    filters.get_by_label("Show").select_option(value="project")
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/en/map/\?kind=project&country=&theme=&skill=&when=$"))
    projects = feed(page, "?kind=project")
    expect(places).to_have_count(len(projects))
    expect(places.locator(".kind")).to_have_text(["Project"] * len(projects))
    expect(page.locator("#community-map")).to_be_hidden()

    assert tiles == []  # no map, no tiles
    assert external_requests == []


def test_profile_suggests_peers(moci_site, page, screenshot, external_requests):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(moci_site.url + "/en/people/iac-berlin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("iac Berlin")

    peers = page.locator("section.peers")
    expect(peers.get_by_role("heading", level=2)).to_have_text("Peers to meet")
    # iac Berlin needs someone running a cultural space (Uzina does), and Uzina needs workshops (iac gives them).
    helpers = peers.locator("section[aria-labelledby=helpers-heading]")
    helped = peers.locator("section[aria-labelledby=helped-heading]")
    uzina = helpers.locator(".peers__item").filter(has=page.get_by_role("link", name="Hapesire Kulturore Uzina"))
    expect(uzina).to_have_count(1)
    expect(uzina).to_contain_text("Running a cultural space")
    expect(helped.get_by_role("link", name="Hapesire Kulturore Uzina")).to_have_count(1)
    expect(helped).to_contain_text("Workshop facilitation")
    axe_check(page)
    screenshot(page, "profile-peers.png")

    uzina.get_by_role("link").click()
    expect(page).to_have_url(f"{moci_site.url}/en/people/hapesire-kulturore-uzina/")
    expect(page.locator("section.peers").get_by_role("link", name="iac Berlin")).not_to_have_count(0)
    assert external_requests == []


def test_admin_map_widget_is_local_and_refuses_impossible_points(moci_site, new_context, screenshot, external_requests):
    get_user_model().objects.create_superuser(USERNAME, "map@example.org", PASSWORD)
    project = ProjectPage.objects.get(slug=PELLUMBAS, locale__language_code="en")
    stored = project.location
    revision = project.latest_revision_id
    assert project.point == (41.2183, 19.8864)

    context = new_context(viewport={"width": 1280, "height": 900})
    tiles = stub_tiles(context)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(urlsplit(request.url)))
    page.goto(moci_site.url + "/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{moci_site.url}/admin/pages/{project.pk}/edit/")
    location = page.locator('[data-contentpath="location"]')
    widget_map = location.locator("#id_location_map")
    expect(widget_map).to_have_class(re.compile(r"\bleaflet-container\b"))
    expect(widget_map).to_be_visible()
    expect(widget_map.locator(".leaflet-marker-icon")).to_be_visible()
    expect(widget_map.locator("img.leaflet-tile-loaded").first).to_be_attached()
    hidden = page.locator("input#id_location")
    expect(hidden).to_have_value(stored)
    latlng = page.locator("#id_location_latlng")
    expect(latlng).to_have_value("41.2183,19.8864")
    assert any(
        url.hostname in ("127.0.0.1", "localhost") and url.path == "/static/vendor/leaflet/leaflet.js"
        for url in requests
    )
    assert tiles
    assert external_requests == [], f"the admin asked other hosts for: {external_requests}"

    # The widget writes whatever it can parse: it does not check the range itself…
    latlng.fill("123, 19")
    expect(hidden).to_have_value("SRID=4326;POINT(19 123)")
    # …the server does.
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("could not be saved")
    expect(location).to_contain_text("The latitude must be between -90 and 90; 123.0 is not.")
    project.refresh_from_db()
    assert project.location == stored
    assert project.latest_revision_id == revision

    page.set_viewport_size({"width": 1280, "height": 2000})
    location.scroll_into_view_if_needed()
    screenshot(page, "admin-map-widget.png")
    assert external_requests == [], f"the admin asked other hosts for: {external_requests}"


def bounds_of(page):
    """The map's first view, as community-map.js fitted it: (west, south, east, north)."""
    community_map = page.locator("#community-map")
    expect(community_map).to_have_attribute("data-bounds", re.compile(r"^[-\d.,]+$"))
    return [float(number) for number in community_map.get_attribute("data-bounds").split(",")]


def contains(bounds, feature):
    west, south, east, north = bounds
    lng, lat = feature["geometry"]["coordinates"]
    return west <= lng <= east and south <= lat <= north


@pytest.mark.parametrize("language", ["en", "sq"])
def test_phone_map_opens_on_the_network_with_filters_folded(
    moci_site, new_context, screenshot, external_requests, language
):
    page, tiles = open_map(new_context, f"{moci_site.url}/{language}/map/")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    markers_loaded(page)

    # The map starts in the first screen: the filters are folded behind one button.
    community_map = page.locator("#community-map")
    assert community_map.bounding_box()["y"] < 844 * 0.6, community_map.bounding_box()
    kind = page.locator("form.filters select[name=kind]")
    expect(kind).to_be_hidden()
    summary = page.locator("details.map-filters > summary")
    expect(summary).to_be_visible()
    summary.click()
    expect(kind).to_be_visible()
    summary.click()
    expect(kind).to_be_hidden()

    # The first view fits the network's own places: Albania's, not the partners in Amsterdam or Berlin.
    features = feed(page)
    bounds = bounds_of(page)
    albania = [feature for feature in features if feature["properties"]["country"] == "AL"]
    abroad = [feature for feature in features if feature["properties"]["country"] in ("DE", "NL")]
    assert albania and abroad
    assert all(contains(bounds, feature) for feature in albania), bounds
    assert not any(contains(bounds, feature) for feature in abroad), bounds
    settle(page)
    screenshot(page, f"community-map-phone-{language}.png")
    assert tiles
    assert external_requests == [], f"the map asked other hosts for: {external_requests}"


def test_phone_filters_stay_open_while_a_filter_is_set(moci_site, new_context, external_requests):
    context = new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(moci_site.url + "/en/map/?kind=partner")
    expect(page.locator("details.map-filters")).to_have_attribute("open", "")
    expect(page.locator("form.filters select[name=kind]")).to_be_visible()
    # Without JavaScript the folded filters still open.
    page.goto(moci_site.url + "/en/map/")
    kind = page.locator("form.filters select[name=kind]")
    expect(kind).to_be_hidden()
    page.get_by_text("Filter the map").first.click()
    expect(kind).to_be_visible()
    assert external_requests == []


def test_desktop_map_shows_the_filters_and_fits_what_is_left_abroad(
    moci_site, new_context, screenshot, external_requests
):
    page, tiles = open_map(new_context, moci_site.url + "/en/map/")
    markers_loaded(page)
    expect(page.locator("details.map-filters > summary")).to_be_hidden()
    expect(page.locator("form.filters select[name=kind]")).to_be_visible()
    features = feed(page)
    bounds = bounds_of(page)
    assert not any(contains(bounds, feature) for feature in features if feature["properties"]["country"] == "DE")
    settle(page)
    screenshot(page, "community-map-desktop.png")

    # When the filters leave only places abroad, the view fits those.
    germany = feed(page, "?country=DE")
    assert germany
    filters = page.locator("form.filters")
    filters.locator("select[name=country]").select_option(value="DE")
    filters.locator("button[type=submit]").click()
    expect(page.locator("#community-map")).to_have_attribute("data-markers", str(len(germany)))
    page.wait_for_function(
        "bounds => document.getElementById('community-map').dataset.bounds !== bounds", arg=",".join(map(str, bounds))
    )
    assert all(contains(bounds_of(page), feature) for feature in germany)
    assert tiles
    assert external_requests == [], f"the map asked other hosts for: {external_requests}"


def overlap(first, second):
    return not (
        first["x"] + first["width"] <= second["x"]
        or second["x"] + second["width"] <= first["x"]
        or first["y"] + first["height"] <= second["y"]
        or second["y"] + second["height"] <= first["y"]
    )


def test_a_popup_near_the_top_left_clears_the_zoom_buttons(moci_site, new_context, screenshot, external_requests):
    page, tiles = open_map(new_context, moci_site.url + "/en/map/")
    expect_drawn(page, markers_loaded(page))
    settle(page)
    page.locator("#community-map").scroll_into_view_if_needed()
    area = page.locator("#community-map").bounding_box()
    # A marker in view (markercluster also keeps some outside the map's box).
    place = page.wait_for_function(
        """() => {
            const area = document.getElementById("community-map").getBoundingClientRect();
            const shown = [...document.querySelectorAll("#community-map .map-pin")].find((pin) => {
                const box = pin.getBoundingClientRect();
                return box.width && box.left > area.left && box.right < area.right
                    && box.top > area.top && box.bottom < area.bottom - 80;
            });
            return shown && shown.dataset.place;
        }"""
    ).json_value()
    marker = page.locator(f'#community-map .map-pin[data-place="{place}"]')
    # Drag the map (by an empty spot) until the marker sits in the top-left corner, beside the zoom buttons.
    box = marker.bounding_box()
    dx, dy = area["x"] + 90 - box["x"], area["y"] + 30 - box["y"]
    grab = (area["x"] + area["width"] / 2 + 40, area["y"] + area["height"] - 60)
    page.mouse.move(*grab)
    page.mouse.down()
    page.mouse.move(grab[0] + dx, grab[1] + dy - 1, steps=12)
    # A pause, then a last small move, so the map stops where it is let go (no inertia).
    page.wait_for_timeout(200)
    page.mouse.move(grab[0] + dx, grab[1] + dy)
    page.mouse.up()
    settle(page)
    box = marker.bounding_box()
    assert area["x"] + 50 < box["x"] < area["x"] + 140 and area["y"] < box["y"] < area["y"] + 80, (area, box)

    marker.focus()
    marker.press("Enter")
    popup = page.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    page.wait_for_function("() => !document.querySelector('#community-map.leaflet-pan-anim')")
    page.wait_for_timeout(400)  # the pan that clears the popup is animated
    zoom = page.locator("#community-map .leaflet-control-zoom").bounding_box()
    screenshot(page, "community-map-popup-top-left.png")
    assert not overlap(popup.locator(".leaflet-popup-content-wrapper").bounding_box(), zoom)
    assert tiles
    assert external_requests == []


def test_a_failed_address_lookup_tells_the_editor_what_to_do(moci_site, new_context, screenshot, external_requests):
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser(USERNAME, "map@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    project = ProjectPage.objects.get(slug=PELLUMBAS, locale__language_code="en")

    context = new_context(viewport={"width": 1280, "height": 900})
    stub_tiles(context)
    page = context.new_page()
    lookups = []

    def refuse(route):
        lookups.append(route.request.url)
        route.abort("failed")

    page.route(lambda url: urlsplit(url).hostname == "nominatim.openstreetmap.org", refuse)
    page.goto(moci_site.url + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{moci_site.url}/admin/pages/{project.pk}/edit/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    place_name = page.locator("#id_place_name")
    place_name.fill("Pëllumbas, Tirana")
    warning = page.locator(".wagtailgeowidget__id_place_name--warning")
    expect(warning).to_have_text(
        "Die Adresse konnte gerade nicht nachgeschlagen werden. Bitte den Punkt stattdessen auf der Karte setzen: "
        "in die Karte klicken oder darunter Breiten- und Längengrad eingeben."
    )
    expect(page.get_by_text("Nominatim Error")).to_have_count(0)
    assert lookups and all("Pëllumbas" in unquote(url.replace("+", " ")) for url in lookups), lookups
    place_name.scroll_into_view_if_needed()
    screenshot(page, "admin-address-lookup-failed-de.png")
    assert external_requests == []
