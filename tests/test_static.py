"""The static files a deployment serves: ``collectstatic`` with the production
storage (hashed names, compressed copies) must succeed, Leaflet included."""

import json

from django.core.management import call_command
from django.templatetags.static import static


def test_collectstatic_with_hashed_compressed_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in (
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet/images/marker-icon.png",  # the admin widget's marker, referenced by leaflet.css
        "vendor/leaflet-markercluster/leaflet.markercluster-src.js",
        "vendor/leaflet-markercluster/MarkerCluster.css",
        "mocisite/js/community-map.js",
        "mocisite/css/map.css",
        "wagtailgeowidget/js/leaflet-field.js",
    ):
        assert name in manifest, name
        assert (tmp_path / manifest[name]).exists()
        assert static(name).endswith(manifest[name])
    # What the site never serves is left out (see mocisite/management/commands/collectstatic.py).
    assert "vendor/leaflet-markercluster/leaflet.markercluster.js" not in manifest
    assert not any(name.startswith("vendor/leaflet/leaflet-src") for name in manifest)
