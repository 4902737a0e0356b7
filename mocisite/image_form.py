"""The library's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``), in a module of its
own: Wagtail's image forms can only be imported once the models are loaded."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """The library's image form: Wagtail's description field is the image's alternative
    text, asked for whenever an image is edited (a fresh upload may still arrive
    without it; every use then asks again, see mocisite/alttext.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.label = capfirst(_("alternative text"))
            field.help_text = _(
                "What the picture shows, in a sentence, for people who cannot see it. Pages that use "
                "the image start from it; each page can say it differently and translators translate it there."
            )
            field.required = self.instance.pk is not None
