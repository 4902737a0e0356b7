"""Too few PostgreSQL connections, for real: a role allowed two connections, both
held by someone else, and gunicorn (production settings) serving as that role.
Every request is a 503 with Retry-After, the refusals are logged once, /health/
says why, and once the connections are free the same processes serve 200 again
(mocisite/database.py).

Needs PostgreSQL as a superuser (to create the role): DATABASE_URL=postgres://….
"""

import json
import os
import secrets
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from psycopg import sql

from django.db import connection

from tests import factories
from tests.reliability.client import Browser
from tests.reliability.harness import Gunicorn, Postgres, app_environment, running

# A PostgreSQL feature (a role's connection limit): CI runs it in its PostgreSQL run.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://…",
)

ROLE = f"moci_tiny_{os.getpid()}"


@pytest.fixture
def tiny_role(transactional_db):
    """A role limited to two connections, with the app's rights on the test database;
    dropped afterwards (its connections ended first)."""
    settings = connection.settings_dict
    server = Postgres(f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/")
    database = settings["NAME"]
    role = sql.Identifier(ROLE)
    password = secrets.token_urlsafe(16)
    server.execute(sql.SQL("CREATE ROLE {} LOGIN CONNECTION LIMIT 2 PASSWORD {}").format(role, sql.Literal(password)))
    try:
        server.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), role))
        for grant in (
            "GRANT USAGE ON SCHEMA public TO {}",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}",
        ):
            server.execute(sql.SQL(grant).format(role), database=database)
        url = f"postgres://{ROLE}:{password}@{server.host}:{server.port}/{database}"
        yield url
    finally:
        server.execute(
            sql.SQL("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = {}").format(
                sql.Literal(ROLE)
            )
        )
        server.execute(sql.SQL("DROP OWNED BY {}").format(role), database=database)
        server.execute(sql.SQL("DROP ROLE {}").format(role))


@pytest.fixture
def site(tiny_role, tmp_path):
    """gunicorn as production runs it (one worker, four threads), as the tiny role,
    without keeping connections (so that, idle, it holds none)."""
    factories.make_home()
    env = app_environment(
        tiny_role,
        tmp_path / "media",
        tmp_path / "static",
        DJANGO_SETTINGS_MODULE="tests.production_settings",
        GUNICORN_THREADS=4,
        DATABASE_CONN_MAX_AGE=0,
        PAGE_CACHE="off",
        LOG_LEVEL="INFO",
    )
    with running(Gunicorn(env, tmp_path / "gunicorn.log", workers=1, name="tiny")) as (server,):
        yield server


def records(server, logger):
    found = []
    for line in server.log_path.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("logger") == logger:
            found.append(entry)
    return found


def test_too_few_connections_is_503_logged_once_then_200_again(site, tiny_role):
    home = Browser(site.port).get("/en/")
    assert home.status == 200

    held = [psycopg.connect(tiny_role) for _ in range(2)]  # someone else has both slots
    try:
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: Browser(site.port).get("/en/"), range(40)))
        assert [answer.status for answer in answers] == [503] * 40
        assert {answer.header("Retry-After") for answer in answers} == {"10"}
        assert "The site is busy" in answers[0].text

        health = Browser(site.port).get("/health/")
        assert health.status == 503
        assert json.loads(health.body) == {"database": "too many connections"}
    finally:
        for held_connection in held:
            held_connection.close()

    assert Browser(site.port).get("/en/").status == 200
    assert Browser(site.port).get("/health/").status == 200

    reports = records(site, "mocisite.database")
    assert len(reports) == 1, reports
    assert "too many connections" in reports[0]["message"]
    assert not records(site, "django.request"), "no 'Internal Server Error' per request"
    access = [entry["status"] for entry in records(site, "gunicorn.access") if entry.get("path") == "/en/"]
    assert access.count(503) == 40 and 500 not in access
