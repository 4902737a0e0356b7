"""What ``bin/start`` runs before gunicorn, on every start of every app container.

1. ``check --deploy``: the deployment checks (warnings are printed; errors stop).
2. ``migrate``: the database schema up to date.
3. ``setup_roles``: the languages' locales and page trees, the editorial groups
   and the workflows.
4. ``clearsessions``: expired sign-ins removed from the database.
5. With ``MOCI_LOAD_CONTENT=1``, and only while the site has no home page yet:
   ``load_moci_content``, the MOCI pages and texts (a first deployment; once the
   site has content the variable changes nothing, so it can stay set).

On PostgreSQL this holds an advisory lock: app containers that start together
take turns, so two never migrate at once.

The content command lives in the ``seed`` app, above every other; this command
names it only, and asks Wagtail's page tree (not the ``home`` app) whether the
site has a home page, so the ground floor imports no app above it.
"""

import os
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from wagtail.models import Page

# Any fixed number that no other program takes an advisory lock with.
LOCK_ID = 0x4D4F4349  # "MOCI"


@contextmanager
def one_at_a_time(stdout):
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_ID])
        if not cursor.fetchone()[0]:
            stdout.write("setup_site: another container is setting up the site; waiting for it.")
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])


def has_home_page():
    """Whether the site has its home page, asked of the tree alone: on a new
    site every page is a plain Wagtail ``Page`` (the tree's root, Wagtail's
    welcome page and its aliases), and every page type of the site's own
    lives under the home page, so a page of any other type means there is one."""
    return Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).exists()


class Command(BaseCommand):
    help = (
        "Bring a deployment up to date: deployment checks, migrate, roles and languages, expired sessions, and "
        "(MOCI_LOAD_CONTENT=1, on a site without a home page) the MOCI content. One container at a time."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        call_command("check", deploy=True, verbosity=verbosity)
        with one_at_a_time(self.stdout):
            call_command("migrate", interactive=False, verbosity=verbosity)
            call_command("setup_roles", verbosity=verbosity)
            call_command("clearsessions", verbosity=verbosity)
            if os.environ.get("MOCI_LOAD_CONTENT") == "1":
                self.load_content(verbosity)

    def load_content(self, verbosity):
        if has_home_page():
            self.stdout.write("MOCI_LOAD_CONTENT=1: the site has a home page already; its content is left alone.")
            return
        self.stdout.write("MOCI_LOAD_CONTENT=1: loading the MOCI content into the new site.")
        call_command("load_moci_content", verbosity=verbosity)
