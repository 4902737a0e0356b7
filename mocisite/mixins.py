"""Small flat mixins for page models; each carries its own panels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .countries import COUNTRY_CHOICES


class PlaceFields(models.Model):
    """Where something is: a place name and a country."""

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

    place_panels = [
        MultiFieldPanel([FieldPanel("place_name"), FieldPanel("country")], heading=_("Where")),
    ]
    place_search_fields = [index.SearchField("place_name"), index.FilterField("country")]

    class Meta:
        abstract = True

    @property
    def place_label(self):
        """“Tirana, Albania”, or whichever part is known."""
        return ", ".join(str(part) for part in (self.place_name, self.get_country_display()) if part)
