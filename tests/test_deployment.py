"""What a deployment runs: compose.yaml, the Dockerfile, gunicorn.conf.py, whitenoise's
static files, setup_site (bin/start's first step) and .env.example.

There is no Docker engine here: compose.yaml is read with PyYAML (``safe_load``;
anchors and ``<<`` merges resolved as Docker Compose resolves them), and its
structure is checked as ``docker compose config`` would need it.
"""

import re
import runpy
from pathlib import Path

import pytest
import yaml

from django.core.management import call_command
from django.db import connection
from django.templatetags.static import static

from mocisite.management.commands import setup_site
from tests import factories

REPO = Path(__file__).resolve().parent.parent


# compose.yaml ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "compose.yaml").read_text())


def test_compose_has_the_app_postgresql_redis_and_volumes(compose):
    services = compose["services"]
    assert {"app", "db", "redis"} <= set(services)
    assert services["db"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:")
    assert set(compose["volumes"]) == {"pgdata", "media"}
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]


@pytest.mark.parametrize("name", ["app", "app-2"])
def test_compose_app_is_built_here_and_shares_only_the_services(compose, name):
    app = compose["services"][name]
    assert app["build"] == "."
    assert app["env_file"] == ".env"
    # The database and Redis are the stack's own services.
    assert re.fullmatch(
        r"postgres://moci:\$\{POSTGRES_PASSWORD:\?[^}]*\}@db:5432/moci", app["environment"]["DATABASE_URL"]
    )
    assert app["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    # Uploads on the shared volume.
    assert app["environment"]["MEDIA_ROOT"] == "/app/media"
    assert "media:/app/media" in app["volumes"]
    # Started once the database and Redis are healthy.
    assert app["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert app["restart"] == "unless-stopped"
    # Reached through the host's TLS proxy only.
    assert all(port.startswith("127.0.0.1:") and port.endswith(":8000") for port in app["ports"])
    # X-Forwarded-For believed from the stack's own network (the host's proxy comes in
    # through its gateway) unless .env names the proxy.
    assert app["environment"]["TRUSTED_PROXIES"] == "${TRUSTED_PROXIES:-172.30.80.0/24}"
    assert compose["networks"]["default"]["ipam"]["config"] == [{"subnet": "172.30.80.0/24"}]


def test_compose_redis_is_a_cache_that_evicts_when_full(compose):
    """Redis's default, noeviction, refuses every write once full (README, Configuration)."""
    command = compose["services"]["redis"]["command"]
    options = dict(zip(command[1::2], command[2::2], strict=False))
    assert command[0] == "redis-server"
    assert re.fullmatch(r"\d+(mb|gb)", options["--maxmemory"])
    assert options["--maxmemory-policy"] == "allkeys-lru"
    assert options["--save"] == ""


def test_compose_second_app_container_is_opt_in(compose):
    assert "profiles" not in compose["services"]["app"]
    assert compose["services"]["app-2"]["profiles"] == ["scale-out"]
    ports = [port for name in ("app", "app-2") for port in compose["services"][name]["ports"]]
    assert len({port.rsplit(":", 1)[0] for port in ports}) == len(ports)


def test_compose_healthchecks(compose):
    services = compose["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    # The app's own is the image's HEALTHCHECK (/health/), not repeated here.
    assert "healthcheck" not in services["app"]


def test_compose_database_password_comes_from_env(compose):
    assert compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert compose["services"]["db"]["environment"]["POSTGRES_USER"] == "moci"


def test_compose_named_volumes_are_declared(compose):
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in compose["volumes"], volume


def duplicate_keys(node, path="compose.yaml"):
    """Keys written twice in one mapping, anywhere under ``node`` (a composed YAML node)."""
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _value in node.value]
        found = [f"{path}: {key}" for key in sorted(set(keys)) if keys.count(key) > 1]
        for key, value in node.value:
            found += duplicate_keys(value, f"{path} > {key.value}")
        return found
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in duplicate_keys(item, path)]
    return []


def test_compose_writes_each_key_once():
    """Docker Compose refuses a key written twice in a mapping; PyYAML keeps the last
    one silently, so the tests above would read a file that compose will not."""
    assert duplicate_keys(yaml.compose((REPO / "compose.yaml").read_text())) == []
    assert duplicate_keys(yaml.compose("a:\n  b: 1\n  c: [{d: 1, d: 2}]\n  b: 3\n")) == [
        "compose.yaml > a: b",
        "compose.yaml > a > c: d",
    ]


# Dockerfile and gunicorn -------------------------------------------------------------------


def test_dockerfile():
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "pip install --no-cache-dir -r requirements.txt" in dockerfile
    assert re.search(r"^USER 10001:10001$", dockerfile, re.MULTILINE)
    assert "collectstatic --noinput" in dockerfile
    assert "compilemessages" in dockerfile
    healthcheck = dockerfile[dockerfile.index("HEALTHCHECK") :]
    assert "/health/" in healthcheck and "X-Forwarded-Proto" in healthcheck
    assert 'CMD ["bin/start"]' in dockerfile
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".env", ".git", ".venv", "media", "db.sqlite3"} <= set(ignored)


def test_gunicorn_configuration_from_the_environment(monkeypatch):
    for name, value in {
        "GUNICORN_WORKERS": "4",
        "GUNICORN_THREADS": "8",
        "GUNICORN_TIMEOUT": "45",
        "GUNICORN_MAX_REQUESTS": "500",
        "PORT": "9000",
    }.items():
        monkeypatch.setenv(name, value)
    config = runpy.run_path(str(REPO / "gunicorn.conf.py"))
    assert (config["workers"], config["threads"], config["timeout"]) == (4, 8, 45)
    assert config["bind"] == "0.0.0.0:9000"
    assert config["max_requests"] == 500
    assert 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["graceful_timeout"] > 0
    # Logs to standard output: the access log, and the same JSON as the site's.
    assert config["accesslog"] == "-"
    handlers = config["logconfig_dict"]["handlers"]
    assert handlers["stdout"]["stream"] == "ext://sys.stdout"
    assert handlers["stdout"]["formatter"] == "json"
    for logger in ("gunicorn.access", "gunicorn.error"):
        assert config["logconfig_dict"]["loggers"][logger]["handlers"] == ["stdout"]
    assert config["control_socket_disable"] is True


def test_gunicorn_defaults(monkeypatch):
    for name in (
        "GUNICORN_WORKERS",
        "GUNICORN_THREADS",
        "GUNICORN_TIMEOUT",
        "GUNICORN_MAX_REQUESTS",
        "GUNICORN_WORKER_CONNECTIONS",
        "PORT",
    ):
        monkeypatch.delenv(name, raising=False)
    config = runpy.run_path(str(REPO / "gunicorn.conf.py"))
    assert (config["workers"], config["threads"], config["timeout"], config["max_requests"]) == (3, 2, 30, 20000)
    assert config["bind"] == "0.0.0.0:8000"
    # A few connections per thread, so that keep-alive connections spread over the workers.
    assert config["worker_connections"] == 8


def test_gunicorn_worker_connections_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    monkeypatch.delenv("GUNICORN_WORKER_CONNECTIONS", raising=False)
    assert runpy.run_path(str(REPO / "gunicorn.conf.py"))["worker_connections"] == 16
    monkeypatch.setenv("GUNICORN_WORKER_CONNECTIONS", "50")
    assert runpy.run_path(str(REPO / "gunicorn.conf.py"))["worker_connections"] == 50


# Static files: compressed, hashed, cached for ever -------------------------------------------


def test_hashed_static_files_are_cached_for_ever_and_compressed(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    url = static("mocisite/css/moci.css")
    assert re.search(r"/moci\.[0-9a-f]{12}\.css$", url)

    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] in ("gzip", "br")
    assert "Accept-Encoding" in response["Vary"]
    # The unhashed name (nothing links it) is only cached briefly.
    plain = client.get("/static/mocisite/css/moci.css")
    assert plain.status_code == 200
    assert "immutable" not in plain["Cache-Control"]


# setup_site: what bin/start runs before gunicorn -----------------------------------------------


@pytest.fixture
def commands(monkeypatch):
    ran = []
    monkeypatch.setattr(setup_site, "call_command", lambda name, *args, **kwargs: ran.append(name))
    return ran


def test_setup_site_runs_what_a_deployment_needs(commands, db, monkeypatch):
    monkeypatch.delenv("MOCI_LOAD_CONTENT", raising=False)
    call_command("setup_site")
    assert commands == ["check", "migrate", "setup_roles", "clearsessions"]


def test_setup_site_loads_the_content_into_an_empty_site_only(commands, db, monkeypatch, capsys):
    monkeypatch.setenv("MOCI_LOAD_CONTENT", "1")
    call_command("setup_site")
    assert commands[-1] == "load_moci_content"

    factories.make_home()
    commands.clear()
    call_command("setup_site")
    assert "load_moci_content" not in commands
    assert "has a home page already" in capsys.readouterr().out


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the advisory lock is PostgreSQL's")
def test_setup_site_holds_a_lock_on_postgresql(db):
    def held():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s AND granted",
                [setup_site.LOCK_ID],
            )
            return cursor.fetchone()[0]

    with setup_site.one_at_a_time(stdout=None):
        assert held() == 1
    assert held() == 0


# .env.example names every variable --------------------------------------------------------


def variables_read():
    """Every environment variable the settings (every module of mocisite/settings/), gunicorn.conf.py
    and compose.yaml read."""
    names = set()
    readers = r"(?:_env|_env_bool|_env_number|_required|env_list|env_int|os\.environ\.get|os\.environ\[)"
    for path in [*sorted((REPO / "mocisite" / "settings").glob("*.py")), REPO / "gunicorn.conf.py"]:
        names |= set(re.findall(readers + r"\(?\s*[\"']([A-Z][A-Z0-9_]+)[\"']", path.read_text()))
    names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", (REPO / "compose.yaml").read_text()))
    return names


def test_env_example_names_every_variable():
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (REPO / ".env.example").read_text(), re.MULTILINE))
    read = variables_read()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "SENTRY_DSN", "GUNICORN_WORKERS", "POSTGRES_PASSWORD"} <= read
    assert read - documented == set()
