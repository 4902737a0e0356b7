"""Every page in every language: prefixes, lang, hreflang, switcher, sitemap, notices."""

import re

import pytest

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page

from mocisite.models import Footer
from projects.models import Theme
from tests.conftest import fresh, multilingual_module_tree

CODES = [code for code, _name in settings.LANGUAGES]
KEYS = ["home", "index", "project", "people", "organisation", "person", "principles"]


@pytest.fixture(scope="module")
def multilingual_tree(django_db_setup, django_db_blocker):
    with multilingual_module_tree(django_db_blocker) as tree:
        yield tree


@pytest.fixture
def multilingual(multilingual_tree, db):
    return fresh(multilingual_tree)


def test_every_language_has_a_locale_and_a_tree(multilingual):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(CODES)
    for key in KEYS:
        versions = multilingual[key].get_translations(inclusive=True).live()
        assert sorted(versions.values_list("locale__language_code", flat=True)) == sorted(CODES), key


@pytest.mark.parametrize("code", CODES)
def test_every_page_type_renders_in_every_language(client, multilingual, code):
    locale = Locale.objects.get(language_code=code)
    for key in KEYS:
        page = multilingual[key].get_translation(locale)
        response = client.get(page.url)
        assert response.status_code == 200, key
        html = response.content.decode()
        assert f'<html lang="{code}"' in html, key
        assert page.url.startswith(f"/{code}/"), key
        hreflangs = set(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
        assert {lang for lang, _url in hreflangs} == {*CODES, "x-default"}, key
        assert ("x-default", multilingual[key].full_url) in hreflangs, key
        assert f'<link rel="canonical" href="{page.full_url}">' in html, key


def test_untranslated_page_says_so_and_marks_its_content_english(client, multilingual):
    german = multilingual["project"].get_translation(Locale.objects.get(language_code="de"))
    assert german.alias_of_id == multilingual["project"].pk
    html = client.get(german.url).content.decode()
    assert 'class="notice"' in html
    assert '<div class="page-content" lang="en">' in html
    english = client.get(multilingual["project"].url).content.decode()
    assert 'class="notice"' not in english


def test_switcher_lands_on_the_translation(client, multilingual):
    project = multilingual["project"]
    response = client.post("/i18n/setlang/", {"language": "sq", "page": project.pk, "next": project.url})
    assert response.status_code == 302
    assert response["Location"] == f"/sq/projects/{project.slug}/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sq"


def test_switcher_falls_back_to_the_language_home(client, multilingual):
    project = multilingual["project"]
    project.get_translation(Locale.objects.get(language_code="mk")).delete()
    response = client.post("/i18n/setlang/", {"language": "mk", "page": project.pk, "next": project.url})
    assert response["Location"] == "/mk/"


def test_switcher_without_javascript_is_a_labelled_form(client, multilingual):
    html = client.get(multilingual["project"].url).content.decode()
    assert '<form class="language-switcher" action="/i18n/setlang/" method="post">' in html
    assert '<label for="language-select">' in html
    for name in ("English", "Shqip", "Srpski", "Македонски", "Deutsch", "ქართული", "Հայերեն"):
        assert f">{name}</option>" in html


def test_switcher_rejects_unknown_languages(client, multilingual):
    assert client.post("/i18n/setlang/", {"language": "xx", "next": "/en/"}).status_code == 400
    assert client.get("/i18n/setlang/").status_code == 405


def test_root_redirects_by_cookie_then_accept_language_then_english(client, multilingual):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")["Location"] == "/de/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/en/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ka"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/ka/"


def test_unknown_language_prefix_is_404(client, multilingual):
    assert client.get("/fr/").status_code == 404
    assert client.get("/fr/projects/").status_code == 404


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, multilingual):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert len(locations) == len(KEYS) * len(CODES)
    project_url = multilingual["project"].full_url
    entry = xml[xml.index(f"<loc>{project_url}</loc>") :].split("</url>")[0]
    for code in CODES:
        assert f'hreflang="{code}" href="{project_url.replace("/en/", f"/{code}/")}"' in entry
    assert f'hreflang="x-default" href="{project_url}"' in entry


def test_footer_is_read_in_the_visitors_language(client, multilingual):
    footer = Footer.objects.create(
        locale=Locale.get_default(), title="Footer", about="English footer.", acknowledgement="<p>Thanks.</p>"
    )
    german = footer.copy_for_translation(Locale.objects.get(language_code="de"))
    german.about = "Deutsche Fußzeile."
    german.save()
    assert "Deutsche Fußzeile." in client.get("/de/").content.decode()
    assert "English footer." in client.get("/en/").content.decode()
    assert "English footer." in client.get("/sq/").content.decode()  # no Albanian footer yet


def test_dates_are_formatted_for_the_language(client, multilingual):
    import datetime

    project = multilingual["project"]
    project.start_date = datetime.date(2020, 10, 1)
    project.save_revision().publish()
    assert "October 2020" in client.get(project.url).content.decode()
    german = project.get_translation(Locale.objects.get(language_code="de"))
    with translation.override("de"):
        assert "Oktober 2020" in client.get(german.url).content.decode()


def test_every_url_works_in_every_language(client, multilingual):
    for page in Page.objects.live().filter(depth__gt=1):
        assert client.get(page.url).status_code == 200, page.url


def test_english_shown_in_another_language_is_marked_english(client, multilingual):
    Footer.objects.create(
        locale=Locale.get_default(), title="Footer", about="English footer.", acknowledgement="<p>x</p>"
    )
    html = client.get("/ka/").content.decode()
    assert '<p class="site-footer__about" lang="en">English footer.</p>' in html
    assert '<p class="site-footer__about">English footer.</p>' in client.get("/en/").content.decode()


def test_terms_are_marked_in_their_own_language(client, multilingual):
    """An alias page shows English text (marked lang="en" as a whole); a theme
    translated into the page's language is marked as such inside it."""
    project = multilingual["project"]
    german = project.get_translation(Locale.objects.get(language_code="de"))
    html = client.get(german.url).content.decode()
    assert re.search(r'<li><a href="[^"]*\?theme=environment">Environment</a></li>', html)
    theme = Theme.objects.get(slug="environment", locale=Locale.get_default())
    umwelt = theme.copy_for_translation(Locale.objects.get(language_code="de"))
    umwelt.name = "Umwelt"
    umwelt.save()
    html = client.get(german.url).content.decode()
    assert re.search(r'<li lang="de"><a href="[^"]*\?theme=environment">Umwelt</a></li>', html)


def switch(client, language, next_url, page=None):
    data = {"language": language, "next": next_url}
    if page is not None:
        data["page"] = page.pk
    response = client.post("/i18n/setlang/", data)
    assert response.status_code == 302
    return response["Location"]


def test_switcher_keeps_the_search_query(client, multilingual):
    assert switch(client, "sq", "/en/search/?q=plastic") == "/sq/search/?q=plastic"
    assert switch(client, "de", "/sq/search/?q=shtëpi+e+re") == "/de/search/?q=sht%C3%ABpi+e+re"
    assert switch(client, "sq", "/en/search/") == "/sq/search/"


def test_switcher_keeps_the_filters_of_a_listing(client, multilingual):
    index = multilingual["index"]
    url = switch(client, "sq", f"{index.url}?theme=environment&status=ongoing", index)
    assert url == "/sq/projects/?theme=environment&status=ongoing"
    assert client.get(url).context["filter_form"].cleaned_data["theme"] == "environment"


def test_switcher_carries_a_term_by_its_translation(client, multilingual):
    """A theme whose translation has its own slug is named by that slug in the
    other language's address, and back."""
    index = multilingual["index"]
    theme = Theme.objects.get(slug="environment", locale=Locale.get_default())
    albanian = theme.copy_for_translation(Locale.objects.get(language_code="sq"))
    albanian.name, albanian.slug = "Mjedisi", "mjedisi"
    albanian.save()
    assert switch(client, "sq", f"{index.url}?theme=environment", index) == "/sq/projects/?theme=mjedisi"
    sq_index = index.get_translation(Locale.objects.get(language_code="sq"))
    with translation.override("sq"):
        assert switch(client, "en", f"{sq_index.url}?theme=mjedisi", sq_index) == "/en/projects/?theme=environment"
    # No German translation: the English slug, which the German listing offers.
    assert switch(client, "de", f"{index.url}?theme=environment", index) == "/de/projects/?theme=environment"
    # A slug no term has is carried as it is (the listing says it does not know it).
    assert switch(client, "sq", f"{index.url}?theme=nothing", index) == "/sq/projects/?theme=nothing"


def test_switcher_keeps_the_filters_of_the_map(client, multilingual):
    from mocisite.languages import synchronise_trees
    from tests.factories import make_community_map

    community_map = make_community_map(multilingual["home"])
    synchronise_trees()
    assert switch(client, "sq", f"{community_map.url}?kind=project", community_map) == "/sq/map/?kind=project"
    assert switch(client, "mk", f"{community_map.url}?skill=permaculture&kind=person", community_map) == (
        "/mk/map/?skill=permaculture&kind=person"
    )


def test_switcher_keeps_the_page_number_where_it_exists(client, multilingual):
    from mocisite.languages import synchronise_trees
    from tests.factories import make_project

    index = multilingual["index"]
    for number in range(index.per_page):
        make_project(index, f"Project {number}")
    synchronise_trees()
    albanian = Locale.objects.get(language_code="sq")
    assert client.get(f"{index.url}?page=2").status_code == 200
    # Two projects are not (yet) in Albanian: its listing has one page only.
    for project in index.get_children().specific()[:2]:
        project.get_translation(albanian).unpublish()
    assert switch(client, "de", f"{index.url}?page=2&status=", index) == "/de/projects/?page=2&status="
    assert switch(client, "sq", f"{index.url}?page=2&status=", index) == "/sq/projects/?status="


def test_switcher_never_leaves_the_site(client, multilingual):
    assert switch(client, "sq", "https://example.com/en/search/?q=x") == "/sq/"
    assert switch(client, "sq", "//example.com/en/search/?q=x") == "/sq/"
    assert switch(client, "sq", "/nowhere/?q=x") == "/sq/"
    assert client.post("/i18n/setlang/", {"language": "sq", "page": "abc", "next": "/en/"})["Location"] == "/sq/"
