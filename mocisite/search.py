"""Full-text search in each content language, on PostgreSQL.

Wagtail's database backend (the ``modelsearch`` package) on PostgreSQL keeps
one row per object in one table (``IndexEntry``: ``title``, ``body`` and
``autocomplete`` as tsvectors). The text-search configuration decides how text
becomes lexemes: ``to_tsvector(config, text)`` when an object is indexed and
``to_tsquery(config, words)`` when someone searches. Upstream takes both from
the backend's single ``SEARCH_CONFIG``. Two things follow:

* the configuration used for a query must be the one its documents were
  indexed with, or stemming breaks ("workshops" → ``workshop`` only if the
  indexed text was stemmed the same way);
* several backends in ``WAGTAILSEARCH_BACKENDS`` do not give several indexes:
  every database backend writes the same rows (``update_index`` rebuilds
  every configured backend, the last one wins), so "one backend per language"
  would index everything with whichever config ran last.

So there is one backend, :class:`LanguageSearchBackend`, which

* **indexes** each object with the configuration of its own locale
  (``LanguageIndex``: translatable objects by ``locale.language_code``;
  images, documents and other objects without a locale by ``LANGUAGE_CODE``);
* **queries** with the configuration of one language when it is built with
  ``LANGUAGE`` (``search_in_language``, used by the site's search view, which
  also filters to that language's locale, so the two always agree);
* queries with every configuration at once (the tsqueries OR-ed together)
  when no language is given, so the admin, which searches all locales,
  still finds pages in every language.

The configurations (``LANGUAGE_CONFIGS``) are created by migration
``mocisite/0002_search_configurations``:

* ``moci_english``, ``moci_german``, ``moci_serbian``: PostgreSQL's ``english``,
  ``german``, ``serbian`` with ``unaccent`` before the stemmer, so "Korce"
  finds "Korçë", "Strasse" finds "Straße", "kuca" finds "kuća". The stemmers
  keep working on unaccented words. Serbian content is Latin script; a
  Cyrillic query is transliterated to Latin before it is run, since the
  ``serbian`` stemmer would otherwise turn "кућа" into ``kuć``, not ``kuc``.
* ``armenian``: PostgreSQL's own stemmed configuration (Armenian has no
  accents for ``unaccent`` to remove).
* ``moci_simple_unaccent``: ``simple`` (lower case, no stemming, no stop
  words) after ``unaccent``, for Albanian, Macedonian, Georgian and any
  language added later without an entry here: "shtepite" finds "Shtëpitë".
  Autocomplete (the admin's choosers) uses it for every language.

Changing a language's configuration, here or in the database, needs
``manage.py update_index`` afterwards: what is already indexed keeps the old
lexemes. On SQLite none of this is used (settings pick Wagtail's own database
backend there); ``search_in_language`` works with any backend.
"""

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
