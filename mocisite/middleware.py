from django.conf import settings
from django.conf.locale import LANG_INFO
from django.middleware.locale import LocaleMiddleware


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
