"""What changes the generation (:mod:`mocisite.generation`): whenever something a
visitor can see is published, saved or deleted, a new one makes every cached page
(:mod:`mocisite.pagecache_middleware`) and every remembered part
(:mod:`mocisite.memory`) unreachable at once.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .generation import new_generation, recent_generation
from .memory import forget

logger = logging.getLogger(__name__)


def bump_generation():
    """Make every cached page and remembered part unreachable."""
    new_generation()
    forget()
    recent_generation.forget()


def invalidate(reason=""):
    """A change visitors can see: bump now and again once the transaction commits
    (a page rendered between the two from data not yet committed is dropped)."""
    logger.debug("page cache invalidated: %s", reason)
    bump_generation()
    transaction.on_commit(bump_generation)


# What counts as published content -------------------------------------------------------


_public_models = {}


def shows_on_pages(model):
    """Whether saving or deleting an object of ``model`` can change a public page.
    Pages themselves are handled by Wagtail's publishing signals."""
    if model not in _public_models:
        _public_models[model] = _decide(model)
    return _public_models[model]


def _decide(model):
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models
    from wagtail_localize.models import Translation

    if issubclass(model, Page):
        return False
    kinds = (
        BaseGenericSetting,
        BaseSiteSetting,
        AbstractDocument,
        AbstractImage,
        Collection,
        CollectionViewRestriction,
        Locale,
        PageViewRestriction,
        Site,
        # A started translation puts "not yet available in your language" on its page.
        Translation,
    )
    if issubclass(model, kinds) or model in get_snippet_models():
        return True
    # The inline rows of a snippet (saved after the snippet itself).
    return any(
        isinstance(field, ParentalKey) and shows_on_pages(field.related_model)
        for field in model._meta.get_fields()
        if field.concrete
    )


def _object_changed(sender, instance, **kwargs):
    if shows_on_pages(sender):
        invalidate(f"{sender._meta.label} {instance.pk}")


def _page_changed(sender, instance, **kwargs):
    invalidate(f"page {instance.pk}")


# What saving a page's draft touches: nothing a visitor sees.
DRAFT_FIELDS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def _page_saved(sender, instance, update_fields=None, **kwargs):
    """A live page saved other than by publishing: an alias updated after its source
    was published, or content loaded straight into the tree (load_moci_content)."""
    from wagtail.models import Page

    if not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    invalidate(f"live page {instance.pk} saved")


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate(f"page {instance.pk} deleted")


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_page_changed, dispatch_uid="moci-pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="moci-pagecache-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="moci-pagecache-moved")
    post_save.connect(_page_saved, dispatch_uid="moci-pagecache-alias")
    post_delete.connect(_page_deleted, dispatch_uid="moci-pagecache-page-deleted")
    post_save.connect(_object_changed, dispatch_uid="moci-pagecache-saved")
    post_delete.connect(_object_changed, dispatch_uid="moci-pagecache-deleted")
