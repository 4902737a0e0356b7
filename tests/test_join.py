"""Joining the network (connect/join.py, connect/members.py; issue 16, items 3, 4
and 8): the form, the confirmation, the draft in moderation, the secretariat's
decision told to the member, the member's private link, the photo, the privacy
notice."""

import io
import re

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, WorkflowState
from wagtail_localize.models import TranslationSource

from connect.models import PendingRequest
from mocisite.languages import ensure_locales, synchronise_trees
from mocisite.roles import SECRETARIAT, setup_roles
from people.models import OrganisationPage, PersonPage
from tests import factories
from tests.public_forms import filled, stamp
from translations.actions import start_translation
from translations.queue import UNTRANSLATED, build_queue

pytestmark = pytest.mark.usefixtures("fresh_counts")

ADDRESS = "drita.private@example.al"


@pytest.fixture
def site(people_index):
    """Every language's tree, the roles and their workflows, one secretary, one skill."""
    ensure_locales()
    synchronise_trees()
    setup_roles()
    secretary = get_user_model().objects.create_user("sec", "sec@moci.example", "pw-for-tests")
    secretary.groups.add(Group.objects.get(name=SECRETARIAT))
    skill = factories.make_skill()
    return {"index": people_index, "secretary": secretary, "skill": skill}


def photo_upload(size=(40, 30), fmt="JPEG", exif=None, name="me.jpg"):
    buffer = io.BytesIO()
    image = PILImage.new("RGB", size, (200, 80, 20))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


PROFILE = {
    "kind": "person",
    "name": "Drita Hoxha",
    "place_name": "Pellumbas",
    "country": "AL",
    "location": "41.25, 19.87",
    "bio": "Grows medicinal plants and teaches it.",
    "other": "Beekeeping",
    "challenges": "Water in summer\n\nFinding buyers\n",
    "link_1": "https://example.al/drita",
    "link_2": "",
    "link_3": "",
    "email": ADDRESS,
    "consent": "on",
}


def form_data(client, url, **fields):
    return filled(client, url, PROFILE, **fields)


def join(client, language="en", **fields):
    url = f"/{language}/join/"
    return client.post(url, form_data(client, url, **fields))


def link_in(message, name):
    return re.search(rf"https?://\S+/connect/{name}/\S+/", message.body).group(0)


def path_of(link):
    return "/" + link.split("/", 3)[3]


def confirm_last(client):
    confirmation = [message for message in mail.outbox if "/connect/confirm/" in message.body][-1]
    return client.post(path_of(link_in(confirmation, "confirm")))


def joined(client, language="en", **fields):
    """Fill in the form and confirm: the new draft profile."""
    assert join(client, language, **fields).status_code == 200
    assert confirm_last(client).status_code == 200
    return (
        Page.objects.filter(pk__in=PageLogEntry.objects.filter(action="connect.join").values("page_id"))
        .specific()
        .get()
    )


def workflow_action(client, page, secretary, action, comment=""):
    """The secretary takes ``action`` ("approve", "reject") on the page's moderation task in the admin."""
    client.force_login(secretary)
    state = page.current_workflow_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.current_task_state.pk)),
        {"comment": comment},
    )
    client.logout()
    assert response.status_code in (200, 302), response.status_code
    return response


def approve(client, page, secretary):
    return workflow_action(client, page, secretary, "approve")


def reject(client, page, secretary):
    return workflow_action(client, page, secretary, "reject", "Not a member of the region.")


# The form.


@pytest.mark.parametrize("language", ["en", "sq", "de", "mk", "sr-latn", "hy", "ka"])
def test_the_form_is_there_in_every_language_and_never_cached(client, site, language):
    response = client.get(f"/{language}/join/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert "no-store" in response["Cache-Control"]
    assert f'href="/{language}/privacy/"' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'name="skills"' in html


def test_the_skills_are_named_in_the_visitors_language_and_kept_as_the_source_terms(client, site):
    skill = site["skill"]
    albanian = skill.copy_for_translation(Locale.objects.get(language_code="sq"))
    albanian.name = "Permakulturë"
    albanian.save()
    html = client.get("/sq/join/").content.decode()
    assert "Permakulturë" in html
    assert f'value="{skill.pk}"' in html


def test_a_refused_form_keeps_what_was_typed_and_asks_for_the_photo_again(client, site):
    response = join(client, email="not-an-address", photo=photo_upload())
    assert response.status_code == 200
    html = response.content.decode()
    for typed in ("Drita Hoxha", "Pellumbas", "Grows medicinal plants", "Water in summer", "https://example.al/drita"):
        assert typed in html
    assert "Please choose your photo again" in html
    assert not PendingRequest.objects.exists()
    assert mail.outbox == []


def test_links_must_be_web_addresses_and_the_point_readable(client, site):
    response = join(client, link_1="javascript:alert(1)", location="north of here")
    html = response.content.decode()
    assert 'id="id_link_1_error"' in html
    assert 'id="id_location_error"' in html
    assert not PendingRequest.objects.exists()


def test_consent_is_required_and_recorded_with_its_time(client, site):
    join(client, consent=None)
    assert not PendingRequest.objects.exists()
    join(client)
    pending = PendingRequest.objects.get()
    assert pending.kind == "join"
    assert pending.consent_at is not None
    assert pending.payload["location"] == "SRID=4326;POINT(19.87 41.25)"


def test_the_honeypot_and_the_limits_of_connect_apply(client, site):
    assert join(client, website="http://spam.example").status_code == 200
    assert not PendingRequest.objects.exists()


# Confirming.


def test_confirming_makes_a_draft_in_moderation_and_tells_the_secretariat(client, site):
    page = joined(client, skills=[str(site["skill"].pk)], needs=[str(site["skill"].pk)])
    assert isinstance(page, PersonPage)
    assert not page.live
    assert page.get_parent().pk == site["index"].pk
    assert page.contact_email == ADDRESS
    assert (page.place_name, page.country, page.location) == ("Pellumbas", "AL", "SRID=4326;POINT(19.87 41.25)")
    assert [block.value for block in page.challenges] == ["Water in summer", "Finding buyers"]
    assert [(block.value["label"], block.value["url"]) for block in page.links] == [
        ("example.al", "https://example.al/drita")
    ]
    assert list(page.skills.all()) == [site["skill"]]
    assert list(page.needs.all()) == [site["skill"]]
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    told = [message for message in mail.outbox if message.to == ["sec@moci.example"]]
    assert told, [message.subject for message in mail.outbox]
    assert f"/admin/pages/{page.pk}/edit/" in told[-1].body
    assert "Beekeeping" in told[-1].body
    # Once the page exists, the request keeps nothing of the profile.
    assert PendingRequest.objects.get().payload == {}
    # Nothing public before approval.
    assert client.get(site["index"].url).content.decode().count("Drita Hoxha") == 0


def test_an_organisation_becomes_an_organisation_page(client, site):
    page = joined(client, kind="organisation", name="Uzina")
    assert isinstance(page, OrganisationPage)


def test_a_reused_or_expired_confirmation_link_creates_nothing_more(client, site):
    join(client)
    link = path_of(link_in(mail.outbox[-1], "confirm"))
    assert client.post(link).status_code == 200
    assert client.post(link).status_code == 410
    assert PersonPage.objects.count() == 1
    join(client, name="Besa")
    PendingRequest.objects.filter(confirmed_at__isnull=True).update(expires_at="2000-01-01T00:00Z")
    assert client.post(path_of(link_in(mail.outbox[-1], "confirm"))).status_code == 410
    assert PersonPage.objects.count() == 1


# An Albanian submission.


def test_an_albanian_profile_is_an_albanian_source_page_in_the_translation_queue(client, site):
    sq, de = Locale.objects.get(language_code="sq"), Locale.objects.get(language_code="de")
    page = joined(client, "sq")
    albanian_index = site["index"].get_translation(sq)
    assert page.locale == sq
    assert page.get_parent().pk == albanian_index.pk
    assert page.alias_of_id is None
    assert page.photo is None
    approve(client, page, site["secretary"])
    page.refresh_from_db()
    assert page.live
    assert "Drita Hoxha" in client.get(albanian_index.url).content.decode()
    rows = [row for row in build_queue([sq, de]) if row.page_id == page.pk]
    assert [(row.locale.language_code, row.state) for row in rows] == [("de", UNTRANSLATED)]
    # The queue's action starts its German translation from the Albanian text.
    translation_ = start_translation(site["secretary"], page, de)
    assert translation_.source.locale == sq
    assert page.get_translation(de).alias_of_id is None


def test_the_mails_go_in_the_submitters_language(client, site):
    join(client, "sq")
    confirmation = mail.outbox[-1]
    assert confirmation.extra_headers["Content-Language"] == "sq"
    page = joined(client, "sq", email="another@example.al", name="Arben")
    approve(client, page, site["secretary"])
    published = mail.outbox[-1]
    assert published.to == ["another@example.al"]
    assert published.extra_headers["Content-Language"] == "sq"


# The secretariat's decision.


def test_approval_tells_the_member_with_the_address_and_a_private_link(client, site):
    page = joined(client)
    assert approve(client, page, site["secretary"]).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    published = mail.outbox[-1]
    assert published.to == [ADDRESS]
    assert page.get_full_url() in published.body
    assert "/connect/profile/" in published.body
    # Published again later: not told again.
    count = len(mail.outbox)
    page.save_revision().publish()
    assert len(mail.outbox) == count


def test_rejection_tells_the_member_and_nothing_is_public(client, site):
    page = joined(client)
    reject(client, page, site["secretary"])
    told = mail.outbox[-1]
    assert told.to == [ADDRESS]
    assert "did not publish" in told.body
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url or "/en/people/drita-hoxha/").status_code == 404


def test_a_draft_deleted_by_the_secretariat_tells_the_member(client, site):
    page = joined(client)
    count = len(mail.outbox)
    Page.objects.get(pk=page.pk).delete()
    assert len(mail.outbox) == count + 1
    assert mail.outbox[-1].to == [ADDRESS]


# The member's private link.


def private_link(client, site, **fields):
    page = joined(client, photo=photo_upload(), **fields)
    approve(client, page, site["secretary"])
    return page, path_of(link_in(mail.outbox[-1], "profile"))


def test_opening_the_private_link_changes_nothing(client, site):
    page, link = private_link(client, site)
    response = client.get(link)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert client.get(link + "remove/").status_code == 200
    assert Page.objects.filter(pk=page.pk, live=True).exists()


def test_removing_deletes_the_page_its_revisions_translations_and_photo(client, site):
    page, link = private_link(client, site)
    image_id = page.photo_id
    assert image_id is not None
    # A translation of it, started from the queue.
    german = start_translation(site["secretary"], page, Locale.objects.get(language_code="de"))
    assert german is not None
    keys = Page.objects.filter(translation_key=page.translation_key)
    assert keys.count() == 2
    ids = list(keys.values_list("pk", flat=True))
    assert Revision.objects.filter(object_id__in=[str(pk) for pk in ids]).exists()
    count = len(mail.outbox)
    response = client.post(link + "remove/")
    assert response.status_code == 200
    assert not Page.objects.filter(translation_key=page.translation_key).exists()
    assert not Revision.objects.filter(object_id__in=[str(pk) for pk in ids], base_content_type__model="page").exists()
    assert not WorkflowState.objects.filter(object_id__in=[str(pk) for pk in ids]).exists()
    assert not PageLogEntry.objects.filter(page_id__in=ids).exists()
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()
    assert not get_image_model().objects.filter(pk=image_id).exists()
    assert client.get(page.url or "/en/people/drita-hoxha/").status_code == 404
    told = mail.outbox[count:]
    assert [message.to for message in told] == [["sec@moci.example"]]
    # The link, used again: the profile is gone.
    assert client.post(link + "remove/").status_code == 410
    assert client.get(link).status_code == 410


def test_asking_for_changes_writes_to_the_secretariat(client, site):
    page, link = private_link(client, site)
    html = client.get(link).content.decode()
    data = {"message": "Please add our new address in Tirana.", "shown": stamp(client.get(link))}
    assert "Ask for changes" in html
    count = len(mail.outbox)
    response = client.post(link, data)
    assert response.status_code == 200
    told = mail.outbox[count:]
    assert [message.to for message in told] == [["sec@moci.example"]]
    assert "new address in Tirana" in told[0].body
    assert told[0].reply_to == [ADDRESS]
    # Without its time stamp (a bot): refused, nothing sent.
    assert client.post(link, {"message": "spam"}).status_code == 200
    assert len(mail.outbox) == count + 1


def test_a_forged_private_link_is_a_400(client, site):
    page, link = private_link(client, site)
    forged = link.replace("/profile/", "/profile/x")
    assert client.get(forged).status_code == 400
    assert client.post(forged + "remove/").status_code == 400
    assert Page.objects.filter(pk=page.pk).exists()


# The photo.


def test_a_file_that_is_not_an_image_is_refused(client, site):
    fake = SimpleUploadedFile("me.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    response = join(client, photo=fake)
    assert 'id="id_photo_error"' in response.content.decode()
    assert not PendingRequest.objects.exists()


def test_a_photo_with_too_many_pixels_is_refused(client, site, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    response = join(client, photo=photo_upload(size=(50, 50)))
    assert "too many pixels" in response.content.decode()
    assert not PendingRequest.objects.exists()


def test_a_photo_too_large_is_refused(client, site, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = join(client, photo=photo_upload(size=(200, 200)))
    assert 'id="id_photo_error"' in response.content.decode()


def test_the_photo_is_kept_without_its_metadata_and_described(client, site):
    exif = PILImage.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x9003] = "2026:01:01 10:00:00"  # DateTimeOriginal
    upload = photo_upload(exif=exif.tobytes())
    assert b"SecretCam" in upload.read()
    upload.seek(0)
    page = joined(client, "sq", photo=upload)
    image = page.photo
    assert image is not None
    with image.open_file() as stored:
        data = stored.read()
    assert b"SecretCam" not in data
    assert not PILImage.open(io.BytesIO(data)).getexif()
    with translation.override("sq"):
        expected = translation.gettext("Picture of %(name)s") % {"name": "Drita Hoxha"}
    assert expected != "Picture of Drita Hoxha"
    assert page.photo_alt_text == expected


# The privacy notice, and the private address after approval.


@pytest.mark.parametrize("language", ["en", "sq", "ka"])
def test_the_privacy_notice_is_there_and_linked_from_the_footer(client, site, language):
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    assert "48" in response.content.decode()
    home = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/privacy/"' in home


def test_the_private_address_is_never_public_after_approval(client, site):
    page = joined(client, "sq")
    approve(client, page, site["secretary"])
    page.refresh_from_db()
    for address in (page.url, page.get_parent().url, "/sq/search/?q=Drita", "/sq/", "/sitemap.xml"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert ADDRESS not in response.content.decode(), address


def test_a_fresh_client_can_join_with_csrf_on(site, settings):
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/en/join/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)
    data = form_data(visitor, "/en/join/")
    data["csrfmiddlewaretoken"] = token
    assert visitor.post("/en/join/", data).status_code == 200
    assert PendingRequest.objects.count() == 1


def test_the_join_form_is_never_stored_in_the_page_cache(site, settings):
    settings.MOCI_PAGE_CACHE = True
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = []
    for visitor in (first, second, first):
        response = visitor.get("/sq/join/")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") is None
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1))
    assert tokens[0] != tokens[1]
    # A refused form, shown back with what was typed, is not stored for the next visitor either.
    data = form_data(first, "/sq/join/", email="broken")
    data["csrfmiddlewaretoken"] = tokens[2]
    assert "Pellumbas" in first.post("/sq/join/", data).content.decode()
    assert "Pellumbas" not in second.get("/sq/join/").content.decode()


def test_a_skill_not_yet_translated_is_marked_as_english(client, site):
    skill = site["skill"]
    albanian = skill.copy_for_translation(Locale.objects.get(language_code="sq"))
    albanian.name = "Permakulturë"
    albanian.save()
    # In Albanian the skill has its own name; in Armenian it has none yet, so the English one, marked.
    assert f'<span lang="en">{skill.name}</span>' not in client.get("/sq/join/").content.decode()
    assert f'<span lang="en">{skill.name}</span>' in client.get("/hy/join/").content.decode()
    assert "<span" not in "".join(re.findall(r"<label[^>]*>([^<]*)", client.get("/en/join/").content.decode()))
