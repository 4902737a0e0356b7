"""``makemessages`` for this project: never guesses (no fuzzy matching) and
skips what is not ours. Use: ``manage.py makemessages -a`` (every language)."""

from django.core.management.commands import makemessages

IGNORED = [".venv/*", "node_modules/*", "static/*", "media/*", "tests/*", "screenshots/*"]


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORED]
        options["no_obsolete"] = True
        return super().handle(*args, **options)
