"""Settings shared by every environment.

Safe for production as it stands (``DEBUG`` is off); ``dev`` relaxes it,
``test`` speeds it up and ``production`` adds what a deployment needs.
Everything that differs per deployment comes from the environment.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from csp.constants import NONE, SELF, UNSAFE_INLINE

from wagtail.embeds.oembed_providers import vimeo, youtube

from mocisite.observability import logging_config
from mocisite.proxies import parse_trusted_proxies
from mocisite.security import url_origin

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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): five failed sign-ins for one username from one
# address lock that pair out for an hour; every failed attempt during the lock
# starts the hour again. Someone mistyping in a shared office locks out only
# themselves. The secretariat can lift a lock at once (admin: Reports › Sign-in
# lockouts), an operator with `manage.py axes_reset_username <name>` (or
# `axes_reset_ip <address>`, or `axes_reset` for every lock).
# AxesBackend (rather than AxesStandaloneBackend) first: it can also read a signed-in
# user back, which code that takes the first backend for that needs (Wagtail's
# test utilities do).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "mocisite.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "mocisite.proxies.client_address"
# Failed attempts only: no log of every successful sign-in with its address.
AXES_DISABLE_ACCESS_LOG = True
# Failures and lockouts are logged (with the username and address masked; the
# admin's report shows them), without the banner that would open every management
# command's output.
AXES_VERBOSE = False
# The proxies in front of the site whose X-Forwarded-For is believed (addresses or
# networks, comma-separated; mocisite/proxies.py). Without any, the address is the
# connection's own (REMOTE_ADDR), and a client cannot choose it by sending the header.
# production.py refuses to start with an entry that is neither.
MOCI_TRUSTED_PROXIES = parse_trusted_proxies(os.environ.get("TRUSTED_PROXIES", ""))[0]
# Named on the lockout page as the person to ask; empty: "the MOCI secretariat".
MOCI_ADMIN_CONTACT_EMAIL = os.environ.get("ADMIN_CONTACT_EMAIL", "")

# Internationalisation. One list drives everything: the interface languages,
# the content languages (one page tree each) and the Locale rows that
# `setup_roles` creates. Names are written in their own language, as the
# language switcher shows them. English is the source language. To add a
# language: add it here, add locale/<code>/LC_MESSAGES/django.po (see
# locale/README.md) and run `manage.py load_moci_content` (or `setup_roles`).
MOCI_LANGUAGES = [
    ("en", "English"),
    ("sq", "Shqip"),
    ("sr-latn", "Srpski"),
    ("mk", "Македонски"),
    ("de", "Deutsch"),
    ("ka", "ქართული"),
    ("hy", "Հայերեն"),
]
LANGUAGE_CODE = "en"
LANGUAGES = MOCI_LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = MOCI_LANGUAGES
# Starting a translation must not publish anything: the page in that language
# keeps showing the English text until its translation is approved.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation as a translator's first draft: a self-hosted LibreTranslate,
# or DeepL with an API key. Off when neither is set.
if os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
elif os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
LANGUAGE_COOKIE_NAME = "moci_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Tirane"
USE_I18N = True
USE_TZ = True

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

# The page editor can exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "MOCI"
# Addresses are ASCII in every language (mocisite/slugs.py makes the translations'): the admin
# makes "gjirokaster" of "Gjirokastër", not "gjirokast%C3%ABr".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: on PostgreSQL each object is indexed, and the site's search queries,
# with the text-search configuration of its language (mocisite/search.py, which
# needs migration mocisite 0002); elsewhere Wagtail's database backend as it comes.
if DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis")):
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "mocisite.search"}}
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads are never HTML or SVG (they could carry scripts). Documents always go
# through Wagtail's view (collection privacy, and the headers that keep anything in
# them from running: see mocisite.security); PDFs open in the browser, the rest download.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# The library asks for alternative text (mocisite/alttext.py, image_form.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "mocisite.image_form.ImageForm"
# The admin asks no other host: no Gravatar (it would send a hash of each
# editor's e-mail) and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# The community map and the admin's map widget. Visitors' browsers fetch the tiles
# from MAP_TILE_URL (OpenStreetMap's by default: fine for a small site, see
# https://operations.osmfoundation.org/policies/tiles/); the attribution must
# name whoever serves them.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAP_MAX_ZOOM = int(os.environ.get("MAP_MAX_ZOOM", "18"))
# The map's first view: the Western Balkans, between Tirana and Berlin's partners.
MAP_CENTRE = {"lat": 42.5, "lng": 19.5}
MAP_ZOOM = 6
# The admin widget: centred on Tirana, not on the package's default of Stockholm.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 41.3275, "lng": 19.8187}
GEO_WIDGET_ZOOM = 7
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION, "maxZoom": MAP_MAX_ZOOM}

# Videos in the StoryBlock: YouTube and Vimeo only, the hosts the public policy
# below lets pages frame (an address from elsewhere is refused in the editor rather
# than blocked on the page).
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}]
EMBED_FRAME_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Security headers. Django's SecurityMiddleware already sends nosniff and
# Cross-Origin-Opener-Policy: same-origin; production.py adds HSTS and secure cookies.
# The map tiles (OpenStreetMap's policy) and Nominatim ask for a Referer naming the
# site: send the origin only, never the path, to other hosts.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Framing: the CSP's frame-ancestors 'self' (below) is what browsers follow: only our
# own pages may frame ours, as the admin's preview panel does. X-Frame-Options stays
# DENY for older browsers (Wagtail's preview views send SAMEORIGIN themselves).
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF or language cookie (the admin takes the token from the page).
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Features no page of the site uses, the map included (it never asks where you are).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
# Content-Security-Policy (django-csp, applied per address by
# mocisite.security.SecurityHeadersMiddleware, which also adds the media host when
# MEDIA_URL is on another one). Public pages: our own scripts, styles and fonts only,
# nothing inline; images from us, the map tiles' host and data: URLs (Leaflet's);
# frames from the video hosts; the GeoJSON feed from us.
MAP_TILE_ORIGIN = url_origin(MAP_TILE_URL)
_TILES = [MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_TILES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The Wagtail and Django admins (/admin/, /django-admin/) only. Wagtail 8 still writes
# inline scripts (the image and date choosers' set-up, the choosers' modal responses)
# and its editor, Draftail, wagtail-localize's React editor and Leaflet set inline
# styles: 'unsafe-inline' for both is unavoidable there, and confined there (only
# signed-in editors get these pages; Wagtail's escaping of what editors enter is their
# protection). The map widget geocodes with Nominatim (connect-src) and shows tiles;
# the preview panel frames our own pages.
MOCI_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_TILES],
        "connect-src": [SELF, "https://nominatim.openstreetmap.org"],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "frame-ancestors": [SELF],
    }
}

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
