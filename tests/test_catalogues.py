"""Every enabled language's interface catalogue is complete, current and compiled-ready."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(code):
    return ROOT / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def current_msgids(tmp_path_factory):
    """The msgids the code marks today: makemessages run on a copy of the code
    (so the committed catalogues stay untouched), read from its fresh German file."""
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is missing: apt-get install -y gettext")
    copy = tmp_path_factory.mktemp("code")
    # The project's own apps: those of INSTALLED_APPS that are folders here.
    for name in [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    (copy / "locale").mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mocisite.settings.dev"}
    subprocess.run(  # noqa: S603 - our own manage.py with the test interpreter
        [sys.executable, "manage.py", "makemessages", "-l", "de", "-v", "0"], cwd=copy, env=env, check=True
    )
    fresh = polib.pofile(str(copy / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    return {(entry.msgctxt, entry.msgid) for entry in fresh}


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete(code):
    path = catalogue(code)
    assert path.exists(), f"{path} is missing"
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{code}: untranslated: {untranslated}"
    assert fuzzy == [], f"{code}: fuzzy: {fuzzy}"
    for entry in po:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), f"{code}: plural forms missing for {entry.msgid}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_matches_the_code(code, current_msgids):
    po = polib.pofile(str(catalogue(code)))
    committed = {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}
    stale = committed - current_msgids
    missing = current_msgids - committed
    assert not stale, f"{code}: msgids no longer in the code: {sorted(m for _c, m in stale)}"
    assert not missing, f"{code}: msgids not in the catalogue (run makemessages -a): {sorted(m for _c, m in missing)}"
