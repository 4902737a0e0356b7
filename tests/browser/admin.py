"""What browser tests do in the Wagtail admin: sign in, save a segment in wagtail-localize's editor."""

import re

from playwright.sync_api import expect


def log_in(page, base_url, username, password):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def save_segment(page, segment):
    """Click a segment's Save in wagtail-localize's editor and wait until the server took it."""
    with page.expect_response(
        lambda response: (
            re.search(r"/admin/localize/translate/\d+/strings/\d+/edit/$", response.url)
            and response.request.method == "PUT"
        )
    ) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.status
