"""``compilemessages`` that also works without GNU gettext: where ``msgfmt``
is not installed (a fresh machine), the catalogues are compiled with polib."""

from pathlib import Path

import polib

from django.conf import settings
from django.core.management.commands import compilemessages
from django.core.management.utils import find_command


class Command(compilemessages.Command):
    def handle(self, *args, **options):
        if find_command(self.program):
            return super().handle(*args, **options)
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                if options.get("verbosity", 1) > 0:
                    self.stdout.write(f"compiled {po_path} (polib; msgfmt not installed)")
