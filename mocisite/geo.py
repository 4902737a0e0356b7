"""Geography: map points (how they are stored, checked and edited) and
place labels. The list of countries is its other half, mocisite/countries.py.

A point is stored the way wagtailgeowidget's Leaflet widget writes it,
``SRID=4326;POINT(<longitude> <latitude>)``, in a plain text column, so the
site needs no GIS database. One parser, :func:`read_point`, reads a stored
value and says what is wrong with it: :func:`parse_point` (the map, which
skips a malformed point) and :func:`validate_point` (the form, which refuses
it with that message) both use it. :func:`place_label` names a place
("Tirana, Albania") for pages and the map alike.

The admin widget is wagtailgeowidget's, with two changes: Leaflet comes from
our own static files (the package's media asks unpkg.com for it), and a new
page starts with an empty point (the package would silently put every new
page on the default location). A failed address lookup is explained in the
editor's language (:class:`PlaceNameWidget`).
"""

import json
import re
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel, LeafletPanel
from wagtailgeowidget.widgets import GeocoderField, LeafletField

from .countries import COUNTRY_NAMES

LEAFLET_JS = "vendor/leaflet/leaflet.js"
LEAFLET_CSS = "vendor/leaflet/leaflet.css"
SRID = 4326
NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
POINT = re.compile(rf"^SRID=(\d+);\s*POINT\s*\(\s*({NUMBER})\s+({NUMBER})\s*\)$", re.IGNORECASE)


class Point(NamedTuple):
    lat: float
    lng: float

    def __str__(self):
        return f"SRID={SRID};POINT({self.lng} {self.lat})"


def read_point(value):
    """The :class:`Point` in a stored value; a ``ValidationError`` that says what
    is wrong for an empty or malformed one."""
    match = POINT.match((value or "").strip())
    if not match:
        raise ValidationError(
            _("This is not a map point. Click the map, or type the latitude and longitude, e.g. “41.33, 19.82”."),
            code="invalid_point",
        )
    if int(match[1]) != SRID:
        raise ValidationError(_("Map points must use latitude and longitude (SRID 4326)."), code="invalid_srid")
    lng, lat = float(match[2]), float(match[3])
    if not -90 <= lat <= 90:
        raise ValidationError(
            _("The latitude must be between -90 and 90; %(value)s is not."), code="latitude", params={"value": lat}
        )
    if not -180 <= lng <= 180:
        raise ValidationError(
            _("The longitude must be between -180 and 180; %(value)s is not."),
            code="longitude",
            params={"value": lng},
        )
    return Point(lat, lng)


def parse_point(value):
    """The :class:`Point` in a stored value; ``None`` for an empty or malformed one."""
    try:
        return read_point(value)
    except ValidationError:
        return None


def validate_point(value):
    """The validator of map point fields: refuses what :func:`read_point` cannot read."""
    read_point(value)


def place_label(place_name, country):
    """“Tirana, Albania”, or whichever part is known; ``country`` is an ISO code,
    named in the active language (an unknown code as it is)."""
    # One name looked up, not get_country_display()'s translation of every country.
    country_name = COUNTRY_NAMES.get(country, country)
    return ", ".join(str(part) for part in (place_name, country_name) if part)


class MapPointWidget(LeafletField):
    """wagtailgeowidget's Leaflet field with Leaflet from our static files."""

    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", LEAFLET_CSS)},
            js=(LEAFLET_JS, "wagtailgeowidget/js/leaflet-field.js", "wagtailgeowidget/js/leaflet-field-controller.js"),
        )

    def build_attrs(self, *args, **kwargs):
        attrs = super().build_attrs(*args, **kwargs)
        options = attrs.get("data-leaflet-field-options-value")
        if options:
            # An empty point stays empty until the editor sets one; a set point shows at once.
            data = json.loads(options)
            data["showEmptyLocation"] = not self.value_data
            attrs["data-leaflet-field-options-value"] = json.dumps(data)
        return attrs


class MapPointPanel(LeafletPanel):
    def widget_overrides(self):
        widgets = super().widget_overrides()
        widget = widgets[self.field_name]
        widgets[self.field_name] = MapPointWidget(
            address_field=widget.address_field,
            zoom_field=widget.zoom_field,
            hide_latlng=widget.hide_latlng,
            zoom=widget.zoom,
            srid=widget.srid,
            id_prefix="id_",
        )
        return widgets


class PlaceNameWidget(GeocoderField):
    """wagtailgeowidget's address field, which says in the editor's language what to do when
    the address lookup fails: the package shows "Nominatim Error: TypeError: Failed to fetch"
    (Nominatim unreachable, or refused by a content security policy). The sentence travels in a
    data attribute; geocoder-fallback.js (a static file: the admin's CSP allows no other
    script) shows it instead."""

    lookup_failed = _(
        "The address could not be looked up just now. Place the point on the map instead: "
        "click the map, or type the latitude and longitude below it."
    )

    def build_attrs(self, *args, **kwargs):
        attrs = super().build_attrs(*args, **kwargs)
        attrs["data-lookup-failed"] = str(self.lookup_failed)
        return attrs

    @property
    def media(self):
        return super().media + forms.Media(js=["mocisite/js/geocoder-fallback.js"])


class PlaceNamePanel(GeoAddressPanel):
    def widget_overrides(self):
        return {self.field_name: PlaceNameWidget(geocoder=self.geocoder)}


def place_panels(address_field="place_name"):
    """The place name (geocoded with Nominatim as the editor types) and the map point it sets."""
    return [
        PlaceNamePanel(address_field, geocoder=geocoders.NOMINATIM),
        MapPointPanel("location", address_field=address_field),
    ]
