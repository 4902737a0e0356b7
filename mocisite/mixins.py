"""Small flat mixins for page models; each carries its own panels. The helpers
behind ``PlaceFields`` (points, place labels, countries) are in mocisite/geo.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from . import geo
from .countries import COUNTRY_CHOICES
from .geo import parse_point, place_panels, validate_point


class PlaceFields(models.Model):
    """Where something is: a place name, a country and a point on the community map.

    The point is the same in every language: it is synchronised from the
    English page and never offered to translators as a segment."""

    place_name = models.CharField(
        _("place"),
        max_length=120,
        blank=True,
        help_text=_("Town or village, as people there write it, e.g. “Tirana” or “Pellumbas”."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRY_CHOICES,
        blank=True,
        help_text=_("Used by the country filter."),
    )
    location = models.CharField(
        _("map point"),
        max_length=100,
        blank=True,
        validators=[validate_point],
        help_text=_(
            "Where it shows on the community map. Type the place above to find it, then drag the marker; "
            "leave empty to keep it off the map."
        ),
    )

    address_panel, point_panel = place_panels("place_name")
    place_panels = [
        MultiFieldPanel(
            [address_panel, FieldPanel("country"), point_panel],
            heading=_("Where"),
        ),
    ]
    place_search_fields = [index.SearchField("place_name"), index.FilterField("country")]
    place_translatable_fields = [SynchronizedField("location", overridable=False)]
    del address_panel, point_panel

    class Meta:
        abstract = True

    @property
    def place_label(self):
        """“Tirana, Albania”, or whichever part is known."""
        return geo.place_label(self.place_name, self.country)

    @property
    def point(self):
        """The map point as a ``Point(lat, lng)``, or ``None``."""
        return parse_point(self.location)
