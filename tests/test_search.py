import pytest

from tests import factories


@pytest.fixture
def projects(project_index):
    factories.make_project(
        project_index,
        "Precious Plastic",
        summary="A workspace.",
        body=[("paragraph", "<p>Shredders turn bottle caps into colourful tiles.</p>")],
    )
    factories.make_project(project_index, "Vila 3", summary="A cultural centre in Tirana.")


def test_finds_a_project_by_a_word_of_its_body(client, projects):
    response = client.get("/en/search/", {"q": "shredders"})
    assert response.status_code == 200
    results = response.context["results"]
    assert [page.title for page in results] == ["Precious Plastic"]


def test_highlights_the_query_in_results(client, projects):
    html = client.get("/en/search/", {"q": "cultural"}).content.decode()
    assert "<mark>cultural</mark>" in html


def test_no_results_and_empty_query(client, projects):
    html = client.get("/en/search/", {"q": "zzzqqq"}).content.decode()
    assert "Nothing found" in html
    response = client.get("/en/search/")
    assert response.status_code == 200 and response.context["results"] is None


def test_only_live_pages_are_found(client, project_index):
    draft = factories.make_project(project_index, "Secret garden", summary="Not yet public.")
    draft.unpublish()
    assert list(client.get("/en/search/", {"q": "secret"}).context["results"]) == []


def test_bad_page_number_is_404_not_500(client, projects):
    assert client.get("/en/search/", {"q": "tirana", "page": "99"}).status_code == 404
    assert client.get("/en/search/", {"q": "tirana", "page": "abc"}).status_code == 404


def test_markup_in_the_query_is_escaped(client, projects):
    html = client.get("/en/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_results_say_what_kind_of_page_they_are(client, projects):
    html = client.get("/en/search/", {"q": "plastic"}).content.decode()
    assert '<p class="card__meta">Project</p>' in html


def test_highlight_ignores_case_and_accents():
    from mocisite.templatetags.moci_text import highlight

    assert highlight("Shtëpitë e <b>Tiranës</b>", "shtepite tiranes") == (
        "<mark>Shtëpitë</mark> e &lt;b&gt;<mark>Tiranës</mark>&lt;/b&gt;"
    )
    assert highlight("Straße", "STRASSE") == "<mark>Straße</mark>"
    assert highlight("nothing here", "x") == "nothing here"
