"""Full-text search in each content language, on PostgreSQL: one search backend
(:class:`LanguageSearchBackend`) that indexes each object with its own locale's
text-search configuration and queries with one language's (or, in the admin,
all of them). Why it is built this way, and which configuration each language
uses: README, "Search in each language"."""

import copy
import operator
import unicodedata
from collections import defaultdict
from functools import reduce

from django.conf import settings

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

#: Text-search configuration per language (a full code such as ``sr-latn`` or
#: its first part); languages not listed use ``FALLBACK_CONFIG``.
LANGUAGE_CONFIGS = {
    "en": "moci_english",
    "de": "moci_german",
    "sr": "moci_serbian",
    "hy": "armenian",
    "sq": "moci_simple_unaccent",
    "mk": "moci_simple_unaccent",
    "ka": "moci_simple_unaccent",
}
FALLBACK_CONFIG = "moci_simple_unaccent"

# Serbian Cyrillic → Latin (Gaj's alphabet), applied to lower-cased queries.
SERBIAN_CYRILLIC_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдђежзијклмнопрстћуфхцчш", "abvgdđežzijklmnoprstćufhcčš", strict=True)),
        "љ": "lj",
        "њ": "nj",
        "џ": "dž",
    }
)


def primary_subtag(language_code):
    return (language_code or "").lower().split("-")[0]


def config_for_language(language_code):
    """The text-search configuration for a language code such as ``sq`` or ``sr-latn``."""
    code = (language_code or "").lower()
    return LANGUAGE_CONFIGS.get(code) or LANGUAGE_CONFIGS.get(primary_subtag(code)) or FALLBACK_CONFIG


def all_configs():
    """Every configuration something may have been indexed with."""
    configs = {*LANGUAGE_CONFIGS.values(), FALLBACK_CONFIG, config_for_language(settings.LANGUAGE_CODE)}
    return tuple(sorted(configs))


def clean_query(query):
    """A visitor's search words without what no search needs and databases refuse:
    control characters (a null byte is an error on PostgreSQL) and double quotes
    (which break SQLite's full-text query syntax: the words are searched as words,
    never as a quoted phrase)."""
    kept = (" " if unicodedata.category(char) in ("Cc", "Cs") or char == '"' else char for char in query)
    return " ".join("".join(kept).split())


def search_in_language(queryset, query, language_code):
    """Search ``queryset`` with the text-search configuration of ``language_code``.

    The caller filters ``queryset`` to that language's locale: documents in
    other languages were indexed with other configurations.
    """
    return get_search_backend(LANGUAGE=language_code).search(clean_query(query), queryset)


class LanguageIndex(PostgresIndex):
    """Indexes each object with the configuration of its locale's language."""

    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)
            by_config[config_for_language(language)].append(obj)
        for config, group in by_config.items():
            # Upstream's indexer reads the configuration from the backend.
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    """Queries with one configuration, or with several OR-ed together (a tuple)."""

    def get_config(self, backend):
        return backend.query_config

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        tsqueries = []
        for each in config:
            tsquery = super().build_tsquery(query, config=each)
            if tsquery is not None:
                tsqueries.append(tsquery)
        return reduce(operator.or_, tsqueries) if tsqueries else None


class LanguageSearchBackend(PostgresSearchBackend):
    """PostgreSQL backend with a text-search configuration per language (see the module docstring).

    Options: ``LANGUAGE`` (a language code) restricts queries to that
    language's configuration; ``SEARCH_CONFIG`` is ignored.
    """

    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.language = params.get("LANGUAGE")
        # For objects without a locale; LanguageIndex picks per object.
        self.config = config_for_language(settings.LANGUAGE_CODE)
        self.autocomplete_config = FALLBACK_CONFIG
        self.query_config = config_for_language(self.language) if self.language else all_configs()

    def with_config(self, config):
        """A copy of this backend that indexes with ``config``."""
        clone = copy.copy(self)
        clone.config = config
        return clone

    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str) and primary_subtag(self.language) == "sr":
            query = query.lower().translate(SERBIAN_CYRILLIC_TO_LATIN)
        return super().search(query, model_or_queryset, *args, **kwargs)


SearchBackend = LanguageSearchBackend
