from django.apps import AppConfig


class MocisiteConfig(AppConfig):
    name = "mocisite"
    verbose_name = "MOCI site"

    def ready(self):
        from . import pagecache, privacy

        pagecache.connect_signals()
        privacy.connect_signals()
