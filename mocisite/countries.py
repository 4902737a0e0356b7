"""The countries where the network works, as ISO 3166 codes with names that
are interface strings (so they are translated with the rest of the site)."""

from django.utils.translation import gettext_lazy as _

COUNTRY_CHOICES = [
    ("AL", _("Albania")),
    ("AM", _("Armenia")),
    ("AZ", _("Azerbaijan")),
    ("BA", _("Bosnia and Herzegovina")),
    ("GE", _("Georgia")),
    ("DE", _("Germany")),
    ("XK", _("Kosovo")),
    ("ME", _("Montenegro")),
    ("MK", _("North Macedonia")),
    ("RS", _("Serbia")),
]
