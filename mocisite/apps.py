from django.apps import AppConfig


class MocisiteConfig(AppConfig):
    name = "mocisite"
    verbose_name = "MOCI site"

    def ready(self):
        from .pagecache import connect_signals

        connect_signals()
