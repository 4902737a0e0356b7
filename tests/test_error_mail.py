"""Anonymous requests cannot make the site e-mail its admins: suspicious requests
(django.security.*) are logged, not mailed; real server errors still are
(mocisite/observability.py, production's LOGGING)."""

import io
import json
import logging.config

import pytest

from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils.log import configure_logging

from mocisite.observability import logging_config


@pytest.fixture
def production_logging(db, settings):
    """Production's LOGGING (on top of Django's defaults, whose "django" logger
    mails ADMINS), ADMINS set, mail kept in memory; the JSON lines its standard
    output handler writes."""
    settings.ADMINS = [("Operator", "ops@moci.example")]
    settings.ROOT_URLCONF = "tests.logging_app"
    settings.DEBUG = False
    configure_logging("logging.config.dictConfig", logging_config(level="INFO", fmt="json"))
    stdout = io.StringIO()
    (handler,) = logging.getLogger().handlers  # production's one handler, "stdout"
    handler.setStream(stdout)
    mail.outbox = []

    def lines():
        return [json.loads(line) for line in stdout.getvalue().splitlines()]

    yield lines
    logging.config.dictConfig(django_settings.LOGGING)


def test_a_path_out_of_the_media_folder_is_logged_not_mailed(production_logging, db):
    response = Client().get("/media/images/../original_images/x1.png")
    assert response.status_code == 400
    assert mail.outbox == []
    records = production_logging()
    assert any(record["logger"] == "django.security.SuspiciousFileOperation" for record in records), records


def test_an_oversized_post_is_logged_not_mailed(production_logging, db):
    body = "x=" + "a" * (3 * 1024 * 1024)
    # As a browser would, with its CSRF cookie: the CSRF check reads the body, too big.
    client = Client(enforce_csrf_checks=True)
    client.cookies[django_settings.CSRF_COOKIE_NAME] = "a" * 32
    response = client.post("/en/", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert mail.outbox == []
    records = production_logging()
    assert any(record["logger"] == "django.security.RequestDataTooBig" for record in records), records


def test_a_real_server_error_is_still_mailed(production_logging, db):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@moci.example"]
    assert "ERROR" in mail.outbox[0].subject and "/boom/" in mail.outbox[0].subject
    assert any(record["logger"] == "django.request" and record.get("status") == 500 for record in production_logging())
