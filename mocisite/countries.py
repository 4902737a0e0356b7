"""The countries where the network and its partners work, as ISO 3166 codes with names that
are interface strings (so they are translated with the rest of the site)."""

from django.utils.translation import gettext_lazy as _

COUNTRY_CHOICES = [
    ("AL", _("Albania")),
    ("AM", _("Armenia")),
    ("AZ", _("Azerbaijan")),
    ("BE", _("Belgium")),
    ("BA", _("Bosnia and Herzegovina")),
    ("GE", _("Georgia")),
    ("DE", _("Germany")),
    ("XK", _("Kosovo")),
    ("ME", _("Montenegro")),
    ("NL", _("Netherlands")),
    ("MK", _("North Macedonia")),
    ("RS", _("Serbia")),
]
