"""The community map and the admin's map widget (wagtailgeowidget). Imported
into base.py; the Content-Security-Policy (security.py) allows the tiles' host."""

import os

# Visitors' browsers fetch the tiles from MAP_TILE_URL (OpenStreetMap's by default:
# fine for a small site, see https://operations.osmfoundation.org/policies/tiles/);
# the attribution must name whoever serves them.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAP_MAX_ZOOM = int(os.environ.get("MAP_MAX_ZOOM", "18"))
# The map's first view: the Western Balkans, between Tirana and Berlin's partners.
MAP_CENTRE = {"lat": 42.5, "lng": 19.5}
MAP_ZOOM = 6
# The admin widget: centred on Tirana, not on the package's default of Stockholm.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 41.3275, "lng": 19.8187}
GEO_WIDGET_ZOOM = 7
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION, "maxZoom": MAP_MAX_ZOOM}
