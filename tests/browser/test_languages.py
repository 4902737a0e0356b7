"""A visitor reads a project in English, then in Albanian, then in German (not yet translated)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_check

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLUG = "precious-plastic-albania"


def switch_to(page, name):
    # The label is in the page's language ("Language", "Gjuha"…): find the select by its id.
    switcher = page.locator("form.language-switcher")
    switcher.locator("#language-select").select_option(label=name)
    switcher.get_by_role("button").click()


def test_visitor_switches_language_on_a_project(moci_site, page, screenshot, external_requests):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{moci_site.url}/en/projects/{SLUG}/")
    english_title = page.get_by_role("heading", level=1).inner_text()

    switch_to(page, "Shqip")
    expect(page).to_have_url(re.compile(rf"/sq/projects/{SLUG}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    expect(page.locator(".notice")).to_have_count(0)  # a real translation, not the English page
    expect(page.locator("main .page-content")).not_to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation", name=re.compile("."))).not_to_have_count(0)
    body = page.locator("main").inner_text()
    assert "mbetjet plastike" in body or "plastik" in body.lower()
    assert "We offer free educational workshops" not in body
    axe_check(page)
    screenshot(page, "project-page-sq.png")

    switch_to(page, "Deutsch")
    expect(page).to_have_url(re.compile(rf"/de/projects/{SLUG}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator(".notice")).to_contain_text("Diese Seite ist noch nicht auf Deutsch verfügbar")
    expect(page.locator("main .page-content")).to_have_attribute("lang", "en")
    expect(page.locator("main .notice")).not_to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(english_title)
    axe_check(page)
    screenshot(page, "project-page-de.png")

    # The choice is remembered: the bare address now leads to German.
    page.goto(moci_site.url + "/")
    expect(page).to_have_url(re.compile(r"/de/$"))
    assert external_requests == []


def test_switching_keeps_the_search_the_filters_and_the_map(moci_site, page, screenshot, external_requests):
    """A visitor who searched, filtered the projects or the map and switches to
    Albanian stays where they were: the same words, the same filters."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{moci_site.url}/en/search/?q=plastic")
    switch_to(page, "Shqip")
    expect(page).to_have_url(re.compile(r"/sq/search/\?q=plastic$"))
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    expect(page.locator("input[name=q]").first).to_have_value("plastic")
    expect(page.locator("main")).to_contain_text("Precious Plastic")

    page.goto(f"{moci_site.url}/en/projects/?theme=agriculture")
    english = page.locator("main .card h3, main .card h2").all_inner_texts()
    switch_to(page, "Shqip")
    expect(page).to_have_url(re.compile(r"/sq/projects/\?theme=agriculture$"))
    expect(page.locator("select[name=theme]")).to_have_value("agriculture")
    assert len(page.locator("main .card h3, main .card h2").all_inner_texts()) == len(english) > 0
    screenshot(page, "switcher-filtered-projects-sq.png")

    page.goto(f"{moci_site.url}/en/map/?kind=project")
    switch_to(page, "Deutsch")
    expect(page).to_have_url(re.compile(r"/de/map/\?kind=project$"))
    expect(page.locator("select[name=kind]")).to_have_value("project")
    screenshot(page, "switcher-map-de.png")
    # The map's tiles come from OpenStreetMap (held back in tests); nothing else leaves the site.
    assert [url for url in external_requests if not url.startswith("https://tile.openstreetmap.org/")] == []


def test_partners_link_to_profiles_and_profiles_to_projects(moci_site, page, screenshot, external_requests):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{moci_site.url}/sq/projects/vila-3/")
    page.get_by_role("link", name="Hapesire Kulturore Uzina").first.scroll_into_view_if_needed()
    screenshot(page, "project-partner-links-sq.png")
    page.locator(".partners").get_by_role("link", name="Hapesire Kulturore Uzina").click()
    expect(page).to_have_url(re.compile(r"/sq/people/hapesire-kulturore-uzina/$"))
    projects = page.locator("section", has=page.locator("#projects-heading"))
    projects.scroll_into_view_if_needed()
    screenshot(page, "profile-projects-sq.png")
    projects.get_by_role("link", name=re.compile("Vila 3")).click()
    expect(page).to_have_url(re.compile(r"/sq/projects/vila-3/$"))
    axe_check(page)
    assert external_requests == []
