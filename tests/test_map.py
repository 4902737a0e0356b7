"""The community map of the MOCI site: points synchronised across translations,
the GeoJSON feed per language, the filters and the list that works without
JavaScript. (Parsing and checking points: tests/test_points.py.)"""

import pytest

from wagtail.models import PageViewRestriction
from wagtail_localize.models import String, TranslationSource

from mocisite.geo import Point
from people.models import CommunityMapPage, OrganisationPage
from projects.models import Partner, ProjectPage


@pytest.fixture(scope="module")
def site(moci_content):
    return {
        "en": CommunityMapPage.objects.get(locale__language_code="en"),
        "sq": CommunityMapPage.objects.get(locale__language_code="sq"),
    }


def feed(client, page, query=""):
    response = client.get(f"{page.url}geojson/{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def features_by_title(collection):
    return {feature["properties"]["title"]: feature for feature in collection["features"]}


@pytest.mark.django_db
def test_every_seeded_project_and_partner_has_a_point(site):
    assert all(project.point for project in ProjectPage.objects.all())
    assert all(partner.point for partner in Partner.objects.all())
    pellumbas = ProjectPage.objects.get(slug="permaculture-in-pellumbas", locale__language_code="en")
    assert pellumbas.point == Point(41.2183, 19.8864)


@pytest.mark.django_db
def test_the_feed_is_geojson_in_the_page_language(client, site):
    english, albanian = feed(client, site["en"]), feed(client, site["sq"])
    assert english["type"] == albanian["type"] == "FeatureCollection"
    assert albanian["name"] == "Harta e komunitetit"
    # The same places in both languages: 7 projects, 2 organisations, 4 partners
    # (the two partners that are also member organisations are shown once, as profiles)
    # and the hub's one workshop (in Pellumbas, autumn 2020: past).
    assert len(english["features"]) == len(albanian["features"]) == 14
    kinds = [feature["properties"]["kind"] for feature in english["features"]]
    assert [kinds.count(kind) for kind in ("project", "organisation", "partner", "workshop")] == [7, 2, 4, 1]
    project = features_by_title(albanian)["Permakulturë në Pëllumbas"]
    assert project["geometry"] == {"type": "Point", "coordinates": [19.8864, 41.2183]}
    properties = project["properties"]
    assert properties["url"].endswith("/sq/projects/permaculture-in-pellumbas/")
    assert (properties["kind"], properties["kind_label"]) == ("project", "Projekt")
    assert (properties["place"], properties["country"], properties["country_name"]) == ("Pëllumbas", "AL", "Shqipëria")
    assert "agriculture" in [term["slug"] for term in properties["terms"]]
    english_project = features_by_title(english)["Permaculture in Pellumbas"]
    assert english_project["properties"]["url"].endswith("/en/projects/permaculture-in-pellumbas/")
    assert english_project["geometry"] == project["geometry"]
    # Partners list the projects they work on, in the feed's language.
    bosch = features_by_title(albanian)["Fondacioni Robert Bosch"]["properties"]
    assert [project["title"] for project in bosch["projects"]] == ["Permakulturë në Pëllumbas"]
    uzina = features_by_title(english)["Hapesire Kulturore Uzina"]["properties"]
    assert uzina["kind"] == "organisation"
    assert [project["title"] for project in uzina["projects"]] == ["Vila 3 – Cultural and Social Space"]


@pytest.mark.django_db
def test_every_coordinate_is_a_valid_longitude_latitude_pair(client, site):
    for language in ("en", "sq"):
        for feature in feed(client, site[language])["features"]:
            lng, lat = feature["geometry"]["coordinates"]
            assert -180 <= lng <= 180 and -90 <= lat <= 90, feature
            assert feature["id"].startswith(feature["properties"]["kind"] + "-")


@pytest.mark.django_db
def test_only_live_public_pages_are_on_the_map(client, site):
    shullaz = ProjectPage.objects.get(slug="shullaz-mushroom-bunkers", locale__language_code="sq")
    shullaz.unpublish()
    vila = ProjectPage.objects.get(slug="vila-3", locale__language_code="sq")
    PageViewRestriction.objects.create(page=vila, restriction_type=PageViewRestriction.PASSWORD, password="x")
    titles = set(features_by_title(feed(client, site["sq"])))
    assert "Bunkerët e kërpudhave në Shullaz" not in titles
    assert not any(title.startswith("Vila 3") for title in titles)
    assert "Permakulturë në Pëllumbas" in titles
    # The English map is not affected by what happens to the Albanian pages.
    assert "Shullaz mushroom bunkers" in features_by_title(feed(client, site["en"]))
    html = client.get(site["sq"].url).content.decode()
    assert "Shullaz" not in html.split('class="places"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_the_point_is_synchronised_and_never_a_segment(site):
    english = ProjectPage.objects.get(slug="vila-3", locale__language_code="en")
    albanian = ProjectPage.objects.get(slug="vila-3", locale__language_code="sq")
    assert albanian.location == english.location
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    strings = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
    assert "Tirana" in strings  # the place name is translated…
    assert not any("POINT" in text for text in strings)  # …the point is not
    # Moving the English page moves its translation when the source is synchronised.
    english.location = str(Point(41.33, 19.82))
    english.save_revision().publish()
    source.update_from_db()
    for albanian_translation in source.translations.filter(target_locale=albanian.locale):
        albanian_translation.save_target(publish=True)
    albanian.refresh_from_db()
    assert albanian.point == Point(41.33, 19.82)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=project", {"project": 7}),
        ("?kind=partner", {"partner": 4}),
        ("?country=DE", {"organisation": 1, "partner": 2}),
        ("?theme=agriculture", {"project": 3}),
        ("?skill=permaculture", {"organisation": 1}),
        ("?kind=organisation&country=AL", {"organisation": 1}),
    ],
)
def test_filters_narrow_the_feed_and_the_list_alike(client, site, query, expected):
    for page in site.values():
        features = feed(client, page, query)["features"]
        kinds = {}
        for feature in features:
            kinds[feature["properties"]["kind"]] = kinds.get(feature["properties"]["kind"], 0) + 1
        assert kinds == expected, (page.locale, query)
        response = client.get(page.url + query)
        assert [place.id for place in response.context["places"]] == [feature["id"] for feature in features]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?kind=dragons", "?country=ZZ", "?theme=%00", "?skill=" + "x" * 5000, "?kind[]=1"])
def test_bad_filters_give_a_message_not_an_error(client, site, query):
    response = client.get(site["en"].url + query)
    assert response.status_code == 200
    html = response.content.decode()
    if "kind[]" not in query:
        assert 'class="field-error"' in html
    assert feed(client, site["en"], query)["type"] == "FeatureCollection"


@pytest.mark.django_db
def test_the_list_works_without_javascript(client, site):
    response = client.get(site["sq"].url + "?kind=partner")
    html = response.content.decode()
    # The map container is hidden until the script shows it; the list is plain HTML.
    assert 'id="community-map" hidden' in html
    places = html.split('class="places"')[1].split("</section>")[0]
    assert places.count('class="place"') == 4
    assert "Fondacioni Robert Bosch" in places
    assert "Permakulturë në Pëllumbas" in places  # the project it works on, linked
    assert "/sq/projects/permaculture-in-pellumbas/" in places
    assert "Shqipëria" in places and "Gjermania" in places  # grouped by country
    assert 'method="get"' in html  # the filters reload the page without JavaScript
    assert f'href="{site["sq"].url}geojson/"' in html


@pytest.mark.django_db
def test_the_map_page_names_its_tiles_and_scripts_without_a_cdn(client, site, settings):
    html = client.get(site["en"].url).content.decode()
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert "OpenStreetMap" in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/vendor/leaflet-markercluster/leaflet.markercluster-src.js" in html
    assert "unpkg.com" not in html and "cdn" not in html.lower()


@pytest.mark.django_db
def test_a_profile_page_is_on_the_map_with_its_skills(client, site):
    iac = OrganisationPage.objects.get(slug="iac-berlin", locale__language_code="en")
    properties = features_by_title(feed(client, site["en"]))["iac Berlin"]["properties"]
    assert properties["url"] == iac.full_url
    assert properties["place"] == "Berlin" and properties["country"] == "DE"
    assert {term["slug"] for term in properties["terms"]} == {"permaculture", "workshop-facilitation"}


@pytest.mark.django_db
def test_the_albanian_list_starts_with_the_network_not_with_germany(client, site):
    response = client.get(site["sq"].url)
    countries = [str(country) for country in response.context["places_by_country"]]
    assert countries.index("Shqipëria") < countries.index("Gjermania")
    assert countries[0] == "Shqipëria"


@pytest.mark.django_db
def test_the_map_opens_on_the_network_region_and_folds_its_filters(client, site):
    html = client.get(site["en"].url).content.decode()
    # community-map.js fits the first view to the places in these countries.
    assert 'data-region="AL AM AZ BA GE ME MK RS XK"' in html
    # Folded on a phone (map.css shows them on wide screens), open while a filter is set.
    assert '<details class="map-filters">' in html
    filtered = client.get(site["en"].url + "?kind=partner").content.decode()
    assert '<details class="map-filters" open>' in filtered
