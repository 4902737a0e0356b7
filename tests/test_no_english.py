"""No English left inside another language: the interface catalogues, the seeded
translations and the pages as a visitor reads them (menu, footer, notices).

English is fine where it is marked as English (``lang="en"``: a page or a
footer not yet translated), and in names that stay as they are written (funds,
organisations, projects). Anywhere else, English function words ("of the",
"and the", "with the"…) in a translated text mean a sentence was half translated.
"""

import glob
import re
from html.parser import HTMLParser

import polib
import pytest

from django.apps import apps
from django.conf import settings
from django.utils.functional import Promise

from seed import albanian

ENGLISH = re.compile(
    r"\b(?:of|and|with|for|in|to|from|on|by|at|is|are|was|were) (?:the|a|an|our|its|their|this|these)\b"
    r"|\b(?:the|this|these|our) \w+ (?:of|is|are|was|were)\b",
    re.IGNORECASE,
)
# Names that stay as their owners write them, in every language.
PROPER_NAMES = [
    "Culture of Solidarity",
    "European Cultural Foundation",
    "European Network of Cultural Centres",
    "Seeds of Sustainability",
    "Robert Bosch Foundation",
    "Mobile Open Culture and Innovation",
    "Municipality of Rrogozhina",
]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def english_in(text):
    """The English phrases in ``text`` once the proper names are taken out."""
    for name in PROPER_NAMES:
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    return [match.group(0) for match in ENGLISH.finditer(re.sub(r"<[^>]+>", " ", text))]


def test_the_check_finds_english_and_spares_names():
    assert english_in("u mbështet nga Culture of Solidarity Grant of the European Cultural Foundation") == ["of the"]
    assert english_in("Ky projekt zbatohet me Seeds of Sustainability nga European Network of Cultural Centres") == []
    assert english_in("Diese Seite ist noch nicht auf Deutsch verfügbar") == []
    assert english_in("Kliko këtu for the map") == ["for the"]
    assert english_in("Faqja <b>is a</b> provë") == ["is a"]


@pytest.mark.parametrize("path", sorted(glob.glob(f"{settings.BASE_DIR}/locale/*/LC_MESSAGES/django.po")))
def test_the_interface_catalogues_have_no_english_in_translations(path):
    if f"/{settings.LANGUAGE_CODE}/" in path:
        pytest.skip("English is the source language")  # the source catalogue has no translations to check
    found = [
        (entry.msgid, text)
        for entry in polib.pofile(path)
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if text and not entry.obsolete and english_in(text)
    ]
    assert found == []


def test_the_seeded_albanian_translation_has_no_english_left():
    found = {source: text for source, text in albanian.CATALOGUE.items() if english_in(text)}
    assert found == {}


class UnmarkedText(HTMLParser):
    """The text of a page outside every element marked as English (``lang="en"``),
    and outside scripts and styles."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        english = attrs.get("lang") == settings.LANGUAGE_CODE or tag in {"script", "style"}
        self.stack.append((tag, english))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(english for _tag, english in self.stack[1:]):  # [0] is <html lang="…">
            self.texts.append(data)


def unmarked_text(html):
    parser = UnmarkedText()
    parser.feed(html)
    return " ".join(" ".join(parser.texts).split())


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_in_other_languages_have_no_unmarked_english(client, moci_content, db, code):
    """The home page (menu, footer, notices), the projects and a project, as the seeded site shows them."""
    for path in ("", "projects/", "projects/vila-3/", "people/", "map/", "search/?q=plastic"):
        response = client.get(f"/{code}/{path}")
        assert response.status_code == 200, path
        assert english_in(unmarked_text(response.content.decode())) == [], path


def test_every_field_an_editor_fills_is_labelled_in_their_language():
    """A field without a verbose name is labelled with its attribute name, in English, in
    every admin language: each editable field of our models names itself for translation
    (tests/test_catalogues.py then checks every language translates it)."""
    ours = ("home", "projects", "people", "principles", "resources", "mocisite", "translations", "hub")
    unlabelled = [
        f"{model.__name__}.{field.name}"
        for app in ours
        for model in apps.get_app_config(app).get_models()
        for field in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if field.editable and not field.auto_created and not isinstance(field.verbose_name, Promise)
    ]
    assert unlabelled == []
