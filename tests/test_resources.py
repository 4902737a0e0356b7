"""The resources library: the index and its topic filter, resource pages with
their downloads, topics and related projects, the link back from each project,
translations, search and a bounded number of queries. (The seeded resources:
tests/test_content.py.)"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from mocisite.languages import ensure_locales, synchronise_trees
from projects.models import ProjectPage
from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.factories import translate
from tests.queries import count_queries


@pytest.fixture
def library(home, project_index):
    index = factories.make_resource_index(home)
    environment = factories.make_theme("environment", "Environment")
    recycling = factories.make_theme("recycling", "Recycling and circular design")
    culture = factories.make_theme("culture", "Culture and the arts")
    factories.make_theme("youth", "Youth participation")  # no resource has it
    plastic = factories.make_project(project_index, "Precious Plastic", slug="precious-plastic")
    vila = factories.make_project(project_index, "Vila 3", slug="vila-3")
    workshop = factories.make_resource(
        index,
        "Running a recycling workshop",
        slug="recycling-workshop",
        kind="tutorial",
        topics=[recycling, environment],
        related_projects=[plastic],
        body=[("paragraph", "<p>Shredders turn bottle caps into tiles.</p>")],
    )
    garden = factories.make_resource(index, "Sustainable gardening", kind="guide", topics=[environment])
    space = factories.make_resource(
        index, "Opening a cultural space", kind="best-practice", topics=[culture], related_projects=[vila]
    )
    return {
        "index": index,
        "plastic": plastic,
        "vila": vila,
        "workshop": workshop,
        "garden": garden,
        "space": space,
        "themes": {"environment": environment, "recycling": recycling, "culture": culture},
    }


def titles(response):
    assert response.status_code == 200
    return sorted(page.title for page in response.context["resources"])


def html(response):
    assert response.status_code == 200
    return response.content.decode()


# The index ---------------------------------------------------------------------


def test_index_lists_live_public_resources_as_cards(client, library):
    response = client.get(library["index"].url)
    assert titles(response) == ["Opening a cultural space", "Running a recycling workshop", "Sustainable gardening"]
    page = html(response)
    assert 'class="card card--resource"' in page
    assert f'href="{library["workshop"].url}">Running a recycling workshop</a>' in page
    assert "Summary of Sustainable gardening." in page
    assert "Tutorial" in page and "Guide" in page and "Best practice" in page
    assert "<li>Recycling and circular design</li>" in page
    assert "3 resources" in page


def test_index_leaves_out_drafts_and_private_resources(client, library):
    library["garden"].unpublish()
    PageViewRestriction.objects.create(page=library["space"], restriction_type="password", password="secret-pass")
    factories.make_resource(library["index"], "Still a draft").unpublish()
    assert titles(client.get(library["index"].url)) == ["Running a recycling workshop"]


def test_index_lists_resources_in_its_own_language_only(client, library):
    ensure_locales()
    synchronise_trees()
    german = Locale.objects.get(language_code="de")
    german_index = library["index"].get_translation(german)
    response = client.get(german_index.url)
    resources = list(response.context["resources"])
    assert len(resources) == 3
    assert {resource.locale_id for resource in resources} == {german.pk}
    assert all(resource.url.startswith("/de/resources/") for resource in resources)
    english = list(client.get(library["index"].url).context["resources"])
    assert {resource.locale_id for resource in english} == {Locale.get_default().pk}


def test_topic_filter_narrows_the_list(client, library):
    index = library["index"]
    assert titles(client.get(index.url, {"topic": "recycling"})) == ["Running a recycling workshop"]
    assert titles(client.get(index.url, {"topic": "environment"})) == [
        "Running a recycling workshop",
        "Sustainable gardening",
    ]
    response = client.get(index.url, {"topic": "culture"})
    assert titles(response) == ["Opening a cultural space"]
    assert f'href="{index.url}">Clear filters</a>' in html(response)


def test_topic_filter_offers_the_topics_resources_have(client, library):
    form = client.get(library["index"].url).context["filter_form"]
    choices = [value for value, _label in form.fields["topic"].choices]
    assert choices == ["", "culture", "environment", "recycling"]  # not "youth": nothing to show
    page = html(client.get(library["index"].url))
    assert f'<form class="filters" method="get" action="{library["index"].url}">' in page
    assert '<option value="recycling">Recycling and circular design</option>' in page


@pytest.mark.parametrize("value", ["flying", "youth", "<b>x</b>"])
def test_bad_topic_gives_a_message_next_to_the_filter_not_an_error(client, library, value):
    response = client.get(library["index"].url, {"topic": value})
    assert response.status_code == 200
    assert response.context["filter_form"].errors["topic"]
    page = html(response)
    assert 'aria-describedby="id_topic_error"' in page
    assert 'id="id_topic_error"' in page
    assert "Select a valid choice" in page
    assert "<b>x</b>" not in page
    # An unknown topic lists nothing (rather than everything under an error).
    assert titles(response) == []


def test_index_paginates(client, library):
    for number in range(12):
        factories.make_resource(library["index"], f"Resource {number:02}")
    first = client.get(library["index"].url)
    assert len(first.context["resources"]) == 12
    assert "?page=2" in html(first)
    assert len(client.get(library["index"].url, {"page": 2}).context["resources"]) == 3
    assert client.get(library["index"].url, {"page": 9}).status_code == 404


# A resource page -----------------------------------------------------------------


def test_resource_page_shows_downloads_with_type_and_size(client, library):
    checklist = factories.make_document("Checklist", b"Bring gloves.\n", "checklist.txt")
    slides = factories.make_document("Workshop slides", b"x" * 2048, "slides.pdf")
    resource = library["workshop"]
    resource.downloads = [
        ("download", {"document": checklist, "label": "Safety checklist"}),
        ("download", {"document": slides, "label": ""}),
    ]
    resource.save_revision().publish()
    response = client.get(resource.url)
    page = html(response)
    assert 'aria-labelledby="downloads-heading"' in page
    assert f'<a href="{checklist.url}">Safety checklist</a>' in page
    assert "TXT, 14\xa0bytes" in page
    # Without a label the document's title is the link.
    assert f'<a href="{slides.url}">Workshop slides</a>' in page
    assert "PDF, 2.0\xa0KB" in page
    assert client.get(checklist.url).status_code == 200


def test_download_sizes_cost_no_query_per_document(client, library):
    resource = library["workshop"]

    def count(documents):
        resource.downloads = [("download", {"document": document, "label": ""}) for document in documents]
        resource.save_revision().publish()
        client.get(resource.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(resource.url).status_code == 200
        return len(queries)

    one = count([factories.make_document("One")])
    assert count([factories.make_document(f"Doc {n}", name=f"doc-{n}.txt") for n in range(8)]) == one


def test_deleted_document_is_left_out(client, library):
    document = factories.make_document("Gone")
    resource = library["workshop"]
    resource.downloads = [("download", {"document": document, "label": "Gone soon"})]
    resource.save_revision().publish()
    document.delete()
    page = html(client.get(resource.url))
    assert "Gone soon" not in page
    assert "downloads-heading" not in page


def test_resource_page_shows_kind_topics_and_related_projects(client, library):
    response = client.get(library["workshop"].url)
    page = html(response)
    assert "<dd>Tutorial</dd>" in page
    index_url = library["index"].url
    assert f'<a href="{index_url}?topic=recycling">Recycling and circular design</a>' in page
    assert f'<a href="{index_url}?topic=environment">Environment</a>' in page
    assert [project.title for project in response.context["related_projects"]] == ["Precious Plastic"]
    assert f'<a href="{library["plastic"].url}">Precious Plastic</a>' in page
    assert "Shredders turn bottle caps into tiles." in page
    assert "downloads-heading" not in page  # no downloads, no empty section


def test_unpublished_related_project_is_not_linked(client, library):
    library["plastic"].unpublish()
    response = client.get(library["workshop"].url)
    assert response.context["related_projects"] == []
    assert "projects-heading" not in html(response)


# The link back from projects ---------------------------------------------------------


def test_project_page_lists_the_resources_that_name_it(client, library):
    page = html(client.get(library["plastic"].url))
    assert 'aria-labelledby="resources-heading"' in page
    assert f'<a href="{library["workshop"].url}">Running a recycling workshop</a>' in page
    assert "Opening a cultural space" not in page
    assert "Sustainable gardening" not in page
    vila = html(client.get(library["vila"].url))
    assert "Opening a cultural space" in vila
    assert "Running a recycling workshop" not in vila


def test_project_without_resources_shows_no_section(client, library, project_index):
    lonely = factories.make_project(project_index, "Shullaz")
    assert "resources-heading" not in html(client.get(lonely.url))
    library["workshop"].unpublish()
    assert "resources-heading" not in html(client.get(library["plastic"].url))


def test_project_page_queries_do_not_grow_with_its_resources(client, library):
    client.get(library["plastic"].url)
    small = count_queries(client, library["plastic"].url)
    for number in range(10):
        factories.make_resource(library["index"], f"More {number}", related_projects=[library["plastic"]])
    client.get(library["plastic"].url)  # a publish: the first view reads the site again
    assert count_queries(client, library["plastic"].url) == small
    assert html(client.get(library["plastic"].url)).count("resource-list__kind") == 11


# Translations --------------------------------------------------------------------------


def test_albanian_resource_links_the_albanian_projects(client, library):
    ensure_locales()
    synchronise_trees()
    albanian = Locale.objects.get(language_code="sq")
    workshop = library["workshop"]
    workshop.related_projects = [library["plastic"], library["vila"]]
    workshop.save_revision().publish()
    plastika = translate(library["plastic"], albanian, title="Plastika e çmuar")
    punetori = translate(workshop, albanian, title="Si të mbash një punëtori riciklimi")

    response = client.get(punetori.url)
    assert punetori.url.startswith("/sq/")
    related = response.context["related_projects"]
    assert [(project.title, project.locale_id) for project in related] == [
        ("Plastika e çmuar", albanian.pk),
        ("Vila 3", albanian.pk),
    ]
    page = html(response)
    assert f'<a href="{plastika.url}">Plastika e çmuar</a>' in page
    # Vila 3 is not translated yet: its Albanian page shows the English title, marked as English.
    vila = library["vila"].get_translation(albanian)
    assert f'<a href="{vila.url}" lang="en">Vila 3</a>' in page

    # And the Albanian project lists the Albanian resource.
    project_page = html(client.get(plastika.url))
    assert f'<a href="{punetori.url}">Si të mbash një punëtori riciklimi</a>' in project_page
    assert "Running a recycling workshop" not in project_page


def test_related_projects_fall_back_to_english_where_a_language_has_none(client, library):
    ensure_locales()
    synchronise_trees()
    albanian = Locale.objects.get(language_code="sq")
    # The projects have no Albanian pages at all (not even aliases).
    for project in ProjectPage.objects.filter(locale=albanian):
        project.delete()
    punetori = translate(library["workshop"], albanian, title="Punëtori riciklimi")
    response = client.get(punetori.url)
    assert [project.url for project in response.context["related_projects"]] == [library["plastic"].url]
    assert f'<a href="{library["plastic"].url}" lang="en">Precious Plastic</a>' in html(response)


# Search ----------------------------------------------------------------------------------


def test_site_search_finds_a_resource_by_a_word_of_its_body(client, library):
    response = client.get("/en/search/", {"q": "shredders"})
    assert response.status_code == 200
    assert [page.title for page in response.context["results"]] == ["Running a recycling workshop"]
    assert '<p class="card__meta">Resource</p>' in response.content.decode()


def test_site_search_finds_a_resource_by_its_summary(client, library):
    response = client.get("/en/search/", {"q": "gardening"})
    assert "Sustainable gardening" in [page.title for page in response.context["results"]]


# Queries -----------------------------------------------------------------------------------


def add_resources(index, count, themes, projects):
    for number in range(count):
        factories.make_resource(index, f"Extra {number:02}", topics=themes, related_projects=projects)


@pytest.mark.parametrize("query", [{}, {"topic": "environment"}])
def test_index_queries_do_not_grow_from_3_to_30_resources(client, library, query, django_assert_max_num_queries):
    index = library["index"]
    themes = list(library["themes"].values())
    projects = [library["plastic"], library["vila"]]

    client.get(index.url, query)
    small = count_queries(client, index.url, query)  # the fixture's 3 resources
    add_resources(index, 27, themes, projects)
    client.get(index.url, query)  # a publish: the first view reads the site again
    assert count_queries(client, index.url, query) == small
    with django_assert_max_num_queries(20):
        response = client.get(index.url, query)
    assert len(response.context["resources"]) == 12


# Tree rules and the admin ----------------------------------------------------------------------


class ResourceAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = factories.make_home()
        cls.project_index = factories.make_project_index(cls.home)
        cls.project = factories.make_project(cls.project_index, "Precious Plastic")
        cls.theme = factories.make_theme("recycling", "Recycling and circular design")
        cls.index = factories.make_resource_index(cls.home)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, {})
        self.assertCanCreateAt(HomePage, ResourceIndexPage)
        self.assertFalse(ResourceIndexPage.can_create_at(self.home))  # one per home page

    def test_can_create_a_resource_with_downloads_topics_and_projects(self):
        document = factories.make_document()
        self.assertCanCreate(
            self.index,
            ResourcePage,
            nested_form_data(
                {
                    "title": "Recycling workshop",
                    "slug": "recycling-workshop",
                    "summary": "How to run one.",
                    "kind": "tutorial",
                    "body": streamfield([("paragraph", rich_text("<p>Shred, melt, mould.</p>"))]),
                    "downloads": streamfield([("download", {"document": document.pk, "label": "Checklist"})]),
                }
            )
            # A multiple choice posts a list, not a nested form.
            | {"topics": [self.theme.pk], "related_projects": [self.project.pk]},
        )
        page = ResourcePage.objects.get(slug="recycling-workshop")
        self.assertEqual(list(page.topics.all()), [self.theme])
        self.assertEqual(list(page.related_projects.all()), [self.project])
        self.assertEqual(page.downloads[0].value["document"], document)

    def test_pages_render_and_preview(self):
        resource = factories.make_resource(self.index, "Guide", topics=[self.theme], related_projects=[self.project])
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsRenderable(resource)
        form_data = nested_form_data(
            {
                "title": "Guide",
                "slug": "guide",
                "summary": "A guide.",
                "kind": "guide",
                "body": streamfield([("paragraph", rich_text("<p>Step one.</p>"))]),
                "downloads": streamfield([]),
            }
        )
        self.assertPageIsPreviewable(resource, post_data=form_data | {"topics": [self.theme.pk]})
