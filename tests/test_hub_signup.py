"""Signing up for a workshop (issue 17, item 4): the form under a workshop, the
confirmation by e-mail (connect/'s machinery), places and the waiting list across
every language of a workshop, cancelling and moving up, the clear refusals, the
abuse limits, the page cache, the secretariat's CSV and the deletion after the
workshop."""

import csv
import datetime
import io
import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from wagtail.models import Locale

from connect.models import PendingRequest
from hub.dates import Precision
from hub.models import HubPage, WorkshopPage
from hub.signups import Status, WorkshopSignup
from mocisite.languages import ensure_locales, synchronise_trees
from mocisite.roles import SECRETARIAT, setup_roles
from tests import factories
from tests.public_forms import stamp
from tests.queries import count_queries
from tests.test_connect import link_in, path_of

pytestmark = pytest.mark.usefixtures("fresh_counts")

BESA, DRITA, ELIRA = "besa@example.org", "drita@example.org", "elira@example.org"


def days_from_now(days):
    return (timezone.now() + datetime.timedelta(days=days)).date()


@pytest.fixture
def hub(home):
    return factories.add(home, HubPage(title="The hub on the road", slug="hub"))


def make_workshop(hub, title="Permaculture days", start_date=None, **fields):
    page = WorkshopPage(
        title=title,
        summary="Gardening together.",
        start_date=start_date or days_from_now(20),
        place_name="Pellumbas",
        country="AL",
        **fields,
    )
    return factories.add(hub, page)


@pytest.fixture
def workshop(hub):
    return make_workshop(hub, capacity=1)


def signup_url(page):
    return page.url + "signup/"


def post_form(client, page, **fields):
    url = signup_url(page)
    data = {"name": "Besa", "email": BESA, "organisation": "Uzina", "consent": "on", "shown": stamp(client.get(url))}
    data.update(fields)
    return client.post(url, data)


def sign_up(client, page, **fields):
    """Send the form and press the button of the confirmation link: the last response."""
    assert post_form(client, page, **fields).status_code == 200
    return client.post(path_of(link_in(mail.outbox[-1], "confirm")))


# Signing up and confirming


def test_the_workshop_page_offers_the_sign_up_with_the_places_left(client, hub):
    page = make_workshop(hub, capacity=12)
    html = client.get(page.url).content.decode()
    assert f'href="{signup_url(page)}"' in html
    assert "Sign up for this workshop" in html
    assert "12 places left." in html
    form = client.get(signup_url(page))
    assert form.status_code == 200
    body = form.content.decode()
    for label in ("Your name", "Your e-mail address", "Organisation (optional)", "I agree that my name"):
        assert label in body
    assert '<meta name="robots" content="noindex">' in body
    assert form["Cache-Control"] == "no-store"


def test_a_workshop_without_capacity_has_no_count(client, hub):
    page = make_workshop(hub)
    html = client.get(page.url).content.decode()
    assert "Sign up for this workshop" in html
    assert "places left" not in html and "place left" not in html


def test_sign_up_confirmed_by_the_link_gives_a_place(client, hub):
    page = make_workshop(hub, capacity=3)
    response = post_form(client, page)
    assert response.status_code == 200
    assert BESA in response.content.decode()
    assert WorkshopSignup.objects.count() == 0  # nothing before the link is followed
    [confirmation] = mail.outbox
    assert confirmation.to == [BESA]
    assert "Permaculture days" in confirmation.subject
    link = path_of(link_in(confirmation, "confirm"))
    # Opening the link changes nothing: a button does.
    opened = client.get(link)
    assert "Confirm my sign-up" in opened.content.decode()
    assert WorkshopSignup.objects.count() == 0
    done = client.post(link)
    assert done.status_code == 200
    assert "You have a place at “Permaculture days”" in done.content.decode()
    signup = WorkshopSignup.objects.get()
    assert (signup.workshop_id, signup.name, signup.email, signup.organisation, signup.language, signup.status) == (
        page.pk,
        "Besa",
        BESA,
        "Uzina",
        "en",
        Status.CONFIRMED,
    )
    assert signup.consent_at is not None and signup.place_at is not None
    told = mail.outbox[-1]
    assert told.to == [BESA]
    assert told.subject.startswith("You have a place: Permaculture days")
    assert "/en/connect/workshop/cancel/" in told.body
    assert page.get_full_url() in told.body
    assert "2 places left." in client.get(page.url).content.decode()


def test_capacity_one_puts_the_second_on_the_waiting_list_and_says_so(client, workshop):
    sign_up(client, workshop)
    page_html = client.get(workshop.url).content.decode()
    assert "This workshop is full." in page_html
    assert "Join the waiting list" in page_html
    form_html = client.get(signup_url(workshop)).content.decode()
    assert "If you sign up, you go on the waiting list" in form_html
    assert ">Join the waiting list</button>" in form_html
    done = sign_up(client, workshop, name="Drita", email=DRITA)
    assert "is full: you are number 1 on the waiting list" in done.content.decode()
    drita = WorkshopSignup.objects.get(email=DRITA)
    assert drita.status == Status.WAITING and drita.place_at is None
    told = mail.outbox[-1]
    assert told.subject.startswith("On the waiting list: Permaculture days")
    assert "number 1 on its waiting list" in told.body
    assert "/en/connect/workshop/cancel/" in told.body
    sign_up(client, workshop, name="Elira", email=ELIRA)
    assert "number 2 on its waiting list" in mail.outbox[-1].body


def test_cancelling_gives_the_place_to_the_first_waiting_with_an_email(client, workshop):
    sign_up(client, workshop)
    besa_cancel = path_of(link_in(mail.outbox[-1], "workshop/cancel"))
    sign_up(client, workshop, name="Drita", email=DRITA)
    sign_up(client, workshop, name="Elira", email=ELIRA)
    sent = len(mail.outbox)
    opened = client.get(besa_cancel)
    assert opened.status_code == 200
    assert "Cancel my sign-up" in opened.content.decode()
    assert WorkshopSignup.objects.get(email=BESA).status == Status.CONFIRMED  # opening changes nothing
    done = client.post(besa_cancel)
    assert done.status_code == 200
    assert "is cancelled" in done.content.decode()
    statuses = dict(WorkshopSignup.objects.values_list("email", "status"))
    assert statuses == {BESA: Status.CANCELLED, DRITA: Status.CONFIRMED, ELIRA: Status.WAITING}
    [moved] = mail.outbox[sent:]
    assert moved.to == [DRITA]
    assert moved.subject.startswith("A place is free for you: Permaculture days")
    assert "/en/connect/workshop/cancel/" in moved.body
    assert "This workshop is full." in client.get(workshop.url).content.decode()
    # The link again: already done, nothing more moves.
    again = client.post(besa_cancel)
    assert "already cancelled" in again.content.decode()
    assert len(mail.outbox) == sent + 1
    # Someone waiting leaves the list: nobody moves up.
    elira_cancel = path_of(link_in(mail.outbox[sent - 1], "workshop/cancel"))
    assert "leave the waiting list" in client.get(elira_cancel).content.decode()
    client.post(elira_cancel)
    assert WorkshopSignup.objects.get(email=ELIRA).status == Status.CANCELLED
    assert len(mail.outbox) == sent + 1


def test_a_cancel_link_that_was_not_signed_by_the_site(client, workshop):
    response = client.get("/en/connect/workshop/cancel/not-a-link/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_a_duplicate_sign_up_gets_the_same_answer_and_no_second_row(client, workshop):
    sign_up(client, workshop)
    requests = PendingRequest.objects.count()
    response = post_form(client, workshop, email=BESA.upper(), name="Besa again")
    assert response.status_code == 200
    html = response.content.decode()
    # The page says what it says to anyone: to read the e-mail.
    assert "We sent an e-mail to" in html and "if you are not signed up yet" in html
    assert PendingRequest.objects.count() == requests
    told = mail.outbox[-1]
    assert told.to == [BESA]  # the confirmed address
    assert told.subject.startswith("You are already signed up: Permaculture days")
    assert "/en/connect/workshop/cancel/" in told.body
    assert WorkshopSignup.objects.count() == 1


def test_two_confirmations_of_one_address_make_one_sign_up(client, workshop):
    post_form(client, workshop)
    post_form(client, workshop, name="Besa B.")
    first, second = (path_of(link_in(message, "confirm")) for message in mail.outbox)
    client.post(first)
    done = client.post(second)
    assert "already signed up" in done.content.decode()
    assert WorkshopSignup.objects.count() == 1


# What cannot be done, said clearly


def test_a_past_workshop_has_no_form_and_refuses_a_post(client, hub):
    page = make_workshop(hub, start_date=datetime.date(2020, 10, 10))
    html = client.get(page.url).content.decode()
    assert "signup/" not in html
    assert "Sign up" not in html
    shown = client.get(signup_url(page))
    assert "This workshop is over: sign-up is closed." in shown.content.decode()
    assert 'name="email"' not in shown.content.decode()
    refused = client.post(signup_url(page), {"name": "Besa", "email": BESA, "consent": "on"})
    assert refused.status_code == 400
    assert "sign-up is closed" in refused.content.decode()
    assert mail.outbox == []
    assert PendingRequest.objects.count() == 0


def test_a_workshop_that_ends_before_the_link_is_followed(client, workshop, monkeypatch):
    post_form(client, workshop)
    later = timezone.now() + datetime.timedelta(days=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    # The confirmation link itself has expired by then; the action says it too.
    PendingRequest.objects.update(expires_at=later + datetime.timedelta(hours=1))
    done = client.post(path_of(link_in(mail.outbox[-1], "confirm")))
    assert done.status_code == 410
    assert "This workshop is over. You were not signed up." in done.content.decode()
    assert WorkshopSignup.objects.count() == 0


def test_a_workshop_unpublished_or_deleted_meanwhile(client, hub):
    page = make_workshop(hub, capacity=5)
    post_form(client, page)
    page.unpublish()
    done = client.post(path_of(link_in(mail.outbox[-1], "confirm")))
    assert done.status_code == 410
    assert "This workshop is no longer on the site. You were not signed up." in done.content.decode()
    assert WorkshopSignup.objects.count() == 0
    # Gone altogether: its form is a 404, not a 500.
    other = make_workshop(hub, "Second stop", capacity=5)
    url = signup_url(other)
    shown = stamp(client.get(url))
    other.delete()
    assert client.post(url, {"name": "Besa", "email": BESA, "consent": "on", "shown": shown}).status_code == 404


def test_form_errors_keep_what_was_typed(client, workshop):
    response = post_form(client, workshop, consent="", email="not-an-address")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct what is marked below." in html
    assert 'value="Uzina"' in html
    assert mail.outbox == []


def test_an_inexact_date_is_open_and_says_the_days_are_not_fixed(client, hub):
    page = make_workshop(hub, start_date=days_from_now(60), date_precision=Precision.SEASON)
    assert "The exact days are not fixed yet" in client.get(page.url).content.decode()
    sign_up(client, page)
    assert WorkshopSignup.objects.get().status == Status.CONFIRMED
    assert "The exact days are not fixed yet" in mail.outbox[-1].body


# Languages: one capacity, each person in their own language


def test_two_languages_share_one_capacity_and_each_gets_their_language(client, workshop):
    ensure_locales()
    synchronise_trees()
    albanian = workshop.get_translation(Locale.objects.get(language_code="sq"))
    assert albanian.alias_of_id == workshop.pk
    sign_up(client, workshop)
    with translation.override("sq"):
        html = client.get(albanian.url).content.decode()
        assert translation.gettext("This workshop is full.") in html
        assert post_form(client, albanian, name="Drita", email=DRITA).status_code == 200
        confirmation = mail.outbox[-1]
        link = path_of(link_in(confirmation, "confirm"))
        assert translation.gettext("Confirm my sign-up") in client.get(link).content.decode()
        done = client.post(link)
    assert confirmation.extra_headers["Content-Language"] == "sq"
    assert link.startswith("/sq/connect/confirm/")
    drita = WorkshopSignup.objects.get(email=DRITA)
    assert drita.status == Status.WAITING
    assert drita.workshop_id == workshop.pk  # counted against the one workshop
    assert drita.language == "sq"
    assert done.status_code == 200
    told = mail.outbox[-1]
    assert told.extra_headers["Content-Language"] == "sq"
    assert "/sq/connect/workshop/cancel/" in told.body
    # Besa (English) cancels: Drita moves up and is told in Albanian.
    besa = WorkshopSignup.objects.get(email=BESA)
    besa_cancel = [m for m in mail.outbox if m.to == [BESA] and "workshop/cancel" in m.body][-1]
    client.post(path_of(link_in(besa_cancel, "workshop/cancel")))
    besa.refresh_from_db()
    assert besa.status == Status.CANCELLED
    moved = mail.outbox[-1]
    assert moved.to == [DRITA]
    assert moved.extra_headers["Content-Language"] == "sq"
    assert albanian.get_full_url() in moved.body


# Abuse limits, as for the other public forms


def test_the_limits_of_the_other_forms_apply(client, hub, settings):
    page = make_workshop(hub, capacity=10)
    settings.MOCI_CONNECT_LIMIT_PER_EMAIL = (1, 3600)
    assert post_form(client, page).status_code == 200
    refused = post_form(client, page)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "Too many requests came from this e-mail address" in refused.content.decode()
    assert len(mail.outbox) == 1


def test_the_honeypot_and_the_time_stamp(client, workshop, settings):
    assert "leave the last field empty" in post_form(client, workshop, website="http://spam").content.decode()
    settings.MOCI_CONNECT_MIN_FILL_SECONDS = 60
    assert "quicker than anyone" in post_form(client, workshop).content.decode()
    assert mail.outbox == []


# Private: never on a public page, never cached with a token


def test_no_name_or_address_on_public_pages(client, workshop):
    sign_up(client, workshop, name="Besa Hoxha", organisation="Secret Garden Club")
    sign_up(client, workshop, name="Drita Kola", email=DRITA)
    for url in (workshop.url, workshop.get_parent().url, signup_url(workshop)):
        html = client.get(url).content.decode()
        for private in (BESA, DRITA, "Besa Hoxha", "Drita Kola", "Secret Garden Club"):
            assert private not in html, (url, private)


def test_the_page_cache_stores_no_open_sign_up(client, hub, settings):
    settings.MOCI_PAGE_CACHE = True
    page = make_workshop(hub, capacity=2)
    for url in (page.url, signup_url(page)):
        client.get(url)
        assert client.get(url).get("X-Page-Cache") != "hit"
    sign_up(client, page)
    assert "1 place left." in client.get(page.url).content.decode()
    past = make_workshop(hub, "Long ago", start_date=datetime.date(2020, 10, 10))
    client.get(past.url)
    assert client.get(past.url)["X-Page-Cache"] == "hit"


def test_the_workshop_page_counts_places_in_one_query(client, hub):
    small = make_workshop(hub, "Small", capacity=50)
    large = make_workshop(hub, "Large", capacity=50)
    now = timezone.now()
    WorkshopSignup.objects.bulk_create(
        WorkshopSignup(
            workshop=page,
            name="x",
            email=f"{number}@example.org",
            language="en",
            status=Status.CONFIRMED,
            consent_at=now,
            confirmed_at=now,
        )
        for page, count in ((small, 2), (large, 40))
        for number in range(count)
    )
    client.get(small.url)
    client.get(large.url)
    assert count_queries(client, small.url) == count_queries(client, large.url) <= 10
    assert "10 places left." in client.get(large.url).content.decode()


# Deletion after the workshop


def test_purge_deletes_sign_ups_some_days_after_the_workshop(client, hub, workshop, settings, monkeypatch):
    settings.MOCI_HUB_SIGNUP_KEEP_DAYS = 30
    later = make_workshop(hub, "Later stop", start_date=days_from_now(200), capacity=5)
    sign_up(client, workshop)
    sign_up(client, workshop, name="Drita", email=DRITA)
    sign_up(client, later)
    ended = WorkshopPage.objects.get(pk=workshop.pk).ends_at
    monkeypatch.setattr(timezone, "now", lambda: ended + datetime.timedelta(days=29))
    call_command("purge_signups", verbosity=0)
    assert WorkshopSignup.objects.count() == 3
    monkeypatch.setattr(timezone, "now", lambda: ended + datetime.timedelta(days=31))
    out = io.StringIO()
    call_command("purge_signups", stdout=out)
    assert "2 sign-up(s) deleted" in out.getvalue()
    assert list(WorkshopSignup.objects.values_list("workshop__title", flat=True)) == ["Later stop"]


def test_bin_start_runs_the_purge():
    from pathlib import Path

    start = (Path(__file__).resolve().parent.parent / "bin" / "start").read_text()
    assert "manage.py purge_signups\n" in start


# The secretariat's list and CSV


ADMIN_LIST = "/admin/workshop_signups/"


def admin_user(name, *groups):
    user = get_user_model().objects.create_user(name, f"{name}@moci.example", "pw")
    user.groups.add(*groups)
    return user


def test_the_secretariat_downloads_the_csv_filtered_by_workshop(client, hub, workshop):
    other = make_workshop(hub, "Second stop", capacity=5)
    sign_up(client, workshop, organisation="Uzina")
    sign_up(client, workshop, name="Drita", email=DRITA, organisation="")
    sign_up(client, other, name="Elira", email=ELIRA)
    setup_roles()
    client.force_login(admin_user("sekretaria", Group.objects.get(name=SECRETARIAT)))
    listing = client.get(ADMIN_LIST)
    assert listing.status_code == 200
    assert BESA in listing.content.decode() and ELIRA in listing.content.decode()
    response = client.get(ADMIN_LIST, {"workshop": workshop.pk, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "workshop-signups.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Name"], row["E-mail address"], row["Organisation"], row["Status"]) for row in rows] == [
        ("Besa", BESA, "Uzina", "has a place"),
        ("Drita", DRITA, "", "on the waiting list"),
    ]
    assert {row["Workshop"] for row in rows} == {"Permaculture days"}
    assert rows[0]["Start date"] == str(workshop.start_date)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[0]["Confirmed"])
    assert rows[1]["Place given"] == ""
    spreadsheet = client.get(ADMIN_LIST, {"export": "xlsx"})
    assert spreadsheet.status_code == 200
    assert b"".join(spreadsheet.streaming_content if spreadsheet.streaming else [spreadsheet.content])[:2] == b"PK"


def test_no_one_else_sees_the_list(client, workshop):
    sign_up(client, workshop)
    setup_roles()
    editor = admin_user("editor", Group.objects.get(name="Editors"))
    client.force_login(editor)
    for query in ({}, {"export": "csv"}):
        response = client.get(ADMIN_LIST, query)
        assert response.status_code in (302, 403)
        assert BESA not in (response.content.decode() if not response.streaming else "")
    # Nobody adds sign-ups by hand, not even with the permission.
    clerk = admin_user("clerk")
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="add_workshopsignup")
    )
    client.force_login(clerk)
    assert client.get(ADMIN_LIST + "new/").status_code in (302, 403)


def test_more_places_published_move_the_waiting_list_up(client, workshop, django_capture_on_commit_callbacks):
    sign_up(client, workshop)
    sign_up(client, workshop, name="Drita", email=DRITA)
    sign_up(client, workshop, name="Elira", email=ELIRA)
    sent = len(mail.outbox)
    workshop.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(workshop)
    statuses = dict(WorkshopSignup.objects.values_list("email", "status"))
    assert statuses == {BESA: Status.CONFIRMED, DRITA: Status.CONFIRMED, ELIRA: Status.WAITING}
    [moved] = mail.outbox[sent:]
    assert moved.to == [DRITA]
    assert moved.subject.startswith("A place is free for you")


@pytest.mark.parametrize(
    "value",
    ["", "x" * 5000, "\x00", "Zoë 🌱 <script>", "' OR 1=1 --", "../../etc/passwd", "a@b", "http://spam.example/"],
)
def test_bad_input_is_a_form_error_never_a_server_error(client, workshop, value):
    for field in ("name", "email", "organisation", "shown", "consent"):
        response = post_form(client, workshop, **{field: value})
        assert response.status_code in (200, 429), (field, value)
    for path in (f"/en/connect/workshop/cancel/{value or 'x'}/", signup_url(workshop) + "?page=" + value):
        assert client.get(path).status_code in (200, 400, 404)


def event_offer(client, page):
    (found,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', client.get(page.url).content.decode())
    return json.loads(found).get("offers")


def test_the_event_data_offers_the_free_sign_up_until_it_is_full_or_over(client, hub, workshop):
    offer = event_offer(client, workshop)
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["price"] == 0
    assert offer["url"] == "http://localhost" + signup_url(workshop)
    sign_up(client, workshop)
    assert event_offer(client, workshop)["availability"] == "https://schema.org/SoldOut"
    past = make_workshop(hub, title="Over", start_date=days_from_now(-10))
    assert event_offer(client, past) is None
