"""The image sizes the public templates ask for, in one place.

Each ``{% picture %}`` call in the templates expands into one rendition per size
and format; the constants below are the exact filter specs Wagtail stores for
them (``Rendition.filter_spec``), so that a listing can fetch them with its
images: ``get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)``.
tests/test_images.py renders every template and checks that the renditions it
made are exactly these: change a template's sizes and its constant together.

Sizes: phones are 360–420 CSS px wide at 2–3x, so an image as wide as the
screen needs about 800 px; larger files only serve desktops. AVIF first, WebP
for browsers without it, JPEG for the very old ones (the <img> fallback).
"""

FORMATS = ("avif", "webp", "jpeg")


def picture_specs(*sizes):
    """The filter specs of ``{% picture image SIZE-{…} format-{avif,webp,jpeg} %}``,
    in the order Wagtail expands them (each size in each format)."""
    return [f"{size}|format-{fmt}" for size in sizes for fmt in FORMATS]


# A card (includes/card.html: projects, workshops): 8:5, ~22rem wide in three columns,
# up to ~37rem in one (a large phone held sideways).
CARD_RENDITIONS = picture_specs("fill-400x250", "fill-800x500")
# The main image of a project page: 16:9, the width of the text column up to 60rem.
PROJECT_IMAGE_RENDITIONS = picture_specs("fill-400x225", "fill-800x450", "fill-1200x675")
# The home page's hero, beside the big sentence on large screens: 8:5.
HERO_RENDITIONS = picture_specs("fill-400x250", "fill-800x500", "fill-1200x750")
# A person's or organisation's photo on their page (a 10rem circle)…
PROFILE_RENDITIONS = picture_specs("fill-160x160", "fill-320x320", "fill-480x480")
# …and in the directory (a 6rem circle).
DIRECTORY_RENDITIONS = picture_specs("fill-96x96", "fill-192x192", "fill-288x288")
# An image in a StoryBlock: as wide as the column (up to 48rem), any shape.
STORY_IMAGE_RENDITIONS = picture_specs("width-400", "width-800", "width-1200")
