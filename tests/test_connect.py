"""Writing to a peer (connect/, issue 16): the form under a profile, the request it
stores, the confirmation by e-mail, the delivery, the member's "stop messages"
link, every abuse limit, the page cache, and the purge of what is kept."""

import re
from datetime import timedelta

import pytest

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale

from connect.confirm import token_hash
from connect.models import PendingRequest
from mocisite.languages import ensure_locales, synchronise_trees
from people.blocks import ExternalLinkBlock
from people.models import PersonPage
from tests import factories
from tests.public_forms import filled

pytestmark = pytest.mark.usefixtures("fresh_counts")

ADDRESS = "arta.private@example.org"


@pytest.fixture
def arta(people_index):
    return factories.make_person(people_index, "Arta", contact_email=ADDRESS, bio="Permaculture in Pellumbas.")


def contact_url(profile):
    return profile.url + "contact/"


MESSAGE = {
    "name": "Besa",
    "email": "besa@example.org",
    "message": "Could you show us how you start a compost heap?",
    "consent": "on",
}


def form_data(client, url, **fields):
    return filled(client, url, MESSAGE, **fields)


def send(client, profile, **fields):
    url = contact_url(profile)
    return client.post(url, form_data(client, url, **fields))


def link_in(message, name):
    return re.search(rf"https?://\S+/connect/{name}/\S+/", message.body).group(0)


def path_of(link):
    return "/" + link.split("/", 3)[3]


def confirmed(client, profile, **fields):
    """Send the form and confirm: the response of the confirmation."""
    assert send(client, profile, **fields).status_code == 200
    return client.post(path_of(link_in(mail.outbox[-1], "confirm")))


# The profile offers the form only when it has a contact address.


def test_the_profile_links_to_the_form_when_it_has_a_contact_address(client, arta):
    html = client.get(arta.url).content.decode()
    assert f'href="{contact_url(arta)}"' in html
    assert "Write to Arta" in html
    response = client.get(contact_url(arta))
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_without_a_contact_address_there_is_no_link_and_no_form(client, people_index):
    jonas = factories.make_person(people_index, "Jonas")
    assert "contact/" not in client.get(jonas.url).content.decode()
    assert client.get(contact_url(jonas)).status_code == 404
    assert client.post(contact_url(jonas), {"name": "x"}).status_code == 404


def test_peers_to_meet_link_to_the_form_of_those_who_take_messages(client, people_index):
    skill = factories.make_skill()
    uzina = factories.make_organisation(people_index, "Uzina", needs=[skill])
    arta = factories.make_person(people_index, "Arta", skills=[skill], contact_email=ADDRESS)
    jonas = factories.make_person(people_index, "Jonas", skills=[skill])
    html = client.get(uzina.url).content.decode()
    assert f'href="{contact_url(arta)}"' in html
    assert f'href="{jonas.url}">Jonas</a>' in html
    assert contact_url(jonas) not in html


def test_public_links_are_web_addresses_shown_with_their_names(client, people_index):
    block = ExternalLinkBlock()
    for address in ("javascript:alert(1)", "ftp://example.org/", "mailto:arta@example.org"):
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean({"label": "Bad", "url": address})
        assert list(refused.value.block_errors) == ["url"]
    block.clean({"label": "Website", "url": "https://example.org/"})
    page = factories.make_person(
        people_index, "Mira", links=[("link", {"label": "Instagram", "url": "https://instagram.com/mira"})]
    )
    assert '<a href="https://instagram.com/mira" rel="noopener">Instagram</a>' in client.get(page.url).content.decode()


# Sending, confirming, delivering.


def test_sending_stores_a_request_and_mails_a_confirmation_link(client, arta):
    before = timezone.now()
    response = send(client, arta)
    assert response.status_code == 200
    assert "besa@example.org" in response.content.decode()
    pending = PendingRequest.objects.get()
    assert (pending.kind, pending.name, pending.email, pending.language) == (
        "peer-message",
        "Besa",
        "besa@example.org",
        "en",
    )
    assert pending.consent_at >= before
    assert pending.payload["message"] == "Could you show us how you start a compost heap?"
    assert pending.expires_at - pending.created_at == pytest.approx(timedelta(hours=48), abs=timedelta(seconds=5))
    [message] = mail.outbox
    assert message.to == ["besa@example.org"]
    assert "MOCI" in message.subject and "Arta" in message.subject
    link = link_in(message, "confirm")
    token = link.rstrip("/").rsplit("/", 1)[1]
    # Only the token's hash is stored.
    assert pending.token_hash == token_hash(token) != token
    assert token not in str(PendingRequest.objects.values().get())
    # Plain text, with the site's name and address; nothing goes to Arta yet.
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
    assert message.body.rstrip().endswith("MOCI\nhttp://localhost")
    assert ADDRESS not in message.body


def test_the_link_shows_a_button_and_only_the_button_sends(client, arta):
    send(client, arta)
    path = path_of(link_in(mail.outbox[0], "confirm"))
    page = client.get(path)
    assert page.status_code == 200
    assert "Your message to Arta is ready to be sent." in page.content.decode()
    assert len(mail.outbox) == 1
    done = client.post(path)
    assert done.status_code == 200
    assert "Your message was sent to Arta." in done.content.decode()
    delivered = mail.outbox[1]
    assert delivered.to == [ADDRESS]
    assert delivered.reply_to == ["besa@example.org"]
    assert "Could you show us how you start a compost heap?" in delivered.body
    assert "/en/connect/stop/" in delivered.body
    assert delivered.body.rstrip().endswith("MOCI\nhttp://localhost")
    # Delivered: the text is not kept.
    assert PendingRequest.objects.get().payload == {}


def test_the_confirmation_goes_in_the_senders_language_and_the_message_in_the_members(client, arta):
    ensure_locales()
    synchronise_trees()
    albanian = arta.get_translation(Locale.objects.get(language_code="sq"))
    assert albanian.contact_email == ADDRESS
    # A reader of the Albanian site writes to Arta there.
    send(client, albanian, email="besa@example.al")
    confirmation = mail.outbox[-1]
    with translation.override("sq"):
        assert (
            translation.gettext("Confirm your e-mail address")
            in client.get(path_of(link_in(confirmation, "confirm"))).content.decode()
        )
    assert "/sq/connect/confirm/" in confirmation.body
    assert "Arta" in confirmation.subject
    assert confirmation.extra_headers["Content-Language"] == "sq"
    client.post(path_of(link_in(confirmation, "confirm")))
    delivered = mail.outbox[-1]
    # The member gets it in their profile's own language (the Albanian page is an
    # alias of the English one), with their profile's address in that language.
    assert delivered.extra_headers["Content-Language"] == "en"
    assert "/en/connect/stop/" in delivered.body
    assert "http://localhost/en/people/arta/" in delivered.body


def assert_gone(client, path, words):
    """Opening the link and pressing its button both answer 410 Gone, saying ``words``."""
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert words in response.content.decode()


def test_a_reused_link_says_so_and_sends_nothing_more(client, arta):
    response = confirmed(client, arta)
    assert response.status_code == 200
    assert_gone(client, path_of(link_in(mail.outbox[0], "confirm")), "already been used")
    assert len(mail.outbox) == 2


def test_an_expired_link_says_so_and_sends_nothing(client, arta):
    send(client, arta)
    PendingRequest.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert_gone(client, path_of(link_in(mail.outbox[0], "confirm")), "This link has expired")
    assert len(mail.outbox) == 1


def test_an_unknown_link_is_a_clear_400_in_the_visitors_language(client, arta):
    response = client.get("/sq/connect/confirm/not-a-token/")
    assert response.status_code == 400
    with translation.override("sq"):
        assert translation.gettext("This link does not work") in response.content.decode()


def test_a_message_to_a_profile_that_no_longer_takes_messages_is_not_sent(client, arta):
    send(client, arta)
    PersonPage.objects.filter(pk=arta.pk).update(contact_email="")
    response = client.post(path_of(link_in(mail.outbox[0], "confirm")))
    assert response.status_code == 410
    assert len(mail.outbox) == 1
    assert PendingRequest.objects.get().payload == {}


def test_when_the_mail_server_fails_the_link_stays_valid(client, arta, monkeypatch):
    send(client, arta)
    path = path_of(link_in(mail.outbox[0], "confirm"))

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    response = client.post(path)
    assert response.status_code == 503
    assert PendingRequest.objects.get().confirmed_at is None
    monkeypatch.undo()
    assert client.post(path).status_code == 200
    assert mail.outbox[-1].to == [ADDRESS]


# Abuse limits: each refusal keeps what was typed, says what to change, sends nothing.


def assert_refused(response, status, text):
    html = response.content.decode()
    assert response.status_code == status, html[-2000:]
    assert text in html
    assert "Could you show us how you start a compost heap?" in html
    assert 'value="Besa"' in html
    assert not mail.outbox
    assert not PendingRequest.objects.exists()


def test_the_honeypot_refuses(client, arta):
    assert_refused(send(client, arta, website="http://spam.example"), 200, "leave the last field empty")


def test_a_form_sent_too_fast_is_refused(client, arta, settings):
    settings.MOCI_CONNECT_MIN_FILL_SECONDS = 30
    assert_refused(send(client, arta), 200, "quicker than anyone can read and type")


def test_a_form_without_its_time_stamp_is_refused(client, arta):
    assert_refused(send(client, arta, shown="forged"), 200, "could not be read completely")


def test_a_message_too_long_is_refused(client, arta, settings):
    settings.MOCI_CONNECT_MESSAGE_MAX_LENGTH = 60
    long = "Could you show us how you start a compost heap? " * 3
    response = send(client, arta, message=long)
    assert response.status_code == 200
    assert "at most 60 characters" in response.content.decode()
    assert not mail.outbox and not PendingRequest.objects.exists()


def test_a_message_with_too_many_links_is_refused(client, arta, settings):
    settings.MOCI_CONNECT_MESSAGE_MAX_LINKS = 1
    message = "Could you show us how you start a compost heap? https://a.example www.b.example"
    response = send(client, arta, message=message)
    assert response.status_code == 200
    assert "at most 1 link (this message has 2)" in response.content.decode()
    assert not mail.outbox and not PendingRequest.objects.exists()


def test_too_many_posts_from_one_address_get_a_translated_429(client, arta, settings):
    settings.MOCI_CONNECT_LIMIT_PER_ADDRESS = (2, 3600)
    for number in range(2):
        assert send(client, arta, email=f"sender{number}@example.org").status_code == 200
    mail.outbox.clear()
    PendingRequest.objects.all().delete()
    response = send(client, arta)
    assert_refused(response, 429, "Too many requests came from your network")
    assert response["Retry-After"] == "3600"
    # In Albanian on the Albanian site.
    ensure_locales()
    synchronise_trees()
    albanian = arta.get_translation(Locale.objects.get(language_code="sq"))
    refused = send(client, albanian)
    assert refused.status_code == 429
    with translation.override("sq"):
        expected = translation.ngettext(
            "Too many requests came from your network. Please try again in about %(minutes)d minute.",
            "Too many requests came from your network. Please try again in about %(minutes)d minutes.",
            60,
        ) % {"minutes": 60}
    assert "Too many requests" not in expected
    assert expected in refused.content.decode()


def test_another_address_is_counted_apart(arta, settings):
    settings.MOCI_CONNECT_LIMIT_PER_ADDRESS = (1, 3600)
    first, second = Client(REMOTE_ADDR="192.0.2.1"), Client(REMOTE_ADDR="192.0.2.2")
    assert send(first, arta, email="a@example.org").status_code == 200
    assert send(first, arta, email="b@example.org").status_code == 429
    assert send(second, arta, email="c@example.org").status_code == 200


def test_too_many_requests_from_one_email_address_get_a_429(arta, settings):
    settings.MOCI_CONNECT_LIMIT_PER_EMAIL = (2, 3600)
    settings.MOCI_CONNECT_MAX_PENDING_PER_EMAIL = 10
    for number in range(2):
        assert send(Client(REMOTE_ADDR=f"192.0.2.{number}"), arta, email="Besa@Example.org").status_code == 200
    mail.outbox.clear()
    PendingRequest.objects.all().delete()
    assert_refused(send(Client(REMOTE_ADDR="192.0.2.9"), arta), 429, "Too many requests came from this e-mail address")


def test_at_most_a_few_requests_wait_for_confirmation_per_email_address(client, arta, settings):
    settings.MOCI_CONNECT_MAX_PENDING_PER_EMAIL = 2
    for _number in range(2):
        assert send(client, arta).status_code == 200
    mail.outbox.clear()
    PendingRequest.objects.update(created_at=timezone.now())  # still pending
    response = send(client, arta)
    html = response.content.decode()
    assert response.status_code == 429
    assert "2 requests from this e-mail address are waiting for confirmation" in html
    assert "Could you show us how you start a compost heap?" in html
    assert not mail.outbox
    assert PendingRequest.objects.count() == 2
    # Confirming one frees a place.
    PendingRequest.objects.filter(pk=PendingRequest.objects.first().pk).update(confirmed_at=timezone.now())
    assert send(client, arta).status_code == 200


# The member's "stop messages" link.


def test_the_stop_link_stops_messages_in_every_language(client, arta):
    ensure_locales()
    synchronise_trees()
    confirmed(client, arta)
    stop = path_of(link_in(mail.outbox[-1], "stop"))
    page = client.get(stop)
    assert page.status_code == 200
    assert PersonPage.objects.get(pk=arta.pk).accepts_messages
    assert client.post(stop).status_code == 200
    versions = PersonPage.objects.filter(translation_key=arta.translation_key)
    assert versions.count() == 7
    assert not versions.filter(accepts_messages=True).exists()
    # The next publish keeps it: the latest revision says so too.
    latest = PersonPage.objects.get(pk=arta.pk).get_latest_revision_as_object()
    assert latest.accepts_messages is False
    latest.save_revision().publish()
    assert PersonPage.objects.get(pk=arta.pk).accepts_messages is False
    # No form, no link.
    assert client.get(contact_url(arta)).status_code == 404
    assert "contact/" not in client.get(arta.url).content.decode()
    # Its address is still there for the secretariat.
    assert PersonPage.objects.get(pk=arta.pk).contact_email == ADDRESS


def test_a_forged_stop_link_is_a_400(client, arta):
    response = client.post("/en/connect/stop/forged/")
    assert response.status_code == 400
    assert PersonPage.objects.get(pk=arta.pk).accepts_messages


# What is kept, and for how long.


def test_purge_deletes_old_requests_and_delivered_texts(client, arta):
    send(client, arta, email="old@example.org")
    send(client, arta, email="recent@example.org")
    send(client, arta, email="delivered@example.org")
    PendingRequest.objects.filter(email="old@example.org").update(created_at=timezone.now() - timedelta(days=8))
    PendingRequest.objects.filter(email="delivered@example.org").update(confirmed_at=timezone.now())
    call_command("purge_requests", verbosity=0)
    assert sorted(PendingRequest.objects.values_list("email", flat=True)) == [
        "delivered@example.org",
        "recent@example.org",
    ]
    assert PendingRequest.objects.get(email="delivered@example.org").payload == {}
    assert PendingRequest.objects.get(email="recent@example.org").payload["message"]


def test_bin_start_runs_the_purge():
    from pathlib import Path

    start = (Path(__file__).resolve().parent.parent / "bin" / "start").read_text()
    assert "manage.py purge_requests\n" in start


# The page cache (issue 16, item 6).


def test_the_form_is_never_cached_and_csrf_stays_on(arta, settings):
    settings.MOCI_PAGE_CACHE = True
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    url = contact_url(arta)
    tokens = []
    for visitor in (first, second, first):
        response = visitor.get(url)
        assert response.status_code == 200
        assert response.get("X-Page-Cache") is None
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1))
    assert tokens[0] != tokens[1]
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # The profile itself is cached for anonymous visitors; the form still works after it.
    second.get(arta.url)
    assert second.get(arta.url)["X-Page-Cache"] == "hit"
    data = form_data(second, url)
    data["csrfmiddlewaretoken"] = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', second.get(url).content.decode()
    ).group(1)
    assert second.post(url, data).status_code == 200
    assert len(mail.outbox) == 1
    # Without the token: refused.
    without = {key: value for key, value in data.items() if key != "csrfmiddlewaretoken"}
    assert Client(enforce_csrf_checks=True).post(url, without).status_code == 403


def test_a_member_whose_profile_is_albanian_gets_messages_in_albanian(client, people_index):
    ensure_locales()
    synchronise_trees()
    albanian_index = people_index.get_translation(Locale.objects.get(language_code="sq"))
    drita = factories.make_person(albanian_index, "Drita", contact_email="drita@example.al")
    confirmed(client, drita)
    delivered = mail.outbox[-1]
    assert delivered.extra_headers["Content-Language"] == "sq"
    with translation.override("sq"):
        stop = translation.gettext("To stop receiving messages through the site, open this link:")
    assert stop != "To stop receiving messages through the site, open this link:"
    assert stop in delivered.body
