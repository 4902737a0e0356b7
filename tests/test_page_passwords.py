"""Wrong passwords on a password-protected page are throttled per client address
(mocisite/page_passwords.py), with the limits of the admin's sign-in."""

import pytest

from wagtail.models import PageViewRestriction

from mocisite.proxies import parse_trusted_proxies
from tests import factories

PASSWORD = "open sesame"


@pytest.fixture
def protected(project_index):
    project = factories.make_project(project_index, "Precious Plastic")
    restriction = PageViewRestriction.objects.create(
        page=project, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return project, restriction


def form_url(project, restriction, language="en"):
    return f"/{language}/_util/authenticate_with_password/{restriction.pk}/{project.pk}/"


def attempt(client, project, restriction, password, address="198.51.100.7", language="en", **meta):
    return client.post(
        form_url(project, restriction, language),
        {"password": password, "return_url": project.url},
        REMOTE_ADDR=address,
        **meta,
    )


def test_wrong_passwords_are_throttled_per_address(client, protected, settings):
    project, restriction = protected
    statuses = [
        attempt(client, project, restriction, f"wrong-{n}").status_code for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    # Locked: even the right password is not checked, and nothing is let through.
    response = attempt(client, project, restriction, PASSWORD)
    assert response.status_code == 429
    assert 3500 <= int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "Too many wrong passwords from your network. Please try again in about 60 minutes." in html
    assert 'type="password"' in html  # the form, to try again later
    assert client.get(project.url).status_code == 200
    assert "Password required" in client.get(project.url).content.decode()
    # Another address is not locked out by the first one's failures.
    other = client.__class__()
    response = attempt(other, project, restriction, PASSWORD, address="203.0.113.9")
    assert response.status_code == 302
    assert "Password required" not in other.get(project.url).content.decode()


def test_the_right_password_clears_the_count(client, protected, settings):
    project, restriction = protected
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, project, restriction, f"wrong-{n}").status_code == 200
    assert attempt(client, project, restriction, PASSWORD).status_code == 302
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, project, restriction, f"wrong-again-{n}").status_code == 200


def test_rotating_x_forwarded_for_does_not_escape_the_throttle(client, protected, settings):
    project, restriction = protected
    settings.MOCI_TRUSTED_PROXIES = []
    statuses = [
        attempt(client, project, restriction, f"wrong-{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(12)
    ]
    assert statuses == [200] * 4 + [429] * 8
    # Behind a trusted proxy each forwarded client counts on its own.
    settings.MOCI_TRUSTED_PROXIES = parse_trusted_proxies("10.0.0.1")[0]
    response = attempt(client, project, restriction, "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 200


def test_the_message_is_in_the_visitors_language(client, protected, settings):
    project, restriction = protected
    for n in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, project, restriction, f"wrong-{n}", language="sq")
    assert response.status_code == 429
    assert "Shumë fjalëkalime të gabuara nga rrjeti juaj." in response.content.decode()


def test_malformed_requests_are_not_errors(client, protected):
    project, restriction = protected
    assert (
        client.post(f"/en/_util/authenticate_with_password/999999/{project.pk}/", {"password": "x"}).status_code == 404
    )
    assert (
        client.post(f"/en/_util/authenticate_with_password/{restriction.pk}/999999/", {"password": "x"}).status_code
        == 404
    )
    assert client.get(form_url(project, restriction)).status_code == 200
    response = client.post(form_url(project, restriction), {"password": "\x00" * 10, "return_url": "//evil.example"})
    assert response.status_code == 200
