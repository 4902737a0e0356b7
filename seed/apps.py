"""The seed app's configuration (see the package docstring, ``seed/__init__.py``)."""

from django.apps import AppConfig


class SeedConfig(AppConfig):
    """The MOCI site's first content: the organisation's texts and the commands
    that build the site from them (``load_moci_content``, ``grow_content``).

    The top floor: it imports the ground floor (``mocisite``) and every feature
    app; no app imports it. It has no models and serves no pages."""

    name = "seed"
    verbose_name = "MOCI seed content"
