"""The MOCI content command builds the whole site, and running it again changes nothing."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Locale, Page, Revision, Site

from mocisite.models import Footer, NavigationMenu
from people.models import OrganisationPage
from principles.models import PrinciplesPage
from projects.models import Partner, ProjectPage
from resources.models import ResourceIndexPage, ResourcePage
from seed import english
from seed.resources import ALBANIAN, RESOURCE_INDEX, RESOURCES

SEED_PROJECTS = [
    "Precious Plastic Albania",
    "Vila 3 – Cultural and Social Space",
    "Rrogozhina Environmental Monitoring Youth",
    "Shullaz mushroom bunkers",
    "Skills for Resilient Communities",
    "Permaculture in Pellumbas",
    "Medicinal and Aromatic Plants value chain",
]


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "partners": Partner.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "footers": Footer.objects.count(),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture
def loaded(moci_content, db, monkeypatch):
    # Later runs of the command in a test read the same password.
    monkeypatch.setenv("MOCI_ADMIN_PASSWORD", "a-long-test-password")


def test_builds_the_site_tree(loaded):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert home.url == "/en/"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    principles = PrinciplesPage.objects.live().get(locale=home.locale)
    assert len(principles.principles) == 9
    assert principles.principles[0].value["title"] == "Co-creation"
    assert "How do we function" not in principles.how_we_function  # heading is the template's
    english = ProjectPage.objects.live().filter(locale=home.locale)
    assert sorted(english.values_list("title", flat=True)) == sorted(SEED_PROJECTS)
    assert OrganisationPage.objects.live().filter(title="Hapesire Kulturore Uzina", locale=home.locale).exists()


def test_partners_and_funders_are_named(loaded):
    names = set(Partner.objects.values_list("name", flat=True))
    for name in (
        "European Cultural Foundation",
        "European Network of Cultural Centres",
        "UNDP Albania",
        "GIZ",
    ):
        assert name in names
    pellumbas = ProjectPage.objects.get(slug="permaculture-in-pellumbas", locale__language_code="en")
    assert [p.name for p in pellumbas.partners_by_role()["funder"]] == ["Robert Bosch Foundation"]
    footer = Footer.current()
    assert "Culture of Solidarity" in footer.acknowledgement
    assert "Seeds of Sustainability" in footer.acknowledgement


def test_running_twice_changes_nothing(loaded):
    before = snapshot()
    call_command("load_moci_content", verbosity=0)
    assert snapshot() == before


def test_editors_changes_survive_a_second_run(loaded):
    english_vila = ProjectPage.objects.filter(slug="vila-3", locale__language_code="en")
    project = english_vila.get()
    project.summary = "Edited by the secretariat."
    project.save_revision().publish()
    call_command("load_moci_content", verbosity=0)
    assert english_vila.get().summary == "Edited by the secretariat."
    call_command("load_moci_content", "--update", verbosity=0)
    assert english_vila.get().summary == next(p["summary"] for p in english.PROJECTS if p["slug"] == "vila-3")


def test_admin_user_gets_the_configured_password(loaded, client):
    assert client.login(username="admin", password="a-long-test-password")


def test_every_seeded_page_renders(loaded, client):
    for page in Page.objects.live().filter(depth__gt=1):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    home_html = client.get("/en/").content.decode()
    for title in ("Our principles", "Projects", "People and organisations"):
        assert f">{title}</a>" in home_html  # the navigation
    assert "European Cultural Foundation" in home_html  # the footer
    featured = [project.slug for project in client.get("/en/").context["featured_projects"]]
    assert featured == english.FEATURED_PROJECTS


def test_partners_that_are_members_link_to_their_profiles_and_back(loaded, client):
    """Vila 3's partner Hapesire Kulturore Uzina is a member organisation: the
    project links to its profile, in each language, and the profile lists Vila 3."""
    uzina = OrganisationPage.objects.get(slug="hapesire-kulturore-uzina", locale__language_code="en")
    assert {partner.profile_id for partner in Partner.objects.filter(name="Hapesire Kulturore Uzina")} == {uzina.pk}
    for code in ("en", "sq", "de"):
        vila = ProjectPage.objects.get(slug="vila-3", locale__language_code=code)
        profile = uzina.get_translation(vila.locale)
        html = client.get(vila.url).content.decode()
        assert f'<a href="{profile.url}">Hapesire Kulturore Uzina</a>' in html, code
        assert f'<a href="{vila.url}">{vila.title}</a>' in client.get(profile.url).content.decode(), code


def test_the_hub_has_the_one_workshop_series_the_texts_name(loaded, client):
    from hub.models import HubPage, WorkshopPage

    hub = HubPage.objects.get(locale__language_code="en")
    assert hub.title == "The hub on the road"
    workshops = WorkshopPage.objects.filter(locale__language_code="en")
    assert [page.slug for page in workshops] == ["permaculture-in-pellumbas"]
    workshop = workshops.get()
    assert (workshop.date_precision, workshop.start_date.year) == ("season", 2020)
    assert workshop.host.slug == "iac-berlin"
    assert [page.slug for page in workshop.related_projects.all()] == ["permaculture-in-pellumbas"]
    response = client.get(hub.url)
    assert response.status_code == 200
    assert b"Autumn 2020" in response.content
    assert b"No dates announced yet" in response.content


def page_html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_content_command_seeds_the_resources(loaded, client):
    index = ResourceIndexPage.objects.live().get(locale=Locale.get_default())
    assert index.slug == RESOURCE_INDEX["slug"] == "resources"
    seeded = ResourcePage.objects.live().child_of(index)
    assert sorted(seeded.values_list("title", flat=True)) == sorted(data["title"] for data in RESOURCES)
    for data in RESOURCES:
        resource = seeded.get(slug=data["slug"])
        assert sorted(resource.topics.values_list("slug", flat=True)) == sorted(data["topics"])
        assert sorted(resource.related_projects.values_list("slug", flat=True)) == sorted(data["projects"])
        for slug in data["projects"]:
            project = ProjectPage.objects.get(slug=slug, locale=index.locale)
            assert resource.title in page_html(client.get(project.url))
    assert page_html(client.get("/en/resources/")).count('class="card card--resource"') == len(RESOURCES)
    albanian = ResourcePage.objects.live().filter(locale__language_code="sq", alias_of__isnull=True)
    assert sorted(albanian.values_list("title", flat=True)) == sorted(ALBANIAN[data["title"]] for data in RESOURCES)
    assert (
        Page.objects.get(url_path__endswith="/resources/", locale__language_code="sq").title
        == ALBANIAN[RESOURCE_INDEX["title"]]
    )


def test_the_menu_leads_to_the_hub_in_every_language(loaded, client, settings):
    """The seeded main menu has the hub page between the projects and the resources,
    in each language's own version of it (an alias until translated)."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        html = client.get(f"/{code.lower()}/").content.decode()
        menu = html[html.index('<nav class="main-menu"') : html.index("</nav>", html.index('<nav class="main-menu"'))]
        links = re.findall(r'href="([^"]+)"', menu)
        assert f"/{code.lower()}/hub/" in links, (code, links)
        assert links.index(f"/{code.lower()}/hub/") == 2, (code, links)
