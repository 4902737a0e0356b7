"""The projects' own StreamField blocks: a partner or funder of a project.
The blocks every page shares are in mocisite/blocks.py."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class PartnerBlock(blocks.StructBlock):
    partner = SnippetChooserBlock("projects.Partner", help_text=_("Choose or add the organisation."))
    role = blocks.ChoiceBlock(
        choices=[("partner", _("Partner")), ("funder", _("Funder"))],
        default="partner",
        help_text=_("Funders are listed under “Supported by”."),
    )

    class Meta:
        icon = "group"
        label = _("Partner or funder")
