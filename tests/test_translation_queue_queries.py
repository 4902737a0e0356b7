"""The translation queue's query count does not grow with the site: 20 and
200 English pages, each in three languages, same number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from mocisite.languages import ensure_locales, synchronise_trees
from mocisite.roles import SECRETARIAT, setup_roles, translators_group_name
from projects.models import ProjectPage
from tests.test_translation_queue import QUEUE, make_user, sq, translate_all
from translations.queue import AWAITING_REVIEW, OUT_OF_DATE, UNTRANSLATED, build_queue, summarise


def _grow_site(index, count):
    """``count`` more live English projects, each mirrored (aliased) in every language."""
    start = ProjectPage.objects.count()
    for number in range(start, start + count):
        index.add_child(
            instance=ProjectPage(
                title=f"Project {number}",
                slug=f"project-{number}",
                summary="A project.",
                last_published_at=timezone.now(),
            )
        )
    synchronise_trees()


def _queries(client, url, **query):
    client.get(url, query)  # caches warmed (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_pages(client, full_tree, settings):
    # Three languages besides English, as the issue asks.
    settings.MOCI_LANGUAGES = [
        language for language in settings.MOCI_LANGUAGES if language[0] in ("en", "sq", "de", "mk")
    ]
    ensure_locales()
    synchronise_trees()
    setup_roles()
    secretariat = make_user("besa", SECRETARIAT)
    client.force_login(secretariat)
    # Some rows of every kind: a started translation, a submitted one.
    translator = make_user("drita", translators_group_name("sq"))
    client.force_login(translator)
    client.post(f"{QUEUE}start/{full_tree['project'].pk}/sq/")
    client.post(f"{QUEUE}start/{full_tree['organisation'].pk}/sq/")
    organisation = Translation.objects.get(source__object_id=full_tree["organisation"].translation_key)
    translate_all(organisation)
    client.post(f"{QUEUE}{organisation.pk}/submit/")
    ProjectPage.objects.get(pk=full_tree["project"].pk).save_revision().publish()
    client.force_login(secretariat)

    _grow_site(full_tree["index"], 20 - Page.objects.filter(locale__language_code="en", depth__gte=2).count())
    assert Page.objects.filter(locale__language_code="en", depth__gte=2, live=True).count() == 20
    small = _queries(client, QUEUE, state="all"), _queries(client, "/admin/")
    _grow_site(full_tree["index"], 180)
    rows = build_queue(list(Locale.objects.exclude(language_code="en")))
    assert len(rows) == 200 * 3
    large = _queries(client, QUEUE, state="all"), _queries(client, "/admin/")
    assert small == large
    assert large[0] <= 25
    assert TranslationSource.objects.count() == 2
    assert {row.state for row in rows} == {UNTRANSLATED, OUT_OF_DATE, AWAITING_REVIEW}
    albanian = [row for row in rows if row.locale == sq()]
    assert summarise(albanian, [sq()])[0].counts[AWAITING_REVIEW] == 1
