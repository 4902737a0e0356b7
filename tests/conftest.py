import email
import email.policy
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from mocisite.pagecache import bump_generation
from tests import factories
from tests.reliability.harness import free_port


def pytest_collection_modifyitems(items):
    """Tests run in random order (pytest-randomly). A module's data built once
    (a module-scoped fixture on :func:`module_data`) stays in its open
    transaction from the first test that asks for it to the module's end, so a
    test of the same module that builds its own data would find that data
    there or not depending on the order: such a test belongs in another module."""
    with_data, without = {}, {}
    for item in items:
        if getattr(item, "module", None) is None:
            continue
        if _uses_module_data(item):
            with_data.setdefault(item.module.__name__, item.nodeid)
        elif _builds_its_own_data(item):
            without.setdefault(item.module.__name__, item.nodeid)
    mixed = sorted(with_data.keys() & without.keys())
    if mixed:
        raise pytest.UsageError(
            "These modules build data for the whole module and also have tests that build their own "
            "(move those to a module of their own): "
            + "; ".join(f"{with_data[name]} and {without[name]}" for name in mixed)
        )


def _uses_module_data(item):
    info = getattr(item, "_fixtureinfo", None)  # pytest's own record of the item's fixtures
    definitions = info.name2fixturedefs if info is not None else {}

    def needs_database(name, seen):
        if name == "django_db_blocker":
            return True
        if name in seen or name not in definitions:
            return False
        seen.add(name)
        return any(needs_database(argument, seen) for argument in definitions[name][-1].argnames)

    return any(
        definitions[name][-1].scope == "module" and needs_database(name, set())
        for name in getattr(item, "fixturenames", ())
        if name in definitions
    )


def _builds_its_own_data(item):
    """Whether the test asks for the database itself (``db``, e.g. through ``home``)
    or is a Django test case with its own ``setUpTestData``."""
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return bool({"db", "transactional_db"} & set(getattr(item, "fixturenames", ()))) or (
        cls is not None and issubclass(cls, TransactionTestCase)
    )


@contextmanager
def module_data(django_db_blocker):
    """Data built once for a whole test module.

    It lives in an outer transaction; each test's own transaction (pytest-django's
    ``db``) nests in it as a savepoint, so a test's changes vanish after it as
    usual, and the module's data vanishes when the module is done — the way
    Django's ``TestCase.setUpTestData`` works. Building the MOCI site once per
    module instead of once per test is most of the suite's speed."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@contextmanager
def multilingual_module_tree(django_db_blocker, *, roles=False):
    """For a module: :func:`build_tree` under a new home, every configured
    language's locale and synchronised tree, and the roles when asked."""
    from mocisite.languages import ensure_locales, synchronise_trees
    from mocisite.roles import setup_roles

    with module_data(django_db_blocker):
        tree = build_tree(factories.make_home())
        ensure_locales()
        synchronise_trees()
        if roles:
            setup_roles()
        yield tree


@contextmanager
def three_language_tree(django_db_blocker):
    """:func:`multilingual_module_tree` with the roles, in three of the site's languages
    (English, Albanian, German): enough for the translation queue's tests, and quick."""
    from django.test import override_settings

    languages = [language for language in settings.MOCI_LANGUAGES if language[0] in ("en", "sq", "de")]
    with override_settings(MOCI_LANGUAGES=languages), multilingual_module_tree(django_db_blocker, roles=True) as tree:
        yield tree


@pytest.fixture(scope="module")
def queue_tree(django_db_setup, django_db_blocker):
    """:func:`three_language_tree`, built once for a module: the translation queue reads
    the Locale rows, and three languages keep its tests quick."""
    with three_language_tree(django_db_blocker) as tree:
        yield tree


@pytest.fixture(scope="module")
def moci_content(django_db_setup, django_db_blocker):
    """The MOCI site from the content command, built once for the module."""
    with module_data(django_db_blocker):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("MOCI_ADMIN_PASSWORD", "a-long-test-password")
            call_command("load_moci_content", verbosity=0)
        yield


@pytest.fixture(autouse=True)
def _english_to_begin_with():
    """Each test starts in English: a request in another language (the locale
    middleware activates it) must not change the language of the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _nothing_remembered():
    """Each test starts with no cached page and nothing remembered: the database
    of the test before was rolled back, which no publish signal announces. Its
    caches go too: after a rollback the same ids come back (SQLite), so a
    rendition or a password lockout cached for the last test's image or
    restriction would be found for this one's."""
    bump_generation()
    for alias in ("default", "renditions"):
        if isinstance(caches[alias], LocMemCache):
            caches[alias].clear()
    yield


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def project_index(home):
    return factories.make_project_index(home)


@pytest.fixture
def people_index(home):
    return factories.make_people_index(home)


def build_tree(home):
    """A page of every type under ``home``, with an image, a theme and a skill."""
    index = factories.make_project_index(home)
    people = factories.make_people_index(home)
    image = factories.make_image()
    theme = factories.make_theme()
    skill = factories.make_skill()
    project = factories.make_project(
        index,
        "Precious Plastic",
        image=image,
        place_name="Tirana",
        country="AL",
        themes=[theme],
        body=[("paragraph", "<p>Shredders and moulds.</p>")],
    )
    organisation = factories.make_organisation(people, "Uzina", skills=[skill], photo=image, place_name="Tirana")
    person = factories.make_person(people, "Arta", organisation=organisation, needs=[skill])
    principles = factories.make_principles(home)
    return {
        "home": home,
        "index": index,
        "project": project,
        "people": people,
        "organisation": organisation,
        "person": person,
        "principles": principles,
    }


def fresh(objects):
    """The same rows read again, so a test never sees another test's in-memory changes."""
    return {key: type(obj).objects.get(pk=obj.pk) for key, obj in objects.items()}


@pytest.fixture
def full_tree(home):
    return build_tree(home)


class Inbox:
    """aiosmtpd's handler: keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd, in a thread of this process) and Django's SMTP
    backend pointed at it; settings are global, so a live server sends there too."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_TIMEOUT=10,
            DEFAULT_FROM_EMAIL="MOCI <noreply@moci.example.org>",
        ):
            yield inbox
    finally:
        controller.stop()


@pytest.fixture
def fresh_counts(settings):
    """The public forms' limits count from zero (connect/protect.py), and a form may be sent at once."""
    cache.clear()
    settings.MOCI_CONNECT_MIN_FILL_SECONDS = 0
    yield
    cache.clear()
