"""An Albanian translator brings an out-of-date page up to date through the translation queue; the
secretariat approves it; a visitor reads the new Albanian text."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail_localize.models import Translation

from mocisite.roles import SECRETARIAT, translators_group_name
from projects.models import ProjectPage
from tests.browser.admin import log_in, save_segment
from tests.browser.conftest import axe_check

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery"
NEW_SUMMARY = "New: the workshop now opens on Saturdays too."
NEW_SUMMARY_SQ = "E re: punëtoria tani hapet edhe të shtunave."


def make_user(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@moci.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def tall_screenshot(page, screenshot, name):
    # The admin scrolls inside a fixed-height layout, so "full page" is the viewport: make it tall.
    page.set_viewport_size({"width": 1280, "height": 2000})
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, name)
    page.set_viewport_size({"width": 1280, "height": 900})


def queue_row(page, english_page):
    return page.locator(f'tr.translation-queue__row[data-page="{english_page.pk}"]')


def test_translator_updates_an_out_of_date_page_and_the_secretariat_publishes_it(
    moci_site, page, new_context, screenshot, external_requests
):
    albanian = Locale.objects.get(language_code="sq")
    make_user("drita", translators_group_name("sq"))
    make_user("besa", SECRETARIAT)
    translation = (
        Translation.objects.filter(
            target_locale=albanian, source__specific_content_type__model="projectpage", enabled=True
        )
        .select_related("source")
        .order_by("pk")
        .first()
    )
    assert translation is not None, "the content command made no Albanian project translation"
    english = translation.source.get_source_instance().specific
    albanian_page = translation.get_target_instance().specific
    assert isinstance(english, ProjectPage) and albanian_page.live
    old_summary_sq = albanian_page.summary
    english.summary = NEW_SUMMARY
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.last_published_at > translation.source.last_updated_at

    # The translator: only Albanian work, the changed page out of date.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, moci_site.url, "drita", PASSWORD)
    # The dashboard's panel counts her language's work: the one page out of date.
    panel = page.locator("#translation-queue-content")
    expect(panel.locator("tbody tr")).to_have_count(1)
    expect(panel.locator('tbody td[data-state="out_of_date"]')).to_have_text("1")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Translation queue").click()
    expect(page).to_have_url(re.compile(r"/admin/translation-queue/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Translation queue")
    rows = page.locator("tr.translation-queue__row")
    expect(rows.first).to_be_visible()
    for language in rows.evaluate_all("rows => rows.map(row => row.dataset.language)"):
        assert language == "sq"
    row = queue_row(page, english)
    expect(row).to_have_count(1)
    expect(row).to_have_attribute("data-state", "out_of_date")
    expect(page.locator(".translation-summary__table tbody tr")).to_have_count(1)
    axe_check(page)
    tall_screenshot(page, screenshot, "translation-queue-translator.png")

    # "Update" syncs the source and opens wagtail-localize's editor on the Albanian page.
    row.get_by_role("button", name="Update").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{albanian_page.pk}/edit/$"))
    expect(page.locator(".messages")).to_contain_text(re.compile(r"now matches the English page: 1 segment"))
    segment = page.locator("li.incomplete").filter(has_text=NEW_SUMMARY)
    expect(segment).to_have_count(1)
    tall_screenshot(page, screenshot, "translation-editor.png")

    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(NEW_SUMMARY_SQ)
    save_segment(page, segment)
    done = page.locator("li.complete").filter(has_text=NEW_SUMMARY)
    expect(done).to_contain_text(NEW_SUMMARY_SQ)
    expect(page.locator("li.incomplete")).to_have_count(0)

    # Back in the queue: every segment translated, so it can be submitted.
    page.goto(moci_site.url + "/admin/translation-queue/")
    row = queue_row(page, english)
    expect(row).to_have_attribute("data-state", "in_progress")
    row.get_by_role("button", name="Submit for review").click()
    expect(page).to_have_url(re.compile(r"/admin/translation-queue/$"))
    expect(page.locator(".messages")).to_contain_text("is submitted for review")
    expect(row).to_have_attribute("data-state", "awaiting_review")
    expect(row).to_contain_text("Submitted by drita")
    # Submitting saves a draft: visitors still get the published Albanian text.
    albanian_page.refresh_from_db()
    assert albanian_page.summary == old_summary_sq
    page.close()

    # The secretariat: every language, then the review of the Albanian page.
    secretary = new_context().new_page()
    secretary.set_viewport_size({"width": 1280, "height": 900})
    log_in(secretary, moci_site.url, "besa", PASSWORD)
    secretary.goto(moci_site.url + "/admin/translation-queue/")
    summary_rows = secretary.locator(".translation-summary__table tbody tr")
    expect(summary_rows.first).to_be_visible()
    assert summary_rows.count() >= 3
    expect(summary_rows.filter(has_text=albanian.get_display_name())).to_have_count(1)
    languages = set(
        secretary.locator("tr.translation-queue__row").evaluate_all("rows => rows.map(row => row.dataset.language)")
    )
    assert {"sq"} < languages
    axe_check(secretary)
    tall_screenshot(secretary, screenshot, "translation-queue-secretariat.png")

    row = queue_row(secretary, english).and_(secretary.locator('[data-language="sq"]'))
    expect(row).to_have_attribute("data-state", "awaiting_review")
    row.get_by_role("link", name="Review").click()
    expect(secretary).to_have_url(re.compile(rf"/admin/translation-queue/{translation.pk}/review/$"))
    expect(secretary.get_by_role("heading", level=1)).to_contain_text("Review")
    segments = secretary.locator(".translation-review__segments")
    expect(segments.locator("tr").filter(has_text=NEW_SUMMARY)).to_contain_text(NEW_SUMMARY_SQ)
    axe_check(secretary)
    tall_screenshot(secretary, screenshot, "translation-review.png")
    secretary.get_by_role("button", name="Approve and publish").click()
    expect(secretary).to_have_url(re.compile(r"/admin/translation-queue/$"))
    expect(secretary.locator(".messages")).to_contain_text(f"is published in {albanian.get_display_name()}")
    # Done: gone from the work still to do, listed as done.
    expect(queue_row(secretary, english).and_(secretary.locator('[data-language="sq"]'))).to_have_count(0)
    secretary.goto(moci_site.url + "/admin/translation-queue/?language=sq&state=done")
    expect(queue_row(secretary, english)).to_have_attribute("data-state", "done")
    secretary.close()

    assert external_requests == [], f"the admin asked other hosts for: {external_requests}"

    # A visitor reads the new sentence on the Albanian page.
    albanian_page.refresh_from_db()
    assert albanian_page.summary == NEW_SUMMARY_SQ
    visitor = new_context().new_page()
    visitor.set_viewport_size({"width": 1280, "height": 900})
    visitor.goto(moci_site.url + albanian_page.get_url())
    expect(visitor.locator("html")).to_have_attribute("lang", "sq")
    expect(visitor.locator("main .lead")).to_have_text(NEW_SUMMARY_SQ)
    expect(visitor.locator("main")).not_to_contain_text(NEW_SUMMARY)
    assert external_requests == [], f"the public page asked other hosts for: {external_requests}"


def test_a_translators_editor_offers_no_way_to_undo_the_translation(moci_site, page, new_context, screenshot):
    """wagtail-localize's editor footer: no "Convert to alias page" and no "Stop Synced
    translation" for a translator (they may not publish); both for the secretariat."""
    make_user("drita", translators_group_name("sq"))
    make_user("besa", SECRETARIAT)
    translation = (
        Translation.objects.filter(
            target_locale__language_code="sq", enabled=True, source__specific_content_type__model="projectpage"
        )
        .order_by("pk")
        .first()
    )
    albanian_page = translation.get_target_instance()
    editor = f"{moci_site.url}/admin/pages/{albanian_page.pk}/edit/"

    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, moci_site.url, "drita", PASSWORD)
    page.goto(editor)
    footer = page.locator(".js-translation-editor footer")
    expect(footer).to_be_attached()
    expect(
        page.locator(".js-translation-editor li.complete, .js-translation-editor li.incomplete").first
    ).to_be_visible()
    expect(footer.get_by_text("Convert to alias page")).to_have_count(0)
    expect(footer.get_by_text("Stop Synced translation")).not_to_be_visible()
    screenshot(page, "translation-editor-translator-footer.png")
    page.close()

    secretary = new_context().new_page()
    secretary.set_viewport_size({"width": 1280, "height": 900})
    log_in(secretary, moci_site.url, "besa", PASSWORD)
    secretary.goto(editor)
    footer = secretary.locator(".js-translation-editor footer")
    expect(footer.get_by_role("button", name=re.compile("Publish in"))).to_be_visible()
    expect(footer.get_by_text("Convert to alias page")).to_have_count(1)
    expect(footer.get_by_text("Stop Synced translation")).to_have_count(1)
    secretary.close()


def test_a_translator_translates_every_visible_segment_and_submits_from_the_editor(moci_site, page, screenshot):
    """No hidden segment (the slug) holds the translation back; *Submit for review*
    is in the editor; the Albanian address follows the Albanian title, in ASCII."""
    from tests import factories

    make_user("drita", translators_group_name("sq"))
    index = ProjectPage.objects.filter(locale__language_code="en").first().get_parent()
    english = factories.make_project(index, "Mushrooms in Gjirokastër", summary="Bunkers become mushroom farms.")
    english.save_revision().publish()

    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, moci_site.url, "drita", PASSWORD)
    page.goto(moci_site.url + "/admin/translation-queue/?state=untranslated")
    queue_row(page, english).get_by_role("button", name="Start translating").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    translations = {
        "Mushrooms in Gjirokastër": "Kërpudha në Gjirokastër",
        "Bunkers become mushroom farms.": "Bunkerët bëhen ferma kërpudhash.",
    }
    incomplete = page.locator(".js-translation-editor li.incomplete")
    expect(incomplete.first).to_be_visible()
    assert incomplete.count() == len(translations)
    for number, (english_text, albanian_text) in enumerate(translations.items()):
        if number == 1:
            # Half done: the queue names the field left, and leads back to the editor.
            page.goto(moci_site.url + "/admin/translation-queue/")
            row = queue_row(page, english)
            expect(row).to_contain_text("1 segment left: Summary (Content)")
            tall_screenshot(page, screenshot, "translation-queue-segments-left.png")
            row.get_by_role("link", name="Translate").click()
            expect(incomplete.first).to_be_visible()
        segment = incomplete.filter(has_text=english_text).first
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(albanian_text)
        with page.expect_response(lambda response: response.request.method == "PUT") as saved:
            segment.get_by_role("button", name="Save").click()
        assert saved.value.ok, saved.value.status
    expect(incomplete).to_have_count(0)

    submit = page.locator("form.translation-editor-submit").get_by_role("button", name="Submit for review")
    submit.scroll_into_view_if_needed()
    expect(submit).to_be_visible()
    # (No axe check here: wagtail-localize's React editor has findings of its own.)
    screenshot(page, "translation-editor-submit.png")
    submit.click()
    expect(page).to_have_url(re.compile(r"/admin/translation-queue/"))
    expect(page.locator(".messages")).to_contain_text("is submitted for review")
    page.goto(moci_site.url + "/admin/translation-queue/?state=awaiting_review")
    expect(queue_row(page, english)).to_have_attribute("data-state", "awaiting_review")
    axe_check(page)
    tall_screenshot(page, screenshot, "translation-queue-submitted-from-editor.png")

    albanian = english.get_translation(Locale.objects.get(language_code="sq"))
    assert albanian.get_latest_revision_as_object().slug == "kerpudha-ne-gjirokaster"
