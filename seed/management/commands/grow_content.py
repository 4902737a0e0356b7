"""Make the MOCI site bigger, to see how pages and queries behave with a large network.

``manage.py grow_content --projects 300`` adds generated English projects until
there are 300, with organisations, people and resources in proportion, and
their aliases in every other language (see :mod:`seed.bulk`).
Run ``load_moci_content`` first. Idempotent: with 300 projects or more it does
nothing.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mocisite.pagecache import invalidate
from seed.bulk import MissingContent, grow_site


class Command(BaseCommand):
    help = "Add generated projects, people, organisations and resources until there are N English projects."

    def add_arguments(self, parser):
        parser.add_argument(
            "--projects", type=int, required=True, help="How many English project pages the site should have."
        )

    def handle(self, *args, projects, **options):
        started = time.monotonic()
        try:
            with transaction.atomic():
                grown = grow_site(projects)
                # Pages written straight into the tree announce no publish: say it once.
                invalidate("content grown")
        except MissingContent as error:
            raise CommandError(f"{error} Run load_moci_content first.") from error
        if not grown.projects:
            self.stdout.write(f"Nothing to do: the site has {projects} English projects or more.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Site grown to {projects} English projects: {grown} ({time.monotonic() - started:.1f} s)."
            )
        )
