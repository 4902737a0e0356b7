"""Save a translation as a draft revision, leaving the live page alone.

Why this adaptor exists: wagtail-localize's editor only publishes, and its
``Translation.save_target(publish=False)`` is not a draft on a live page:
``TranslationSource.create_or_update_translation`` writes the translated
content into the page row before it saves the revision, and the row is what
visitors are served (checked on wagtail-localize 1.14.5; the test
``test_draft_leaves_the_live_page_alone`` shows it). Review before publishing
needs a real draft, so this builds the translated page in memory the way
wagtail-localize does (synchronised fields, translated segments with the
source text where one is missing, a free slug) and stores it only as a
revision; the moderation workflow publishes that revision on approval.

It relies on one non-public method, ``TranslationSource._get_segments_for_translation``;
the tests of the submit path fail if a wagtail-localize upgrade changes it.
Nothing in wagtail-localize is patched.
"""

from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments


def save_draft(translation, user):
    """A new revision of the translated page with every translated segment.

    Raises ``ValidationError`` if the translated page would be invalid (the
    revision is not saved then)."""
    source = translation.source
    locale = translation.target_locale
    original = source.as_instance()
    page = source.get_translated_instance(locale)
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, page, source.locale, locale, segments)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.id)
    # save_revision writes only the revision bookkeeping to the page row.
    return page.save_revision(user=user, log_action=True)
