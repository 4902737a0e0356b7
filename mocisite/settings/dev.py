"""Local development: debug on, a fixed key, mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-moci-local-development-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Templates change under a developer's hands without a publish: no page cache unless
# asked for (PAGE_CACHE=on).
MOCI_PAGE_CACHE = os.environ.get("PAGE_CACHE", "off").lower() in ("on", "true", "1", "yes")
