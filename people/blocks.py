"""The people's own StreamField blocks: a profile's links to its website and
social media. The blocks every page shares are in mocisite/blocks.py."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ExternalLinkBlock(blocks.StructBlock):
    """A public link of a profile, shown with its name: web addresses only (no
    ``mailto:``, ``javascript:`` or other schemes)."""

    label = blocks.CharBlock(max_length=80, help_text=_("e.g. “Website” or “Instagram”."))
    url = blocks.URLBlock(
        help_text=_("The full address, starting with https://."),
        validators=[URLValidator(schemes=["http", "https"])],
    )

    class Meta:
        icon = "link-external"
        label = _("Link")
