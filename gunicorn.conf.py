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

# Recycle each worker after about this many requests (the jitter keeps workers
# from restarting all at once), so that a slow leak cannot grow for ever.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)

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
