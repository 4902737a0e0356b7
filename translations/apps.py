from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = "Translation queue"

    def ready(self):
        # Registers the system check that keeps wagtail-localize's undo views guarded.
        from . import undo  # noqa: F401
