"""What the page cache stores pages under (mocisite/cachekeys.py): only the
site, the path and the query parameters the page reads, normalised, so that
strangers cannot grow the cache with invented query strings or Host ports.

The key counts use database 11 of the machine's Redis, under a key prefix of
this run's own, and never flush it (skipped without a Redis, except in CI)."""

import gzip
import json
import random
import string
import uuid

import pytest
import redis

from django.apps import apps
from django.core.cache import caches
from django.test import RequestFactory
from django.utils.module_loading import import_string

from wagtail.models import Site

from mocisite import cachekeys
from mocisite.indexes import FilteredIndexPage
from mocisite.pagecache_middleware import local_pages
from people.forms import DirectoryFilterForm
from people.map import MapFilterForm
from people.models import CommunityMapPage, OrganisationPage, PeopleIndexPage, PersonPage
from projects.forms import ProjectFilterForm
from projects.models import ProjectIndexPage
from resources.forms import ResourceFilterForm
from resources.models import ResourceIndexPage, ResourcePage
from tests.test_cache import needs_redis

pytestmark = pytest.mark.django_db

REDIS_DB = "redis://127.0.0.1:6379/11"


def items(query):
    return cachekeys.query_items(RequestFactory().get(f"/en/projects/?{query}"), ("country", "theme", "page", "q"))


def test_values_are_normalised_as_the_views_read_them():
    assert items("theme=water&country=AL") == items("country=AL&theme=water")
    # The last of repeated values (QueryDict.get), empty values dropped, page 1 is no page.
    assert items("country=XK&country=AL&theme=&page=1") == items("country=AL") == (("country", "AL"),)
    assert items("page=02") == (("page", "2"),)
    # Search words as the search reads them; parameters the page does not read left out.
    assert items("q=%20youth%20%20work%22&x=1&utm_source=spam") == (("q", "youth work"),)


def test_each_page_type_names_what_its_filters_read():
    assert set(ProjectFilterForm.base_fields) | {"page"} == set(ProjectIndexPage.cache_query_params)
    assert set(ResourceFilterForm.base_fields) | {"page"} == set(ResourceIndexPage.cache_query_params)
    assert {"kind", "country", "skill", "need", "page"} == set(PeopleIndexPage.cache_query_params)
    assert {"kind", "country", "theme", "skill", "when"} == set(CommunityMapPage.cache_query_params)
    assert set(DirectoryFilterForm.base_fields) | {"page"} == set(PeopleIndexPage.cache_query_params)
    assert set(MapFilterForm.base_fields) == set(CommunityMapPage.cache_query_params)


def test_every_filtered_index_reads_its_filter_form_and_the_page_number():
    indexes = [model for model in apps.get_models() if issubclass(model, FilteredIndexPage)]
    assert {ProjectIndexPage, ResourceIndexPage, PeopleIndexPage} <= set(indexes)
    for model in indexes:
        assert (*import_string(model.filter_form).base_fields, "page") == model.cache_query_params


@pytest.fixture
def site(moci_content, settings):
    settings.MOCI_PAGE_CACHE = True
    cachekeys.routes.clear()
    return moci_content


def html(response):
    body = response.content
    return (gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body).decode()


def test_unknown_parameters_get_the_stored_page_and_never_a_copy_of_their_own(client, site):
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"
    response = client.get("/en/projects/?utm_source=evil-value&x=1")
    assert response["X-Page-Cache"] == "hit"
    assert "evil-value" not in html(response)


def test_unknown_parameters_on_a_page_not_yet_served_are_rendered_not_stored(client, site):
    response = client.get("/en/projects/?x=evil-value")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"
    assert "evil-value" not in html(client.get("/en/projects/?x=evil-value"))


def test_filters_share_one_copy_however_they_are_written(client, site):
    assert client.get("/en/projects/?status=ongoing")["X-Page-Cache"] == "miss"
    for variant in ("?status=ongoing&country=&theme=", "?theme=&status=ongoing&page=1", "?status=x&status=ongoing"):
        assert client.get(f"/en/projects/{variant}")["X-Page-Cache"] == "hit", variant
    assert client.get("/en/projects/?status=finished")["X-Page-Cache"] == "miss"


def test_an_invalid_filter_value_is_shown_but_not_stored(client, site):
    for _attempt in range(2):
        response = client.get("/en/projects/?country=NOT-A-COUNTRY")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"


def test_search_words_that_match_nothing_are_not_stored(client, site):
    for _attempt in range(2):
        assert client.get("/en/search/?q=qwzxvkj")["X-Page-Cache"] == "miss"
    client.get("/en/search/?q=plastic")
    assert client.get("/en/search/?q=%20plastic%20&utm=1")["X-Page-Cache"] == "hit"


def test_the_host_port_is_not_part_of_the_key(client, site):
    assert client.get("/en/map/geojson/", HTTP_HOST="127.0.0.1")["X-Page-Cache"] == "miss"
    other = client.get("/en/map/geojson/", HTTP_HOST="127.0.0.1:6666")
    # Learned once per Host header and process, then the site's copy.
    assert client.get("/en/map/geojson/", HTTP_HOST="127.0.0.1:6666")["X-Page-Cache"] == "hit"
    # The feed's links are on the site's address, whatever the Host header said.
    assert "6666" not in html(other)
    urls = [feature["properties"]["url"] for feature in json.loads(html(other))["features"]]
    root = Site.objects.get(is_default_site=True).root_url
    assert any(url.startswith(f"{root}/en/") for url in urls)
    assert not any("127.0.0.1" in url for url in urls)


def real_pages():
    person = PersonPage.objects.live().filter(locale__language_code="en").first()
    organisation = OrganisationPage.objects.live().filter(locale__language_code="en").first()
    resource = ResourcePage.objects.live().filter(locale__language_code="en").first()
    pages = [
        "/en/",
        "/sq/",
        "/en/principles/",
        "/en/projects/",
        "/en/projects/precious-plastic-albania/",
        "/en/resources/",
        "/en/people/",
        "/en/map/",
        "/en/map/geojson/",
        "/en/search/?q=plastic",
    ]
    pages += [page.url for page in (person, organisation, resource) if page is not None]
    return pages


def random_word(generator, length=8):
    return "".join(generator.choices(string.ascii_letters + string.digits, k=length))


def random_query(generator):
    word = random_word(generator)
    return generator.choice(
        [
            f"{word}={random_word(generator)}",
            f"utm_source={word}&fbclid={random_word(generator, 20)}",
            f"country={word}",
            f"theme={word}&page={generator.randint(-5, 10_000)}",
            f"kind={word}&skill={random_word(generator)}",
            f"page={word}",
            f"{word}=&{word}={word}",
        ]
    )


def page_keys(connection, prefix):
    return set(connection.scan_iter(match=f"{prefix}:*page:*", count=1000))


@pytest.fixture
def redis_cache(settings):
    prefix = f"moci-test-keys-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "mocisite.cache.ResilientRedisCache",
            "LOCATION": REDIS_DB,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    connection = redis.Redis.from_url(REDIS_DB)
    try:
        yield connection, prefix
    finally:
        for key in connection.scan_iter(match=f"{prefix}:*", count=1000):
            connection.delete(key)
        caches["default"].close()
        del caches["default"]
        local_pages.clear()


@needs_redis
def test_a_thousand_invented_query_strings_and_ports_add_no_keys(client, site, redis_cache):
    connection, prefix = redis_cache
    pages = real_pages()
    for url in pages:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    stored = page_keys(connection, prefix)
    assert len(stored) == len(pages)

    generator = random.Random(13)  # noqa: S311 - the same invented strings each run
    statuses = set()
    for _attempt in range(1000):
        url = generator.choice(pages)
        joiner = "&" if "?" in url else "?"
        host = f"127.0.0.1:{generator.randint(1024, 65535)}" if generator.random() < 0.3 else "testserver"
        statuses.add(client.get(f"{url}{joiner}{random_query(generator)}", HTTP_HOST=host).status_code)
    assert statuses <= {200, 404}
    assert page_keys(connection, prefix) == stored


@needs_redis
def test_an_evicted_generation_never_serves_the_pages_stored_under_it(client, site, redis_cache, settings):
    """Under allkeys-lru Redis may evict the generation key (it has no timeout): the
    next request starts a new generation, and the pages of the old one are not served."""
    connection, prefix = redis_cache
    settings.MOCI_PAGE_CACHE_LOCAL_SECONDS = 0
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"
    assert client.get("/en/projects/")["X-Page-Cache"] == "hit"
    (generation_key,) = connection.keys(f"{prefix}:*page-generation")
    connection.delete(generation_key)
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"
    assert connection.exists(generation_key)
    assert client.get("/en/projects/")["X-Page-Cache"] == "hit"
