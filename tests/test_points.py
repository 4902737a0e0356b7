"""Map points: the one parser and its validation, the editor that refuses bad
points (pages and partner snippets) and loads Leaflet from our static files, and
the place labels the pages and the map share."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from mocisite.geo import Point, parse_point, place_label, read_point, validate_point
from people.map import Place
from projects.models import Partner, ProjectPage
from tests import factories
from tests.factories import project_form_data

TIRANA = "SRID=4326;POINT(19.8187 41.3275)"


# Points ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "point"),
    [
        (TIRANA, Point(41.3275, 19.8187)),
        ("SRID=4326;POINT (-0.5 -33.25)", Point(-33.25, -0.5)),
        ("srid=4326;point(180 90)", Point(90.0, 180.0)),
        ("", None),
        ("41.3, 19.8", None),
        ("SRID=3857;POINT(19.8 41.3)", None),
        ("SRID=4326;POINT(19.8 91)", None),
        ("SRID=4326;POINT(181 41.3)", None),
    ],
)
def test_parse_point(value, point):
    assert parse_point(value) == point


def test_a_point_is_written_the_way_the_widget_reads_it():
    assert str(Point(41.3275, 19.8187)) == TIRANA
    assert parse_point(str(Point(-12.5, 100.25))) == Point(-12.5, 100.25)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("somewhere in Tirana", "This is not a map point"),
        ("SRID=4326;POINT(19.8)", "This is not a map point"),
        ("SRID=4326;POINT(19.8 41.3); DROP TABLE", "This is not a map point"),
        ("SRID=3857;POINT(19.8 41.3)", "latitude and longitude (SRID 4326)"),
        ("SRID=4326;POINT(19.8 123)", "The latitude must be between -90 and 90; 123.0 is not."),
        ("SRID=4326;POINT(-190 41.3)", "The longitude must be between -180 and 180; -190.0 is not."),
    ],
)
def test_invalid_points_are_refused_with_a_message(value, message):
    with pytest.raises(ValidationError) as error:
        validate_point(value)
    with translation.override("en"):  # the messages are translated: read them in English
        assert message in error.value.messages[0]


def test_one_parser_reads_points_for_the_map_and_the_form():
    assert read_point(TIRANA) == parse_point(TIRANA) == Point(41.3275, 19.8187)
    assert validate_point(TIRANA) is None
    with pytest.raises(ValidationError) as error:
        read_point("SRID=4326;POINT(19.8 123)")
    assert error.value.code == "latitude"
    assert parse_point("SRID=4326;POINT(19.8 123)") is None


@pytest.mark.django_db
def test_pages_and_the_map_label_places_alike():
    with translation.override("de"):
        assert place_label("Tirana", "AL") == "Tirana, Albanien"
    assert place_label("", "RS") == "Serbia"
    assert place_label("Pellumbas", "") == "Pellumbas"
    place = Place(id="project-1", kind="project", title="", url="", point=None, place_name="Tirana", country="AL")
    project = ProjectPage(place_name="Tirana", country="AL")
    assert place.place_label == project.place_label == "Tirana, Albania"


@pytest.mark.django_db
class TestTheEditorRefusesBadPoints:
    def post_project(self, client, index, location):
        data = project_form_data("Somewhere", place_name="Tirana", country="AL", location=location)
        return client.post(f"/admin/pages/add/projects/projectpage/{index.pk}/", data)

    def test_out_of_range_latitude_is_a_form_error_and_saves_nothing(self, admin_client, project_index):
        response = self.post_project(admin_client, project_index, "SRID=4326;POINT(19.8 123)")
        assert response.status_code == 200
        assert "The latitude must be between -90 and 90" in response.content.decode()
        assert not ProjectPage.objects.filter(slug="somewhere").exists()

    def test_a_valid_point_is_saved(self, admin_client, project_index):
        response = self.post_project(admin_client, project_index, "SRID=4326;POINT(19.8864 41.2183)")
        assert response.status_code == 302
        assert ProjectPage.objects.get(slug="somewhere").point == Point(41.2183, 19.8864)

    def test_the_partner_snippet_refuses_bad_points_too(self, admin_client, home):
        data = {"name": "Far away", "website": "", "description": "", "place_name": "", "country": ""}
        response = admin_client.post(
            "/admin/snippets/projects/partner/add/", {**data, "location": "SRID=4326;POINT(-200 10)"}
        )
        assert response.status_code == 200
        assert "The longitude must be between -180 and 180" in response.content.decode()
        assert not Partner.objects.filter(name="Far away").exists()

    def test_a_failed_address_lookup_has_a_translated_sentence(self, admin_client, admin_user, project_index):
        from wagtail.users.models import UserProfile

        project = factories.make_project(project_index, "Mapped", location=TIRANA)
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = "de"
        profile.save()
        html = admin_client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
        # The sentence rides on the address field; the script that shows it is a static file (CSP).
        assert 'data-lookup-failed="Die Adresse konnte gerade nicht nachgeschlagen werden.' in html
        assert "/static/mocisite/js/geocoder-fallback.js" in html
        assert html.index("wagtailgeowidget/js/geocoder-field.js") < html.index("mocisite/js/geocoder-fallback.js")

    def test_the_editor_loads_leaflet_from_our_static_files(self, admin_client, project_index):
        project = factories.make_project(project_index, "Mapped", location=TIRANA)
        html = admin_client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
        assert "/static/vendor/leaflet/leaflet.js" in html
        assert "unpkg.com" not in html
        assert 'data-controller="leaflet-field"' in html
        assert 'data-controller="geocoder-field"' in html  # the place name is geocoded
        # A set point is shown at once; the widget is centred on the region, not Stockholm.
        assert "&quot;showEmptyLocation&quot;: false" in html
        assert "41.3275" in html and "59.3293" not in html
