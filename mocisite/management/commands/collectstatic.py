"""``collectstatic``, leaving out what the vendored Leaflet packages ship but the
site never serves: Leaflet's ES-module and unminified builds, and the minified
marker-cluster script, whose source map the package lacks (the hashed storage
would stop at the missing file). The site uses ``leaflet.js`` and
``leaflet.markercluster-src.js``."""

from django.contrib.staticfiles.management.commands.collectstatic import Command as CollectStaticCommand

UNSERVED_VENDOR_FILES = ["leaflet-src.*", "leaflet.markercluster.js"]


class Command(CollectStaticCommand):
    def set_options(self, **options):
        super().set_options(**options)
        self.ignore_patterns = [*self.ignore_patterns, *UNSERVED_VENDOR_FILES]
