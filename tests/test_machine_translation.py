"""The environment picks the machine translator a translator's first draft comes from:
``LIBRETRANSLATE_URL`` (with ``LIBRETRANSLATE_API_KEY``) selects LibreTranslate, else
``DEEPL_API_KEY`` selects DeepL, else there is none. Settings are read once, at start-up,
so each case runs in a fresh interpreter, as a deployment would; nothing calls the service."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings

PROBE = """
import json, django
django.setup()
from wagtail_localize.machine_translators import get_machine_translator
translator = get_machine_translator()
print(json.dumps(None if translator is None else {
    "class": type(translator).__module__ + "." + type(translator).__name__,
    "options": translator.options,
}))
"""


def translator_for(**env):
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", PROBE],
        cwd=Path(settings.BASE_DIR),
        env={**keep, "DJANGO_SETTINGS_MODULE": "mocisite.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, None),
        (
            {"LIBRETRANSLATE_URL": "https://translate.example.org", "LIBRETRANSLATE_API_KEY": "libre-key"},
            {
                "class": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
                "options": {"LIBRETRANSLATE_URL": "https://translate.example.org", "API_KEY": "libre-key"},
            },
        ),
        (
            {"DEEPL_API_KEY": "deepl-key:fx"},
            {
                "class": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                "options": {"AUTH_KEY": "deepl-key:fx"},
            },
        ),
        # A self-hosted LibreTranslate wins over DeepL when both are configured.
        (
            {"LIBRETRANSLATE_URL": "https://translate.example.org", "DEEPL_API_KEY": "deepl-key:fx"},
            {
                "class": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
                "options": {"LIBRETRANSLATE_URL": "https://translate.example.org", "API_KEY": ""},
            },
        ),
    ],
    ids=["none", "libretranslate", "deepl", "both"],
)
def test_the_environment_selects_the_machine_translator(env, expected):
    assert translator_for(**env) == expected
