"""Production: everything that differs per deployment comes from the environment.

``.env.example`` names and explains every variable. Required: ``SECRET_KEY``,
``DATABASE_URL`` and ``ALLOWED_HOSTS``; start-up stops with one message naming
every variable that is missing or malformed. Optional services switch on when
their variables are set: Redis (``REDIS_URL``), S3-compatible media
(``AWS_STORAGE_BUCKET_NAME``), Sentry (``SENTRY_DSN``), a CDN purged on publish
(``CLOUDFLARE_ZONE_ID`` or ``CLOUDFRONT_DISTRIBUTION_ID``).

App containers keep nothing of their own: sessions and the search index are in
the database, the caches in Redis, uploads in object storage (or one volume
shared by the containers of a single host).
"""

import os
from email.utils import getaddresses
from urllib.parse import urlsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

from mocisite.observability import logging_config
from mocisite.proxies import parse_trusted_proxies

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, LANGUAGES, MIDDLEWARE, STORAGES, env_list

_missing = []
_invalid = []


def _env(name, default=""):
    return os.environ.get(name, "").strip() or default


def _env_bool(name, default):
    value = _env(name).lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    _invalid.append(f"{name} must be true or false (not {value!r})")
    return default


def _env_number(name, default, kind=int):
    value = _env(name)
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        _invalid.append(f"{name} must be a number (not {value!r})")
        return default


def _required(name):
    value = _env(name)
    if not value:
        _missing.append(name)
    return value


def _is_web_address(url):
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# Secrets and host names ---------------------------------------------------------

SECRET_KEY = _required("SECRET_KEY")
# Old keys, while sessions and password-reset links signed with them run out.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

_required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
for _host in ALLOWED_HOSTS:
    if "/" in _host:
        _invalid.append(f"ALLOWED_HOSTS takes host names such as moci.example.org, not addresses ({_host!r})")

# The site's public address, for links in e-mails and the admin. Default: https://
# and the first host name in ALLOWED_HOSTS (not a wildcard).
_hosts = [host for host in ALLOWED_HOSTS if host != "*" and not host.startswith(".")]
WAGTAILADMIN_BASE_URL = _env("WAGTAILADMIN_BASE_URL", f"https://{_hosts[0]}" if _hosts else "").rstrip("/")
if ALLOWED_HOSTS and not WAGTAILADMIN_BASE_URL:
    _invalid.append("WAGTAILADMIN_BASE_URL is needed: ALLOWED_HOSTS names no host it can be made from")
elif WAGTAILADMIN_BASE_URL and not _is_web_address(WAGTAILADMIN_BASE_URL):
    _invalid.append(
        f"WAGTAILADMIN_BASE_URL must be an address like https://moci.example.org ({WAGTAILADMIN_BASE_URL!r})"
    )

# Forms posted to the site itself pass Django's CSRF origin check without this
# (the proxy's X-Forwarded-Proto makes the request https, and the Host matches).
# It is for other origins; by default the public address.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or (
    [WAGTAILADMIN_BASE_URL] if _is_web_address(WAGTAILADMIN_BASE_URL) else []
)
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _is_web_address(_origin):
        _invalid.append(f"CSRF_TRUSTED_ORIGINS takes origins like https://moci.example.org ({_origin!r})")

# Database: PostgreSQL (postgres://USER:PASSWORD@HOST:5432/NAME[?sslmode=require]).
# Connections are kept for DATABASE_CONN_MAX_AGE seconds and checked before each
# request reuses one, so a database restart costs no failed request. Each gunicorn
# thread then holds one: GUNICORN_WORKERS x GUNICORN_THREADS x containers must stay
# below PostgreSQL's max_connections (README, Deployment); beyond that a refused
# connection is a 503 (mocisite/database.py).
# DATABASE_PGBOUNCER=true: DATABASE_URL points at PgBouncer in transaction pooling
# mode, where one transaction may run on one server connection and the next on
# another: no server-side cursors (they live across transactions), and by default
# no connection kept per thread (PgBouncer keeps the server connections).
_database_url = _required("DATABASE_URL")
_pgbouncer = _env_bool("DATABASE_PGBOUNCER", False)
if _database_url:
    try:
        DATABASES = {
            "default": dj_database_url.parse(
                _database_url,
                conn_max_age=_env_number("DATABASE_CONN_MAX_AGE", 0 if _pgbouncer else 600),
                conn_health_checks=True,
                disable_server_side_cursors=_pgbouncer,
            )
        }
    except ValueError as error:
        _invalid.append(f"DATABASE_URL is not a database address ({error})")

# HTTPS, behind a proxy ------------------------------------------------------------

# The TLS-terminating proxy in front says which scheme the visitor used; the proxy
# must set this header itself (overwriting what a client sent).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
# Sign-in lockouts and the page-password throttle count failures per client address.
# Behind a proxy every visitor would share the proxy's address (and one attacker could
# lock a username out for everyone), so the proxy's own addresses or networks go in
# TRUSTED_PROXIES: X-Forwarded-For is believed from them only (mocisite/proxies.py).
# Without it the connection's address counts, and a client reaching the app directly
# cannot pick a new address for each attempt by sending the header itself.
MOCI_TRUSTED_PROXIES, _bad_proxies = parse_trusted_proxies(_env("TRUSTED_PROXIES"))
if _bad_proxies:
    _invalid.append(
        "TRUSTED_PROXIES takes IP addresses or networks such as 10.0.0.1 or 172.30.80.0/24, "
        f"comma-separated (not {', '.join(map(repr, _bad_proxies))})"
    )
if _env("TRUSTED_PROXY_COUNT"):
    _invalid.append("TRUSTED_PROXY_COUNT is gone: name the proxies' addresses or networks in TRUSTED_PROXIES")
# A load balancer may ask /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = _env_number("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Sessions in the database (Django's default, said out loud): every app container
# sees every session, and a Redis outage logs nobody out. Only editors have one.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Request ids in every log record (mocisite/observability.py). First, so that every
# response carries one (the HTTPS redirect and a refused Host's 400 too) and every
# record made below it names the request.
if "mocisite.observability.RequestIdMiddleware" not in MIDDLEWARE:
    MIDDLEWARE = ["mocisite.observability.RequestIdMiddleware", *MIDDLEWARE]

# E-mail ------------------------------------------------------------------------------

# Moderation and translation-review notifications, password resets, errors to ADMINS.
# Without EMAIL_HOST no mail is sent, and the admin offers no password reset (it
# could not send the link).
EMAIL_HOST = _env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    WAGTAIL_PASSWORD_RESET_ENABLED = False
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    _invalid.append("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other (TLS: port 587; SSL: port 465)")
EMAIL_PORT = _env_number("EMAIL_PORT", 465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
EMAIL_HOST_USER = _env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD")
# Seconds: a mail server that does not answer must not hold a request for long.
EMAIL_TIMEOUT = _env_number("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", f"MOCI <noreply@{_hosts[0] if _hosts else 'localhost'}>")
SERVER_EMAIL = _env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# "Name <address>, other@example.org": each server error is also e-mailed to them.
ADMINS = [(name, address) for name, address in getaddresses([_env("ADMINS")]) if address]
for _name, _address in ADMINS:
    if "@" not in _address:
        _invalid.append(f"ADMINS takes e-mail addresses ({_address!r})")

# Caches: Redis when REDIS_URL is set ------------------------------------------------

# Shared by every app container: the default cache (Wagtail's site and URL caches,
# the templates' fragment caches) and the renditions cache (which image sizes
# exist). A Redis outage is a cache miss, never an error (mocisite/cache.py); the
# socket timeouts keep a Redis that does not answer from holding requests.
# Without REDIS_URL each process has its own memory cache: fine for one container.
REDIS_URL = _env("REDIS_URL")
if REDIS_URL:
    if urlsplit(REDIS_URL).scheme not in ("redis", "rediss", "unix"):
        _invalid.append(f"REDIS_URL must be redis://HOST:6379/DB, rediss://… or unix://… ({REDIS_URL!r})")
    _redis_timeout = _env_number("REDIS_TIMEOUT", 0.5, float)
    _redis = {
        "BACKEND": "mocisite.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": _redis_timeout, "socket_timeout": _redis_timeout, "retry_after": 5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "moci", "TIMEOUT": 300},
        # Keys name the image, its file and the size: they never go stale, only unused.
        "renditions": {**_redis, "KEY_PREFIX": "moci-renditions", "TIMEOUT": 7 * 24 * 60 * 60},
    }

# Media: S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set ----------------

# The bucket stays private (no public listing, no public ACL on uploads). Image
# renditions (images/…) are linked directly: from AWS_S3_CUSTOM_DOMAIN (a CDN, or a
# bucket policy allowing GetObject on images/* only) or, without it, as signed,
# expiring URLs. Original images and documents are never linked: documents are
# streamed through Wagtail's view (WAGTAILDOCS_SERVE_METHOD = "serve_view", in
# base.py), which checks collection privacy and adds the headers that keep a
# document's content from running.
AWS_STORAGE_BUCKET_NAME = _env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = _env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = _env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = _env("AWS_S3_CUSTOM_DOMAIN").strip("/")
    if "://" in AWS_S3_CUSTOM_DOMAIN:
        _invalid.append(f"AWS_S3_CUSTOM_DOMAIN is a host name, without https:// ({AWS_S3_CUSTOM_DOMAIN!r})")
    if AWS_S3_ENDPOINT_URL and not _is_web_address(AWS_S3_ENDPOINT_URL):
        _invalid.append(f"AWS_S3_ENDPOINT_URL must be an address like https://s3.example.net ({AWS_S3_ENDPOINT_URL!r})")
    # Path-style addressing (https://endpoint/bucket/…) suits MinIO and most other
    # S3-compatible services; AWS itself prefers virtual hosts (https://bucket.s3.…/).
    AWS_S3_ADDRESSING_STYLE = _env("AWS_S3_ADDRESSING_STYLE", "path" if AWS_S3_ENDPOINT_URL else "virtual")
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
    elif AWS_S3_ENDPOINT_URL and AWS_S3_ADDRESSING_STYLE == "path":
        MEDIA_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/"
    elif AWS_S3_ENDPOINT_URL:
        _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        MEDIA_URL = f"{_endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{_endpoint.netloc}/"
    else:
        _region = f".{AWS_S3_REGION_NAME}" if AWS_S3_REGION_NAME else ""
        MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3{_region}.amazonaws.com/"
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "endpoint_url": AWS_S3_ENDPOINT_URL or None,
                "region_name": AWS_S3_REGION_NAME or None,
                # Empty: boto3 finds credentials itself (an instance role, ~/.aws).
                "access_key": _env("AWS_ACCESS_KEY_ID") or None,
                "secret_key": _env("AWS_SECRET_ACCESS_KEY") or None,
                "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
                "addressing_style": AWS_S3_ADDRESSING_STYLE,
                "signature_version": "s3v4",
                # No ACL header: objects get the bucket's own (private) default.
                "default_acl": None,
                # Signed URLs (without a custom domain) for a week, the longest S3 allows,
                # so that a page kept in a cache still shows its images.
                "querystring_auth": not AWS_S3_CUSTOM_DOMAIN,
                "querystring_expire": 7 * 24 * 60 * 60 - 60,
                # Two uploads with the same name must not replace each other.
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "max-age=86400"},
            },
        },
    }
    # Nothing to serve from the app's own disk.
    SERVE_MEDIA = False

# Errors to Sentry when SENTRY_DSN is set ------------------------------------------------

SENTRY_DSN = _env("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    from mocisite.database import sentry_before_send

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        # No user names, e-mail or IP addresses, cookies or request bodies.
        send_default_pii=False,
        environment=_env("SENTRY_ENVIRONMENT", "production"),
        release=_env("SENTRY_RELEASE") or None,
        traces_sample_rate=_env_number("SENTRY_TRACES_SAMPLE_RATE", 0.0, float),
        # Not one event per request while the database refuses connections.
        before_send=sentry_before_send,
    )

# A CDN in front, purged when a page is published ---------------------------------------

# Cloudflare (an API token with the Cache Purge permission and the zone id; or the
# account e-mail and global API key) and/or CloudFront (a distribution id; the
# credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the instance role).
# Wagtail purges a page's URL when it is published or unpublished, and the same path
# in every language of WAGTAILFRONTENDCACHE_LANGUAGES: /en/…, /sq/…, …
WAGTAILFRONTENDCACHE = {}
_cloudflare_zone = _env("CLOUDFLARE_ZONE_ID")
_cloudflare_token = _env("CLOUDFLARE_API_TOKEN")
_cloudflare_email, _cloudflare_key = _env("CLOUDFLARE_EMAIL"), _env("CLOUDFLARE_API_KEY")
if _cloudflare_zone:
    _cloudflare = {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend", "ZONEID": _cloudflare_zone}
    if _cloudflare_token:
        _cloudflare["BEARER_TOKEN"] = _cloudflare_token
    elif _cloudflare_email and _cloudflare_key:
        _cloudflare.update(EMAIL=_cloudflare_email, API_KEY=_cloudflare_key)
    else:
        _missing.append("CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY) for CLOUDFLARE_ZONE_ID")
    WAGTAILFRONTENDCACHE["cloudflare"] = _cloudflare
elif _cloudflare_token or _cloudflare_key:
    _missing.append("CLOUDFLARE_ZONE_ID (the Cloudflare credentials are set)")
if _env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": _env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]
if WAGTAILFRONTENDCACHE:
    # The app only connects the purge to page_published; it has no models.
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    # How long the CDN may keep a page (s-maxage; browsers always revalidate). The
    # purge on publish covers the page itself; a changed menu or footer reaches the
    # CDN's copies of other pages within this time.
    MOCI_PAGE_CACHE_SHARED_MAX_AGE = _env_number("CDN_MAX_AGE", 300)

# Logs: JSON lines on standard output, with the request id ----------------------------

LOG_FORMAT = _env("LOG_FORMAT", "json")
if LOG_FORMAT not in ("json", "plain"):
    _invalid.append(f"LOG_FORMAT must be json or plain ({LOG_FORMAT!r})")
    LOG_FORMAT = "json"
LOG_LEVEL = _env("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    _invalid.append(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL ({LOG_LEVEL!r})")
    LOG_LEVEL = "INFO"
LOGGING = logging_config(level=LOG_LEVEL, fmt=LOG_FORMAT)

if _missing or _invalid:
    _problems = []
    if _missing:
        _problems.append("Missing required environment variables: " + ", ".join(_missing))
    _problems.extend(_invalid)
    raise ImproperlyConfigured("; ".join(_problems) + " (see .env.example)")
