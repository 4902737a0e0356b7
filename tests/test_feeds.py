"""The Atom feeds (feeds/views.py), parsed back with ``feedparser``, in English,
Albanian and German: absolute links in the feed's language, summaries, updated
times, English pages marked as English, private pages left out, each index
page linking its feed, and a number of queries that does not grow with the items."""

import datetime

import feedparser
import pytest

from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale, PageViewRestriction

from hub.models import HubPage, WorkshopPage
from mocisite.languages import synchronise_trees
from mocisite.pagecache import invalidate
from tests import factories
from tests.conftest import fresh, three_language_tree
from tests.queries import count_queries

LANGUAGES = ("en", "sq", "de")
FEEDS = ("projects", "resources", "workshops")
TITLES = {"projects": "MOCI: projects", "resources": "MOCI: resources", "workshops": "MOCI: workshops of the hub"}


def autumn_in_pellumbas(hub, title, summary, year):
    page = WorkshopPage(
        title=title,
        summary=summary,
        start_date=datetime.date(year, 10, 1),
        date_precision="season",
        place_name="Pellumbas",
        country="AL",
    )
    return factories.add(hub, page)


@pytest.fixture(scope="module")
def feed_tree(django_db_setup, django_db_blocker):
    """Projects (one translated into Albanian and German, one private), resources (one
    translated into Albanian only) and workshops (one translated into both)."""
    with three_language_tree(django_db_blocker) as tree:
        index = tree["index"]
        private = factories.make_project(index, "Secret garden", summary="Behind a password.")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="a-shared-secret"
        )
        library = factories.make_resource_index(tree["home"])
        guide = factories.make_resource(library, "Composting guide", summary="Heaps & bins, step by step.")
        hub = factories.add(tree["home"], HubPage(title="The hub on the road", slug="hub"))
        workshop = autumn_in_pellumbas(hub, "Permaculture days", "Beds and swales.", 2020)
        synchronise_trees()
        project = tree["project"]
        factories.translate(index, "sq", title="Projektet")
        factories.translate(project, "sq", title="Plastikë e Çmuar", summary="Grirëse dhe kallëpe.")
        factories.translate(project, "de", title="Kostbares Plastik", summary="Schredder und Formen.")
        factories.translate(guide, "sq", title="Udhëzues kompostimi", summary="Grumbuj dhe kosha.")
        factories.translate(hub, "sq", title="Huba në rrugë")
        factories.translate(workshop, "sq", title="Ditët e permakulturës", summary="Shtretër dhe kanale.")
        factories.translate(hub, "de", title="Der Hub unterwegs")
        factories.translate(workshop, "de", title="Permakultur-Tage", summary="Beete und Gräben.")
        tree.update(private=private, library=library, guide=guide, hub=hub, workshop=workshop)
        yield tree


@pytest.fixture
def world(feed_tree, db):
    return fresh(feed_tree)


def version(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def read_feed(client, code, name):
    response = client.get(f"/{code}/feeds/{name}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def entries_by_link(parsed):
    return {entry.link: entry for entry in parsed.entries}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_project_feed_in_each_language(client, world, code):
    parsed = read_feed(client, code, "projects")
    assert parsed.version == "atom10"
    assert parsed.feed.language == code
    with translation.override(code):
        assert parsed.feed.title == gettext(TITLES["projects"])
    assert parsed.feed.link == version(world["index"], code).full_url
    assert parsed.feed.author == "MOCI"
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link == f"http://localhost/{code}/feeds/projects/"
    entries = entries_by_link(parsed)
    project = version(world["project"], code)
    assert set(entries) == {project.full_url}, "the private project is in no feed"
    entry = entries[project.full_url]
    assert entry.link.startswith(f"http://localhost/{code}/")
    assert entry.title == project.title
    assert entry.summary == project.summary
    assert entry.updated_parsed[:6] == project.last_published_at.utctimetuple()[:6]
    assert entry.id == f"tag:localhost,2026:project/{project.translation_key}/{code}"
    # Translated everywhere: the entry is in the feed's language.
    assert entry.title_detail.language == code


def test_an_untranslated_page_is_marked_as_english(client, world):
    """The guide is translated into Albanian only: the German feed shows its English
    text (an alias) and says so; the Albanian and English feeds do not."""
    german = entries_by_link(read_feed(client, "de", "resources"))
    (entry,) = german.values()
    assert entry.link == version(world["guide"], "de").full_url
    assert entry.link.startswith("http://localhost/de/")
    assert entry.title == "Composting guide"
    assert entry.title_detail.language == "en"
    assert entry.summary_detail.language == "en"
    # Atom's summary is HTML: the text escaped once, not twice.
    assert entry.summary == "Heaps &amp; bins, step by step."
    (albanian,) = entries_by_link(read_feed(client, "sq", "resources")).values()
    assert albanian.title == "Udhëzues kompostimi"
    assert albanian.title_detail.language == "sq"
    (english,) = entries_by_link(read_feed(client, "en", "resources")).values()
    assert english.title_detail.language == "en"


def test_a_started_translation_still_shows_english_and_is_marked(client, world):
    """Starting a translation keeps the English text live until it is published."""
    from wagtail_localize.models import Translation, TranslationSource

    project = world["project"]
    other = factories.make_project(world["index"], "Mushroom bunkers")
    synchronise_trees()
    source, _created = TranslationSource.get_or_create_from_instance(other)
    Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="sq"))
    entries = entries_by_link(read_feed(client, "sq", "projects"))
    assert entries[version(other, "sq").full_url].title_detail.language == "en"
    assert entries[version(project, "sq").full_url].title_detail.language == "sq"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_workshop_feed_says_when_and_where(client, world, code):
    parsed = read_feed(client, code, "workshops")
    workshop = version(world["workshop"], code)
    (entry,) = parsed.entries
    assert entry.link == workshop.full_url
    assert parsed.feed.link == version(world["hub"], code).full_url
    with translation.override(code):
        assert workshop.when in entry.summary
        assert workshop.place_label in entry.summary
    assert workshop.summary in entry.summary
    assert {"en": "Autumn 2020", "sq": "Vjeshtë 2020", "de": "Herbst 2020"}[code] in entry.summary


def test_an_untranslated_workshop_says_when_and_where_in_english(client, world):
    other = autumn_in_pellumbas(world["hub"], "Seed saving", "Jars and labels.", 2021)
    synchronise_trees()
    entries = entries_by_link(read_feed(client, "sq", "workshops"))
    entry = entries[version(other, "sq").full_url]
    assert entry.title_detail.language == "en"
    assert "Autumn 2021 · Pellumbas, Albania" in entry.summary
    assert "Vjeshtë" not in entry.summary and "Shqipëri" not in entry.summary


def test_an_unknown_language_has_no_feed(client, world):
    assert client.get("/xx/feeds/projects/", follow=True).status_code == 404
    assert client.get("/en/feeds/people/").status_code == 404


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_index_page_links_its_feed_in_its_head(client, world, code):
    with translation.override(code):
        titles = {name: gettext(title) for name, title in TITLES.items()}
    for page, name in ((world["index"], "projects"), (world["library"], "resources"), (world["hub"], "workshops")):
        html = client.get(version(page, code).url).content.decode()
        head = html.split("</head>")[0]
        link = f'<link rel="alternate" type="application/atom+xml" title="{titles[name]}" href="/{code}/feeds/{name}/">'
        assert link in head, (code, name)


def feed_queries(client):
    """{feed: (queries warm, queries on the first request after a publish)}."""
    counts = {}
    for name in FEEDS:
        url = f"/sq/feeds/{name}/"
        client.get(url)
        warm = count_queries(client, url)
        invalidate("test")
        counts[name] = (warm, count_queries(client, url))
    return counts


def test_the_feeds_do_not_grow_with_the_items(client, world):
    few = feed_queries(client)
    hub = world["hub"]
    for number in range(25):
        factories.make_project(world["index"], f"Project {number}")
        factories.make_resource(world["library"], f"Guide {number}")
        factories.add(
            hub, WorkshopPage(title=f"Workshop {number}", summary="Soil.", start_date=datetime.date(2021, 5, 1))
        )
    synchronise_trees()
    many = feed_queries(client)
    assert len(read_feed(client, "sq", "projects").entries) == 26
    assert few == many
    assert max(warm for warm, _cold in many.values()) <= FEED_WARM
    assert max(cold for _warm, cold in many.values()) <= FEED_PUBLISHED


# Measured when written: 2 warm (the index page, the items), 6 on the first request after
# a publish (the site, the locale, the restrictions and the translations started, read again).
FEED_WARM, FEED_PUBLISHED = 2, 6


def test_a_cached_feed_follows_what_is_published(client, world, settings):
    settings.MOCI_PAGE_CACHE = True
    url = "/en/feeds/projects/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert cached["Content-Type"] == "application/atom+xml; charset=utf-8"
    factories.make_project(world["index"], "Mushroom bunkers")
    titles = [entry.title for entry in read_feed(client, "en", "projects").entries]
    assert "Mushroom bunkers" in titles
