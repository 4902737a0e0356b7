"""bin/start is what the Docker image runs; the Dockerfile must pass hadolint.

bin/start runs in a subprocess with MOCI_START_DRY_RUN=1: it migrates a fresh
SQLite database and sets up the roles exactly as in the image, then prints the
gunicorn command instead of starting the server.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
START = REPO / "bin" / "start"
HADOLINT = Path(sys.executable).parent / "hadolint"


@pytest.fixture(scope="module")
def first_start(tmp_path_factory):
    """bin/start once on a fresh database (migrating takes a while: share it)."""
    db_path = tmp_path_factory.mktemp("start") / "start.sqlite3"
    assert not db_path.exists()
    return db_path, run_start(db_path)


def run_start(db_path):
    # Not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE: bin/start's deployment check
    # rightly refuses to start with it (async.E001).
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "MOCI_START_DRY_RUN": "1",
        "PYTHON": sys.executable,
        "DJANGO_SETTINGS_MODULE": "mocisite.settings.test",
        "DATABASE_URL": f"sqlite:///{db_path}",
    }
    return subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [str(START)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def query(db_path, sql, *params):
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, params).fetchall()


def assert_started(result, db_path):
    assert result.returncode == 0, result.stdout + result.stderr
    applied = {app for (app,) in query(db_path, "SELECT DISTINCT app FROM django_migrations")}
    assert {"projects", "wagtailcore", "wagtail_localize"} <= applied
    assert query(db_path, "SELECT name FROM auth_group WHERE name = ?", "Secretariat") == [("Secretariat",)]
    dry_run = [line for line in result.stdout.splitlines() if "would exec" in line]
    assert len(dry_run) == 1, result.stdout
    assert "gunicorn mocisite.wsgi:application --config gunicorn.conf.py" in dry_run[0]


def test_start_script_is_executable():
    assert os.access(START, os.X_OK)


def test_start_migrates_sets_up_roles_and_names_gunicorn(first_start):
    start_db, result = first_start
    assert_started(result, start_db)


def test_start_twice_is_harmless(first_start):
    start_db, first = first_start
    assert_started(first, start_db)
    groups = query(start_db, "SELECT name FROM auth_group ORDER BY name")
    migrations = query(start_db, "SELECT COUNT(*) FROM django_migrations")

    second = run_start(start_db)

    assert_started(second, start_db)
    assert "No migrations to apply." in second.stdout
    assert query(start_db, "SELECT name FROM auth_group ORDER BY name") == groups
    assert query(start_db, "SELECT COUNT(*) FROM django_migrations") == migrations


def test_dockerfile_passes_hadolint():
    assert HADOLINT.exists(), f"hadolint missing at {HADOLINT}: pip install -r requirements-dev.txt"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [str(HADOLINT), "Dockerfile"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_image_runs_the_start_script_with_the_gunicorn_config():
    dockerfile = (REPO / "Dockerfile").read_text()
    assert 'CMD ["bin/start"]' in dockerfile
    assert "DJANGO_SETTINGS_MODULE=mocisite.settings.production" in dockerfile
    assert "gunicorn.conf.py" in START.read_text()
