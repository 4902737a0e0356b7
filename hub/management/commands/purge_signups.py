"""Delete the sign-ups (names, e-mail addresses, organisations) of workshops that ended
more than MOCI_HUB_SIGNUP_KEEP_DAYS days ago. bin/start runs it; run it daily besides (README)."""

from django.core.management.base import BaseCommand

from hub.signups import purge


class Command(BaseCommand):
    help = "Delete the sign-ups of workshops that ended more than MOCI_HUB_SIGNUP_KEEP_DAYS days ago."

    def handle(self, *args, **options):
        deleted = purge()
        if options["verbosity"]:
            self.stdout.write(f"purge_signups: {deleted} sign-up(s) deleted")
