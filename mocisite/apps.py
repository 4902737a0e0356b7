from django.apps import AppConfig


class MocisiteConfig(AppConfig):
    name = "mocisite"
    verbose_name = "MOCI site"
