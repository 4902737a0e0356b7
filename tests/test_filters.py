"""The lists' filters (projects, resources, the directory, the map) through the query string."""

import re
from html.parser import HTMLParser

import pytest

from django.utils import translation

from mocisite.countries import country_choices, country_sort_key
from projects.models import ProjectPage
from tests import factories


@pytest.fixture
def projects(project_index):
    environment = factories.make_theme("environment", "Environment")
    culture = factories.make_theme("culture", "Culture")
    factories.make_project(project_index, "Plastic", country="AL", status="ongoing", themes=[environment])
    factories.make_project(project_index, "Bunkers", country="AL", status="completed", themes=[culture])
    factories.make_project(project_index, "Hub Berlin", country="DE", status="planned", themes=[environment, culture])
    return project_index


def titles(response):
    return sorted(page.title for page in response.context["projects"])


def test_no_filter_lists_everything(client, projects):
    assert titles(client.get(projects.url)) == ["Bunkers", "Hub Berlin", "Plastic"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "AL"}, ["Bunkers", "Plastic"]),
        ({"country": "DE"}, ["Hub Berlin"]),
        ({"status": "completed"}, ["Bunkers"]),
        ({"theme": "environment"}, ["Hub Berlin", "Plastic"]),
        ({"country": "AL", "theme": "environment"}, ["Plastic"]),
        ({"country": "AL", "status": "planned"}, []),
    ],
)
def test_filters(client, projects, query, expected):
    assert titles(client.get(projects.url, query)) == expected


def test_unknown_value_lists_nothing_says_why_and_offers_to_clear(client, projects):
    # Georgia is a country the site knows, but no project here is in Georgia.
    response = client.get(projects.url, {"country": "GE", "status": "completed"})
    assert response.status_code == 200
    assert titles(response) == []
    page = response.content.decode()
    assert "Select a valid choice. GE is not one of the available choices." in page
    assert "Nothing is listed: a filter asks for something this list does not have." in page
    assert f'<a href="{projects.url}">Clear filters</a>' in page


def test_pagination_keeps_filters_and_rejects_bad_pages(client, project_index):
    for number in range(14):
        factories.make_project(project_index, f"Project {number:02}", country="AL")
    first = client.get(project_index.url, {"country": "AL"})
    assert len(first.context["projects"]) == 12
    assert "?country=AL&amp;page=2" in first.content.decode()
    second = client.get(project_index.url, {"country": "AL", "page": 2})
    assert len(second.context["projects"]) == 2
    assert client.get(project_index.url, {"page": 5}).status_code == 404
    assert client.get(project_index.url, {"page": "x"}).status_code == 404


def test_drafts_are_not_listed(client, projects):
    ProjectPage.objects.get(title="Plastic").unpublish()
    assert "Plastic" not in titles(client.get(projects.url))


def test_directory_filters_by_kind_country_and_skill(client, people_index):
    permaculture = factories.make_skill("permaculture", "Permaculture")
    organisation = factories.make_organisation(people_index, "Uzina", country="AL", skills=[permaculture])
    factories.make_person(people_index, "Arta", country="AL", organisation=organisation)
    factories.make_person(people_index, "Jonas", country="DE", skills=[permaculture])

    def names(query):
        response = client.get(people_index.url, query)
        assert response.status_code == 200
        return sorted(item.title for item in response.context["profiles"])

    assert names({}) == ["Arta", "Jonas", "Uzina"]
    assert names({"kind": "person"}) == ["Arta", "Jonas"]
    assert names({"kind": "organisation"}) == ["Uzina"]
    assert names({"country": "AL"}) == ["Arta", "Uzina"]
    assert names({"skill": "permaculture"}) == ["Jonas", "Uzina"]
    assert names({"skill": "permaculture", "country": "DE"}) == ["Jonas"]


def test_directory_filters_by_need(client, people_index):
    space = factories.make_skill("workshop-space", "A space for workshops")
    permaculture = factories.make_skill("permaculture", "Permaculture")
    factories.make_organisation(people_index, "Uzina", needs=[space])
    factories.make_person(people_index, "Arta", needs=[permaculture])
    factories.make_person(people_index, "Jonas", skills=[space])

    def names(query):
        response = client.get(people_index.url, query)
        assert response.status_code == 200
        return sorted(item.title for item in response.context["profiles"])

    assert names({"need": "workshop-space"}) == ["Uzina"]
    assert names({"need": "permaculture", "kind": "person"}) == ["Arta"]
    # "Who can offer a space for workshops?" is the skill filter.
    assert names({"skill": "workshop-space"}) == ["Jonas"]
    response = client.get(people_index.url, {"need": "flying"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors["need"]


class Elements(HTMLParser):
    """Every start tag's attributes, in order, for assertions on ids and references."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture
def every_list(home, projects, people_index):
    """A project index, a directory, a library and a map, each with something to filter."""
    theme = factories.make_theme("environment", "Environment")
    factories.make_organisation(people_index, "Uzina", country="AL", location="SRID=4326;POINT(19.82 41.33)")
    library = factories.make_resource_index(home)
    factories.make_resource(library, "Gardening", topics=[theme])
    return {
        "projects": (projects, "country=ZZ"),
        "people": (people_index, "skill=flying"),
        "resources": (library, "topic=dragons"),
        "map": (factories.make_community_map(home), "kind=dragons"),
    }


@pytest.mark.parametrize("name", ["projects", "people", "resources", "map"])
def test_every_list_ties_its_error_to_its_field_and_clears_to_its_own_address(client, every_list, name):
    index, query = every_list[name]
    page = client.get(f"{index.url}?{query}").content.decode()
    tags = Elements(page).tags
    ids = {attrs["id"] for _tag, attrs in tags if "id" in attrs}
    invalid = [attrs for tag, attrs in tags if tag == "select" and attrs.get("aria-invalid") == "true"]
    assert len(invalid) == 1
    # Screen readers read the message with the field: every id it names exists.
    described_by = invalid[0]["aria-describedby"].split()
    assert described_by and set(described_by) <= ids
    assert f'<p class="field-error" id="{described_by[0]}">' in page
    # Nothing is listed, the page says why, and "Clear filters" goes to the bare list.
    assert "Nothing is listed" in page
    assert f'<a href="{index.url}">Clear filters</a>' in page
    assert 'href="?"' not in page
    # The form submits to the list's own address (an empty action is not allowed).
    forms = [attrs for tag, attrs in tags if tag == "form" and "filters" in attrs.get("class", "")]
    assert [form["action"] for form in forms] == [index.url]


@pytest.mark.parametrize("name", ["projects", "people", "resources", "map"])
def test_unknown_values_list_nothing_on_every_list(client, every_list, name):
    index, query = every_list[name]
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    listed = {"projects": "projects", "people": "profiles", "resources": "resources", "map": "places"}[name]
    assert len(response.context[listed]) == 0
    assert response.context["filtered"]
    assert len(client.get(index.url).context[listed]) > 0


def test_a_valid_filter_shows_clear_filters_without_a_problem(client, projects):
    page = client.get(projects.url, {"country": "AL"}).content.decode()
    assert f'<a href="{projects.url}">Clear filters</a>' in page
    assert "Nothing is listed" not in page
    assert "aria-invalid" not in page


def test_without_filters_there_is_nothing_to_clear(client, projects):
    page = client.get(projects.url).content.decode()
    assert "Clear filters" not in page


def test_countries_are_offered_region_first_then_by_name_in_the_visitor_language():
    codes = {"DE", "AL", "BE", "RS", "AM", "ZZ"}
    with translation.override("en"):
        assert [code for code, _name in country_choices(codes)] == ["AL", "AM", "RS", "BE", "DE"]
    with translation.override("sq"):
        # Named in Albanian: Shqipëria, in the region, comes before Germany's "Gjermania".
        assert country_choices(codes) == [
            ("AM", "Armenia"),
            ("RS", "Serbia"),
            ("AL", "Shqipëria"),
            ("BE", "Belgjika"),
            ("DE", "Gjermania"),
        ]
    with translation.override("de"):
        # In the region, by German name: Albanien, Armenien, Serbien.
        assert [name for _code, name in country_choices({"RS", "AM", "AL"})] == ["Albanien", "Armenien", "Serbien"]
    assert country_sort_key("") > country_sort_key("NL")


def test_the_map_lists_the_region_first_then_partners_abroad(client, home, people_index):
    for title, country, lng_lat in [
        ("Kunsthaus", "DE", "13.4 52.5"),
        ("Atelier", "BE", "4.35 50.85"),
        ("Novi Sad hub", "RS", "19.83 45.25"),
        ("Uzina", "AL", "19.82 41.33"),
    ]:
        factories.make_organisation(people_index, title, country=country, location=f"SRID=4326;POINT({lng_lat})")
    map_page = factories.make_community_map(home)
    response = client.get(map_page.url)
    assert [str(country) for country in response.context["places_by_country"]] == [
        "Albania",
        "Serbia",
        "Belgium",
        "Germany",
    ]
    headings = re.findall(r'<h3 class="places__country">([^<]+)</h3>', response.content.decode())
    assert headings == ["Albania", "Serbia", "Belgium", "Germany"]
