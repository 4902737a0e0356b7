"""Gunicorn settings for the MOCI image (bin/start runs gunicorn with this file).

Each value can be overridden from the environment without rebuilding the image
(.env.example names them).
"""

import os
import sys
from pathlib import Path

# gunicorn reads this file before it imports the application: make the project
# importable however gunicorn was started.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mocisite.observability import gunicorn_logging_config  # noqa: E402


def env_int(name, default):
    return int(os.environ.get(name) or default)


# Listen on every interface: inside a container that is the only way to be
# reachable through the port Docker publishes. PORT defaults to 8000.
all_interfaces = "0.0.0.0"  # noqa: S104 - intended: the container's network is the boundary
bind = f"{all_interfaces}:{os.environ.get('PORT', '8000')}"

# Threads let one worker wait on the database for one visitor while serving another.
# Worker processes x threads = the requests served at once by one container.
workers = env_int("GUNICORN_WORKERS", 3)
threads = env_int("GUNICORN_THREADS", 2)
worker_class = "gthread"
# A request still running after this many seconds has its worker restarted.
timeout = env_int("GUNICORN_TIMEOUT", 30)
# On stop or restart, requests in flight get this long to finish.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Connections from the proxy in front are kept open between requests.
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Open connections (busy and kept alive) per worker. A gthread worker takes every
# connection it can: with gunicorn's default (1000) the first worker to wake takes
# nearly all of a burst of keep-alive connections and the others idle, so the same
# load served 500 or 1,400 cached pages a second by chance (GitHub issue 13). A few
# per thread make each worker leave the rest to the others; beyond workers x this,
# connections wait in the listen queue until one is free.
worker_connections = env_int("GUNICORN_WORKER_CONNECTIONS", threads * 4)
# Workers' heartbeat files in memory: a container's /tmp may be on a slow overlay
# disk. gunicorn creates them itself, unlinked at once, readable by no one else.
shared_memory = "/dev/shm"  # noqa: S108 - see above; not a path we write data to
if os.path.isdir(shared_memory):
    worker_tmp_dir = shared_memory

# Recycling: each worker is replaced after max_requests plus a random 0..jitter
# requests, so that a slow leak cannot grow for ever. A worker stops accepting at
# its limit, finishes what it holds, exits, and only then does the master start
# its successor: meanwhile the box has one worker less. So:
# - the limit is high (20,000): at the fastest this box serves (about 1,000 cached
#   pages a second over 2 workers), a worker lives half a minute or more, and its
#   replacement costs well under 1 % of the throughput. At 1,000 (the old
#   default) each worker restarted every ~2 s and throughput fell by half or more;
# - the jitter is half the limit, so two workers started together reach their
#   limits thousands of requests (seconds) apart, not within the same second;
# - the app is loaded once, in the master (preload_app), and workers are forked
#   from it: a new worker serves within milliseconds instead of importing Django
#   and Wagtail for seconds, so even two restarts at once leave no gap. (The price:
#   new code needs a full restart, not SIGHUP; a new container does that anyway.)
# tests/test_worker_recycling.py checks this arithmetic and runs it under load.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 2)
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").strip().lower() not in ("0", "false", "no", "off")


def worker_exit(server, worker):
    """A worker that reached max_requests leaves at once (os._exit), after flushing
    its logs and Sentry: Python's orderly shutdown of a Django + Wagtail process
    takes seconds (measured 3-7 s on a busy 2-core box; more with preload_app, as
    it touches every page shared with the master), and the master starts the
    successor only once the old process is gone. Any other exit (a stop, a crash,
    a worker that could not boot) keeps Python's shutdown and its exit code."""
    if worker.nr < worker.max_requests:
        return
    try:
        import sentry_sdk

        if sentry_sdk.get_client().is_active():
            sentry_sdk.flush(timeout=2)
    except ImportError:  # pragma: no cover - sentry-sdk is in requirements.txt
        pass
    import logging

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


# No control socket for gunicornc: nothing uses it, and it would be created in the
# home directory (read-only in the image; shared by every gunicorn of one user).
control_socket_disable = True

# Logs go to standard output, where Docker collects them: gunicorn's own messages
# and one line per request, as JSON objects in the same shape as the site's
# (mocisite/observability.py), with the request id the site answered with.
# LOG_FORMAT=plain gives readable lines instead.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s" %({x-request-id}o)s'
logconfig_dict = gunicorn_logging_config(fmt="plain" if os.environ.get("LOG_FORMAT") == "plain" else "json")
