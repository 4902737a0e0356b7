"""Template filters that shape a page's text: a plain-text description for
meta tags and search results, search words marked in results, and the
initials and colour of a card without a picture.

Load with ``{% load moci_text %}``."""

import re
import unicodedata

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

register = template.Library()

DESCRIPTION_FIELDS = ["search_description", "summary", "bio", "introduction", "hero_text"]


@register.filter
def description(page, length=160):
    """A plain-text description of a page: what it says about itself, shortened."""
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, "")
        if value:
            text = " ".join(strip_tags(str(value)).split())
            return Truncator(text).chars(int(length))
    return ""


SMALL_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "–", "-"}


@register.filter
def initials(title):
    """Two characters for a placeholder card: “Precious Plastic Albania” → “PP”."""
    words = [word for word in str(title).split() if word.lower() not in SMALL_WORDS]
    return "".join(word[0] for word in words[:2]).upper()


@register.filter
def tone(page, tones=4):
    """A colour variant (0…tones-1) for a page's placeholder, the same in every language."""
    key = getattr(page, "translation_key", None)
    return key.int % int(tones) if key else 0


def _fold(text):
    """``text`` without case and accents, and for each folded character the
    index of the character it came from: “Shtëpi” → “shtepi”, [0, 1, 2, 3, 4, 5]."""
    folded, origin = [], []
    for index, char in enumerate(text):
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).casefold()
        folded.append(base)
        origin.extend([index] * len(base))
    return "".join(folded), origin


@register.filter
def highlight(text, query):
    """Escape ``text`` and wrap each word of ``query`` found in it in <mark>,
    ignoring case and accents (“shtepi” marks “Shtëpi”)."""
    text = str(text)
    words = {_fold(word)[0] for word in str(query).split() if len(word) > 1}
    if not words:
        return escape(text)
    folded, origin = _fold(text)
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    pieces, position = [], 0
    for match in pattern.finditer(folded):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if start < position:
            continue
        pieces += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped
