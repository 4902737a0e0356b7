"""An editor adds a project through the real Wagtail admin; a visitor then finds it on the site."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from projects.models import ProjectIndexPage, ProjectPage
from tests.browser.admin import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

USERNAME = "editor-admin"
PASSWORD = "correct horse battery"
TITLE = "Community Garden Tirana"
SUMMARY = "Neighbours turn an empty lot in Tirana into a shared vegetable garden."
PARAGRAPH = "Every Saturday the neighbours meet to plant, water and share the harvest."


def test_editor_publishes_a_project_that_visitors_see(moci_site, page, new_context, screenshot, external_requests):
    get_user_model().objects.create_superuser(USERNAME, "editor@example.org", PASSWORD)
    index = ProjectIndexPage.objects.get(locale__language_code="en")
    page.set_viewport_size({"width": 1280, "height": 900})

    log_in(page, moci_site.url, USERNAME, PASSWORD)

    # The explorer of the Projects page, and its "Add child page" button.
    page.goto(f"{moci_site.url}/admin/pages/{index.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Projects")
    page.get_by_role("link", name="Add child page").click()
    # A project index only takes project pages, so Wagtail skips the page type chooser.
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/projects/projectpage/{index.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Project page")

    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(TITLE)
    page.get_by_role("textbox", name=re.compile(r"^Summary")).fill(SUMMARY)

    # StreamField: the "+" of the empty body, then "Paragraph" in the block chooser.
    body = page.locator('[data-contentpath="body"]')
    body.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name=re.compile(r"^Paragraph")).click()
    editor = body.get_by_role("textbox").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type(PARAGRAPH)
    expect(editor).to_contain_text(PARAGRAPH)
    # Draftail writes its content into the block's hidden input a moment after the last keystroke;
    # publishing before that would save an empty paragraph.
    expect(body.locator('input[type="hidden"][name="body-0-value"]')).to_have_value(re.compile(re.escape(PARAGRAPH)))

    page.get_by_role("combobox", name=re.compile(r"^Status")).select_option(label="Planned")
    # The admin scrolls inside a fixed-height layout, so "full page" is the viewport: make it tall.
    page.set_viewport_size({"width": 1280, "height": 2000})
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "admin-editor.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Publish sits in the dropdown next to "Save draft" in the footer.
    footer_actions = page.get_by_role("navigation", name="Actions (footer)")
    footer_actions.get_by_role("button", name="More actions").click()
    footer_actions.get_by_role("button", name="Publish", exact=True).click()

    expect(page).to_have_url(re.compile(rf"/admin/pages/{index.pk}/$"))
    expect(page.locator(".messages")).to_contain_text(TITLE)
    expect(page.locator(".messages")).to_contain_text("published")
    project = ProjectPage.objects.get(title=TITLE, locale__language_code="en")
    assert project.live and project.get_parent().pk == index.pk
    assert project.status == "planned"
    assert [block.block_type for block in project.body] == ["paragraph"]
    assert PARAGRAPH in project.body[0].value.source
    assert project.owner.username == USERNAME

    page.close()  # the admin's lazy avatar must not be counted against the public pages
    # Neither the admin (no Gravatar, no update check: see settings) nor the site asks other hosts.
    assert external_requests == [], f"the admin asked other hosts for: {external_requests}"
    external_requests.clear()

    # A visitor, with none of the editor's cookies.
    visitor = new_context().new_page()
    visitor.set_viewport_size({"width": 1280, "height": 900})
    visitor.goto(moci_site.url + "/en/projects/")
    card = visitor.locator(".card").filter(has=visitor.get_by_role("link", name=TITLE))
    expect(card).to_have_count(1)
    expect(card).to_contain_text(SUMMARY)
    expect(card).to_contain_text("Planned")
    card.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("main .prose")).to_contain_text(PARAGRAPH)
    expect(visitor.locator("#wagtail-userbar, wagtail-userbar")).to_have_count(0)

    assert external_requests == [], f"the public pages asked other hosts for: {external_requests}"
