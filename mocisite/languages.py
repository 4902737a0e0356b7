"""The site's languages: Locale rows, tree synchronisation, names and links,
and the language prefix of every address (:class:`SiteLocaleMiddleware`).

``settings.MOCI_LANGUAGES`` is the one list. :func:`ensure_locales` makes a
Locale for each language and tells wagtail-localize to keep every other
language's page tree synchronised from the source language, so each English
page exists in every language (as an alias until someone translates it).
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.middleware.locale import LocaleMiddleware
from django.utils.translation import get_language_info

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree


def language_codes():
    return [code for code, _name in settings.MOCI_LANGUAGES]


def language_name(code):
    """The language's name in that language: “Shqip”, “Deutsch”."""
    return dict(settings.MOCI_LANGUAGES).get(code) or get_language_info(code)["name_local"]


def ensure_locales():
    """Create the Locale rows and the synchronisation of every other language
    from the source language. Returns the source Locale."""
    source, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code in language_codes():
        if code == source.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
    return source


def synchronise_trees():
    """Create alias pages in every synchronised language for pages it lacks."""
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale)


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an address starting with a
    language the site does not serve (/fr/…) is a plain 404, not a redirect
    to /en/fr/…. Addresses without a language (/, /projects/) still redirect
    by the language cookie, then Accept-Language, then English."""

    def process_response(self, request, response):
        if response.status_code == 404:
            first = request.path_info.lstrip("/").split("/", 1)[0].lower()
            served = {code.lower() for code, _name in settings.LANGUAGES}
            if first in LANG_INFO and first not in served:
                return response
        return super().process_response(request, response)
