"""A Redis that is full and refuses writes (``maxmemory`` with the default
``maxmemory-policy noeviction``: ``OutOfMemoryError``) costs the site its cache,
never a page: every page type answers 200, and /health/ says what is wrong.

The test starts its own ``redis-server`` on a spare port with 2 MB of memory. It
skips when redis-server is not installed, except in CI (``CI=true``), where it fails.
"""

import os
import shutil
import subprocess
import tempfile
import time

import pytest
import redis

from django.core.cache import caches

from mocisite import cachekeys
from mocisite.cache import ResilientRedisCache
from mocisite.pagecache_middleware import local_pages
from tests.reliability.harness import free_port
from tests.test_cache_keys import real_pages

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture
def full_redis():
    if REDIS_SERVER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed")
        pytest.skip("needs redis-server (apt-get install redis-server)")
    port = free_port()
    folder = tempfile.mkdtemp(prefix="moci-full-redis-")
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--maxmemory", "2mb", "--maxmemory-policy", "noeviction", "--dir", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        connection = redis.Redis(port=port, socket_timeout=2)
        for _attempt in range(100):
            try:
                connection.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        # Fill it until it refuses even a small write.
        for size in (100_000, 1_000, 10):
            with pytest.raises(redis.exceptions.OutOfMemoryError):
                for number in range(100_000):
                    connection.set(f"filler-{size}-{number}", b"x" * size)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def cache_in_full_redis(moci_content, settings, full_redis):
    redis_cache = {
        "BACKEND": "mocisite.cache.ResilientRedisCache",
        "LOCATION": full_redis,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    settings.CACHES = {
        "default": {**redis_cache, "KEY_PREFIX": "moci"},
        "renditions": {**redis_cache, "KEY_PREFIX": "moci-renditions"},
    }
    settings.MOCI_PAGE_CACHE = True
    cachekeys.routes.clear()
    ResilientRedisCache._skip_until.clear()
    yield
    for alias in ("default", "renditions"):
        caches[alias].close()
        del caches[alias]
    local_pages.clear()
    ResilientRedisCache._skip_until.clear()


def test_every_page_type_answers_200_when_redis_refuses_writes(client, cache_in_full_redis):
    pages = [*real_pages(), "/en/projects/?status=ongoing", "/en/people/?kind=person", "/sq/?n=1", "/sitemap.xml"]
    for url in pages:
        for _attempt in range(2):
            response = client.get(url)
            assert response.status_code == 200, url


def test_health_says_that_redis_refuses_writes(client, cache_in_full_redis):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "refuses writes", "cache_renditions": "refuses writes"}
