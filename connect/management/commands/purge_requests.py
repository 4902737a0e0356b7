"""Delete what the public forms keep: requests older than MOCI_CONNECT_KEEP_DAYS
(whether confirmed or not, with any message never sent), and the text of any
request already carried out. bin/start runs it; run it daily besides (README)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from connect.models import PendingRequest


class Command(BaseCommand):
    help = "Delete requests from the public forms older than MOCI_CONNECT_KEEP_DAYS, and delivered messages' texts."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.MOCI_CONNECT_KEEP_DAYS)
        deleted, _by_model = PendingRequest.objects.filter(created_at__lt=cutoff).delete()
        emptied = PendingRequest.objects.filter(confirmed_at__isnull=False).exclude(payload={}).update(payload={})
        if options["verbosity"]:
            self.stdout.write(f"purge_requests: {deleted} request(s) deleted, {emptied} text(s) emptied")
