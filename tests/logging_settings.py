"""The production settings as they are, with the URLs of tests/logging_app.py:
for running gunicorn in the logging tests."""

from mocisite.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.logging_app"
