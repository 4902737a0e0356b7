from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from mocisite.blocks import story_field
from mocisite.pages import MociPage


class PrincipleBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120,
        help_text=_("The principle in a few words, e.g. “Co-creation”."),
    )
    text = blocks.TextBlock(
        help_text=_("What we believe, completing the sentence “We believe that…”."),
    )

    class Meta:
        icon = "tick-inverse"
        template = "components/blocks/principle_block.html"
        description = _("One principle: a short title and what we believe.")
        preview_value = {
            "title": "Co-creation",
            "text": "Co-creation is fundamental for generating meaningful regional activities.",
        }


class PrinciplesPage(MociPage):
    """The principles the network stands for, and how it works."""

    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        help_text=_("Shown before the principles: who “we” are and that the principles evolve."),
    )
    principles = StreamField(
        [("principle", PrincipleBlock())],
        min_num=1,
        help_text=_("The principles, in order. Drag to reorder; each one is translated on its own."),
        verbose_name=_("principles"),
    )
    how_we_function = RichTextField(
        _("how we function"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("The “How do we function?” section."),
    )
    what_we_do = RichTextField(
        _("what we do"), features=["bold", "italic", "link", "ul"], help_text=_("The “What do we do?” section.")
    )
    body = story_field(_("Anything else, after the two sections."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("principles"),
        FieldPanel("how_we_function"),
        FieldPanel("what_we_do"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("principles"),
        index.SearchField("how_we_function"),
        index.SearchField("what_we_do"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_label = _("Principles")
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("principles page")
