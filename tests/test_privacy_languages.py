"""Privacy follows a page into every language (mocisite/privacy.py).

A view restriction set on any language version of a page (its translation or
an alias) protects every version, in every listing, with the page cache on."""

import gzip
import json

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.users.models import UserProfile

from mocisite.languages import synchronise_trees
from projects.models import Partner
from tests import factories
from tests.conftest import fresh, multilingual_module_tree
from tests.factories import translate

LANGUAGES = ("en", "sq", "de")
NOTE = (
    "Privacy applies to every language version of this page: its translations and aliases in every language, "
    "those added later too, and the pages below them. Changing or removing it here changes or removes it everywhere."
)
POINT = "SRID=4326;POINT(19.8187 41.3275)"


@pytest.fixture(scope="module")
def world_tree(django_db_setup, django_db_blocker):
    """The multilingual tree with a community map, a project on it with a partner,
    and the project really translated into Albanian (an alias in the others)."""
    with multilingual_module_tree(django_db_blocker) as tree:
        partner = Partner.objects.create(
            name="Partner Of The Secret", place_name="Durrës", country="AL", location="SRID=4326;POINT(19.44 41.32)"
        )
        project = tree["project"]
        project.summary = "Shredders in a hidden workshop."
        project.location = POINT
        project.partners = [("partner", {"partner": partner, "role": "partner"})]
        factories.publish(project)
        person = tree["person"]
        person.location = POINT
        person.country = "XK"
        factories.publish(person)
        tree["map"] = factories.make_community_map(tree["home"])
        synchronise_trees()
        translate(project, "sq", title="Plastikë e Çmuar", summary="Grirëse në një punishte të fshehtë.")
        yield tree


@pytest.fixture
def world(world_tree, db, settings):
    settings.MOCI_PAGE_CACHE = True
    return fresh(world_tree)


def version(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def html(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def restrict(page, kind):
    restriction = PageViewRestriction(page=page, restriction_type=kind)
    if kind == PageViewRestriction.PASSWORD:
        restriction.password = "a-shared-secret"
    restriction.save()
    return restriction


def surfaces(world, code):
    """Every address of language ``code`` that could show the project."""
    project = version(world["project"], code)
    return {
        "home": version(world["home"], code).url,
        "project index": version(world["index"], code).url,
        "search": f"/{code}/search/?q={project.title.split()[0]}",
        "map": version(world["map"], code).url,
        "geojson": version(world["map"], code).url + "geojson/",
        "sitemap": "/sitemap.xml",
    }


def shows(body, page):
    """Whether a listing shows ``page``: its address, its title or its place."""
    return page.url in body or page.title in body or page.summary in body


def warm(client, world):
    """Every surface in every language read twice: the second is from the cache."""
    for code in LANGUAGES:
        project = version(world["project"], code)
        for name, url in surfaces(world, code).items():
            client.get(url)
            response = client.get(url)
            if name != "sitemap":
                assert response["X-Page-Cache"] == "hit", url
            assert shows(html(response), project), (code, name)
        client.get(project.url)
        assert client.get(project.url)["X-Page-Cache"] == "hit"


def assert_protected_everywhere(client, world, kind):
    for code in LANGUAGES:
        project = version(world["project"], code)
        response = client.get(project.url)
        assert "X-Page-Cache" not in response, code
        if kind == PageViewRestriction.LOGIN:
            assert response.status_code == 302, code
            assert "/login/" in response["Location"], code
        else:
            assert response.status_code == 200, code
            assert 'name="password"' in html(response), code
            assert project.summary not in html(response), code
            assert client.get(project.url).get("X-Page-Cache") is None, code
        for name, url in surfaces(world, code).items():
            body = html(client.get(url))
            for other in LANGUAGES:
                assert not shows(body, version(world["project"], other)), (code, name, other)
        geojson = json.loads(html(client.get(surfaces(world, code)["geojson"])))
        titles = {feature["properties"]["title"] for feature in geojson["features"]}
        assert "Partner Of The Secret" not in titles, code
        assert "Arta" in titles, code  # the rest of the map is still there


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
@pytest.mark.parametrize("where", ["en", "sq"])
def test_a_restriction_on_one_language_protects_every_language_on_every_surface(client, world, kind, where):
    warm(client, world)
    restrict(version(world["project"], where), kind)
    assert_protected_everywhere(client, world, kind)
    rows = PageViewRestriction.objects.filter(page__translation_key=world["project"].translation_key)
    assert rows.count() == Page.objects.filter(translation_key=world["project"].translation_key).count()
    assert set(rows.values_list("restriction_type", flat=True)) == {kind}


def test_a_restricted_section_hides_its_pages_in_every_language(client, world):
    warm(client, world)
    restrict(version(world["index"], "sq"), PageViewRestriction.LOGIN)
    for code in LANGUAGES:
        assert client.get(version(world["index"], code).url).status_code == 302
    assert_protected_everywhere(client, world, PageViewRestriction.LOGIN)


def test_lifting_a_restriction_lifts_it_everywhere(client, world):
    restrict(world["project"], PageViewRestriction.PASSWORD)
    warm_protected = client.get(version(world["project"], "de").url)
    assert 'name="password"' in html(warm_protected)
    PageViewRestriction.objects.get(page=version(world["project"], "sq")).delete()
    assert not PageViewRestriction.objects.exists()
    for code in LANGUAGES:
        project = version(world["project"], code)
        response = client.get(project.url)
        assert response.status_code == 200
        assert project.summary in html(response)
        for name, url in surfaces(world, code).items():
            assert shows(html(client.get(url)), project), (code, name)


def test_changing_a_restriction_changes_it_everywhere(world):
    restrict(world["project"], PageViewRestriction.PASSWORD)
    restriction = PageViewRestriction.objects.get(page=version(world["project"], "de"))
    restriction.password = "another-secret"
    restriction.save()
    rows = PageViewRestriction.objects.filter(page__translation_key=world["project"].translation_key)
    assert set(rows.values_list("restriction_type", "password")) == {("password", "another-secret")}
    translators = Group.objects.create(name="Readers")
    restriction = PageViewRestriction.objects.get(page=version(world["project"], "sq"))
    restriction.restriction_type, restriction.password = PageViewRestriction.GROUPS, ""
    restriction.save()
    restriction.groups.add(translators)
    for row in rows.prefetch_related("groups"):
        assert (row.restriction_type, list(row.groups.all())) == ("groups", [translators])
    restriction.groups.remove(translators)
    assert not any(row.groups.exists() for row in rows)


def test_deleting_a_language_version_does_not_lift_the_others(client, world):
    restrict(world["project"], PageViewRestriction.LOGIN)
    version(world["project"], "de").delete()
    for code in ("en", "sq"):
        assert client.get(version(world["project"], code).url).status_code == 302
    assert PageViewRestriction.objects.filter(page=world["project"]).count() == 1


def test_a_translation_created_later_is_protected(client, world):
    restrict(version(world["project"], "sq"), PageViewRestriction.PASSWORD)
    german = version(world["project"], "de")
    german.delete()
    translate(world["project"], "de", title="Kostbares Plastik")
    german = version(world["project"], "de")
    assert list(german.view_restrictions.values_list("restriction_type", "password")) == [
        ("password", "a-shared-secret")
    ]
    assert 'name="password"' in html(client.get(german.url))
    assert "Kostbares" not in html(client.get(version(world["index"], "de").url))


def test_an_alias_synchronised_later_is_protected_even_under_a_restricted_section(client, world):
    """Wagtail copies a page's own restriction to a new alias only when its new
    parent has none; privacy must not depend on the section staying restricted."""
    restrict(world["index"], PageViewRestriction.LOGIN)
    restrict(world["project"], PageViewRestriction.PASSWORD)
    version(world["project"], "de").delete()
    synchronise_trees()
    german = version(world["project"], "de")
    assert german.alias_of_id == world["project"].pk
    assert list(german.view_restrictions.values_list("restriction_type", flat=True)) == ["password"]
    PageViewRestriction.objects.get(page=version(world["index"], "sq")).delete()
    assert client.get(version(world["index"], "de").url).status_code == 200
    assert 'name="password"' in html(client.get(german.url))
    assert "Precious Plastic" not in html(client.get(version(world["index"], "de").url))


def test_peer_suggestions_leave_out_a_restricted_profile_in_every_language(client, world):
    for code in LANGUAGES:
        assert version(world["person"], code).url in html(client.get(version(world["organisation"], code).url))
        # Only she is in Kosovo: the directory's country filter offers it because of her.
        assert 'value="XK"' in html(client.get(version(world["people"], code).url))
    restrict(version(world["person"], "sq"), PageViewRestriction.LOGIN)
    for code in LANGUAGES:
        body = html(client.get(version(world["organisation"], code).url))
        assert version(world["person"], code).url not in body, code
        people = html(client.get(version(world["people"], code).url))
        assert version(world["person"], code).url not in people, code
        assert 'value="XK"' not in people, code


def test_the_admin_privacy_dialog_applies_to_every_language(admin_client, admin_user, world):
    german = version(world["project"], "de")
    readers = Group.objects.create(name="Readers")
    url = reverse("wagtailadmin_pages:set_privacy", args=[german.pk])
    assert "/admin/login/" in Client().get(url)["Location"]  # Wagtail's admin check, as for its own view
    dialog = admin_client.get(url)
    assert dialog.status_code == 200
    assert "every language version of this page" in json.loads(dialog.content)["html"]
    profile = UserProfile.get_for_user(admin_user)
    # The admin's own languages include German (of the site's languages besides English).
    profile.preferred_language = "de"
    profile.save()
    german_dialog = json.loads(admin_client.get(url).content)["html"]
    assert "every language version" not in german_dialog
    with translation.override("de"):
        assert gettext(NOTE) in german_dialog
    profile.preferred_language = "en"
    profile.save()
    response = admin_client.post(url, {"restriction_type": "groups", "groups": [readers.pk]})
    assert response.status_code == 200
    rows = PageViewRestriction.objects.filter(page__translation_key=german.translation_key).prefetch_related("groups")
    assert len(rows) == Page.objects.filter(translation_key=german.translation_key).count()
    assert all(list(row.groups.all()) == [readers] for row in rows)
    admin_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[world["project"].pk]), {"restriction_type": "none"}
    )
    assert not PageViewRestriction.objects.exists()


def test_without_restrictions_serving_a_page_never_asks_for_them(client, world, settings):
    settings.MOCI_PAGE_CACHE = False
    project = version(world["project"], "sq")
    client.get(project.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(project.url).status_code == 200
    assert not [query for query in queries if "pageviewrestriction" in query["sql"].lower()]


def test_restrictions_set_before_are_given_to_every_language_by_the_migration(client, world):
    """Rows made before privacy was mirrored (bulk_create sends no signal, as
    before there was none to send): the data migration copies them."""
    from importlib import import_module

    from django.db.migrations.executor import MigrationExecutor

    migration = import_module("mocisite.migrations.0003_mirror_view_restrictions")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=version(world["project"], "sq"), restriction_type="password", password="old")]
    )
    german = version(world["project"], "de")
    assert client.get(german.url).status_code == 200
    state = MigrationExecutor(connection).loader.project_state(("mocisite", "0003_mirror_view_restrictions"))
    migration.mirror_existing_restrictions(state.apps, None)
    rows = PageViewRestriction.objects.filter(page__translation_key=german.translation_key)
    assert set(rows.values_list("page_id", "password")) == {
        (pk, "old") for pk in Page.objects.filter(translation_key=german.translation_key).values_list("pk", flat=True)
    }
    assert 'name="password"' in html(client.get(german.url))
