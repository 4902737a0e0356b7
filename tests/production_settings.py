"""The production settings as they are, except that static files are read where
they lie (no ``collectstatic`` and manifest): for gunicorn started by a test
(tests/test_database_connections.py, tests/test_worker_recycling.py)."""

from mocisite.settings.production import *  # noqa: F403
from mocisite.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
