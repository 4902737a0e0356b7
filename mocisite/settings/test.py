"""Tests: fast hashing, plain static storage, no network."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "moci-tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Embeds are resolved by a local finder: tests never call oEmbed providers.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embeds.LocalEmbedFinder"}]
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Uploads from tests go to a throw-away folder, served so browser tests see images.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="moci-test-media-"))
SERVE_MEDIA = True
# Machine translation without a service: wagtail-localize's dummy reverses words.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
# django-axes as in production, except for the test client's login(), which has no request.
AUTHENTICATION_BACKENDS = ["tests.auth.AxesBackendForTestClient", "django.contrib.auth.backends.ModelBackend"]
# The page cache's generation stamp (no Redis in most tests): this run's own, so two
# test runs side by side never see each other's publishes.
MOCI_CACHE_STAMP = Path(tempfile.mkdtemp(prefix="moci-test-stamp-")) / "generation"
# Tests read what a view rendered (response.context): pages are rendered every time,
# except in tests/test_page_cache.py, which turns the cache on (and PAGE_CACHE=on
# runs other tests through it, such as the bad-input ones).
MOCI_PAGE_CACHE = os.environ.get("PAGE_CACHE") == "on"
