"""Structured logs with a request id (mocisite/observability.py).

In-process: the middleware, the filter and the formatter, and a 500 logged by
Django with its path, method, status and request id. End to end: gunicorn with
the production settings writes JSON lines to standard output, the application's
records and its own access log alike, sharing the request id.
"""

import io
import json
import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.test import Client

from mocisite.observability import JsonFormatter, RequestIdFilter, gunicorn_logging_config, logging_config

REPO = Path(__file__).resolve().parent.parent
HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def app(settings):
    """The site's middleware with the request id first, and the test-only URLs."""
    settings.ROOT_URLCONF = "tests.logging_app"
    if "mocisite.observability.RequestIdMiddleware" not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = ["mocisite.observability.RequestIdMiddleware", *settings.MIDDLEWARE]
    return Client(raise_request_exception=False)


@pytest.fixture
def json_lines():
    """What production's handler would write, captured: the root logger's records
    (propagated ones included) through the filter and the JSON formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def test_a_new_request_id_when_none_is_sent(app, db):
    response = app.get("/warn/")
    assert HEX_ID.fullmatch(response["X-Request-ID"])
    assert response.wsgi_request.request_id == response["X-Request-ID"]
    assert app.get("/warn/")["X-Request-ID"] != response["X-Request-ID"]


@pytest.mark.parametrize("sent", ["f3c2a1d0-5b6e-4c7d-8e9f-0a1b2c3d4e5f", "Root=1-67891233-abcdef012345678912345678"])
def test_the_proxys_request_id_is_kept(app, db, sent):
    response = app.get("/warn/", headers={"X-Request-ID": sent})
    assert response["X-Request-ID"] == sent
    assert response.wsgi_request.request_id == sent


@pytest.mark.parametrize("sent", ["", "x" * 129, "two words", 'quote"d', "new\\nline", "<script>", "-leading-dash"])
def test_a_request_id_that_is_not_sane_is_replaced(app, db, sent):
    response = app.get("/warn/", headers={"X-Request-ID": sent})
    assert HEX_ID.fullmatch(response["X-Request-ID"])


def test_every_record_made_during_a_request_carries_its_id(app, db, json_lines):
    response = app.get("/warn/", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 200
    [record] = [line for line in json_lines() if line["logger"] == "tests.logging_app"]
    assert record["message"] == "Something worth knowing about /warn/"
    assert (record["request_id"], record["method"], record["path"]) == ("req-42", "GET", "/warn/")
    assert record["level"] == "WARNING"


def test_a_500_is_logged_with_path_method_status_and_request_id(app, db, json_lines):
    response = app.get("/boom/", headers={"X-Request-ID": "req-500"})
    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-500"
    [record] = [line for line in json_lines() if line["logger"] == "django.request"]
    assert record["level"] == "ERROR"
    assert record["status"] == 500
    assert (record["request_id"], record["method"], record["path"]) == ("req-500", "GET", "/boom/")
    assert "RuntimeError: the view failed on purpose" in record["exception"]


def test_records_outside_a_request_have_no_request_fields(json_lines):
    logging.getLogger("tests.outside").warning("No request here")
    [record] = [line for line in json_lines() if line["logger"] == "tests.outside"]
    assert not {"request_id", "method", "path"} & set(record)


def test_a_record_is_one_line_of_json():
    record = logging.LogRecord("tests", logging.ERROR, __file__, 1, "Two\nlines, «ünïcode» and %s", ("an arg",), None)
    try:
        raise ValueError("with a traceback")
    except ValueError:
        record.exc_info = sys.exc_info()
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Two\nlines, «ünïcode» and an arg"
    assert entry["level"] == "ERROR" and entry["logger"] == "tests"
    assert entry["time"].endswith("Z")
    assert "ValueError: with a traceback" in entry["exception"]


def test_gunicorn_access_records_become_fields():
    atoms = {
        "h": "10.0.0.2",
        "m": "GET",
        "U": "/en/projects/",
        "q": "page=2",
        "s": "200",
        "B": 5120,
        "M": 12,
        "a": "Mozilla/5.0",
        "f": "-",
        "{x-request-id}o": "req-7",
        "{x-forwarded-for}i": "203.0.113.9",
    }
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(m)s %(U)s", (atoms,), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "GET /en/projects/ 200"
    assert entry["status"] == 200
    assert (entry["method"], entry["path"], entry["query"]) == ("GET", "/en/projects/", "page=2")
    assert (entry["bytes"], entry["duration_ms"], entry["request_id"]) == (5120, 12, "req-7")
    assert (entry["remote_addr"], entry["forwarded_for"]) == ("10.0.0.2", "203.0.113.9")
    assert "referer" not in entry


def test_logging_configurations_are_valid():
    # dictConfig's own validation, on a throw-away manager: the process's logging stays as it is.
    for config in (logging_config(), logging_config(level="WARNING", fmt="plain"), gunicorn_logging_config()):
        configurator = logging.config.DictConfigurator(config)
        configurator.configure_formatter(config["formatters"]["json"])
        configurator.configure_formatter(config["formatters"]["plain"])
        assert config["handlers"]["stdout"]["stream"] == "ext://sys.stdout"


# End to end: gunicorn with the production settings ----------------------------------------


def stdout_lines(process):
    """A queue of ``process``'s output lines, filled by a thread (a select() on the
    pipe would miss lines already read into Python's buffer)."""
    lines = queue.Queue()

    def read():
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def wait_for_line(process, pattern, lines, timeout=30):
    """Take lines from ``process.output`` into ``lines`` until one matches ``pattern``."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = process.output.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            break
        lines.append(line)
        if match := re.search(pattern, line):
            return match
    process.kill()  # reading stderr of a live process would wait for ever
    raise AssertionError(f"gunicorn did not log {pattern!r}:\n{''.join(lines)}{process.stderr.read()}")


def get(port, path, **headers):
    request = urllib.request.Request(  # noqa: S310 - our own gunicorn on the loopback
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": "localhost", "X-Forwarded-Proto": "https", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_gunicorn_writes_json_lines_with_the_request_id(tmp_path):
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    env = {
        **keep,
        "DJANGO_SETTINGS_MODULE": "tests.logging_settings",
        "SECRET_KEY": "logging-test-" + "k" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "localhost",
        "GUNICORN_WORKERS": "1",
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn.conf.py, fixed arguments
        [sys.executable, "-m", "gunicorn", "mocisite.wsgi:application", "-c", "gunicorn.conf.py", "-b", "127.0.0.1:0"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    process.output = stdout_lines(process)
    lines = []
    try:
        port = int(wait_for_line(process, r"Listening at: http://127\.0\.0\.1:(\d+)", lines)[1])
        wait_for_line(process, r"Booting worker", lines)
        assert get(port, "/boom/", **{"X-Request-ID": "e2e-500"})[0] == 500
        status, headers = get(port, "/warn/")
        assert status == 200
        generated = headers["X-Request-ID"]
        assert HEX_ID.fullmatch(generated)
        # gunicorn writes its access line after the response: wait for the second one.
        wait_for_line(process, r'"logger": "gunicorn\.access".*"path": "/warn/"', lines)
    finally:
        process.terminate()
        process.wait(timeout=30)
    while (line := process.output.get(timeout=5)) is not None:
        lines.append(line)
    output = [line for line in "".join(lines).splitlines() if line.strip()]
    records = [json.loads(line) for line in output]  # every line is one JSON object

    [error] = [r for r in records if r["logger"] == "django.request" and r.get("request_id") == "e2e-500"]
    assert (error["level"], error["status"], error["method"], error["path"]) == ("ERROR", 500, "GET", "/boom/")
    assert "RuntimeError: the view failed on purpose" in error["exception"]
    [access] = [r for r in records if r["logger"] == "gunicorn.access" and r.get("request_id") == "e2e-500"]
    assert (access["status"], access["path"], access["method"]) == (500, "/boom/", "GET")
    [warning] = [r for r in records if r["logger"] == "tests.logging_app"]
    assert (warning["request_id"], warning["path"]) == (generated, "/warn/")
    [access] = [r for r in records if r["logger"] == "gunicorn.access" and r.get("path") == "/warn/"]
    assert (access["request_id"], access["status"]) == (generated, 200)
    assert any(r["logger"] == "gunicorn.error" and "Booting worker" in r["message"] for r in records)
