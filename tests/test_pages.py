"""Tree rules, creation through the admin forms, rendering and previews of every page type."""

import pytest

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from hub.models import HubPage
from mocisite.pages import MociPage
from people.models import CommunityMapPage, OrganisationPage, PeopleIndexPage, PersonPage
from principles.models import PrinciplesPage
from projects.models import ProjectIndexPage, ProjectPage
from resources.models import ResourceIndexPage
from tests import factories
from tests.factories import project_form_data


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {PrinciplesPage, ProjectIndexPage, PeopleIndexPage, CommunityMapPage, ResourceIndexPage, HubPage},
        )

    def test_principles(self):
        self.assertAllowedParentPageTypes(PrinciplesPage, {HomePage})
        self.assertAllowedSubpageTypes(PrinciplesPage, {})

    def test_projects(self):
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, {})

    def test_people(self):
        self.assertAllowedParentPageTypes(PeopleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PeopleIndexPage, {PersonPage, OrganisationPage})
        for model in (PersonPage, OrganisationPage):
            self.assertAllowedParentPageTypes(model, {PeopleIndexPage})
            self.assertAllowedSubpageTypes(model, {})


def test_every_page_model_is_a_moci_page():
    """Every page type, including one added later, has what MociPage gives (its
    address follows its translated title; view restrictions are remembered),
    and MociPage itself is no page type an editor can create."""
    models = [model for model in get_page_models() if model is not Page]
    assert len(models) >= 10
    assert [model.__name__ for model in models if not issubclass(model, MociPage)] == []
    assert MociPage not in get_page_models()
    assert not MociPage.is_creatable


class CreateFromAdminTests(WagtailPageTestCase):
    """Each page type can be created from the data the admin form posts."""

    @classmethod
    def setUpTestData(cls):
        cls.home = factories.make_home()
        cls.project_index = factories.make_project_index(cls.home)
        cls.people_index = factories.make_people_index(cls.home)
        cls.theme = factories.make_theme()
        cls.skill = factories.make_skill()

    def setUp(self):
        self.login()

    def test_can_create_principles_page(self):
        self.assertCanCreate(
            self.home,
            PrinciplesPage,
            nested_form_data(
                {
                    "title": "Principles",
                    "slug": "our-principles",
                    "introduction": rich_text("<p>We believe that:</p>"),
                    "principles": streamfield(
                        [
                            ("principle", {"title": "Co-creation", "text": "Co-creation matters."}),
                            ("principle", {"title": "Transparency", "text": "Transparency builds trust."}),
                        ]
                    ),
                    "how_we_function": rich_text("<p>Lean structure.</p>"),
                    "what_we_do": rich_text("<p>Mobility and exchange.</p>"),
                    "body": streamfield([]),
                }
            ),
        )
        page = PrinciplesPage.objects.get(slug="our-principles")
        self.assertEqual([block.value["title"] for block in page.principles], ["Co-creation", "Transparency"])

    def test_can_create_project_page_with_every_story_block(self):
        image = factories.make_image()
        body = streamfield(
            [
                ("heading", {"text": "How it started", "level": "h2"}),
                ("paragraph", rich_text("<p>Plastic from the streets of Tirana.</p>")),
                (
                    "image",
                    {
                        "image": {"image": image.pk, "alt_text": "A shredder", "decorative": ""},
                        "caption": "Cap",
                    },
                ),
                ("quote", {"text": "Waste is a resource.", "attribution": "A maker"}),
                ("embed", "https://video.example/moci"),
                (
                    "call_to_action",
                    {
                        "title": "Join",
                        "text": "Come along.",
                        "link": {"label": "", "page": self.home.pk, "url": ""},
                    },
                ),
            ]
        )
        data = project_form_data(
            "Precious Plastic",
            body=body,
            status="ongoing",
            start_date="2021-03-01",
            end_date="",
            place_name="Tirana",
            country="AL",
        )
        data["themes"] = [self.theme.pk]  # a multiple choice posts a list, not a nested form
        self.assertCanCreate(self.project_index, ProjectPage, data)
        page = ProjectPage.objects.get(slug="precious-plastic")
        self.assertEqual(
            [block.block_type for block in page.body],
            ["heading", "paragraph", "image", "quote", "embed", "call_to_action"],
        )
        self.assertEqual(list(page.themes.all()), [self.theme])

    def test_end_before_start_is_a_form_error_and_saves_nothing(self):
        data = project_form_data("Backwards", start_date="2022-05-01", end_date="2021-05-01")
        url = f"/admin/pages/add/projects/projectpage/{self.project_index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The end date cannot be before the start date.")
        self.assertFalse(ProjectPage.objects.filter(slug="backwards").exists())

    def post_call_to_action(self, link):
        data = project_form_data(
            "Bad link", body=streamfield([("call_to_action", {"title": "Go", "text": "", "link": link})])
        )
        return self.client.post(f"/admin/pages/add/projects/projectpage/{self.project_index.pk}/", data)

    def test_call_to_action_needs_exactly_one_target(self):
        """Neither a page nor an address, or both: refused with the reason, and nothing saved."""
        neither = {"label": "x", "page": "", "url": ""}
        both = {"label": "x", "page": self.project_index.pk, "url": "https://example.org/"}
        for link in (neither, both):
            response = self.post_call_to_action(link)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "Choose a page or enter an address, not both.")
            self.assertFalse(ProjectPage.objects.filter(slug="bad-link").exists())
        # One target is accepted: the test above fails for the reason it names.
        response = self.post_call_to_action({"label": "x", "page": "", "url": "https://example.org/"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ProjectPage.objects.filter(slug="bad-link").exists())

    def test_can_create_people(self):
        fields = {
            "title": "Uzina",
            "slug": "uzina",
            "role": "Cultural space",
            "bio": "Runs a space in Tirana.",
            "place_name": "Tirana",
            "country": "AL",
            "challenges": streamfield([("challenge", "Too few spaces.")]),
            "links": streamfield([("link", {"label": "Website", "url": "https://uzina.example/"})]),
        }
        data = nested_form_data(fields)
        data["skills"] = [self.skill.pk]
        self.assertCanCreate(self.people_index, OrganisationPage, data)
        organisation = OrganisationPage.objects.get(slug="uzina")
        self.assertEqual(list(organisation.skills.all()), [self.skill])
        data = nested_form_data({**fields, "title": "Arta", "slug": "arta", "organisation": organisation.pk})
        data["needs"] = [self.skill.pk]
        self.assertCanCreate(self.people_index, PersonPage, data)
        person = PersonPage.objects.get(slug="arta")
        self.assertEqual(person.organisation, organisation)
        self.assertEqual(list(person.needs.all()), [self.skill])

    def test_indexes_are_one_per_home(self):
        self.assertFalse(ProjectIndexPage.can_create_at(self.home))
        self.assertFalse(PeopleIndexPage.can_create_at(self.home))
        self.assertTrue(PrinciplesPage.can_create_at(self.home))


@pytest.mark.parametrize("key", ["home", "index", "project", "people", "organisation", "person", "principles"])
def test_every_page_type_renders_with_metadata(client, full_tree, key):
    page = full_tree[key]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert f'<link rel="canonical" href="{page.full_url}">' in html
    assert '<meta name="description" content="' in html
    assert 'content=""' not in html.split('<meta name="description"')[1].split(">")[0]
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert "<h1" in html
    if page.depth > 2:
        assert 'aria-label="Breadcrumbs"' in html


def test_every_page_type_is_editable_and_previewable(admin_client, full_tree):
    for page in full_tree.values():
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
        assert response.status_code == 200, page


@pytest.mark.parametrize("model", ["mocisite/navigationmenu", "mocisite/footer", "projects/theme", "projects/partner"])
def test_snippet_admin_views(admin_client, home, model):
    assert admin_client.get(f"/admin/snippets/{model}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/{model}/add/").status_code == 200


def test_project_page_shows_facts_and_links_back(client, full_tree):
    html = client.get(full_tree["project"].url).content.decode()
    assert "Tirana, Albania" in html
    assert "Shredders and moulds." in html
    assert "?theme=environment" in html
    assert "<picture" in html and "image/avif" in html


def test_profiles_show_skills_needs_and_affiliation(client, full_tree):
    person_html = client.get(full_tree["person"].url).content.decode()
    assert full_tree["organisation"].url in person_html
    assert "Permaculture" in person_html
    organisation_html = client.get(full_tree["organisation"].url).content.decode()
    assert full_tree["person"].url in organisation_html  # listed as a member


def test_unknown_page_is_a_404_with_the_site_template(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_root_redirects_to_language_prefix(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_favicon_and_robots(client, db):
    assert client.get("/favicon.ico").status_code == 301
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap:" in robots


def test_health_answers_when_the_database_does(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


def test_health_is_503_when_the_database_is_down(client, db, monkeypatch):
    from django.db import DatabaseError

    class DownConnection:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr("mocisite.views.connection", DownConnection())
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable"}


def test_duplicate_theme_slug_is_a_form_error(admin_client, home):
    from projects.models import Theme

    factories.make_theme("environment", "Environment")
    response = admin_client.post("/admin/snippets/projects/theme/add/", {"name": "Nature", "slug": "environment"})
    assert response.status_code == 200
    assert "already used in this language" in response.content.decode()
    assert Theme.objects.filter(slug="environment").count() == 1
