"""When the database cannot take the site's requests, visitors get a 503 that says
"try again shortly", not a 500 that says "we broke something".

PostgreSQL refuses connections when every slot is taken (``too many connections for
role``, ``sorry, too many clients already``: SQLSTATE 53300), while it starts up or
shuts down (57P03), when an operator ends sessions (57P01, 57P02), and the socket
refuses them when it is not running at all. None of these is a bug in the site, and
all pass by themselves (or need an operator, not a developer): they are answered
with 503 and ``Retry-After``, logged at most once a minute per process with a count
(never one record per request, and never through ``django.request``, so never an
e-mail to ADMINS, nor a Sentry event per request), and named by ``/health/``.

psycopg gives no SQLSTATE for errors raised while connecting (the server's FATAL
message is all there is), so those are recognised by libpq's and the server's
English messages; errors on an open connection carry their SQLSTATE.

:func:`unavailable_reason` is the one classifier; :func:`report_unavailable` the
throttled log; ``mocisite.views.server_error`` (``handler500``) the response, so
that a refusal raised anywhere (a view, a template, the session or authentication
middleware) becomes the 503.
"""

import logging
import threading
import time

from django.db import DatabaseError

logger = logging.getLogger("mocisite.database")

TOO_MANY_CONNECTIONS = "too many connections"
STARTING_OR_STOPPING = "starting up or shutting down"
NOT_RUNNING = "unavailable"

# SQLSTATEs of errors on an open connection.
_SQLSTATES = {
    "53300": TOO_MANY_CONNECTIONS,  # too_many_connections
    "57P01": STARTING_OR_STOPPING,  # admin_shutdown
    "57P02": STARTING_OR_STOPPING,  # crash_shutdown
    "57P03": STARTING_OR_STOPPING,  # cannot_connect_now
}
# What the server (FATAL while connecting) and libpq say when there is no SQLSTATE.
_MESSAGES = (
    ("too many connections for", TOO_MANY_CONNECTIONS),  # … role "x" / … database "y"
    ("too many clients already", TOO_MANY_CONNECTIONS),
    ("remaining connection slots are reserved", TOO_MANY_CONNECTIONS),
    ("the database system is starting up", STARTING_OR_STOPPING),
    ("the database system is shutting down", STARTING_OR_STOPPING),
    ("the database system is in recovery mode", STARTING_OR_STOPPING),
    ("the database system is not yet accepting connections", STARTING_OR_STOPPING),
    ("the database system is not accepting connections", STARTING_OR_STOPPING),
    ("terminating connection due to administrator command", STARTING_OR_STOPPING),
    ("connection refused", NOT_RUNNING),
    ("no such file or directory", NOT_RUNNING),  # a Unix socket that is not there
)

RETRY_AFTER_SECONDS = 10
LOG_INTERVAL_SECONDS = 60


def unavailable_reason(error):
    """Why the database cannot be used now (``"too many connections"``, …) when
    ``error`` (or the driver error it wraps) says so; ``None`` for every other error,
    which stays a server error: a bad query, a missing table, a broken constraint."""
    chain = []
    while error is not None and error not in chain:
        chain.append(error)
        # Django's DatabaseError is raised "from" the driver's (which has the SQLSTATE).
        error = error.__cause__
    errors = [e for e in chain if isinstance(e, DatabaseError) or type(e).__module__.startswith("psycopg")]
    sqlstates = [e.sqlstate for e in errors if getattr(e, "sqlstate", None)]
    if sqlstates:
        return _SQLSTATES.get(sqlstates[0])
    for e in errors:
        message = str(e).lower()
        for text, reason in _MESSAGES:
            if text in message:
                return reason
    return None


class _ThrottledReport:
    """One log record per ``interval`` seconds per process, counting the refusals in
    between: under load a full database refuses hundreds of requests a second."""

    def __init__(self, interval):
        self.interval = interval
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.last_logged = None
        self.unlogged = 0

    def __call__(self, reason, error, path):
        now = time.monotonic()
        with self.lock:
            self.unlogged += 1
            if self.last_logged is not None and now - self.last_logged < self.interval:
                return
            count, self.unlogged, self.last_logged = self.unlogged, 0, now
        logger.error(
            "Database unavailable (%s): answered 503 to %d request(s) since the last report, the latest %s: %s",
            reason,
            count,
            path,
            str(error).strip(),
        )


report_unavailable = _ThrottledReport(LOG_INTERVAL_SECONDS)


def sentry_before_send(event, hint):
    """Sentry's ``before_send``: its Django integration reports every exception a
    request raised, a refused connection included, hundreds a second. Those are
    dropped; the once-a-minute report above still reaches Sentry as an error log."""
    exc_info = hint.get("exc_info")
    if exc_info and unavailable_reason(exc_info[1]):
        return None
    return event
