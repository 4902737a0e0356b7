"""Browser tests: Debian's Chromium driven by pytest-playwright against pytest-django's live server.

Nothing here may reach another host: every browser context aborts requests that are not for the
live server, and records them so a test can assert that the site asked for none.
"""

import importlib.util
import io
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from django.core.management import call_command

# Sync Playwright runs an event loop in the test thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TIMEOUT_MS = 10_000
NAVIGATION_TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (never `playwright install`)."
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def _serialized_test_db(django_db_setup):
    """What the migrations put in the test databases (root page, locale, permissions…), as serialized
    for ``serialized_rollback`` — read before Playwright starts (see the next fixture)."""
    from django.db import connections

    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_under_playwright(_serialized_test_db, playwright):
    """Sync Playwright leaves an asyncio loop running in the test thread, and from then on Django's
    ``connections`` hands out other connection objects (asgiref keeps them in a context variable instead
    of the thread-local). Those lack the serialized copy of the migrated database, so without this
    ``serialized_rollback`` would neither restore it nor keep post_migrate from half-recreating it."""
    from django.db import connections

    for alias, contents in _serialized_test_db.items():
        if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


@pytest.fixture
def external_requests():
    """The URLs of every request a page tried to make to another host (all of them aborted)."""
    return []


@pytest.fixture
def new_context(new_context, external_requests):
    """Every browser context, including extra ones a test opens, stays on the live server."""

    def handle(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            external_requests.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def make(**kwargs):
        context = new_context(**kwargs)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        context.route("**/*", handle)
        return context

    return make


@pytest.fixture
def screenshot():
    """screenshot(page, "home.png"): a full-page PNG in <repo>/screenshots/."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / name
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        return path

    return take


@pytest.fixture
def moci_site(live_server):
    """The real MOCI site, built from the organisation's texts in the (transactional) test database."""
    call_command("load_moci_content", "--no-admin", stdout=io.StringIO())
    return live_server


def axe_check(page):
    """Fail with axe-core's report if the page has accessibility violations.

    axe-playwright-python (requirements-dev.txt) bundles axe-core, so this runs offline.
    Without it nothing would be checked, so its absence is a failure, not a warning."""
    if importlib.util.find_spec("axe_playwright_python") is None:
        pytest.fail("axe-playwright-python is missing (pip install -r requirements-dev.txt): nothing was checked")
    from axe_playwright_python.sync_playwright import Axe

    # Colours are checked as shown, not halfway through a fade-in (Wagtail's messages,
    # Leaflet's popups): wait for finite animations and transitions to end. Some admin
    # pages keep one running (a looping indicator): after 3 s, check anyway.
    try:
        page.wait_for_function(
            "() => document.getAnimations().every((animation) => animation.playState !== 'running'"
            " || animation.effect?.getComputedTiming().iterations === Infinity)",
            timeout=3000,
        )
    except PlaywrightTimeoutError:
        pass
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def menu_expanded(page):
    """Whether the header's menu button says it is expanded, as Chromium tells screen
    readers. The menu is a native popover: the browser, not an aria-expanded
    attribute, carries the state, so it is read from the accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".nav-toggle"})["nodeId"]
        tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
        properties = tree["nodes"][0].get("properties", [])
        return {item["name"]: item["value"].get("value") for item in properties}.get("expanded")
    finally:
        cdp.detach()
