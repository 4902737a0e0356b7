"""Logs an operator can search: JSON, one object per line, on standard output,
and every record made while handling a request carries that request's id.

- :class:`RequestIdMiddleware` takes the id the proxy sent in ``X-Request-ID``
  when it looks like one (else makes one), puts it on ``request.request_id`` and
  in the response's ``X-Request-ID`` header, and keeps it (with the method and
  path) in a context variable while the request is handled.
- :class:`RequestIdFilter`, on a handler, copies them onto every record.
- :class:`JsonFormatter` writes a record as one JSON object; gunicorn's access
  log records become the same shape (method, path, status, request id, ...).
- :func:`logging_config` is the ``LOGGING`` of production, and
  :func:`gunicorn_logging_config` gunicorn's ``logconfig_dict``.

Nothing here needs Django's settings: settings and gunicorn.conf.py import it.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime
from typing import NamedTuple

try:
    import sentry_sdk
except ImportError:  # pragma: no cover - sentry-sdk is in requirements.txt
    sentry_sdk = None

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy or load balancer sends: UUIDs, hex strings, nginx's $request_id,
# AWS's "Root=1-…". Anything else (too long, spaces, quotes, control characters) is
# replaced, so that nobody can write arbitrary text into the logs.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:;+/=@-]{0,127}")
PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class RequestContext(NamedTuple):
    request_id: str
    method: str
    path: str


_current = contextvars.ContextVar("moci_request", default=None)


def request_id_from(value):
    """``value`` when it is a sane request id, else a new one."""
    if value and SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Gives each request an id: the proxy's ``X-Request-ID`` or a new one.

    Place it right after ``SecurityMiddleware``, so that everything below it
    (views, Django's log of a 500, other middleware) logs with the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        if sentry_sdk is not None and sentry_sdk.get_client().is_active():
            sentry_sdk.set_tag("request_id", request_id)
        token = _current.set(RequestContext(request_id, request.method, request.path))
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (``-`` outside a request), ``method`` and ``path`` to
    each record. Put it on a handler, so that it sees every record the handler
    writes, propagated ones included."""

    def filter(self, record):
        context = _current.get()
        request = getattr(record, "request", None)
        if context is None and hasattr(request, "method") and hasattr(request, "path"):
            # django.request and django.security records carry the request itself:
            # one logged outside the middleware (above it) still names the request.
            context = RequestContext(getattr(request, "request_id", "-"), request.method, request.path)
        if context is None:
            record.request_id = getattr(record, "request_id", "-")
        else:
            record.request_id, record.method, record.path = context
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line.

    Always: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, ``pid``.
    When known: ``request_id``, ``method``, ``path``, ``status``, ``exception``.
    gunicorn's access records add ``query``, ``bytes``, ``duration_ms``,
    ``remote_addr``, ``forwarded_for``, ``user_agent`` and ``referer``."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(self.access_fields(record.args))
        for name in ("request_id", "method", "path"):
            value = getattr(record, name, None)
            if value not in (None, "", "-"):
                entry.setdefault(name, value)
        status = getattr(record, "status_code", None)
        if status is not None:
            entry.setdefault("status", status)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    @staticmethod
    def access_fields(atoms):
        """gunicorn's access log atoms (see its ``access_log_format``) as fields."""

        def atom(key):
            value = atoms.get(key)
            return None if value in (None, "-", "") else value

        fields = {
            "method": atom("m"),
            "path": atom("U"),
            "query": atom("q"),
            "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else atom("s"),
            "bytes": atom("B"),
            "duration_ms": atom("M"),
            "remote_addr": atom("h"),
            "user_agent": atom("a"),
            "referer": atom("f"),
            "forwarded_for": atom("{x-forwarded-for}i"),
            "request_id": atom("{x-request-id}o"),
        }
        fields["message"] = " ".join(str(fields[name]) for name in ("method", "path", "status") if fields[name])
        return {name: value for name, value in fields.items() if value is not None}


def _to_stdout(fmt):
    """The shared part of both logging configurations: records to standard output,
    formatted as ``fmt`` ("json" or "plain"), with the request id."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "mocisite.observability.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "mocisite.observability.JsonFormatter"},
            "plain": {"format": PLAIN_FORMAT},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": fmt,
                "filters": ["request_id"],
            },
        },
    }


def logging_config(level="INFO", fmt="json"):
    """Django's ``LOGGING`` for production: every record to standard output, as JSON
    (``fmt="plain"`` for a human-readable line), with the request id."""
    return {
        **_to_stdout(fmt),
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # 500s (ERROR, with the traceback) and 4xx (WARNING). They also reach
            # Django's own "django" logger, which e-mails errors to ADMINS when set.
            "django.request": {"level": "WARNING"},
            # Suspicious requests (a host not in ALLOWED_HOSTS, a path that climbs out of
            # a folder, a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a forged session, ...)
            # are answered 400 and logged here, but never reach "django", whose handler
            # e-mails ADMINS: anyone on the internet could otherwise have the site mail
            # its operators as often as they liked. Real 500s (django.request) still do.
            "django.security": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
            # Wagtail logs every background task and page action at INFO.
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
            # django-axes announces itself at INFO on every start (every management
            # command, too); its failed sign-ins and lockouts are WARNINGs and stay.
            "axes.apps": {"level": "WARNING"},
        },
    }


def gunicorn_logging_config(fmt="json"):
    """gunicorn's ``logconfig_dict``: its error log and access log to standard
    output in the same shape as the application's records."""
    return {
        **_to_stdout(fmt),
        "root": {"level": "INFO", "handlers": ["stdout"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        },
    }
