from django.core.management.base import BaseCommand

from mocisite.roles import SECRETARIAT, WORKFLOW_NAME, setup_roles


class Command(BaseCommand):
    help = "Create or update the Secretariat and Editors groups and the moderation workflow."

    def handle(self, *args, **options):
        setup_roles()
        self.stdout.write(f"Roles ready: groups “{SECRETARIAT}” and “Editors”, workflow “{WORKFLOW_NAME}”.")
