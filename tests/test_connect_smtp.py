"""E-mail is real (issue 16, item 7): the whole write-to-a-peer flow through a real
SMTP server (aiosmtpd, in a thread of this process, on a free port), with Django's
SMTP backend, as production sends it (the ``smtp_server`` fixture: tests/conftest.py)."""

import re

from tests import factories


def test_a_message_to_a_peer_travels_through_a_real_smtp_server(client, people_index, smtp_server, settings):
    settings.MOCI_CONNECT_MIN_FILL_SECONDS = 0
    arta = factories.make_person(people_index, "Arta", contact_email="arta@example.org")
    form_url = arta.url + "contact/"
    shown = re.search(r'name="shown" value="([^"]+)"', client.get(form_url).content.decode()).group(1)
    sent = client.post(
        form_url,
        {
            "name": "Besa",
            "email": "besa@example.org",
            "message": "Mirëdita! Could you show us your compost heap?",
            "consent": "on",
            "shown": shown,
        },
    )
    assert sent.status_code == 200

    [(recipients, confirmation)] = smtp_server.messages
    assert recipients == ["besa@example.org"]
    assert confirmation["From"] == "MOCI <noreply@moci.example.org>"
    assert confirmation["Content-Language"] == "en"
    assert confirmation.get_content_type() == "text/plain"
    body = confirmation.get_content().replace("\r\n", "\n")
    link = re.search(r"http://localhost(/en/connect/confirm/[\w-]+/)", body).group(1)
    assert "MOCI\nhttp://localhost" in body

    assert client.get(link).status_code == 200
    assert len(smtp_server.messages) == 1
    assert client.post(link).status_code == 200

    [_confirmation, (recipients, delivered)] = smtp_server.messages
    assert recipients == ["arta@example.org"]
    assert delivered["To"] == "arta@example.org"
    assert delivered["Reply-To"] == "besa@example.org"
    assert delivered["Content-Language"] == "en"
    assert delivered.get_content_type() == "text/plain"
    text = delivered.get_content().replace("\r\n", "\n")
    assert "Mirëdita! Could you show us your compost heap?" in text
    stop = re.search(r"http://localhost(/en/connect/stop/\S+/)", text).group(1)
    assert client.get(stop).status_code == 200
