"""Undoing a published translation (converting it back to an alias, stopping its
synchronisation) is for those who may publish in its language (translations/undo.py):
translators are neither shown these actions nor allowed to post them."""

import html
import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from mocisite.roles import SECRETARIAT, reviewers_group_name, translators_group_name
from tests.conftest import fresh
from translations.actions import start_translation

ALBANIAN_TEXT = "Plastikë e çmuar"


def make_user(name, *groups):
    user = get_user_model().objects.create_user(name, f"{name}@moci.example", "pw")
    user.groups.set([Group.objects.get(name=group) for group in groups])
    return user


@pytest.fixture
def published(queue_tree, db):
    """The project page translated into Albanian and published, as after a review."""
    site = fresh(queue_tree)
    secretary = make_user("besa", SECRETARIAT)
    sq = Locale.objects.get(language_code="sq")
    translation = start_translation(secretary, site["project"], sq)
    translation.save_target(user=secretary, publish=True)
    albanian = site["project"].get_translation(sq)
    albanian.title = ALBANIAN_TEXT
    albanian.save_revision(user=secretary).publish()
    return Page.objects.get(pk=albanian.pk), translation


@pytest.fixture
def translator(db):
    return make_user("drita", translators_group_name("sq"))


@pytest.fixture(params=["secretariat", "reviewer"])
def publisher(request, db):
    if request.param == "secretariat":
        return make_user("arben", SECRETARIAT)
    return make_user("ilir", reviewers_group_name("sq"))


def convert_url(page):
    return f"/admin/localize/page/{page.pk}/convert_to_alias/"


def stop_url(translation):
    return f"/admin/localize/translate/{translation.pk}/disable/"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def assert_unchanged(albanian, translation):
    albanian.refresh_from_db()
    assert albanian.alias_of_id is None
    assert albanian.live and albanian.title == ALBANIAN_TEXT
    assert Translation.objects.filter(pk=translation.pk, enabled=True).exists()


# --- The views ------------------------------------------------------------------


def test_a_translator_cannot_convert_a_translation_into_an_alias(client, published, translator):
    albanian, translation = published
    client.force_login(translator)
    for method in (client.get, client.post):
        response = method(convert_url(albanian), follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[0] == (f"/admin/pages/{albanian.pk}/edit/", 302)
        assert any(
            "Only someone who may publish in" in message and "Nothing was changed." in message
            for message in messages_of(response)
        )
    assert_unchanged(albanian, translation)
    assert client.get(f"/sq/projects/{albanian.slug}/").content.decode().count(ALBANIAN_TEXT) >= 1


def test_the_editors_convert_button_is_refused_too(client, published, translator):
    # The page editor's action menu posts "localize-convert-to-alias" to the edit view,
    # which wagtail-localize redirects to the confirmation: refused there.
    albanian, translation = published
    Translation.objects.filter(pk=translation.pk).update(enabled=False)  # the plain page editor
    client.force_login(translator)
    response = client.post(f"/admin/pages/{albanian.pk}/edit/", {"localize-convert-to-alias": "1"}, follow=True)
    assert any("Only someone who may publish in" in message for message in messages_of(response))
    albanian.refresh_from_db()
    assert albanian.alias_of_id is None and Translation.objects.filter(pk=translation.pk).exists()


def test_a_translator_cannot_stop_a_synced_translation(client, published, translator):
    albanian, translation = published
    client.force_login(translator)
    response = client.post(stop_url(translation), {"next": f"/admin/pages/{albanian.pk}/edit/"}, follow=True)
    assert response.redirect_chain[0] == (f"/admin/pages/{albanian.pk}/edit/", 302)
    assert any(
        "Only someone who may publish in" in message and "Nothing was changed." in message
        for message in messages_of(response)
    )
    assert_unchanged(albanian, translation)


def test_a_publisher_converts_a_translation_into_an_alias(client, published, publisher):
    albanian, translation = published
    client.force_login(publisher)
    confirmation = client.get(convert_url(albanian))
    assert confirmation.status_code == 200
    assert "wagtail_localize/admin/confirm_convert_to_alias.html" in [t.name for t in confirmation.templates]
    response = client.post(convert_url(albanian))
    assert response.status_code == 302
    albanian.refresh_from_db()
    assert albanian.alias_of_id == translation.source.get_source_instance().pk
    assert not Translation.objects.filter(pk=translation.pk).exists()


def test_a_publisher_stops_a_synced_translation(client, published, publisher):
    albanian, translation = published
    client.force_login(publisher)
    response = client.post(stop_url(translation), {"next": f"/admin/pages/{albanian.pk}/edit/"})
    assert response.status_code == 302
    assert Translation.objects.get(pk=translation.pk).enabled is False


def test_reviewers_of_another_language_may_not_undo_albanian(client, published):
    albanian, translation = published
    client.force_login(make_user("hans", reviewers_group_name("de")))
    client.post(convert_url(albanian))
    client.post(stop_url(translation))
    assert Translation.objects.filter(pk=translation.pk, enabled=True).exists()
    albanian.refresh_from_db()
    assert albanian.alias_of_id is None


def test_unknown_objects_are_404(client, published, publisher):
    client.force_login(publisher)
    # (The site's language middleware sends an unknown address on to /en/…, also a 404.)
    for url in ("/admin/localize/page/999999/convert_to_alias/", "/admin/localize/translate/999999/disable/"):
        assert client.post(url, follow=True).status_code == 404


def test_stopping_takes_posts_only(client, published, publisher):
    _albanian, translation = published
    client.force_login(publisher)
    assert client.get(stop_url(translation)).status_code == 405


def test_wagtail_localizes_addresses_are_the_guarded_ones():
    # A wagtail-localize upgrade that moves its views would leave them unguarded:
    # the system check (and this test) then fail.
    from translations.undo import check_guarded

    assert check_guarded() == []
    call_command("check", "--tag", "security")


# --- What each user is shown ----------------------------------------------------------


def editor_links(client, user, page):
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    assert props, "not wagtail-localize's translation editor"
    return json.loads(html.unescape(props.group(1)))["links"], response.content.decode()


def test_the_translators_editor_offers_neither_action(client, published, translator):
    albanian, translation = published
    links, page_html = editor_links(client, translator, albanian)
    assert links["convertToAliasUrl"] is None and links["stopTranslationUrl"] is None
    assert convert_url(albanian) not in page_html and stop_url(translation) not in page_html
    # Everything else the editor needs is still there.
    assert links["downloadPofile"] and links["uploadPofile"]
    assert "translations/editor.css" in page_html


def test_the_publishers_editor_offers_both(client, published, publisher):
    albanian, translation = published
    links, _html = editor_links(client, publisher, albanian)
    assert links["convertToAliasUrl"] == convert_url(albanian)
    assert links["stopTranslationUrl"] == stop_url(translation)


def test_the_page_action_menu_hides_convert_from_translators(client, published, translator, publisher):
    albanian, translation = published
    Translation.objects.filter(pk=translation.pk).update(enabled=False)  # the plain page editor
    client.force_login(translator)
    assert 'name="localize-convert-to-alias"' not in client.get(f"/admin/pages/{albanian.pk}/edit/").content.decode()
    client.force_login(publisher)
    assert 'name="localize-convert-to-alias"' in client.get(f"/admin/pages/{albanian.pk}/edit/").content.decode()
