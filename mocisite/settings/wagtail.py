"""Wagtail's settings: the admin and its editor, uploads (documents and images)
and embedded videos. Imported into base.py (which chooses the search backend,
beside the database it follows)."""

import os

from wagtail.embeds.oembed_providers import vimeo, youtube

WAGTAIL_SITE_NAME = "MOCI"
# Addresses are ASCII in every language (mocisite/slugs.py makes the translations'): the admin
# makes "gjirokaster" of "Gjirokastër", not "gjirokast%C3%ABr".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Uploads are never HTML or SVG (they could carry scripts). Documents always go
# through Wagtail's view (collection privacy, and the headers that keep anything in
# them from running: see mocisite.security); PDFs open in the browser, the rest download.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# The library asks for alternative text (mocisite/alttext.py, image_form.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "mocisite.image_form.ImageForm"
# The admin asks no other host: no Gravatar (it would send a hash of each
# editor's e-mail) and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
# The page editor can exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Videos in the StoryBlock: YouTube and Vimeo only, the hosts the public
# Content-Security-Policy (security.py) lets pages frame (an address from elsewhere
# is refused in the editor rather than blocked on the page).
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}]
EMBED_FRAME_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
