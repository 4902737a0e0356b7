"""The Redis cache of production (mocisite/cache.py): with Redis away, a miss, never
an error, and pages are still served; with Redis there, Django's RedisCache.

The tests against a live Redis use database 9 of the machine's Redis, each under a
key prefix of its own, and never flush it. Without a Redis they skip locally; in CI
(``CI=true``) they run, and fail.
"""

import logging
import os
import socket
import threading
import uuid

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from mocisite.cache import ResilientRedisCache

CLOSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1
LIVE = os.environ.get("MOCI_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_answers() and os.environ.get("CI") != "true",
    reason="needs Redis at 127.0.0.1:6379 (apt-get install redis-server)",
)


def cache_settings(location, **options):
    return {
        "BACKEND": "mocisite.cache.ResilientRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": f"moci-test-{uuid.uuid4().hex}",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, **options},
    }


def make(location, **options):
    params = cache_settings(location, **options)
    return ResilientRedisCache(params.pop("LOCATION"), params)


@pytest.fixture(autouse=True)
def fresh_state():
    ResilientRedisCache._skip_until.clear()
    ResilientRedisCache._warned_at.clear()
    yield
    ResilientRedisCache._skip_until.clear()
    ResilientRedisCache._warned_at.clear()


def test_redis_away_is_a_cache_miss(caplog):
    cache = make(CLOSED, retry_after=0)
    with caplog.at_level(logging.WARNING, logger="mocisite.cache"):
        assert cache.get("page") is None
        assert cache.get("page", "default") == "default"
        assert cache.set("page", "<html>") is None
        assert cache.add("page", "<html>") is False
        assert cache.get_many(["one", "two"]) == {}
        assert cache.set_many({"one": 1, "two": 2}) == ["one", "two"]
        assert cache.has_key("page") is False
        assert cache.touch("page") is False
        assert cache.delete("page") is False
        assert cache.delete_many(["one", "two"]) is None
        assert cache.get_or_set("page", lambda: "computed") == "computed"
        with pytest.raises(ValueError, match="not found"):
            cache.incr("counter")
        with pytest.raises(ValueError, match="not found"):
            cache.decr("counter")
        assert cache.clear() is False
    # One warning for the lot (at most one a minute), naming the trouble.
    [warning] = [record for record in caplog.records if record.name == "mocisite.cache"]
    assert warning.levelname == "WARNING"
    assert "Redis cache unavailable" in warning.getMessage()
    assert "ConnectionError" in warning.getMessage()


def test_after_a_failure_redis_is_left_alone_for_a_while(monkeypatch):
    cache = make(CLOSED, retry_after=30)
    assert cache.get("page") is None
    assert cache.skipping
    asked = []
    monkeypatch.setattr(RedisCache, "get", lambda *args, **kwargs: asked.append(args))
    assert cache.get("page", "miss") == "miss"
    assert asked == []
    # Another instance (Django makes one per thread) knows it too.
    assert make(CLOSED).skipping


def test_ping_says_when_redis_is_away():
    with pytest.raises(RedisConnectionError):
        make(CLOSED).ping()


def test_async_calls_miss_too():
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    cache = make(CLOSED)
    # A thread of its own: after the browser tests, Playwright's event loop runs in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, cache.aget("page", "default")).result() == "default"


@pytest.mark.django_db
def test_pages_are_served_with_redis_away(client, settings, full_tree):
    settings.CACHES = {"default": cache_settings(CLOSED), "renditions": cache_settings(CLOSED)}
    assert isinstance(caches["renditions"], ResilientRedisCache)
    for page in ("home", "index", "project", "organisation"):
        response = client.get(full_tree[page].url)
        assert response.status_code == 200, page


@needs_redis
def test_with_redis_there_it_is_djangos_redis_cache():
    cache = make(LIVE)
    try:
        assert cache.ping() is True
        cache.set("page", {"title": "Shtëpia"}, 30)
        assert cache.get("page") == {"title": "Shtëpia"}
        assert cache.add("page", "other") is False
        cache.set("counter", 1, 30)
        assert cache.incr("counter") == 2
        assert cache.get_many(["page", "counter", "absent"]) == {"page": {"title": "Shtëpia"}, "counter": 2}
        assert cache.delete("page") is True
        assert cache.get("page") is None
    finally:
        cache.delete_many(["page", "counter"])


@needs_redis
def test_one_redis_client_serves_every_call_and_thread():
    """Django makes a redis-py client per call (0.3 ms each with redis-py 8); ours
    keeps one per connection pool, shared by threads as redis-py allows."""
    cache = make(LIVE)
    try:
        client = cache._cache.get_client(write=True)
        assert cache._cache.get_client("any key") is client
        results = []

        def work(number):
            cache.set(f"thread-{number}", number, 30)
            results.append((cache.get(f"thread-{number}"), cache._cache.get_client()))

        threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(value for value, _client in results) == list(range(8))
        assert {id(used) for _value, used in results} == {id(client)}
    finally:
        cache.delete_many([f"thread-{number}" for number in range(8)])


@needs_redis
@pytest.mark.django_db
def test_pages_use_the_shared_renditions_cache(client, settings, full_tree):
    settings.CACHES = {"default": cache_settings(LIVE), "renditions": cache_settings(LIVE)}
    renditions = caches["renditions"]
    image = full_tree["project"].image
    client_ = renditions._cache.get_client(write=True)
    pattern = renditions.make_key(f"wagtail-rendition-{image.id}-*")
    try:
        assert client.get(full_tree["project"].url).status_code == 200
        # Wagtail keeps the renditions it made (the page's <picture>) in the shared
        # cache, where every app container finds them.
        assert client_.keys(pattern)
    finally:
        for key in client_.keys(pattern):
            client_.delete(key)


def test_a_redis_that_refuses_writes_is_a_miss_and_still_read(monkeypatch, caplog):
    """OutOfMemoryError (a ResponseError, not a ConnectionError): writes do nothing,
    reads go on (no pause as for a Redis that does not answer)."""
    from redis.exceptions import OutOfMemoryError

    from django.core.cache.backends.redis import RedisCache

    def refuse(*args, **kwargs):
        raise OutOfMemoryError("command not allowed when used memory > 'maxmemory'.")

    cache = make(CLOSED)
    monkeypatch.setattr(RedisCache, "set", refuse)
    monkeypatch.setattr(RedisCache, "add", refuse)
    monkeypatch.setattr(RedisCache, "get", lambda self, key, default=None, version=None: "stored")
    with caplog.at_level(logging.WARNING, logger="mocisite.cache"):
        assert cache.set("key", "value") is None
        assert cache.add("key", "value") is False
    assert "OutOfMemoryError" in caplog.text
    assert not cache.skipping
    assert cache.get("key") == "stored"
