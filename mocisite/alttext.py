"""Alternative text: every picture the public site shows says what it shows, in
the page's language, or is marked decorative by a person.

What a picture means depends on where it is used, so the text lives beside each
use, not on the shared image:

- A page's image field ``<name>`` has ``<name>_alt_text`` beside it (a text
  field, so wagtail-localize offers it to translators as a segment like any
  other) and ``<name>_decorative`` (synchronised: decorative in one language is
  decorative in all). :class:`DescribedImages` checks them when the page is
  saved and tells templates what to write in ``alt``.
- A story's image block is Wagtail's ``ImageBlock``, which carries the same two
  inside the block; :class:`DescribedImageBlock` adds the title check below.

The library's "Alternative text" (Wagtail's ``description`` field, asked for
when an image is edited, see ``mocisite/image_form.py``) is the suggestion a new use
starts from. The image's title, which Wagtail makes from the file name, is
never alternative text: Wagtail's own fallback offers it, so it is refused.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

MAX_LENGTH = 250

DESCRIBE = _("Describe what the picture shows for people who cannot see it, or mark it as decorative.")
NOT_THE_TITLE = format_lazy("{} {}", _("This is the image’s title, made from its file name."), DESCRIBE)


def image_field(help_text, verbose_name):
    """A page's picture from the library; ``<name>_alt_text`` and ``<name>_decorative`` go beside it."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
        verbose_name=verbose_name,
    )


def alt_text_field():
    return models.CharField(
        _("alternative text"),
        max_length=MAX_LENGTH,
        blank=True,
        help_text=_(
            "What the picture shows, in a sentence, for people who cannot see it. Left empty, "
            "the image’s alternative text from the library is copied here when you save."
        ),
    )


def decorative_field():
    return models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("The picture adds nothing the text does not say: screen readers skip it."),
    )


def image_panels(name):
    """The image chooser and its two companions, in that order."""
    return [FieldPanel(name), FieldPanel(f"{name}_alt_text"), FieldPanel(f"{name}_decorative")]


def is_the_title(image, text):
    """True when ``text`` is only the image's title (its file name unless someone changed it)
    and nobody chose it as the image's alternative text in the library."""
    said = text.strip().casefold()
    return said == image.title.strip().casefold() and said != image.description.strip().casefold()


class DescribedImages:
    """A page whose image fields, named in ``described_images``, each have an
    ``_alt_text`` and a ``_decorative`` field (see the module's docstring).

    On save: a decorative image has no alternative text; an empty one is filled
    from the library; an image with neither, or with its title, is refused with
    an error on its alternative text field, so the admin shows it there."""

    described_images: tuple[str, ...] = ()

    def clean(self):
        super().clean()
        errors = {}
        for name in self.described_images:
            image = getattr(self, name)
            alt_field = f"{name}_alt_text"
            if image is None:
                continue
            if getattr(self, f"{name}_decorative"):
                setattr(self, alt_field, "")
                continue
            text = getattr(self, alt_field).strip() or image.description.strip()
            setattr(self, alt_field, text[:MAX_LENGTH])
            if not text:
                errors[alt_field] = DESCRIBE
            elif is_the_title(image, text):
                errors[alt_field] = NOT_THE_TITLE
        if errors:
            raise ValidationError(errors)

    def alt_text_for(self, name):
        """What the page's ``alt`` says for image ``name``: its alternative text, "" for a
        decorative image, None for an image nobody has described yet (not shown)."""
        if getattr(self, f"{name}_decorative"):
            return ""
        return getattr(self, f"{name}_alt_text").strip() or None


class DescribedImageBlock(ImageBlock):
    """Wagtail's image block (alternative text or "decorative", translatable by
    wagtail-localize), which also refuses the image's title as alternative text."""

    def clean(self, value):
        value = super().clean(value)
        if (
            not self.is_deferred_validation
            and value
            and not value.decorative
            and is_the_title(value, value.contextual_alt_text or "")
        ):
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(NOT_THE_TITLE)})
        return value

    class Meta:
        icon = "image"


def describe_from_library(apps, label, name):
    """For the migration that added the fields: each existing use of an image starts from the
    library's alternative text where there is one, and is left undescribed (not shown
    until an editor describes it) where there is none. Never from the title."""
    model = apps.get_model(label)
    for page in model.objects.filter(**{f"{name}__isnull": False}).exclude(**{f"{name}__description": ""}):
        model.objects.filter(pk=page.pk).update(
            **{f"{name}_alt_text": getattr(page, name).description.strip()[:MAX_LENGTH]}
        )
