"""mocisite/localise.py: an object in a language where it is translated, else
the object itself, in one query for a list (none among objects already read)."""

import pytest

from wagtail.models import Locale, Page

from mocisite.languages import ensure_locales
from mocisite.localise import in_language, in_language_all
from projects.models import ProjectPage, Theme
from tests import factories

pytestmark = pytest.mark.django_db


def translate(obj, locale, **fields):
    copy = (
        obj.copy_for_translation(locale, copy_parents=True)
        if isinstance(obj, Page)
        else obj.copy_for_translation(locale)
    )
    for name, value in fields.items():
        setattr(copy, name, value)
    if isinstance(copy, Page):
        return factories.publish(copy)
    copy.save()
    return copy


@pytest.fixture
def sq(db):
    ensure_locales()
    return Locale.objects.get(language_code="sq")


@pytest.fixture
def themes(sq):
    environment, youth = factories.make_theme(), factories.make_theme("youth", "Youth")
    return {"environment": environment, "youth": youth, "mjedisi": translate(environment, sq, name="Mjedisi")}


@pytest.fixture
def projects(project_index, sq):
    translated = factories.make_project(project_index, "Translated")
    untranslated = factories.make_project(project_index, "Untranslated")
    return {"translated": translated, "untranslated": untranslated, "sq": translate(translated, sq, title="Përkthyer")}


def test_instances_in_one_query_else_themselves(themes, sq, django_assert_num_queries):
    with django_assert_num_queries(1):
        named = in_language_all([themes["youth"], themes["environment"]], sq)
    assert named == [themes["youth"], themes["mjedisi"]]
    # The locale may be given as a Locale, its pk or a language code.
    assert in_language_all([themes["environment"]], sq.pk) == [themes["mjedisi"]]
    assert in_language_all([themes["environment"]], "sq") == [themes["mjedisi"]]
    assert in_language(themes["environment"], Locale.get_default()) == themes["environment"]


def test_among_objects_already_read_no_query(themes, sq, django_assert_num_queries):
    albanian = list(Theme.objects.filter(locale=sq))
    with django_assert_num_queries(0):
        named = in_language_all([themes["environment"], themes["youth"]], sq, albanian)
        # A version in another language is not a translation into this one.
        english = in_language_all([themes["environment"]], sq, [themes["environment"], themes["youth"]])
    assert [theme.name for theme in named] == ["Mjedisi", "Youth"]
    assert english == [themes["environment"]]


def test_nothing_asked_no_query(sq, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert in_language_all([], sq) == []
        assert in_language(None, sq) is None


def test_pages_by_id_read_with_their_translations_in_one_query(projects, sq, django_assert_num_queries):
    live = ProjectPage.objects.live()
    ids = [projects["untranslated"].pk, projects["translated"].pk]
    with django_assert_num_queries(1):
        found = in_language_all(ids, sq, live)
    assert [page.title for page in found] == ["Untranslated", "Përkthyer"]
    assert in_language(projects["translated"].pk, Locale.get_default(), live).title == "Translated"


def test_an_instance_stands_for_itself_even_when_not_among(projects, sq):
    projects["untranslated"].unpublish()
    assert in_language_all([projects["untranslated"]], sq, Page.objects.live()) == [projects["untranslated"]]


def test_an_id_neither_it_nor_its_translation_among_is_none(projects, sq):
    projects["untranslated"].unpublish()
    ids = [projects["untranslated"].pk, projects["translated"].pk]
    assert [page and page.title for page in in_language_all(ids, sq, ProjectPage.objects.live())] == [
        None,
        "Përkthyer",
    ]


def test_a_hidden_source_shows_its_translation_unless_source_shown(projects, sq):
    projects["translated"].unpublish()
    live = ProjectPage.objects.live()
    ids = [projects["translated"].pk, projects["untranslated"].pk]
    assert in_language(projects["translated"].pk, sq, live).title == "Përkthyer"
    assert [page.title for page in in_language_all(ids, sq, live)] == ["Përkthyer", "Untranslated"]
    assert [page and page.title for page in in_language_all(ids, sq, live, source_shown=True)] == [
        None,
        "Untranslated",
    ]
    # In the source's own language an unpublished source is nothing.
    assert in_language(projects["translated"].pk, Locale.get_default(), live) is None
