"""An editor gives a project a photo in the real admin: the page is not published
until the photo says what it shows, and the visitor's page then says it."""

import io
import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from projects.models import ProjectPage
from tests.browser.admin import log_in
from tests.browser.test_editor import PASSWORD, USERNAME

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALT = "A shredder turning bottle caps into flakes"


def test_a_photo_needs_alternative_text_before_it_is_published(moci_site, page, new_context, screenshot):
    get_user_model().objects.create_superuser(USERNAME, "editor@example.org", PASSWORD)
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 500), (11, 85, 99)).save(buffer, "PNG")
    # Titled after its file, as the uploader leaves it, and with no alternative text in the library.
    get_image_model().objects.create(title="dsc-0042", file=ImageFile(buffer, name="dsc-0042.png"))
    project = ProjectPage.objects.get(locale__language_code="en", slug="precious-plastic-albania")
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, moci_site.url, USERNAME, PASSWORD)

    page.goto(f"{moci_site.url}/admin/pages/{project.pk}/edit/")
    image_field = page.locator('[data-contentpath="image"]')
    image_field.get_by_role("button", name=re.compile("Choose an image")).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=re.compile("dsc-0042")).click()
    expect(image_field).to_contain_text("dsc-0042")

    footer_actions = page.get_by_role("navigation", name="Actions (footer)")
    footer_actions.get_by_role("button", name="More actions").click()
    footer_actions.get_by_role("button", name="Publish", exact=True).click()

    # Refused, with the reason beside the field, and nothing published.
    alt_field = page.locator('[data-contentpath="image_alt_text"]')
    expect(alt_field).to_contain_text("Describe what the picture shows")
    alt_input = alt_field.get_by_role("textbox")
    expect(alt_input).to_have_attribute("aria-invalid", "true")
    alt_field.scroll_into_view_if_needed()
    screenshot(page, "admin-alt-text-asked.png")
    assert ProjectPage.objects.get(pk=project.pk).image is None

    # The photo in the page's own words, then published.
    expect(image_field).to_contain_text("dsc-0042")
    alt_input.fill(ALT)
    footer_actions.get_by_role("button", name="More actions").click()
    footer_actions.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("published")
    assert ProjectPage.objects.get(pk=project.pk).image_alt_text == ALT

    visitor = new_context().new_page()
    visitor.goto(moci_site.url + project.url)
    expect(visitor.locator("article img.page-image")).to_have_attribute("alt", ALT)
    expect(visitor.locator('img[alt="dsc-0042"]')).to_have_count(0)
