"""Gunicorn settings for the MOCI image (bin/start runs gunicorn with this file).

Each value can be overridden from the environment without rebuilding the image.
"""

import os

# Listen on every interface: inside a container that is the only way to be
# reachable through the port Docker publishes. PORT defaults to 8000.
all_interfaces = "0.0.0.0"  # noqa: S104 - intended: the container's network is the boundary
bind = f"{all_interfaces}:{os.environ.get('PORT', '8000')}"

workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 30

# Recycle workers now and then so that a slow leak cannot grow for ever.
max_requests = 1000
max_requests_jitter = 100

# Logs go to stdout/stderr, where Docker collects them.
accesslog = "-"
errorlog = "-"
