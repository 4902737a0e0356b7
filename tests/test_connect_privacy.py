"""A profile's private contact address is never public (issue 16, item 1): not in
any page, list, search result, GeoJSON feed or sitemap, in any language; not a
translation segment; not in what a translator's preview renders."""

import pytest

from django.core.cache import cache

from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.segments.extract import extract_segments

from mocisite.languages import ensure_locales, synchronise_trees
from people.models import CommunityMapPage, OrganisationPage, PersonPage
from tests import factories
from tests.conftest import build_tree

PERSON_ADDRESS = "arta.hidden@example.org"
ORGANISATION_ADDRESS = "uzina-hidden@example.org"
SECRETS = (PERSON_ADDRESS, ORGANISATION_ADDRESS, "hidden@example", "arta.hidden", "uzina-hidden")
LANGUAGES = ("en", "sq", "de")


@pytest.fixture
def network(home):
    tree = build_tree(home)
    factories.make_community_map(home)
    for key, address in (("person", PERSON_ADDRESS), ("organisation", ORGANISATION_ADDRESS)):
        page = tree[key]
        page.contact_email = address
        page.links = [("link", {"label": "Website", "url": "https://example.org/"})]
        factories.publish(page)
    ensure_locales()
    synchronise_trees()
    return tree


def assert_private(response, address):
    assert response.status_code == 200, address
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, f"{secret} in {address}"


def test_no_public_address_shows_a_contact_address(client, network):
    # Every copy of both profiles holds the address (it is synchronised).
    assert PersonPage.objects.filter(contact_email=PERSON_ADDRESS).count() == 7
    assert OrganisationPage.objects.filter(contact_email=ORGANISATION_ADDRESS).count() == 7
    crawled = 0
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        pages = Page.objects.live().filter(locale=locale, depth__gt=1).specific()
        for page in pages:
            cache.clear()
            url = page.get_url()
            assert_private(client.get(url), url)
            crawled += 1
            if getattr(page, "reachable", False):
                assert_private(client.get(url + "contact/"), url + "contact/")
            if isinstance(page, CommunityMapPage):
                for feed in (f"{url}geojson/", f"{url}geojson/?kind=person", f"{url}?kind=organisation"):
                    assert_private(client.get(feed), feed)
        for query in ("Arta", "Uzina", "hidden", "example.org"):
            search = client.get(f"/{code}/search/", {"q": query})
            assert_private(search, f"/{code}/search/?q={query}")
        # Searching for the address finds nothing (the page echoes the query): it is not indexed.
        assert not client.get(f"/{code}/search/", {"q": PERSON_ADDRESS}).context["results"]
    assert crawled >= 3 * 8
    assert_private(client.get("/sitemap.xml"), "/sitemap.xml")


def test_the_address_is_no_translation_segment_and_is_synchronised(network):
    for model in (PersonPage, OrganisationPage):
        fields = {field.field_name: field for field in get_translatable_fields(model)}
        for name in ("contact_email", "accepts_messages"):
            assert fields[name].is_synchronized(model()) and not fields[name].is_overridable(model())
    for page in (network["person"], network["organisation"]):
        values = [
            str(getattr(segment, "source", "")) + str(getattr(segment, "data", ""))
            for segment in extract_segments(page)
        ]
        assert values, "the profile has segments"
        assert not [value for value in values if "hidden@example" in value]
        # The public links are segments a translator may change (synchronised, overridable).
        assert any("https://example.org/" in value for value in values)


def test_a_translators_preview_does_not_show_it(network):
    albanian = network["person"].get_translation(Locale.objects.get(language_code="sq")).specific
    for page in (network["person"], albanian):
        response = page.make_preview_request()
        response.render()
        assert_private(response, f"preview of {page.url}")
        assert page.title in response.content.decode()
