"""The Albanian site is a real wagtail-localize translation of the English one.

Built by ``load_moci_content`` and ``translate_site`` (the command may already
call it): every English page and visible snippet has a ``Translation`` into
Albanian that is complete, the Albanian pages are real pages (not aliases)
with Albanian text, a second run changes nothing, and a changed English text
without a translation in the catalogue is refused.
"""

import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils.translation import override

from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree

from home.models import HomePage
from mocisite.models import Footer, NavigationMenu
from people.models import OrganisationPage, Skill
from principles.models import PrinciplesPage
from projects.models import Partner, ProjectPage, Theme
from seed import english
from seed.albanian import CATALOGUE
from seed.translation import (
    TOOL_NAME,
    MissingTranslations,
    missing_strings,
    source_strings,
    translate_site,
)

SEED_SENTENCE = "u inicua dhe u krijua nga një ekip pan-evropian"
ALBANIAN_PRINCIPLES = [
    "Bashkëkrijimi",
    "Transparenca",
    "Fleksibiliteti",
    "Dinamikat horizontale",
    "Diversiteti",
    "Ndërkulturaliteti",
    "Të mësuarit së bashku",
    "Hapësira për mirëkuptim",
    "Burime të hapura",
]


@pytest.fixture
def languages(settings):
    """English and Albanian as content languages, whether or not settings list Albanian yet."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if "sq" not in codes:
        settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("sq", "Shqip")]
    return settings


@pytest.fixture
def english_site(moci_content, db, languages, monkeypatch):
    monkeypatch.setenv("MOCI_ADMIN_PASSWORD", "a-long-test-password")
    sq, _ = Locale.objects.get_or_create(language_code="sq")
    return sq


def translate(sq):
    """What a deployment does: the command, then translate_site unless the command already did."""
    if not Translation.objects.filter(target_locale=sq).exists():
        translate_site(sq, CATALOGUE)


@pytest.fixture
def site(english_site):
    translate(english_site)
    return english_site


def reset_albanian_tree(sq, *, aliases):
    """An Albanian tree that is empty, or holds only wagtail-localize's alias pages."""
    for home in Page.objects.filter(locale=sq, depth=2):
        home.delete()
    assert not Page.objects.filter(locale=sq).exists()
    if aliases:
        synchronize_tree(Locale.get_default(), sq)
        english_pages = Page.objects.filter(locale=Locale.get_default(), depth__gt=1).count()
        assert Page.objects.filter(locale=sq, alias_of__isnull=False).count() == english_pages


def albanian(obj, sq):
    return obj.get_translation(sq)


def assert_complete_translation(obj, sq):
    """``obj`` (English) has a wagtail-localize Translation into Albanian, 100% translated."""
    translation = Translation.objects.get(source__object_id=obj.translation_key, target_locale=sq)
    assert translation.enabled
    source_instance = translation.source.get_source_instance()
    assert source_instance.pk == obj.pk and type(source_instance) is type(obj)
    total, done = translation.get_progress()
    assert total > 0 and done == total, f"{obj}: {done}/{total} segments translated"
    target = translation.get_target_instance()
    assert target.locale_id == sq.pk
    return target


def snapshot(sq):
    return {
        "pages": sorted(
            Page.objects.values_list("path", "title", "slug", "live", "alias_of_id", "latest_revision_id", "locale_id")
        ),
        "revisions": Revision.objects.count(),
        "page log entries": PageLogEntry.objects.count(),
        "string translations": sorted(StringTranslation.objects.values_list("pk", "data", "updated_at")),
        "translations": Translation.objects.count(),
        "sources": sorted(TranslationSource.objects.values_list("pk", "last_updated_at")),
        "translation logs": TranslationLog.objects.count(),
        "snippets": [
            sorted(model.objects.values_list("pk", "locale_id", *fields))
            for model, fields in [
                (Theme, ["name", "slug"]),
                (Skill, ["name", "slug"]),
                (Partner, ["name", "description"]),
                (NavigationMenu, ["title"]),
                (Footer, ["about", "acknowledgement"]),
            ]
        ],
    }


# The catalogue ----------------------------------------------------------------


def test_catalogue_covers_every_segment(english_site):
    assert missing_strings("sq", CATALOGUE, editor_translations=False) == []
    assert missing_strings("sq", CATALOGUE) == []


def test_catalogue_has_no_unused_entries(english_site):
    """Every entry translates a string of the site (so an outdated one is noticed)."""
    assert sorted(set(CATALOGUE) - set(source_strings())) == []


def test_a_string_missing_from_the_catalogue_is_named(english_site):
    # The command has translated everything already: start from no Albanian strings at all.
    StringTranslation.objects.filter(locale=english_site).delete()
    partial = dict(CATALOGUE)
    del partial["Who we are"]
    assert missing_strings("sq", partial, editor_translations=False) == ["Who we are"]
    before = snapshot(english_site)
    with pytest.raises(MissingTranslations) as error:
        translate_site("sq", partial)
    assert error.value.strings == ["Who we are"]
    assert "Who we are" in str(error.value)
    assert snapshot(english_site) == before  # nothing written


# The Albanian site ----------------------------------------------------------------


@pytest.mark.parametrize("aliases", [True, False], ids=["alias tree", "empty tree"])
def test_every_page_and_snippet_is_translated(english_site, aliases):
    sq = english_site
    reset_albanian_tree(sq, aliases=aliases)
    translate_site(sq, CATALOGUE)
    english_pages = Page.objects.filter(locale=Locale.get_default(), depth__gt=1).live().specific()
    assert len(english_pages) == 20  # with the hub page and its one workshop
    for page in english_pages:
        target = assert_complete_translation(page, sq)
        assert target.alias_of_id is None, f"{target} is still an alias"
        assert target.live and not target.has_unpublished_changes
        if page.depth > 2:
            assert target.get_parent().locale_id == sq.pk
        expected_slug = f"{page.slug}-sq" if page.depth == 2 else page.slug
        assert target.slug == expected_slug
    for model in (Theme, Skill, Partner, NavigationMenu, Footer):
        for obj in model.objects.filter(locale=Locale.get_default()):
            assert_complete_translation(obj, sq)
    assert Page.objects.filter(locale=sq).count() == len(english_pages)


def test_albanian_home_page(site):
    english_home = HomePage.objects.get(locale=Locale.get_default())
    home = assert_complete_translation(english_home, site)
    assert home.alias_of_id is None
    assert home.hero_title == "Ndërtues komunitetesh që punojnë së bashku për shoqëri të drejta dhe të barabarta"
    assert home.hero_link_text == "Shiko projektet tona"
    paragraph = next(block for block in home.body if block.block_type == "paragraph")
    assert SEED_SENTENCE in paragraph.value.source
    assert "MOCI kërkon të mbështesë format e qëndrueshme dhe hibride" in paragraph.value.source
    # Links to pages follow the visitor's language.
    with override("sq"):
        assert home.hero_link.localized.title == "Projektet"


def test_albanian_principles(site):
    english_page = PrinciplesPage.objects.get(locale=Locale.get_default())
    page = assert_complete_translation(english_page, site)
    assert page.title == "Parimet tona"
    assert [block.value["title"] for block in page.principles] == ALBANIAN_PRINCIPLES
    english_texts = {text for _title, text in english.PRINCIPLES_PAGE["principles"]}
    assert all(block.value["text"] not in english_texts for block in page.principles)
    # The link to the people directory kept its target through translation.
    assert 'linktype="page"' in page.what_we_do
    assert "Hidhi një sy komunitetit MOCI" in page.what_we_do


def test_albanian_project_page(site):
    english_page = ProjectPage.objects.get(
        locale=Locale.get_default(), slug="rrogozhina-environmental-monitoring-youth"
    )
    page = assert_complete_translation(english_page, site)
    assert page.title == "Të rinjtë e Rrogozhinës monitorojnë mjedisin"
    assert page.url_path.endswith("/projects/rrogozhina-environmental-monitoring-youth/")
    assert page.place_name == "Rrogozhinë"
    # Partners chosen in the StreamField are the Albanian snippets.
    with override("sq"):
        partners = page.partners_by_role()
        assert [p.name for p in partners["funder"]] == ["UNDP Shqipëri"]
        assert [p.name for p in partners["partner"]] == ["Bashkia Rrogozhinë"]
    assert {block.value["partner"].locale_id for block in page.partners} == {site.pk}
    # Themes are synchronised (the English terms) and named in Albanian.
    assert sorted(t.slug for t in page.themes.all()) == ["environment", "youth"]
    assert sorted(t.name for t in page.get_themes()) == ["Mjedisi", "Pjesëmarrja rinore"]


def test_an_untranslated_theme_on_an_albanian_page_is_marked_english(site, client):
    english_page = ProjectPage.objects.get(
        locale=Locale.get_default(), slug="rrogozhina-environmental-monitoring-youth"
    )
    page = albanian(english_page, site)
    html = client.get(page.url).content.decode()
    assert re.search(r'<li><a href="[^"]*\?theme=youth">Pjesëmarrja rinore</a></li>', html)
    Theme.objects.filter(locale=site, slug="youth").delete()
    html = client.get(page.url).content.decode()
    assert re.search(r'<li lang="en"><a href="[^"]*\?theme=youth">Youth participation</a></li>', html)


def test_albanian_organisation_page(site):
    english_page = OrganisationPage.objects.get(locale=Locale.get_default(), slug="hapesire-kulturore-uzina")
    page = assert_complete_translation(english_page, site)
    assert page.title == "Hapesire Kulturore Uzina"  # the name it writes itself
    assert page.role == "Hapësirë kulturore"
    assert [block.value for block in page.challenges] == [
        "Tiranës dhe Shqipërisë u mungojnë hapësirat qytetare dhe kulturore."
    ]
    assert sorted(skill.slug for skill in page.skills.all()) == ["community-building", "running-a-cultural-space"]


def test_albanian_snippets(site):
    source = Locale.get_default()
    for model, items in ((Theme, english.THEMES), (Skill, english.SKILLS)):
        for slug, name in items:
            translated = model.objects.get(locale=site, slug=slug)
            assert translated.name == CATALOGUE[name]
    names = set(Partner.objects.filter(locale=site).values_list("name", flat=True))
    assert {"UNDP Shqipëri", "Bashkia Rrogozhinë", "European Cultural Foundation"} <= names
    footer = assert_complete_translation(Footer.objects.get(locale=source), site)
    assert "Faza pilot e MOCI Ballkan" in footer.acknowledgement
    assert 'href="https://culturalfoundation.eu/"' in footer.acknowledgement
    assert footer.about.startswith("MOCI – Mobile Open Culture and Innovation është një rrjet")
    menu = assert_complete_translation(NavigationMenu.objects.get(locale=source), site)
    with override("sq"):
        assert NavigationMenu.current().pk == menu.pk
        assert [item.value.text() for item in menu.items] == [
            "Parimet tona",
            "Projektet",
            "Hubi",
            "Burime",
            "Njerëz dhe organizata",
            "Harta e komunitetit",
        ]


def test_albanian_pages_respect_field_limits(site):
    """What an editor could not save in the admin must not come from the catalogue either."""
    for page in Page.objects.filter(locale=site, depth__gt=1).specific():
        page.full_clean()
        for field in page._meta.concrete_fields:
            value = getattr(page, field.attname)
            if isinstance(field, models.TextField) and field.max_length and value:
                assert len(value) <= field.max_length, f"{page} {field.name}: {len(value)} > {field.max_length}"
            if isinstance(field, StreamField):
                field.stream_block.clean(value)


def test_albanian_pages_render(site, client):
    for page in Page.objects.filter(locale=site, depth__gt=1).live().specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    home = HomePage.objects.get(locale=site)
    html = client.get(home.url).content.decode()
    assert SEED_SENTENCE in html
    vila = ProjectPage.objects.get(locale=site, slug="vila-3")
    html = client.get(vila.url).content.decode()
    assert "Vila 3 – Hapësirë kulturore dhe sociale" in html
    assert "Kultura dhe artet" in html


def test_translators_see_it_complete_in_the_editor(site, client):
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    page = ProjectPage.objects.get(locale=site, slug="vila-3")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    props = json.loads(response.context["props"])
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=site)
    segments = StringSegment.objects.filter(source=translation.source).count()
    assert len(props["initialStringTranslations"]) == segments


# Running again, and changes ----------------------------------------------------


def test_running_twice_changes_nothing(site):
    before = snapshot(site)
    assert not translate_site("sq", CATALOGUE)
    assert snapshot(site) == before
    call_command("load_moci_content", verbosity=0, no_admin=True)
    translate_site("sq", CATALOGUE)
    assert snapshot(site) == before


def test_a_changed_english_text_is_translated_again(site):
    english_page = ProjectPage.objects.get(locale=Locale.get_default(), slug="shullaz-mushroom-bunkers")
    sq_page = albanian(english_page, site)
    revisions = Revision.objects.count()
    new_text = "Growing oyster mushrooms in the old bunkers of Shullaz."
    english_page.summary = new_text
    english_page.save_revision().publish()

    assert missing_strings("sq", CATALOGUE) == [new_text]
    with pytest.raises(MissingTranslations) as error:
        translate_site("sq", CATALOGUE)
    assert error.value.strings == [new_text]
    sq_page.refresh_from_db()
    assert sq_page.summary == CATALOGUE["Growing mushrooms in the bunkers of Shullaz."]

    revisions += 1  # the English publication
    catalogue = {**CATALOGUE, new_text: "Kultivimi i kërpudhave gocë në bunkerët e vjetër të Shullazit."}
    report = translate_site("sq", catalogue)
    assert report["pages saved"] == 1 and report["snippets saved"] == 0
    sq_page.refresh_from_db()
    assert sq_page.summary == catalogue[new_text]
    assert sq_page.live and not sq_page.has_unpublished_changes
    assert Revision.objects.count() == revisions + 1
    assert_complete_translation(english_page, site)
    assert not translate_site("sq", catalogue)


def test_a_translators_edit_is_kept(site):
    """A string changed in the wagtail-localize editor is not overwritten by the catalogue."""
    admin = get_user_model().objects.get(username="admin")
    english_page = ProjectPage.objects.get(locale=Locale.get_default(), slug="vila-3")
    source = TranslationSource.objects.get_for_instance(english_page)
    segment = StringSegment.objects.get(source=source, context__path="summary")
    string_translation = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=site
    )
    assert string_translation.tool_name == TOOL_NAME
    # What the editor stores (views/edit_translation.py, edit_string_translation).
    string_translation.data = "Një vilë e vjetër në Tiranë, sot qendër kulturore e hapur."
    string_translation.tool_name = ""
    string_translation.last_translated_by = admin
    string_translation.save()

    assert "strings written" not in translate_site("sq", CATALOGUE)
    string_translation.refresh_from_db()
    assert string_translation.data == "Një vilë e vjetër në Tiranë, sot qendër kulturore e hapur."
