"""A visitor reads the real MOCI site: home, projects, a filter, a project, the search."""

import re

import pytest
from playwright.sync_api import expect

from seed import english as content
from tests.browser.conftest import axe_check, menu_expanded

# The live server needs committed data; serialized rollback brings back what the migrations
# created (root page, default locale) after the previous transactional test flushed it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def open_home(page, site, width, height):
    """The English home page, in a window of this size."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site.url + "/en/")


def test_visitor_reads_home_projects_and_a_project(moci_site, page, screenshot, external_requests):
    open_home(page, moci_site, 1280, 800)

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(content.HOME["hero_title"])
    expect(page.get_by_role("heading", level=1)).to_have_count(1)

    # The first Tab reaches the skip link; following it puts the focus on <main>.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    page.locator("main").click(position={"x": 1, "y": 1})  # drop the focus ring before the screenshot

    axe_check(page)
    screenshot(page, "home.png")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/projects/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Projects")
    cards = page.locator(".cards .card")
    all_projects = cards.count()
    assert all_projects >= 5
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects", exact=True)
    ).to_have_attribute("aria-current", "page")
    axe_check(page)
    screenshot(page, "project-index.png")

    filters = page.locator("form.filters")
    filters.get_by_label("Country").select_option(label="Albania")
    filters.get_by_label("Theme").select_option(label="Recycling and circular design")
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]country=AL&theme=recycling(&|$)"))
    expect(filters.get_by_label("Country")).to_have_value("AL")
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < all_projects
    for meta in cards.locator(".card__meta").all():
        expect(meta).to_contain_text("Albania")
    expect(page.get_by_role("link", name="Clear filters")).to_be_visible()

    page.get_by_role("link", name="Precious Plastic Albania").click()
    expect(page).to_have_url(re.compile(r"/en/projects/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Precious Plastic Albania")
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumbs")
    expect(breadcrumbs.get_by_role("link")).to_have_text(["Home", "Projects"])
    expect(breadcrumbs.locator('[aria-current="page"]')).to_have_text("Precious Plastic Albania")
    expect(page.locator("main .prose")).to_contain_text("DIY-Recycling Workspace")
    axe_check(page)
    screenshot(page, "project-page.png")

    assert external_requests == [], f"the public pages asked other hosts for: {external_requests}"


def test_visitor_searches_from_the_header(moci_site, page, screenshot, external_requests):
    open_home(page, moci_site, 1280, 800)

    header_search = page.locator("header").get_by_role("search")
    header_search.get_by_label("Search the site").fill("plastic")
    header_search.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/en/search/\?q=plastic$"))
    expect(page.get_by_role("status")).to_contain_text("for “plastic”")
    results = page.locator("ol.search-results > li")
    expect(results.first).to_be_visible()
    expect(results.get_by_role("link", name="Precious Plastic Albania")).to_be_visible()
    marks = page.locator("ol.search-results mark")
    expect(marks.first).to_have_text(re.compile(r"^plastic$", re.IGNORECASE))
    axe_check(page)
    screenshot(page, "search.png")

    assert external_requests == [], f"the public pages asked other hosts for: {external_requests}"


def test_visitor_opens_the_menu_on_a_phone(moci_site, page, screenshot, external_requests):
    open_home(page, moci_site, 390, 844)

    toggle = page.get_by_role("button", name="Menu")
    nav = page.locator("#site-nav")
    expect(toggle).to_be_visible()
    assert menu_expanded(page) is False
    expect(nav).to_be_hidden()

    toggle.click()
    expect(nav).to_be_visible()
    assert menu_expanded(page) is True
    expect(nav.get_by_role("link", name="Projects", exact=True)).to_be_visible()
    screenshot(page, "home-mobile.png")

    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    toggle.click()
    expect(nav).to_be_hidden()
    assert menu_expanded(page) is False

    toggle.click()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    assert menu_expanded(page) is False
    expect(toggle).to_be_focused()

    assert external_requests == [], f"the public pages asked other hosts for: {external_requests}"
