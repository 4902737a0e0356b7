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
