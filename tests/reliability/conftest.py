"""Fixtures of the reliability tests: PostgreSQL databases of their own, built
once from the migrations and the MOCI content and then copied for each module
(``CREATE DATABASE … TEMPLATE``), the static files collected as the image
collects them, and a summary of the figures at the end of the run.

They need PostgreSQL (and, for some tests, Redis and the local cluster's
``pg_ctlcluster``): without them the tests are skipped, except on CI
(``CI=true``), where a missing component is a failure.
"""

import os
import secrets
import subprocess
import sys
import time

import pytest

from .harness import (
    REPO,
    Postgres,
    app_environment,
    local_cluster,
    manage,
    redis_running,
    say,
    server_url_from_environment,
    tool,
)

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = f"reliability-{secrets.token_urlsafe(12)}"
PREFIX = f"moci_reliability_{os.getpid()}"
REPORT = []


def require(condition, message):
    """Skip when a component is missing here; on CI it must be there."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (required on CI)", pytrace=False)
        pytest.skip(message)


def record(section, line):
    REPORT.append((section, line))
    say(f"{section}: {line}")


def pytest_terminal_summary(terminalreporter):
    if not REPORT:
        return
    terminalreporter.section("reliability figures")
    for section, line in REPORT:
        terminalreporter.write_line(f"{section}: {line}")


@pytest.fixture(scope="session")
def postgres():
    server = Postgres(server_url_from_environment())
    require(server.reachable(), f"no PostgreSQL at {server.host}:{server.port}")
    return server


@pytest.fixture(scope="session")
def require_postgres_tools():
    missing = [name for name in ("pg_dump", "pg_restore", "psql") if not tool(name)]
    require(not missing, f"PostgreSQL client tools missing: {', '.join(missing)}")


@pytest.fixture(scope="session")
def require_redis():
    require(bool(tool("redis-server")) and redis_running(), "no Redis answering on 127.0.0.1:6379")


@pytest.fixture(scope="session")
def require_local_cluster(postgres):
    require(
        local_cluster(postgres) is not None,
        f"no local PostgreSQL cluster serving {postgres.host}:{postgres.port} to restart (pg_ctlcluster)",
    )


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("reliability")


@pytest.fixture(scope="session")
def content_database(postgres, workdir):
    """A database with the migrations, the MOCI content (``load_moci_content --no-admin``)
    and an admin user, plus the collected static files; the template of every test's database.
    Yields (database name, static root)."""
    name = f"{PREFIX}_content"
    static_root = workdir / "static"
    postgres.drop(name)
    url = postgres.create(name)
    env = app_environment(url, workdir / "media-unused", static_root)
    started = time.monotonic()
    try:
        collect = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_moci_content", "--no-admin", "-v", "0")
        manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
            *("createsuperuser", "--noinput", "--username", ADMIN_USERNAME, "--email", "admin@example.org"),
        )
        output, _ = collect.communicate(timeout=300)
        assert collect.returncode == 0, f"collectstatic failed:\n{output}"
        record("setup", f"migrate + load_moci_content + collectstatic: {time.monotonic() - started:.1f} s")
        yield name, static_root
    finally:
        postgres.drop(name)


@pytest.fixture(scope="session")
def new_database(postgres, content_database):
    """``new_database(label, empty=False)``: a database of the test's own, a copy of the content
    database (or empty), dropped at the end of the run. Returns its URL."""
    template, _ = content_database
    created = []

    def make(label, *, empty=False):
        name = f"{PREFIX}_{label}"
        postgres.drop(name)
        created.append(name)
        return postgres.create(name, template=None if empty else template)

    yield make
    for name in created:
        postgres.drop(name)


@pytest.fixture(scope="session")
def static_root(content_database):
    return content_database[1]
