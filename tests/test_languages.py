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
