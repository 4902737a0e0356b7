"""The photo of a profile sent through the join form: an image, read by Pillow
(not by its name or the type the browser claims), within the size and pixel
limits of Wagtail's own uploads, and re-encoded so that nothing but the pixels
is kept (no EXIF: no camera, no GPS position, no date).

What :func:`read_photo` returns is kept in the request's payload (base64) until
the sender confirms; then it becomes a Wagtail image."""

import base64
import io

from PIL import Image, ImageOps, UnidentifiedImageError

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

# What Pillow may read (the formats the image library accepts).
FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "AVIF"}
# A profile photo is shown small: a larger one is scaled down before it is kept.
MAX_SIDE = 1600


def _refuse():
    return forms.ValidationError(
        _("This file is not a photo we can use. Please choose a JPEG, PNG, GIF or WebP image."), code="not-image"
    )


def read_photo(upload):
    """``{"photo": base64, "photo_type": "jpg"|"png"}`` for an uploaded file, or a
    ``ValidationError`` that says what to change."""
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise forms.ValidationError(
            _("This photo is too large. Please choose one under %(megabytes)d MB.")
            % {"megabytes": limit // (1024 * 1024)},
            code="too-large",
        )
    data = upload.read()
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in FORMATS:
                raise _refuse()
            width, height = probe.size
            if width * height > max_pixels:
                raise forms.ValidationError(
                    _("This photo has too many pixels. Please choose a smaller one."), code="too-many-pixels"
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.seek(0)  # the first frame of an animation
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            keeps_alpha = image.mode in ("RGBA", "LA", "P") and "transparency" in image.info or image.mode == "RGBA"
            out = io.BytesIO()
            if keeps_alpha:
                image.convert("RGBA").save(out, format="PNG", optimize=True)
                kind = "png"
            else:
                image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
                kind = "jpg"
    except forms.ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        raise _refuse() from None
    return {"photo": base64.b64encode(out.getvalue()).decode("ascii"), "photo_type": kind}


def photo_file(payload, name):
    """The kept photo as a file for a Wagtail image, or None."""
    if not payload.get("photo"):
        return None
    return ContentFile(base64.b64decode(payload["photo"]), name=f"{name}.{payload.get('photo_type', 'jpg')}")
