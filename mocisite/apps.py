from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as BaseStaticFilesConfig


class MocisiteConfig(AppConfig):
    name = "mocisite"
    verbose_name = "MOCI site"


class StaticFilesConfig(BaseStaticFilesConfig):
    """Django's static files, leaving out what the vendored packages ship but the
    site never serves: Leaflet's ES-module and unminified builds, and the minified
    marker-cluster script, whose source map the package does not include (the
    hashed storage of ``collectstatic`` would stop at the missing file)."""

    ignore_patterns = [
        *BaseStaticFilesConfig.ignore_patterns,
        "leaflet-src.*",
        "leaflet.markercluster.js",
    ]
