"""/health/ for Docker's HEALTHCHECK and load balancers: the database, and each
Redis cache when one is configured; 503 naming what is down; never cached.

(tests/test_pages.py has the database-only cases.)
"""

import logging

import pytest

from django.db import DatabaseError

from tests.test_cache import CLOSED, LIVE, cache_settings, needs_redis


@pytest.fixture
def database_down(monkeypatch):
    class DownConnection:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr("mocisite.views.connection", DownConnection())


@pytest.fixture
def redis_away(settings):
    settings.CACHES = {"default": cache_settings(CLOSED), "renditions": cache_settings(CLOSED)}


@pytest.fixture
def redis_there(settings):
    settings.CACHES = {"default": cache_settings(LIVE), "renditions": cache_settings(LIVE)}


def test_without_redis_only_the_database_is_checked(client, db):
    response = client.get("/health/")
    assert (response.status_code, response.json()) == (200, {"database": "ok"})


@needs_redis
def test_ok_when_the_database_and_redis_answer(client, db, redis_there):
    response = client.get("/health/")
    assert (response.status_code, response.json()) == (200, {"database": "ok", "cache": "ok", "cache_renditions": "ok"})


def test_503_naming_the_cache_when_redis_is_away(client, db, redis_away, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable", "cache_renditions": "unavailable"}
    # Said once, as a warning that names the trouble; not as a server error with a
    # traceback (which ADMINS would get by e-mail at every probe).
    assert any(r.name == "mocisite.health" and "ConnectionError" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_503_naming_the_database_when_it_is_down(client, db, redis_away, database_down):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "unavailable", "cache_renditions": "unavailable"}


@needs_redis
def test_503_naming_only_the_database_when_redis_answers(client, db, redis_there, database_down):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok", "cache_renditions": "ok"}


def test_djangos_own_redis_cache_is_checked_too(client, db, settings):
    settings.CACHES = {"default": {**cache_settings(CLOSED), "BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    response = client.get("/health/")
    assert (response.status_code, response.json()) == (503, {"database": "ok", "cache": "unavailable"})


def test_never_cached(client, db, redis_away):
    for response in (client.get("/health/"), client.get("/health/", headers={"X-Request-ID": "probe-1"})):
        cache_control = response["Cache-Control"]
        assert {"no-cache", "no-store", "must-revalidate", "private", "max-age=0"} <= {
            part.strip() for part in cache_control.split(",")
        }


def test_answers_plain_http_behind_the_https_redirect(client, db, settings):
    # Production redirects plain HTTP to HTTPS, except /health/ (a load balancer may
    # probe it without X-Forwarded-Proto): as production.py sets it (test_production.py).
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    assert client.get("/health/").status_code == 200
    assert client.get("/en/").status_code == 301


def test_only_get(client, db):
    assert client.post("/health/").status_code == 405
