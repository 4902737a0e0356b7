"""A database that refuses connections (too many clients, starting up, not running)
is a 503 with Retry-After, logged once a minute and never mailed; any other error
stays a 500 (mocisite/database.py, mocisite.views.server_error).

These tests make the connection fail in the process; tests/test_database_connections.py
does it for real, with a PostgreSQL role limited to two connections.
"""

import logging

import psycopg
import pytest

from django.core import mail
from django.db import OperationalError, ProgrammingError, connections
from django.test import Client

from mocisite import database
from mocisite.database import TOO_MANY_CONNECTIONS, unavailable_reason

SERVER = 'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
FULL = SERVER + 'FATAL:  too many connections for role "moci"'
REFUSED = SERVER + "Connection refused"


def django_error(driver_error):
    """What Django raises: its own OperationalError, "from" the driver's."""
    try:
        try:
            raise driver_error
        except psycopg.Error as error:
            raise OperationalError(*error.args) from error
    except OperationalError as error:
        return error


def SqlstateError(message, sqlstate):  # noqa: N802 - reads as the class it returns
    """A driver error on an open connection, which carries its SQLSTATE (psycopg's
    own class for that SQLSTATE: TooManyConnections, CannotConnectNow, …)."""
    return psycopg.errors.lookup(sqlstate)(message)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (psycopg.OperationalError(FULL), "too many connections"),
        (psycopg.OperationalError("FATAL:  sorry, too many clients already"), "too many connections"),
        (
            psycopg.OperationalError("FATAL:  remaining connection slots are reserved for non-replication superuser"),
            "too many connections",
        ),
        (psycopg.OperationalError("FATAL:  the database system is starting up"), "starting up or shutting down"),
        (psycopg.OperationalError(REFUSED), "unavailable"),
        (SqlstateError("too many", "53300"), "too many connections"),
        (SqlstateError("cannot connect now", "57P03"), "starting up or shutting down"),
        (SqlstateError("terminating connection due to administrator command", "57P01"), "starting up or shutting down"),
    ],
)
def test_refusals_are_recognised_in_the_driver_error_and_in_djangos(error, reason):
    assert unavailable_reason(error) == reason
    assert unavailable_reason(django_error(error)) == reason


@pytest.mark.parametrize(
    "error",
    [
        SqlstateError('relation "projects_projectpage" does not exist', "42P01"),
        # An SQLSTATE wins over words that happen to be in the message.
        SqlstateError('column "connection refused" does not exist', "42703"),
        psycopg.OperationalError("could not serialize access"),
        ProgrammingError("syntax error at or near SELECT"),
        ConnectionRefusedError("Connection refused"),  # not the database's (Redis, a web service)
        TypeError("unsupported operand"),
        None,
    ],
)
def test_other_errors_are_not_unavailability(error):
    assert unavailable_reason(error) is None
    if isinstance(error, psycopg.Error):
        assert unavailable_reason(django_error(error)) is None


@pytest.fixture
def visitor():
    """A client that gets the response Django would send, not the exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def report(monkeypatch):
    """A fresh once-a-minute report for each test."""
    fresh = type(database.report_unavailable)(database.LOG_INTERVAL_SECONDS)
    monkeypatch.setattr("mocisite.views.report_unavailable", fresh)
    return fresh


@pytest.fixture
def database_full(db, report):
    """Every query fails as PostgreSQL's refusal does (until the test is over: the
    test database is then rolled back through the real connection)."""

    def refuse(*args, **kwargs):
        raise django_error(psycopg.OperationalError(FULL))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections["default"], "ensure_connection", refuse)
        yield


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Django's own logging (mail_admins on "django"), as production has it under ours.
    settings.LOGGING = {"version": 1, "disable_existing_loggers": False}


def test_a_page_is_503_with_retry_after_in_the_visitors_language(home, visitor, database_full):
    response = visitor.get("/sq/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Language"] == "sq"
    html = response.content.decode()
    assert '<html lang="sq">' in html
    assert "Faqja është e zënë" in html


def test_an_english_visitor_reads_english(home, visitor, database_full):
    response = visitor.get("/en/projects/", headers={"accept-language": "de"})
    assert response.status_code == 503
    assert "The site is busy" in response.content.decode()


def test_an_address_without_language_follows_accept_language(db, visitor, database_full):
    response = visitor.get("/sitemap.xml", headers={"accept-language": "de"})
    assert response.status_code == 503
    assert response["Content-Language"] == "de"


def test_refused_in_middleware_too(home, visitor, monkeypatch, report):
    """An editor's session is read by the session and authentication middleware,
    before any view: the refusal there is the same 503."""
    from django.contrib.sessions.backends import db as session_db

    def refuse(self, *args, **kwargs):
        raise django_error(psycopg.OperationalError(FULL))

    monkeypatch.setattr(session_db.SessionStore, "load", refuse)
    visitor.cookies["sessionid"] = "x" * 32
    response = visitor.get("/admin/")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_logged_once_with_a_count_never_mailed(home, visitor, database_full, report, admins, caplog, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(database.time, "monotonic", lambda: clock[0])
    with caplog.at_level(logging.INFO):
        for _ in range(25):
            assert visitor.get("/en/").status_code == 503
        clock[0] += database.LOG_INTERVAL_SECONDS + 1
        assert visitor.get("/en/").status_code == 503
    reports = [r for r in caplog.records if r.name == "mocisite.database"]
    assert [r.getMessage().split(" since")[0] for r in reports] == [
        f"Database unavailable ({TOO_MANY_CONNECTIONS}): answered 503 to 1 request(s)",
        f"Database unavailable ({TOO_MANY_CONNECTIONS}): answered 503 to 25 request(s)",
    ]
    assert "too many connections for role" in reports[0].getMessage()
    # Not once per request by Django (an ERROR with a traceback, and mail to ADMINS).
    assert not [r for r in caplog.records if r.name == "django.request"]
    assert mail.outbox == []


def test_a_programming_error_stays_a_500_and_is_mailed(home, visitor, monkeypatch, report, admins, caplog):
    """Only refusals are 503: a broken query is a bug the admins must hear about."""

    def broken(*args, **kwargs):
        raise ProgrammingError('relation "home_homepage" does not exist')

    monkeypatch.setattr("home.models.HomePage.serve", broken)
    with caplog.at_level(logging.INFO):
        response = visitor.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()
    assert [r.levelname for r in caplog.records if r.name == "django.request"] == ["ERROR"]
    assert len(mail.outbox) == 1
    assert report.unlogged == 0


def test_any_other_exception_stays_a_500(home, visitor, monkeypatch, report):
    def broken(*args, **kwargs):
        raise TypeError("unsupported operand")

    monkeypatch.setattr("home.models.HomePage.serve", broken)
    response = visitor.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_health_names_too_many_connections(db, client, monkeypatch):
    class FullConnection:
        def cursor(self):
            raise django_error(psycopg.OperationalError(FULL))

    monkeypatch.setattr("mocisite.views.connection", FullConnection())
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "too many connections"


def test_sentry_gets_no_event_per_refused_request():
    refused = django_error(psycopg.OperationalError(FULL))
    bug = django_error(SqlstateError('relation "x" does not exist', "42P01"))
    event = {"level": "error"}
    assert database.sentry_before_send(event, {"exc_info": (type(refused), refused, None)}) is None
    assert database.sentry_before_send(event, {"exc_info": (type(bug), bug, None)}) is event
    assert database.sentry_before_send(event, {}) is event
