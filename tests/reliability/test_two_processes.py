"""Beyond one server (issue 6, part 9): two app processes — two gunicorns with
the production settings, on different ports — share one PostgreSQL database,
one Redis (db 9) and one media folder (standing in for object storage).

An editor publishes a change through A's admin (logged in over HTTP, the page
form posted with its CSRF token); B, which served and cached the page before,
serves the new text within PAGE_CACHE_LOCAL_SECONDS (1 s). The editor's session, created on A,
is valid on B.
"""

import time

import pytest

from .client import Browser, find_form
from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, record
from .harness import Gunicorn, app_environment, redis_cli, redis_keys, running

pytestmark = pytest.mark.reliability

LOCAL_SECONDS = 1  # mocisite.settings.base.MOCI_PAGE_CACHE_LOCAL_SECONDS, by default

REDIS_DB = 9
PAGE = "/en/projects/"


@pytest.fixture
def two_processes(new_database, static_root, workdir, tmp_path, require_redis):
    redis_cli("flushdb", db=REDIS_DB)
    url = new_database("two_processes")
    env = app_environment(url, tmp_path / "media", static_root, REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}")
    a = Gunicorn(env, workdir / "process-a.log", workers=1, name="A")
    b = Gunicorn(env, workdir / "process-b.log", workers=1, name="B")
    with running(a, b):
        yield a, b, url
    redis_cli("flushdb", db=REDIS_DB)


def test_an_edit_published_through_one_process_is_served_by_the_other(two_processes, postgres):
    a, b, url = two_processes
    visitor = Browser(b.port)
    assert visitor.get(PAGE).status == 200
    assert visitor.get(PAGE).status == 200
    cached = redis_keys(REDIS_DB)
    assert cached > 0, f"nothing in Redis db {REDIS_DB}: the production settings do not use REDIS_URL"

    (page_id,) = postgres.execute(
        "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id "
        "WHERE p.slug = 'projects' AND l.language_code = 'en'",
        database=url.rsplit("/", 1)[-1],
    )[0]
    editor = Browser(a.port)
    editor.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    edit_path = f"/admin/pages/{page_id}/edit/"
    edit = editor.get(edit_path)
    assert edit.status == 200, edit.text[:2000]
    form = find_form(edit.text, lambda attrs: attrs.get("action", "").endswith(edit_path))
    before = form.value("introduction")
    assert before, form.fields
    assert before.split()[0] in visitor.get(PAGE).text
    marker = f"Published through process A at {time.time():.0f}, served by process B"
    form.set("introduction", marker)
    published = editor.post(edit_path, [*form.fields, ("action-publish", "action-publish")])
    assert published.status == 302, f"publishing failed ({published.status}): {published.text[:3000]}"
    published_at = time.monotonic()

    # B trusts the generation it read for PAGE_CACHE_LOCAL_SECONDS (1 s): its
    # anonymous visitors see the edit within that time, and no later.
    on_b = visitor.get(PAGE)
    while marker not in on_b.text and time.monotonic() - published_at < LOCAL_SECONDS + 0.5:
        time.sleep(0.1)
        on_b = visitor.get(PAGE)
    seen_after = time.monotonic() - published_at
    assert on_b.status == 200
    assert marker in on_b.text, "B still serves the text from before the edit"
    assert marker in Browser(a.port).get(PAGE).text

    # The session A created is B's too: the admin opens, it does not send the editor to log in.
    same_editor = Browser(b.port)
    same_editor.cookies = {"sessionid": editor.cookies["sessionid"]}
    dashboard = same_editor.get("/admin/")
    assert dashboard.status == 200, (dashboard.status, dashboard.header("Location"))
    anonymous = Browser(b.port).get("/admin/")
    assert anonymous.status == 302 and "/admin/login/" in anonymous.header("Location")

    record(
        "two processes",
        f"edit published through A (page {page_id}) served by B "
        f"({1000 * seen_after:.0f} ms later); "
        f"A's session opens B's admin (200); Redis db {REDIS_DB} held {cached} keys from B before the edit",
    )
