"""The one shared StreamField vocabulary of the site (``StoryBlock``) and the
link blocks that navigation, footer and calls to action are built from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField

from mocisite.alttext import DescribedImageBlock


class LinkValue(blocks.StructValue):
    """Resolves a link to an internal page (in the visitor's language) or a URL."""

    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""

    def text(self):
        if self.get("label"):
            return self.get("label")
        page = self.get("page")
        return page.localized.title if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another website."""

    label = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=_("The words people click. Leave empty to use the page's title."),
    )
    page = blocks.PageChooserBlock(required=False, help_text=_("A page of this site…"))
    url = blocks.URLBlock(required=False, help_text=_("…or the address of another website."))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("A link to another website needs a label."))}
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkValue
        label = _("Link")
        form_classname = "link-block"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text=_("A short title for the section that follows."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Sub-headings belong under a section heading."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = _("A section heading, to break a long text into parts.")
        preview_value = {"text": "What we do", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        description = _("Text with links, lists and emphasis.")
        preview_value = (
            "<p>MOCI is a cultural mobile hub on the roads of the Balkans and a "
            "community platform for open culture and creative production.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = DescribedImageBlock(
        help_text=_("Describe the image for people who cannot see it, unless it is decorative.")
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text=_("Shown under the image."))

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("The words quoted, without quotation marks."))
    attribution = blocks.CharBlock(required=False, max_length=120, help_text=_("Who said it."))

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        description = _("A quotation, with who said it.")
        preview_value = {
            "text": "Exchange and co-creation are of fundamental importance in moving towards free and open societies.",
            "attribution": "MOCI",
        }


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "components/blocks/embed_block.html"
        description = _("A video or other media from a site such as YouTube or Vimeo, by its address.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text=_("What you invite people to do."))
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences of explanation."))
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        description = _("A highlighted invitation with a button.")
        preview_value = {
            "title": "Join the network",
            "text": "Find peers in the region and share what you know.",
            "link": {"label": "Read our principles", "url": "https://example.org/"},
        }


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Paragraph"))
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    embed = VideoEmbedBlock(label=_("Video or media"))
    call_to_action = CallToActionBlock(label=_("Call to action"))

    class Meta:
        template = "components/blocks/story_block.html"


def story_field(help_text):
    """A page's story: the shared :class:`StoryBlock`, optional, called “body”."""
    return StreamField(StoryBlock(), blank=True, help_text=help_text, verbose_name=_("body"))
