"""Local development: debug on, a fixed key, mail to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-moci-local-development-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
