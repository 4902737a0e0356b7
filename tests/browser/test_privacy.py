"""An editor makes a project private in the real admin; its Albanian
translation and German alias are private too, and the dialog said so."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from projects.models import ProjectPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

USERNAME = "privacy-admin"
PASSWORD = "correct horse battery"


def test_privacy_set_in_the_admin_protects_every_language(moci_site, page, new_context, screenshot):
    get_user_model().objects.create_superuser(USERNAME, "privacy@example.org", PASSWORD)
    albanian = ProjectPage.objects.get(slug="precious-plastic-albania", locale__language_code="sq")
    assert albanian.alias_of_id is None  # a real translation
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(moci_site.url + "/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The English page's editor: the translation editor of the Albanian one opens two
    # privacy dialogs at once (wagtail-localize renders the status panel twice).
    english = ProjectPage.objects.get(translation_key=albanian.translation_key, locale__language_code="en")
    page.goto(f"{moci_site.url}/admin/pages/{english.pk}/edit/")
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Change privacy").click()
    dialog = page.locator("[role=dialog]:visible")
    expect(dialog).to_contain_text("applies to every language version of this page")
    screenshot(page, "admin-privacy-dialog.png")
    dialog.get_by_label("Private, accessible with a shared password").check()
    dialog.get_by_label("Shared password", exact=True).fill("a-shared-secret")
    screenshot(page, "admin-privacy-dialog.png")
    dialog.get_by_role("button", name="Save").click()
    expect(page.locator("[role=dialog]:visible")).to_have_count(0)

    visitor = new_context().new_page()
    for code in ("en", "sq", "de"):
        version = ProjectPage.objects.get(translation_key=albanian.translation_key, locale__language_code=code)
        visitor.goto(moci_site.url + version.url)
        expect(visitor.locator('input[name="password"]')).to_have_count(1)
        visitor.goto(f"{moci_site.url}/{code}/projects/")
        expect(visitor.get_by_role("link", name=version.title)).to_have_count(0)
