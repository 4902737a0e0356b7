"""The anonymous page cache (mocisite/generation.py, pagecache.py and pagecache_middleware.py): what is
cached, for whom, and that a publish of anything a page shows reaches the next visitor."""

import gzip
import time

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import caches

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from mocisite import generation as page_generation
from mocisite.models import Footer, NavigationMenu
from projects.models import ProjectPage, Theme

pytestmark = pytest.mark.django_db

PROJECT = "/en/projects/precious-plastic-albania/"
ALBANIAN_PROJECT = "/sq/projects/precious-plastic-albania/"
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture
def site(moci_content, settings):
    settings.MOCI_PAGE_CACHE = True
    return moci_content


def html(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def english_project():
    return ProjectPage.objects.get(slug="precious-plastic-albania", locale=Locale.get_default())


def test_an_anonymous_page_is_served_from_the_cache_until_something_is_published(client, site):
    first = client.get(PROJECT, headers=GZIP)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    # Changed behind Wagtail's back (no publish): the cache keeps serving what it has.
    ProjectPage.objects.filter(pk=english_project().pk).update(title="Changed without publishing")
    second = client.get(PROJECT, headers=GZIP)
    assert second["X-Page-Cache"] == "hit"
    assert html(second) == html(first)
    assert "Changed without publishing" not in html(second)

    project = english_project()
    project.summary = "A summary published a moment ago."
    project.save_revision().publish()
    after = client.get(PROJECT, headers=GZIP)
    assert after["X-Page-Cache"] == "miss"
    assert "A summary published a moment ago." in html(after)


def test_a_cached_page_is_gzipped_has_an_etag_and_answers_304(client, site):
    client.get(PROJECT)
    response = client.get(PROJECT, headers=GZIP)
    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert int(response["Content-Length"]) == len(response.content)
    # The same page for a client without gzip, and the same headers as a rendered page.
    plain = client.get(PROJECT)
    assert "Content-Encoding" not in plain
    assert plain.content.decode() == html(response)
    assert plain["Content-Language"] == "en"
    assert "script-src 'self'" in plain["Content-Security-Policy"]
    assert plain["X-Frame-Options"] == "DENY"
    # Conditional requests: the browser's copy is still good (weak or strong form).
    etag = response["ETag"]
    assert etag.startswith('W/"')
    for tag in (etag, etag.removeprefix("W/"), f'"nope", {etag}'):
        not_modified = client.get(PROJECT, headers={"If-None-Match": tag})
        assert not_modified.status_code == 304
        assert not_modified.content == b""
        assert not_modified["ETag"] == etag
    assert client.get(PROJECT, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_the_etag_changes_with_the_page(client, site):
    etag = client.get(PROJECT)["ETag"]
    project = english_project()
    project.summary = "Something new."
    project.save_revision().publish()
    response = client.get(PROJECT, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_pages_without_the_cache_still_get_etags_and_gzip(client, site, settings):
    settings.MOCI_PAGE_CACHE = False
    response = client.get(PROJECT, headers=GZIP)
    assert response["X-Page-Cache"] == "off"
    assert response["Content-Encoding"] == "gzip"
    assert client.get(PROJECT, headers={"If-None-Match": response["ETag"]}).status_code == 304
    assert client.get(PROJECT)["X-Page-Cache"] == "off"


def test_an_albanian_translation_published_reaches_the_next_visitor(client, site):
    assert client.get(ALBANIAN_PROJECT)["X-Page-Cache"] == "miss"
    assert client.get(ALBANIAN_PROJECT)["X-Page-Cache"] == "hit"
    source = TranslationSource.objects.get_for_instance(english_project())
    segment = StringSegment.objects.get(source=source, context__path="summary")
    albanian = Locale.objects.get(language_code="sq")
    string = StringTranslation.objects.get(translation_of=segment.string, context=segment.context, locale=albanian)
    string.data = "Një përmbledhje e re, e përkthyer sot."
    string.save()
    source.translations.get(target_locale=albanian).save_target(publish=True)
    response = client.get(ALBANIAN_PROJECT)
    assert response["X-Page-Cache"] == "miss"
    assert "Një përmbledhje e re, e përkthyer sot." in html(response)


def test_a_snippet_change_reaches_every_page(client, site):
    for url in (PROJECT, "/en/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    footer = Footer.objects.get(locale=Locale.get_default())
    footer.about = "A footer sentence saved just now."
    footer.save()
    menu = NavigationMenu.objects.get(locale=Locale.get_default())
    for url in (PROJECT, "/en/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "A footer sentence saved just now." in html(response)
    # The menu and the project's theme names are remembered parts: they follow too.
    menu.items = [("link", {"page": english_project(), "label": "A new menu link"})]
    menu.save()
    theme = english_project().themes.first()
    Theme.objects.filter(pk=theme.pk).update(name="untouched")  # no signal: not seen…
    theme.refresh_from_db()
    theme.name = "A renamed theme"
    theme.save()  # …until a save says so
    page = html(client.get(PROJECT))
    assert "A new menu link" in page
    assert "A renamed theme" in page


def test_a_page_made_private_leaves_the_cache_at_once(client, site):
    assert client.get(PROJECT)["X-Page-Cache"] == "miss"
    PageViewRestriction.objects.create(
        page=english_project(), restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(PROJECT)
    # The password form: never from the cache, never stored (it carries a CSRF token).
    assert response.status_code == 200
    assert 'name="password"' in html(response)
    assert response.get("X-Page-Cache") is None
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert client.get(PROJECT).get("X-Page-Cache") is None


def test_signed_in_people_never_get_or_fill_the_cache(client, site):
    client.get(PROJECT)
    assert client.get(PROJECT)["X-Page-Cache"] == "hit"
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(PROJECT)
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"
    assert "wagtail-userbar" in html(response)  # the editor's own page, not the visitor's
    client.logout()
    anonymous = client.get(PROJECT)
    assert anonymous["X-Page-Cache"] == "hit"
    assert "wagtail-userbar" not in html(anonymous)


def test_a_session_cookie_alone_keeps_the_cache_away(client, site):
    client.get(PROJECT)
    client.cookies["sessionid"] = "whatever"
    assert "X-Page-Cache" not in client.get(PROJECT)


def test_previews_and_the_admin_are_never_cached(admin_client, site):
    project = english_project()
    preview = admin_client.get(f"/admin/pages/{project.pk}/edit/preview/?mode=")
    assert "X-Page-Cache" not in preview
    assert "X-Page-Cache" not in admin_client.get("/admin/")


def test_the_language_switch_is_neither_cached_nor_token_bound(client, site):
    page = html(client.get(PROJECT))
    # No CSRF token in the pages (it would make them differ per visitor).
    assert "csrfmiddlewaretoken" not in page
    assert client.get(PROJECT)["X-Page-Cache"] == "hit"
    data = {"language": "sq", "page": english_project().pk, "next": PROJECT}
    for _attempt in range(2):
        response = client.post("/i18n/setlang/", data)
        assert response.status_code == 302
        assert response["Location"] == ALBANIAN_PROJECT
        assert "X-Page-Cache" not in response
        assert response.cookies["moci_language"].value == "sq"


def test_errors_and_redirects_are_not_stored(client, site):
    for _attempt in range(2):
        assert client.get("/en/projects/no-such-project/").get("X-Page-Cache") is None
        assert client.get("/en/projects").status_code == 301
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"


def test_the_map_feed_and_search_are_cached_per_address(client, site):
    for url in ("/en/map/geojson/", "/en/map/geojson/?kind=project", "/en/search/?q=plastic"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get("/en/search/?q=youth")["X-Page-Cache"] == "miss"


def test_redis_down_means_rendered_pages_not_errors(client, site, settings):
    """With Redis configured but not answering, nothing is cached and nothing fails."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "mocisite.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    try:
        for _attempt in range(2):
            response = client.get(PROJECT)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "off"
    finally:
        caches["default"].close()
        del caches["default"]


def test_redis_holds_the_generation_for_every_process(client, site, settings):
    settings.MOCI_PAGE_CACHE_LOCAL_SECONDS = 0.5
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "mocisite.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "moci-page-cache-test",
        },
    }
    try:
        caches["default"].clear()
        assert client.get(PROJECT)["X-Page-Cache"] == "miss"
        assert client.get(PROJECT)["X-Page-Cache"] == "hit"
        generation = page_generation.current_generation()
        # Another process publishing: it changes the generation in Redis. This process
        # trusts the generation it read for MOCI_PAGE_CACHE_LOCAL_SECONDS, then sees it.
        caches["default"].set(page_generation.GENERATION_KEY, "set-by-another-process", timeout=None)
        assert client.get(PROJECT)["X-Page-Cache"] == "hit"
        time.sleep(settings.MOCI_PAGE_CACHE_LOCAL_SECONDS + 0.1)
        assert client.get(PROJECT)["X-Page-Cache"] == "miss"
        assert page_generation.current_generation() == "set-by-another-process" != generation
    finally:
        caches["default"].clear()
        caches["default"].close()
        del caches["default"]


def test_a_draft_saved_leaves_the_cache_alone(client, site):
    client.get(PROJECT)
    project = english_project()
    project.summary = "Only a draft."
    project.save_revision()
    response = client.get(PROJECT)
    assert response["X-Page-Cache"] == "hit"
    assert "Only a draft." not in html(response)


def test_head_is_answered_from_the_cache_without_a_body(client, site):
    length = len(client.get(PROJECT).content)
    response = client.head(PROJECT)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert int(response["Content-Length"]) == length
