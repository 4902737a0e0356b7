"""The production settings, read from the environment (mocisite/settings/production.py).

Most tests import the settings module afresh with a given environment (it has
no side effects besides Sentry, which is tested in a subprocess); the deploy
checks run in a subprocess with a realistic environment, as an operator would.
"""

import importlib
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured

REPO = Path(__file__).resolve().parent.parent
MODULE = "mocisite.settings.production"

# Every variable production.py reads, cleared before each load so that the
# machine's own environment (a DATABASE_URL, say) cannot leak into a test.
VARIABLES = """SECRET_KEY SECRET_KEY_FALLBACKS DATABASE_URL DATABASE_CONN_MAX_AGE ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS TRUSTED_PROXIES TRUSTED_PROXY_COUNT WAGTAILADMIN_BASE_URL SECURE_SSL_REDIRECT SECURE_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS SECURE_HSTS_PRELOAD EMAIL_HOST EMAIL_PORT EMAIL_HOST_USER
EMAIL_HOST_PASSWORD EMAIL_USE_TLS EMAIL_USE_SSL EMAIL_TIMEOUT DEFAULT_FROM_EMAIL SERVER_EMAIL ADMINS
REDIS_URL REDIS_TIMEOUT AWS_STORAGE_BUCKET_NAME AWS_S3_ENDPOINT_URL AWS_S3_REGION_NAME AWS_ACCESS_KEY_ID
AWS_SECRET_ACCESS_KEY AWS_S3_CUSTOM_DOMAIN AWS_S3_ADDRESSING_STYLE SENTRY_DSN SENTRY_ENVIRONMENT
SENTRY_RELEASE SENTRY_TRACES_SAMPLE_RATE CLOUDFLARE_ZONE_ID CLOUDFLARE_API_TOKEN CLOUDFLARE_EMAIL
CLOUDFLARE_API_KEY CLOUDFRONT_DISTRIBUTION_ID LOG_FORMAT LOG_LEVEL""".split()

REQUIRED = {
    "SECRET_KEY": "a-test-key-" + "x" * 50,
    "DATABASE_URL": "postgres://moci:secret@db.internal:5432/moci",
    "ALLOWED_HOSTS": "moci.example.org",
}

# Services a deployment may switch on, as the tests add them to REQUIRED: an SMTP server
# (TLS or SSL varies), and a bucket and its keys (the endpoint or region, and a custom domain, vary).
MAIL = {"EMAIL_HOST": "smtp.example.org", "EMAIL_HOST_USER": "moci", "EMAIL_HOST_PASSWORD": "mail-secret"}
BUCKET = {
    "AWS_STORAGE_BUCKET_NAME": "moci-media",
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "s3-secret",
}


def photo_url(options):
    """The address django-storages gives a rendition in the bucket these storage options name."""
    from storages.backends.s3 import S3Storage

    return S3Storage(**options).url("images/photo.width-800.jpg")


def realistic_environment():
    """What a deployment's .env holds: every optional service switched on."""
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": "postgres://moci:secret@db.internal:5432/moci",
        "ALLOWED_HOSTS": "moci.example.org,www.moci.example.org",
        "WAGTAILADMIN_BASE_URL": "https://moci.example.org",
        "REDIS_URL": "redis://127.0.0.1:1/9",
        **MAIL,
        "EMAIL_USE_TLS": "true",
        "DEFAULT_FROM_EMAIL": "MOCI <noreply@moci.example.org>",
        "ADMINS": "Operator <ops@moci.example.org>",
        **BUCKET,
        "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
        "AWS_S3_REGION_NAME": "eu-central-1",
        "AWS_S3_CUSTOM_DOMAIN": "media.moci.example.org",
        "CLOUDFLARE_ZONE_ID": "zone",
        "CLOUDFLARE_API_TOKEN": "token",
    }


@pytest.fixture
def load(monkeypatch):
    """``load(**env)``: the production settings module as that environment makes it."""

    def load(**env):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        sys.modules.pop(MODULE, None)
        try:
            return importlib.import_module(MODULE)
        finally:
            sys.modules.pop(MODULE, None)

    return load


def subprocess_environment(env):
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "SYSTEMROOT") if name in os.environ}
    return {**keep, "DJANGO_SETTINGS_MODULE": MODULE, "PYTHONDONTWRITEBYTECODE": "1", **env}


def run(args, env):
    return subprocess.run(  # noqa: S603 - our own manage.py and interpreter, fixed arguments
        [sys.executable, *args],
        cwd=REPO,
        env=subprocess_environment(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# The deploy checks --------------------------------------------------------------------


def test_check_deploy_prints_nothing_with_a_realistic_environment():
    result = run(["manage.py", "check", "--deploy"], realistic_environment())
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    # Django always prints its summary; nothing else, and nothing silenced.
    assert result.stdout == "System check identified no issues (0 silenced).\n"


def test_check_deploy_prints_nothing_with_only_the_required_variables():
    result = run(["manage.py", "check", "--deploy"], {**REQUIRED, "SECRET_KEY": secrets.token_urlsafe(50)})
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    assert result.stdout == "System check identified no issues (0 silenced).\n"


# Missing and malformed variables --------------------------------------------------------


def test_start_up_stops_naming_every_missing_variable(load):
    with pytest.raises(ImproperlyConfigured) as error:
        load()
    message = str(error.value)
    assert "Missing required environment variables: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in message
    assert ".env.example" in message


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_each_missing_variable_is_named(load, name):
    env = {key: value for key, value in REQUIRED.items() if key != name}
    with pytest.raises(ImproperlyConfigured, match=f"Missing required environment variables: {name} "):
        load(**env)


def test_a_process_without_the_variables_stops_with_the_message():
    result = run(["manage.py", "check"], {})
    assert result.returncode != 0
    assert "Missing required environment variables: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in result.stderr


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"ALLOWED_HOSTS": "https://moci.example.org"}, "ALLOWED_HOSTS takes host names"),
        ({"WAGTAILADMIN_BASE_URL": "moci.example.org"}, "WAGTAILADMIN_BASE_URL must be an address"),
        ({"CSRF_TRUSTED_ORIGINS": "moci.example.org"}, "CSRF_TRUSTED_ORIGINS takes origins"),
        ({"EMAIL_USE_TLS": "maybe"}, "EMAIL_USE_TLS must be true or false"),
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other"),
        ({"DATABASE_CONN_MAX_AGE": "ten"}, "DATABASE_CONN_MAX_AGE must be a number"),
        ({"REDIS_URL": "127.0.0.1:6379"}, "REDIS_URL must be redis://"),
        ({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_CUSTOM_DOMAIN": "https://cdn.example"}, "AWS_S3_CUSTOM_DOMAIN is a"),
        ({"CLOUDFLARE_ZONE_ID": "zone"}, "CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY)"),
        ({"CLOUDFLARE_API_TOKEN": "token"}, "CLOUDFLARE_ZONE_ID"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL must be"),
        ({"TRUSTED_PROXIES": "10.0.0.1, proxy.internal"}, "TRUSTED_PROXIES takes IP addresses or networks"),
        ({"TRUSTED_PROXIES": "10.0.0.0/33"}, "not '10.0.0.0/33'"),
        ({"TRUSTED_PROXY_COUNT": "1"}, "TRUSTED_PROXY_COUNT is gone"),
        ({"ALLOWED_HOSTS": "*"}, "WAGTAILADMIN_BASE_URL is needed"),
    ],
)
def test_malformed_values_are_named(load, env, named):
    with pytest.raises(ImproperlyConfigured) as error:
        load(**{**REQUIRED, **env})
    assert named in str(error.value)


# What the variables give ------------------------------------------------------------------


def test_required_variables_alone(load):
    settings = load(**REQUIRED)
    assert settings.SECRET_KEY == REQUIRED["SECRET_KEY"]
    assert settings.ALLOWED_HOSTS == ["moci.example.org"]
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db.internal", "moci", "moci")
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True
    # Derived from the first host name.
    assert settings.WAGTAILADMIN_BASE_URL == "https://moci.example.org"
    assert settings.CSRF_TRUSTED_ORIGINS == ["https://moci.example.org"]
    assert settings.DEFAULT_FROM_EMAIL == "MOCI <noreply@moci.example.org>"
    # Behind the TLS proxy.
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings.SECURE_SSL_REDIRECT is True
    assert settings.SECURE_REDIRECT_EXEMPT == [r"^health/$"]
    assert settings.SECURE_HSTS_SECONDS == 31_536_000
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    # No proxy named: X-Forwarded-For is believed from nobody.
    assert settings.MOCI_TRUSTED_PROXIES == []
    # Sessions in the database: shared by every app container.
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    # No Redis: each process its own memory cache; no object storage: the media volume.
    assert {cache["BACKEND"] for cache in settings.CACHES.values()} == {"django.core.cache.backends.locmem.LocMemCache"}
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    # No mail server: nothing sent, and no password reset that could not send its link.
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.dummy.EmailBackend"
    assert settings.WAGTAIL_PASSWORD_RESET_ENABLED is False
    assert settings.ADMINS == []
    # No CDN: nothing to purge.
    assert settings.WAGTAILFRONTENDCACHE == {}
    assert "wagtail.contrib.frontend_cache" not in settings.INSTALLED_APPS


def test_trusted_proxies(load):
    settings = load(**REQUIRED, TRUSTED_PROXIES=" 10.0.0.1, 172.30.80.0/24 ,, ::1 ")
    assert [str(network) for network in settings.MOCI_TRUSTED_PROXIES] == ["10.0.0.1/32", "172.30.80.0/24", "::1/128"]


def test_database_connection_age_and_options(load):
    settings = load(
        **{
            **REQUIRED,
            "DATABASE_URL": "postgres://moci:secret@db.internal:5432/moci?sslmode=require",
            "DATABASE_CONN_MAX_AGE": "60",
        }
    )
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] == 60
    assert database["OPTIONS"] == {"sslmode": "require"}
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is False


def test_behind_pgbouncer_no_server_side_cursors_and_no_kept_connections(load):
    """Transaction pooling: a cursor may not outlive its transaction, and PgBouncer
    (not each gunicorn thread) keeps the server connections."""
    default = load(**REQUIRED).DATABASES["default"]
    assert (default["DISABLE_SERVER_SIDE_CURSORS"], default["CONN_MAX_AGE"]) == (False, 600)
    pooled = load(**REQUIRED, DATABASE_PGBOUNCER="true").DATABASES["default"]
    assert (pooled["DISABLE_SERVER_SIDE_CURSORS"], pooled["CONN_MAX_AGE"]) == (True, 0)
    kept = load(**REQUIRED, DATABASE_PGBOUNCER="true", DATABASE_CONN_MAX_AGE="60").DATABASES["default"]
    assert (kept["DISABLE_SERVER_SIDE_CURSORS"], kept["CONN_MAX_AGE"]) == (True, 60)


def test_pgbouncer_takes_true_or_false(load):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_PGBOUNCER must be true or false"):
        load(**REQUIRED, DATABASE_PGBOUNCER="transaction")


def test_explicit_addresses_win(load):
    settings = load(
        **{
            **REQUIRED,
            "ALLOWED_HOSTS": "moci.example.org,.moci.example.org",
            "WAGTAILADMIN_BASE_URL": "https://www.moci.example.org/",
            "CSRF_TRUSTED_ORIGINS": "https://moci.example.org, https://admin.moci.example.org",
            "SECRET_KEY_FALLBACKS": "old-key-one,old-key-two",
        }
    )
    assert settings.ALLOWED_HOSTS == ["moci.example.org", ".moci.example.org"]
    assert settings.WAGTAILADMIN_BASE_URL == "https://www.moci.example.org"
    assert settings.CSRF_TRUSTED_ORIGINS == ["https://moci.example.org", "https://admin.moci.example.org"]
    assert settings.SECRET_KEY_FALLBACKS == ["old-key-one", "old-key-two"]


def test_email(load):
    settings = load(
        **REQUIRED,
        **MAIL,
        EMAIL_USE_SSL="true",
        DEFAULT_FROM_EMAIL="MOCI <hello@moci.example.org>",
        ADMINS="Operator <ops@moci.example.org>, second@moci.example.org",
    )
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_SSL) == ("smtp.example.org", 465, True)
    assert (settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD) == ("moci", "mail-secret")
    assert settings.EMAIL_TIMEOUT == 10
    assert settings.SERVER_EMAIL == settings.DEFAULT_FROM_EMAIL == "MOCI <hello@moci.example.org>"
    assert settings.ADMINS == [("Operator", "ops@moci.example.org"), ("", "second@moci.example.org")]
    assert not hasattr(settings, "WAGTAIL_PASSWORD_RESET_ENABLED") or settings.WAGTAIL_PASSWORD_RESET_ENABLED


def test_redis_gives_shared_default_and_renditions_caches(load):
    settings = load(**REQUIRED, REDIS_URL="redis://redis:6379/0")
    assert set(settings.CACHES) == {"default", "renditions"}
    for cache in settings.CACHES.values():
        assert cache["BACKEND"] == "mocisite.cache.ResilientRedisCache"
        assert cache["LOCATION"] == "redis://redis:6379/0"
        assert cache["OPTIONS"]["socket_connect_timeout"] <= 1
        assert cache["OPTIONS"]["socket_timeout"] <= 1
    assert settings.CACHES["default"]["KEY_PREFIX"] != settings.CACHES["renditions"]["KEY_PREFIX"]
    # Sessions stay in the database: a Redis outage logs nobody out.
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_object_storage_with_a_custom_domain(load):
    settings = load(
        **REQUIRED,
        **BUCKET,
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.moci.example.org",
    )
    storage = settings.STORAGES["default"]
    options = storage["OPTIONS"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "moci-media"
    assert options["default_acl"] is None  # the bucket's own, private default
    assert options["file_overwrite"] is False
    assert settings.MEDIA_URL == "https://media.moci.example.org/"
    assert settings.SERVE_MEDIA is False
    # Static files stay with whitenoise.
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    # Documents go through Wagtail's view, never straight from the bucket.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    url = photo_url(options)
    assert url == "https://media.moci.example.org/images/photo.width-800.jpg"


@pytest.mark.parametrize(
    ("env", "media_url"),
    [
        ({"AWS_S3_ENDPOINT_URL": "https://s3.example.net"}, "https://s3.example.net/moci-media/"),
        ({"AWS_S3_REGION_NAME": "eu-central-1"}, "https://moci-media.s3.eu-central-1.amazonaws.com/"),
    ],
)
def test_object_storage_without_a_custom_domain_signs_urls(load, env, media_url):
    settings = load(**REQUIRED, **BUCKET, **env)
    options = settings.STORAGES["default"]["OPTIONS"]
    assert settings.MEDIA_URL == media_url
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] <= 7 * 24 * 60 * 60
    url = photo_url(options)
    # Signed, expiring, on the origin MEDIA_URL names (which the CSP allows).
    assert url.startswith(media_url + "images/photo.width-800.jpg?")
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=" in url


def test_cloudflare_purge_with_a_token(load):
    settings = load(**REQUIRED, CLOUDFLARE_ZONE_ID="zone", CLOUDFLARE_API_TOKEN="token")
    assert settings.WAGTAILFRONTENDCACHE == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        }
    }
    assert "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS
    assert settings.WAGTAILFRONTENDCACHE_LANGUAGES == ["en", "sq", "sr-latn", "mk", "de", "ka", "hy"]


def test_cloudflare_purge_with_email_and_key_and_cloudfront(load):
    settings = load(
        **REQUIRED,
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_EMAIL="ops@moci.example.org",
        CLOUDFLARE_API_KEY="key",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
    )
    cloudflare = settings.WAGTAILFRONTENDCACHE["cloudflare"]
    assert (cloudflare["EMAIL"], cloudflare["API_KEY"]) == ("ops@moci.example.org", "key")
    assert settings.WAGTAILFRONTENDCACHE["cloudfront"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": "E123",
    }

    # Wagtail builds the backends from these settings.
    from wagtail.contrib.frontend_cache.utils import get_backends

    backends = get_backends(settings.WAGTAILFRONTENDCACHE)
    assert sorted(backends) == ["cloudflare", "cloudfront"]


def test_request_ids_and_json_logs(load):
    settings = load(**REQUIRED)
    assert settings.MIDDLEWARE[0] == "mocisite.observability.RequestIdMiddleware"
    assert settings.MIDDLEWARE.count("mocisite.observability.RequestIdMiddleware") == 1
    handler = settings.LOGGING["handlers"]["stdout"]
    assert handler["stream"] == "ext://sys.stdout"
    assert handler["formatter"] == "json"
    assert handler["filters"] == ["request_id"]
    assert load(**REQUIRED, LOG_FORMAT="plain").LOGGING["handlers"]["stdout"]["formatter"] == "plain"


def test_hsts_can_be_narrowed(load):
    settings = load(**REQUIRED, SECURE_HSTS_INCLUDE_SUBDOMAINS="false", SECURE_HSTS_PRELOAD="false")
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is False
    assert settings.SECURE_HSTS_PRELOAD is False


# Sentry ----------------------------------------------------------------------------------

SENTRY_PROBE = """
import json, django
django.setup()
import sentry_sdk
client = sentry_sdk.get_client()
print(json.dumps({
    "active": client.is_active(),
    "dsn": client.options["dsn"],
    "send_default_pii": client.options["send_default_pii"],
    "environment": client.options["environment"],
    "release": client.options["release"],
    "integrations": sorted(client.integrations),
    "before_send": getattr(client.options["before_send"], "__qualname__", None),
}))
"""


def test_sentry_with_the_django_integration_and_no_personal_data():
    env = {
        **REQUIRED,
        "SENTRY_DSN": "https://public@sentry.example.invalid/1",
        "SENTRY_ENVIRONMENT": "staging",
        "SENTRY_RELEASE": "moci@1.2.3",
    }
    result = run(["-c", SENTRY_PROBE], env)
    assert result.returncode == 0, result.stderr
    client = json.loads(result.stdout.strip().splitlines()[-1])
    assert client["active"] is True
    assert client["dsn"] == env["SENTRY_DSN"]
    assert client["send_default_pii"] is False
    assert (client["environment"], client["release"]) == ("staging", "moci@1.2.3")
    assert "django" in client["integrations"]
    # A database refusing connections is not an event per request (mocisite/database.py).
    assert client["before_send"] == "sentry_before_send"


def test_no_sentry_without_a_dsn():
    result = run(["-c", SENTRY_PROBE], REQUIRED)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["active"] is False
