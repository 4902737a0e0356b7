"""The Content-Security-Policy in a real browser: the public pages (the map included) and the admin
(the page editor with its map widget, geocoding and preview panel, wagtail-localize's editor) work
under it, and the browser reports no violation anywhere."""

import io
import re
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale
from wagtail_localize.models import Translation

from projects.models import ProjectPage
from tests.browser.admin import log_in, save_segment
from tests.browser.conftest import axe_check, menu_expanded
from tests.headers import directives

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

USERNAME = "csp-admin"
PASSWORD = "correct horse battery"
PELLUMBAS = "permaculture-in-pellumbas"

# Runs in every frame before the page's own scripts (Playwright injects it, so the CSP does not
# apply to it) and reports each violation to the test through an exposed binding.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
        page: location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: event.sourceFile + ":" + event.lineNumber,
    });
});
"""


def _tile_png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (228, 232, 220)).save(buffer, format="PNG")
    return buffer.getvalue()


TILE_PNG = _tile_png()


@pytest.fixture
def violations():
    return []


@pytest.fixture
def csp_context(new_context, violations):
    """A browser context that records CSP violations (events and console messages) and serves the
    map tiles from a local PNG, so the tile host is asked (and must be allowed) but never reached."""

    def make(**options):
        context = new_context(viewport={"width": 1280, "height": 900}, **options)
        context.expose_binding("reportCspViolation", lambda source, violation: violations.append(violation))
        context.add_init_script(REPORT_VIOLATIONS)
        prefix = settings.MAP_TILE_URL.split("{", 1)[0]
        context.route(
            lambda url: url.startswith(prefix),
            lambda route: route.fulfill(status=200, content_type="image/png", body=TILE_PNG),
        )

        def on_console(message):
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
                violations.append({"page": message.page.url if message.page else "", "console": message.text})

        context.on("console", on_console)
        return context

    return make


def test_public_pages_and_the_map_run_under_the_public_policy(moci_site, csp_context, violations, external_requests):
    page = csp_context().new_page()
    response = page.goto(moci_site.url + "/en/map/")
    policy = directives(response.headers["content-security-policy"])
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]

    community_map = page.locator("#community-map")
    expect(community_map).to_have_attribute("data-markers", re.compile(r"^[1-9]\d*$"))
    expect(community_map.locator("img.leaflet-tile-loaded").first).to_be_visible()
    # A popup: Leaflet builds it (and the markers' icons) in the page, styles included.
    community_map.locator(".marker-cluster, .leaflet-marker-icon.map-pin").first.click()
    expect(community_map.locator(".leaflet-marker-icon").first).to_be_visible()

    for path in ("/en/", "/en/projects/", f"/en/projects/{PELLUMBAS}/", "/sq/", "/en/search/?q=plastic"):
        page.goto(moci_site.url + path)
        expect(page.locator("main")).to_be_visible()
    # The hub's route: its stops are a JSON data block in the page, Leaflet comes when it is in view.
    page.goto(moci_site.url + "/en/hub/")
    page.locator("#route-map").scroll_into_view_if_needed()
    expect(page.locator("#route-map")).to_have_attribute("data-drawn", "1")
    page.locator("#route-map .route-pin").first.click()
    expect(page.locator("#route-map .route-popup")).to_be_visible()
    # The menu toggle (our script) works on a phone, where the menu folds behind it.
    page.set_viewport_size({"width": 390, "height": 800})
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    assert menu_expanded(page) is False
    toggle.click()
    assert menu_expanded(page) is True

    assert violations == [], violations
    assert external_requests == []


def test_editor_map_widget_geocoding_and_preview_run_under_the_admin_policy(
    moci_site, csp_context, violations, external_requests
):
    get_user_model().objects.create_superuser(USERNAME, "csp@example.org", PASSWORD)
    project = ProjectPage.objects.get(slug=PELLUMBAS, locale__language_code="en")
    revision = project.latest_revision_id
    page = csp_context().new_page()
    log_in(page, moci_site.url, USERNAME, PASSWORD)

    response = page.goto(f"{moci_site.url}/admin/pages/{project.pk}/edit/")
    policy = directives(response.headers["content-security-policy"])
    assert "https://nominatim.openstreetmap.org" in policy["connect-src"]

    # The map widget: Leaflet draws the map, the marker and (local) tiles.
    widget_map = page.locator('[data-contentpath="location"] #id_location_map')
    expect(widget_map).to_have_class(re.compile(r"\bleaflet-container\b"))
    expect(widget_map.locator(".leaflet-marker-icon")).to_be_visible()
    expect(widget_map.locator("img.leaflet-tile-loaded").first).to_be_attached()

    # Geocoding: typing a place asks Nominatim (allowed by the policy; the test's network stub
    # then refuses it, so nothing leaves the machine).
    place = page.get_by_role("textbox", name=re.compile(r"^Place"))
    with page.expect_event(
        "requestfailed", lambda request: urlsplit(request.url).hostname == "nominatim.openstreetmap.org"
    ):
        place.fill("Pellumbas, Albania")
    assert [urlsplit(url).hostname for url in external_requests] == ["nominatim.openstreetmap.org"]
    external_requests.clear()

    # A chooser: Wagtail's modal workflow runs the scripts of the responses it loads.
    page.locator('[data-contentpath="image"]').get_by_role("button", name=re.compile(r"image", re.I)).first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Choose an image")).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()

    # The preview panel frames our own page (rendered with the public policy, as visitors get it).
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(project.title, timeout=15_000)

    # A draft saves.
    page.get_by_role("textbox", name=re.compile(r"^Summary")).fill("Permaculture courses, now also in spring.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    project.refresh_from_db()
    assert project.latest_revision_id != revision

    # The public page, seen by the logged-in editor (with Wagtail's user bar).
    page.goto(moci_site.url + project.url)
    expect(page.locator("wagtail-userbar, #wagtail-userbar")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_text(project.title)

    assert violations == [], violations
    assert external_requests == []


def test_translation_editor_runs_under_the_admin_policy(moci_site, csp_context, violations, external_requests):
    get_user_model().objects.create_superuser(USERNAME, "csp@example.org", PASSWORD)
    translation = (
        Translation.objects.filter(
            target_locale=Locale.objects.get(language_code="sq"),
            source__specific_content_type__model="projectpage",
            enabled=True,
        )
        .order_by("pk")
        .first()
    )
    albanian_page = translation.get_target_instance()
    page = csp_context().new_page()
    log_in(page, moci_site.url, USERNAME, PASSWORD)

    page.goto(f"{moci_site.url}/admin/pages/{albanian_page.pk}/edit/")
    # wagtail-localize's React editor: segments, and one translated and saved.
    segment = page.locator("li.complete, li.incomplete").first
    expect(segment).to_be_visible()
    segment.get_by_role("button", name=re.compile(r"^(Translate|Edit)$")).click()
    segment.locator("textarea").fill("Një përkthim i ri.")
    save_segment(page, segment)
    expect(segment).to_contain_text("Një përkthim i ri.")

    assert violations == [], violations
    assert external_requests == []


def test_locked_out_editor_is_told_why_and_the_secretariat_unlocks(
    moci_site, csp_context, violations, external_requests, screenshot
):
    from django.conf import settings as django_settings
    from django.contrib.auth.models import Group

    from mocisite.roles import EDITORS, SECRETARIAT

    User = get_user_model()
    User.objects.create_user("drita", "drita@moci.example", PASSWORD).groups.add(Group.objects.get(name=EDITORS))
    User.objects.create_user("besa", "besa@moci.example", PASSWORD).groups.add(Group.objects.get(name=SECRETARIAT))

    page = csp_context().new_page()
    page.goto(moci_site.url + "/admin/login/")
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Username").fill("drita")
        page.get_by_label("Password").fill(f"not-my-password-{attempt}")
        page.get_by_role("button", name="Sign in").click()
        if attempt < django_settings.AXES_FAILURE_LIMIT - 1:
            expect(page.locator(".messages")).to_contain_text("Your username and password didn't match")
    expect(page.get_by_role("heading", level=1)).to_have_text("Signing in is blocked for now")
    expect(page.get_by_role("alert")).to_contain_text("Too many failed attempts to sign in as “drita”")
    expect(page.locator("main")).to_contain_text("ask the MOCI secretariat to unlock your account")
    axe_check(page)
    screenshot(page, "admin-lockout.png")

    secretary = csp_context().new_page()
    secretary.goto(moci_site.url + "/admin/login/")
    secretary.get_by_label("Username").fill("besa")
    secretary.get_by_label("Password").fill(PASSWORD)
    secretary.get_by_role("button", name="Sign in").click()
    expect(secretary).to_have_url(re.compile(r"/admin/$"))
    menu = secretary.get_by_role("navigation", name="Main menu")
    menu.get_by_role("button", name="Reports").click()
    menu.get_by_role("link", name="Sign-in lockouts").click()
    expect(secretary.get_by_role("heading", level=1)).to_have_text("Sign-in lockouts")
    row = secretary.locator('tr.lockouts__row[data-username="drita"]')
    expect(row).to_have_count(1)
    axe_check(secretary)
    screenshot(secretary, "admin-lockouts.png")
    row.get_by_role("button", name="Unlock drita").click()
    expect(secretary.locator(".messages")).to_contain_text("“drita” can sign in again")
    expect(row).to_have_count(0)

    page.get_by_role("link", name="Back to the sign-in page").click()
    page.get_by_label("Username").fill("drita")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    assert violations == [], violations
    assert external_requests == []
