"""Search in the visitor's language, with that language's PostgreSQL text-search configuration.

The PostgreSQL tests skip on SQLite, except in CI with a PostgreSQL DATABASE_URL,
where a skip would hide a broken setup: there they run (and fail if they must).
"""

import importlib
import os

import pytest

from django.conf import settings
from django.db import connection

from modelsearch.conf import get_app_config
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from mocisite.search import FALLBACK_CONFIG, LANGUAGE_CONFIGS, config_for_language
from projects.models import ProjectPage
from tests import factories

ON_POSTGRES = connection.vendor == "postgresql"
POSTGRES_REQUIRED = os.environ.get("CI") == "true" and os.environ.get("DATABASE_URL", "").startswith("postgres")
postgres_only = pytest.mark.skipif(
    not ON_POSTGRES and not POSTGRES_REQUIRED,
    reason="needs PostgreSQL (text-search configurations): run with DATABASE_URL=postgres://…",
)

CONFIGURATIONS = ["moci_simple_unaccent", "moci_english", "moci_german", "moci_serbian"]


def translate(page, locale, **fields):
    """The page's copy in ``locale`` with ``fields`` changed, published."""
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    return factories.publish(copy)


@pytest.fixture
def english_project(project_index):
    return factories.make_project(
        project_index,
        "Carpentry workshop",
        summary="Benches for the neighbourhood.",
        body=[("paragraph", "<p>A workshop in one of the Shtëpitë e Kulturës.</p>")],
    )


@pytest.fixture
def albanian_index(project_index):
    sq = Locale.objects.get_or_create(language_code="sq")[0]
    translate(project_index.get_parent().specific, sq)
    return translate(project_index, sq, title="Projektet")


@pytest.fixture
def albanian_project(albanian_index, english_project):
    return translate(
        english_project,
        albanian_index.locale,
        title="Punëtori zdrukthtarie",
        summary="Stola për lagjen.",
        body=[("paragraph", "<p>Shtëpitë e vjetra marrin jetë të re.</p>")],
    )


def titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_every_site_language_has_a_configuration():
    for code, _name in settings.LANGUAGES:
        assert code in LANGUAGE_CONFIGS or code.split("-")[0] in LANGUAGE_CONFIGS, code
    assert config_for_language("sr-latn") == "moci_serbian"
    assert config_for_language("sq") == "moci_simple_unaccent"
    assert config_for_language("fr") == FALLBACK_CONFIG


def test_search_in_the_active_language_finds_its_pages_only(client, albanian_project, english_project):
    """Any database: the search runs in the visitor's language and stays in it."""
    assert titles(client, "sq", "shtëpitë") == ["Punëtori zdrukthtarie"]
    assert titles(client, "en", "carpentry") == ["Carpentry workshop"]
    assert titles(client, "sq", "carpentry") == []


@postgres_only
def test_migration_created_unaccent_and_the_configurations(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        assert cursor.fetchone(), "unaccent extension missing"
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = ANY(%s)", [CONFIGURATIONS])
        assert sorted(row[0] for row in cursor.fetchall()) == sorted(CONFIGURATIONS)
        cursor.execute("SELECT to_tsvector('moci_simple_unaccent', 'Shtëpitë')::text")
        assert cursor.fetchone()[0] == "'shtepite':1"


@postgres_only
def test_migration_is_reversible(db):
    migration = importlib.import_module("mocisite.migrations.0002_search_configurations")

    def existing():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_ts_config WHERE cfgname = ANY(%s)", [CONFIGURATIONS])
            return cursor.fetchone()[0]

    with connection.schema_editor() as editor:
        migration.drop_configurations(None, editor)
    assert existing() == 0
    with connection.schema_editor() as editor:
        migration.create_configurations(None, editor)
    assert existing() == len(CONFIGURATIONS)


@postgres_only
def test_albanian_search_ignores_accents(client, albanian_project):
    for query in ["shtepite", "shtëpitë", "Shtëpitë", "SHTEPITE", "punetori"]:
        assert titles(client, "sq", query) == ["Punëtori zdrukthtarie"], query


@postgres_only
def test_albanian_search_does_not_find_english_pages(client, albanian_project, english_project):
    # The English page has the same word, and its own stemmed index.
    assert titles(client, "sq", "shtepite") == ["Punëtori zdrukthtarie"]
    assert titles(client, "sq", "workshop") == []
    assert "Punëtori zdrukthtarie" not in titles(client, "en", "shtëpitë")


@postgres_only
def test_english_search_still_stems_and_ignores_accents(client, albanian_project, english_project):
    assert titles(client, "en", "workshops") == ["Carpentry workshop"]
    assert titles(client, "en", "neighbourhoods") == ["Carpentry workshop"]
    assert titles(client, "en", "kulturës") == ["Carpentry workshop"]
    assert titles(client, "en", "kultures") == ["Carpentry workshop"]


@postgres_only
def test_pages_are_indexed_with_their_languages_configuration(albanian_project, english_project):
    table = get_app_config().get_model("IndexEntry")._meta.db_table

    def body_vector(page):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT body::text FROM {table} WHERE object_id = %s AND content_type_id = %s",  # noqa: S608
                [str(page.pk), page.content_type_id],
            )
            return cursor.fetchone()[0]

    assert "'shtepite'" in body_vector(albanian_project)  # unaccented, not stemmed
    assert "'workshop'" in body_vector(english_project)  # English stem
    assert "'neighbourhood'" in body_vector(english_project)


@postgres_only
def test_serbian_search_stems_ignores_diacritics_and_reads_cyrillic(client, project_index, english_project):
    sr = Locale.objects.get_or_create(language_code="sr-latn")[0]
    translate(project_index.get_parent().specific, sr)
    index = translate(project_index, sr, title="Projekti")
    translate(english_project, sr, title="Stolarska radionica", body=[("paragraph", "<p>Zajednička kuća.</p>")])
    for query in ["kuća", "kuca", "kući", "kucama", "кућа", "Кући", "zajednicka"]:
        assert titles(client, "sr-latn", query) == ["Stolarska radionica"], query
    assert index.locale == sr


@postgres_only
def test_search_without_a_language_covers_every_configuration(albanian_project, english_project):
    """The admin searches all locales: its queries use every configuration."""
    pages = ProjectPage.objects.live()
    assert {page.title for page in pages.search("shtepite")} == {"Punëtori zdrukthtarie", "Carpentry workshop"}
    assert [page.title for page in pages.search("vjetra")] == ["Punëtori zdrukthtarie"]
    assert [page.title for page in pages.search("workshops")] == ["Carpentry workshop"]
    assert [page.title for page in pages.autocomplete("punet")] == ["Punëtori zdrukthtarie"]
    assert type(get_search_backend()).__name__ == "LanguageSearchBackend"
