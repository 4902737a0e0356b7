"""Settings shared by every environment.

Safe for production as it stands (``DEBUG`` is off); ``dev`` relaxes it,
``test`` speeds it up and ``production`` adds what a deployment needs.
Everything that differs per deployment comes from the environment.

Here: the apps, the middleware, templates, the database, the caches, files and
logging. Beside it, imported whole: ``languages.py`` (the languages and their
translation), ``wagtail.py`` (the admin, search, uploads, embeds), ``map.py``
(the community map and the admin's map widget) and ``security.py`` (sign-in
throttling, proxies, headers, cookies, the Content-Security-Policy).
"""

import os
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

from mocisite.observability import logging_config

from .languages import *  # noqa: F403
from .map import *  # noqa: F403
from .security import *  # noqa: F403
from .wagtail import *  # noqa: F403

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first, so that their templates win.
    "mocisite",
    "home",
    "principles",
    "projects",
    "people",
    "resources",
    "translations",
    # Public forms confirmed by e-mail: writing to a peer (connect/).
    "connect",
    # The travelling hub: its workshops (hub/).
    "hub",
    # Atom feeds of the projects, the resources and the workshops (feeds/).
    "feeds",
    # On top of all of them: the MOCI texts and the commands that seed the site.
    "seed",
    # Wagtail and friends.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailgeowidget",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    # Each request's id (the proxy's X-Request-ID, or a new one): on the response and
    # in every log record made while handling it (mocisite/observability.py).
    "mocisite.observability.RequestIdMiddleware",
    # Anonymous visitors' pages from the cache, with ETags (mocisite/pagecache_middleware.py):
    # ahead of everything else, so that a cached page costs no more than a static file.
    # What the middlewares below add (security headers, the CSP) is stored with it.
    "mocisite.pagecache_middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (per address) and Permissions-Policy: mocisite/security.py.
    "mocisite.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages for signed-in editors and the admin, compressed (cached pages are stored
    # compressed); Django's CSRF tokens are masked per response, which defeats BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, except that /fr/… (a language the site does not
    # serve) is a 404 rather than a redirect: mocisite/languages.py.
    "mocisite.languages.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out sign-in into the lockout page; django-axes wants it last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mocisite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "mocisite.wsgi.application"

# Database: SQLite next to the code unless DATABASE_URL says otherwise
# (postgres://user:password@host:5432/name in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Search: on PostgreSQL each object is indexed, and the site's search queries,
# with the text-search configuration of its language (mocisite/search.py, which
# needs migration mocisite 0002); elsewhere Wagtail's database backend as it comes.
if DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis")):
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "mocisite.search"}}
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Caches: each process's own memory; production.py puts both in Redis when
# REDIS_URL is set. "renditions" remembers which image sizes exist (Wagtail asks it
# before the database).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "moci"},
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "moci-renditions",
        "TIMEOUT": 7 * 24 * 60 * 60,
    },
}
# The anonymous page cache (mocisite/pagecache_middleware.py): whole public pages, for visitors
# who are not signed in, until the next publish or PAGE_CACHE_TIMEOUT seconds.
# PAGE_CACHE=off renders every page (the benchmark's "uncached" run).
MOCI_PAGE_CACHE = os.environ.get("PAGE_CACHE", "on").lower() not in ("off", "false", "0", "no")
MOCI_PAGE_CACHE_ALIAS = "default"
MOCI_PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# With Redis, each process keeps the pages it served last and trusts the generation it
# read for this long (seconds): a hit then costs no Redis round trip, and another
# container's publish reaches this one's anonymous visitors up to that much later.
MOCI_PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))
# s-maxage for a CDN in front (production.py sets it when one purges on publish).
MOCI_PAGE_CACHE_SHARED_MAX_AGE = 0
# The parts every page needs (the site, menus, footer, view restrictions) kept in
# each process until the next publish, instead of read from the database each time
# (mocisite/memory.py).
MOCI_REMEMBER_PARTS = True

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    # Leaflet and its marker clusters come from PyPI packages (XStatic), not from a CDN
    # and not as copies in this repository.
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),
    ("vendor/leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# The interface's translations (the languages themselves: languages.py).
LOCALE_PATHS = [BASE_DIR / "locale"]

# Readable lines on stdout, each with its request id ("… WARNING name [3f2a…] message");
# production.py switches to JSON (mocisite/observability.py).
LOGGING = logging_config(level=os.environ.get("LOG_LEVEL", "INFO").upper(), fmt="plain")

# Uploaded media is served by Django itself unless a deployment puts it
# behind object storage or a web server (set SERVE_MEDIA=false there).
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "true").lower() == "true"

# --- connect/: public forms confirmed by e-mail (writing to a peer) -------------------
# A confirmation link is valid this long; requests (and any undelivered message) are
# deleted after MOCI_CONNECT_KEEP_DAYS by `manage.py purge_requests`.
MOCI_CONNECT_CONFIRM_HOURS = 48
MOCI_CONNECT_KEEP_DAYS = 7
# A form sent sooner than this after it was shown is refused (people read and type);
# one shown longer ago than MOCI_CONNECT_FORM_MAX_AGE_HOURS is shown again.
MOCI_CONNECT_MIN_FILL_SECONDS = 3
MOCI_CONNECT_FORM_MAX_AGE_HOURS = 24
# (requests, seconds): posts per client address, and requests per e-mail address,
# counted in the default cache (shared by every container with Redis).
MOCI_CONNECT_LIMIT_PER_ADDRESS = (20, 60 * 60)
MOCI_CONNECT_LIMIT_PER_EMAIL = (5, 60 * 60)
# Requests waiting for confirmation per e-mail address.
MOCI_CONNECT_MAX_PENDING_PER_EMAIL = 3
MOCI_CONNECT_MESSAGE_MAX_LENGTH = 3000
MOCI_CONNECT_MESSAGE_MAX_LINKS = 3

# --- hub/: workshop sign-ups ----------------------------------------------------------
# The personal data of a workshop's sign-ups is deleted this many days after the
# workshop ends, by `manage.py purge_signups` (bin/start runs it; run it daily besides).
MOCI_HUB_SIGNUP_KEEP_DAYS = int(os.environ.get("MOCI_HUB_SIGNUP_KEEP_DAYS", "30"))
