"""The site's languages: the interface's and the content's (one page tree
each), wagtail-localize and its machine translation, the language cookie, time.
Imported into base.py (``LOCALE_PATHS``, a folder, is there with the others)."""

import os

# Internationalisation. One list drives everything: the interface languages,
# the content languages (one page tree each) and the Locale rows that
# `setup_roles` creates. Names are written in their own language, as the
# language switcher shows them. English is the source language. To add a
# language: add it here, add locale/<code>/LC_MESSAGES/django.po (see
# locale/README.md) and run `manage.py load_moci_content` (or `setup_roles`).
MOCI_LANGUAGES = [
    ("en", "English"),
    ("sq", "Shqip"),
    ("sr-latn", "Srpski"),
    ("mk", "Македонски"),
    ("de", "Deutsch"),
    ("ka", "ქართული"),
    ("hy", "Հայերեն"),
]
LANGUAGE_CODE = "en"
LANGUAGES = MOCI_LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = MOCI_LANGUAGES
# Starting a translation must not publish anything: the page in that language
# keeps showing the English text until its translation is approved.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation as a translator's first draft: a self-hosted LibreTranslate,
# or DeepL with an API key. Off when neither is set.
if os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
elif os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
LANGUAGE_COOKIE_NAME = "moci_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Tirane"
USE_I18N = True
USE_TZ = True
