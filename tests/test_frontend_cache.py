"""A CDN in front is purged on publish (wagtail.contrib.frontend_cache), translated
URLs included.

Production installs the app when a CDN is configured (mocisite/settings/production.py);
here a recording backend stands in for Cloudflare or CloudFront, and the fixture
connects the app's signal handlers, as its ``ready()`` does, for the test only.
"""

import json

import pytest

from django.apps import apps

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.signal_handlers import (
    page_published_signal_handler,
    page_unpublished_signal_handler,
    register_signal_handlers,
)
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from mocisite.languages import ensure_locales, synchronise_trees
from tests import factories
from tests.factories import translate
from tests.test_production import realistic_environment, run


class RecordingBackend(BaseBackend):
    """A frontend cache that remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": "tests.test_frontend_cache.RecordingBackend"}}
    # As production sets it: every language the site serves.
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
    RecordingBackend.purged.clear()
    register_signal_handlers()
    yield RecordingBackend.purged
    # What register_signal_handlers() connected: every page model.
    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(page_published_signal_handler, sender=model)
            page_unpublished.disconnect(page_unpublished_signal_handler, sender=model)
    RecordingBackend.purged.clear()


@pytest.fixture
def project(project_index):
    ensure_locales()
    synchronise_trees()
    return factories.make_project(project_index, "Precious Plastic", summary="Recycling workshops.")


def test_publishing_an_english_page_purges_it_in_every_language(purged, project):
    project.summary = "Shredders, moulds and workshops."
    project.save_revision().publish()

    assert "http://localhost/en/projects/precious-plastic/" in purged
    # The pages in the other languages show the English text until translated
    # (aliases): purged too, as is the same path under each language.
    for code in ("sq", "sr-latn", "mk", "de", "ka", "hy"):
        assert f"http://localhost/{code}/projects/precious-plastic/" in purged


def test_publishing_the_albanian_translation_purges_its_url(purged, project):
    # The Albanian index has its own slug: the Albanian project's address is not the
    # English one with another language prefix.
    translate(project.get_parent().specific, "sq", title="Projektet", slug="projektet")
    albanian = translate(project, "sq", title="Plastika e çmuar")
    assert albanian.url == "/sq/projektet/plastika-e-cmuar/"
    purged.clear()

    albanian.summary = "Punëtori riciklimi."
    albanian.save_revision().publish()

    assert "http://localhost/sq/projektet/plastika-e-cmuar/" in purged
    assert "http://localhost/en/projects/precious-plastic/" not in purged


def test_unpublishing_purges_the_page(purged, project):
    purged.clear()
    project.unpublish()
    assert "http://localhost/en/projects/precious-plastic/" in purged


def test_nothing_is_purged_without_a_cdn(purged, settings, project):
    settings.WAGTAILFRONTENDCACHE = {}
    purged.clear()
    project.save_revision().publish()
    assert purged == []


WIRING = """
import json, django
django.setup()
from wagtail.contrib.frontend_cache.signal_handlers import page_published_signal_handler
from wagtail.models import get_page_models
from wagtail.signals import page_published

def purges(model):
    receivers, _async_receivers = page_published._live_receivers(model)
    return page_published_signal_handler in receivers

print(json.dumps({model.__name__: purges(model) for model in get_page_models()}))
"""


def test_production_wires_the_purge_itself():
    """With a CDN configured, production's own start-up (the app in INSTALLED_APPS, its
    ``ready()``) connects the purge to publishing every page type: no test fixture does it.
    Without one, nothing is connected."""
    result = run(["-c", WIRING], realistic_environment())
    assert result.returncode == 0, result.stderr
    wired = json.loads(result.stdout.strip().splitlines()[-1])
    assert wired and all(wired.values()), wired
    environment = {name: value for name, value in realistic_environment().items() if "CLOUDFLARE" not in name}
    result = run(["-c", WIRING], environment)
    assert result.returncode == 0, result.stderr
    assert not any(json.loads(result.stdout.strip().splitlines()[-1]).values())
