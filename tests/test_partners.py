"""Partners link to their profiles, and profiles list the projects they work on."""

import importlib

import pytest

from django.apps import apps
from django.core.exceptions import ValidationError

from wagtail.models import Locale, PageViewRestriction

from mocisite.languages import ensure_locales, synchronise_trees
from projects.models import Partner
from tests import factories

pytestmark = pytest.mark.django_db


def partner(name, profile=None, **fields):
    return Partner.objects.create(locale=Locale.get_default(), name=name, profile=profile, **fields)


def project_with(index, title, *partners, role="partner"):
    blocks = [("partner", {"partner": p, "role": role}) for p in partners]
    return factories.make_project(index, title, partners=blocks)


@pytest.fixture
def network(home):
    index = factories.make_project_index(home)
    people = factories.make_people_index(home)
    uzina = factories.make_organisation(people, "Uzina")
    arta = factories.make_person(people, "Arta")
    partners = {
        "uzina": partner("Hapesire Kulturore Uzina", uzina, website="https://uzina.example/"),
        "arta": partner("Arta Studio", arta),
        "ecf": partner("European Cultural Foundation", website="https://culturalfoundation.eu/"),
        "town": partner("Municipality of Rrogozhina"),
    }
    vila = project_with(index, "Vila 3", partners["uzina"], partners["ecf"], partners["town"])
    bunkers = project_with(index, "Shullaz bunkers", partners["arta"], role="funder")
    plastic = project_with(index, "Precious Plastic", partners["uzina"])
    other = project_with(index, "Elsewhere", partners["ecf"])
    ensure_locales()
    synchronise_trees()
    return {"uzina": uzina, "arta": arta, "vila": vila, "bunkers": bunkers, "plastic": plastic, "other": other}


def test_a_partner_with_a_profile_links_to_it_in_the_visitors_language(client, network):
    html = client.get(network["vila"].url).content.decode()
    assert f'<a href="{network["uzina"].url}">Hapesire Kulturore Uzina</a>' in html
    assert '<a href="https://culturalfoundation.eu/" rel="noopener">European Cultural Foundation</a>' in html
    assert "<li>Municipality of Rrogozhina</li>" in html
    albanian = Locale.objects.get(language_code="sq")
    html = client.get(network["vila"].get_translation(albanian).url).content.decode()
    assert f'<a href="{network["uzina"].get_translation(albanian).url}">Hapesire Kulturore Uzina</a>' in html
    # A funder with a profile (here a person's) links to it too.
    html = client.get(network["bunkers"].url).content.decode()
    assert f'<a href="{network["arta"].url}">Arta Studio</a>' in html


def test_a_partner_whose_profile_is_not_public_links_to_its_website(client, network):
    PageViewRestriction.objects.create(page=network["uzina"], restriction_type="password", password="x")
    html = client.get(network["vila"].url).content.decode()
    assert '<a href="https://uzina.example/" rel="noopener">Hapesire Kulturore Uzina</a>' in html
    assert network["uzina"].url not in html


def projects_listed(client, page):
    html = client.get(page.url).content.decode()
    if 'id="projects-heading"' not in html:
        return []
    section = html.split('id="projects-heading"')[1].split("</section>")[0]
    return [title for title in ("Vila 3", "Shullaz bunkers", "Precious Plastic", "Elsewhere") if title in section]


def test_a_profile_lists_the_projects_it_works_on(client, network):
    assert projects_listed(client, network["uzina"]) == ["Vila 3", "Precious Plastic"]
    assert projects_listed(client, network["arta"]) == ["Shullaz bunkers"]
    html = client.get(network["uzina"].url).content.decode()
    assert f'<a href="{network["vila"].url}">Vila 3</a>' in html
    # In the visitor's language: the Albanian profile links the Albanian projects.
    albanian = Locale.objects.get(language_code="sq")
    html = client.get(network["uzina"].get_translation(albanian).url).content.decode()
    assert f'<a href="{network["vila"].get_translation(albanian).url}">Vila 3</a>' in html
    assert network["vila"].url not in html


def test_a_profile_lists_only_live_public_projects(client, network):
    network["plastic"].unpublish()
    PageViewRestriction.objects.create(page=network["vila"], restriction_type="password", password="x")
    assert projects_listed(client, network["uzina"]) == []


def test_a_profile_without_partners_lists_no_projects(client, network, home):
    people = network["uzina"].get_parent()
    alone = factories.make_organisation(people, "Alone")
    assert projects_listed(client, alone) == []


def test_a_partners_profile_must_be_a_profile_page(network):
    wrong = partner("Wrong", network["vila"])
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert "profile" in error.value.message_dict
    partner("Right", network["uzina"]).full_clean()


def test_the_migration_links_partners_to_the_organisation_of_the_same_name(network):
    """Existing partners are linked to the member organisation the map matched by name."""
    albanian = Locale.objects.get(language_code="sq")
    Partner.objects.update(profile=None)
    uzina = Partner.objects.get(name="Hapesire Kulturore Uzina")
    translated = uzina.copy_for_translation(albanian)
    translated.profile = None
    translated.save()
    factories.make_organisation(network["uzina"].get_parent(), "Hapesire Kulturore Uzina", slug="uzina-2")
    migration = importlib.import_module("projects.migrations.0003_partner_profile")
    network["uzina"].title = "Hapesire kulturore UZINA"
    network["uzina"].save()
    migration.link_profiles(apps, None)
    profiles = set(Partner.objects.filter(translation_key=uzina.translation_key).values_list("profile_id", flat=True))
    assert profiles == {network["uzina"].pk}
    assert Partner.objects.get(name="European Cultural Foundation").profile_id is None
