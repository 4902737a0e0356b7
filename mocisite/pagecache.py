"""The generation: one token for everything cached or remembered, and the
signals that change it whenever something a visitor can see is published.

Cached pages (:mod:`mocisite.pagecache_middleware`) and remembered parts
(:mod:`mocisite.memory`) are keyed by it, so one change makes all of them
unreachable at once. It is kept in Redis with ``REDIS_URL``, otherwise in a
stamp file beside the database (README, *Performance*).
"""

import contextvars
import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-generation"


def cache():
    return caches[settings.MOCI_PAGE_CACHE_ALIAS]


# The generation ----------------------------------------------------------------------


def _stamp_path():
    """The stamp file of this site's database (so two checkouts, or the test
    runs on SQLite and PostgreSQL side by side, do not share one)."""
    configured = getattr(settings, "MOCI_CACHE_STAMP", "")
    if configured:
        return Path(configured)
    database = settings.DATABASES["default"]
    name = f"{settings.BASE_DIR}|{database.get('HOST', '')}|{database.get('PORT', '')}|{database['NAME']}"
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"moci-generation-{digest}"


def _shared():
    """Whether the cache is one every process shares (Redis), not a process's own memory."""
    return not isinstance(cache(), LocMemCache)


def current_generation():
    """The current generation token, or None when it cannot be known (Redis away)."""
    if _shared():
        generation = cache().get(GENERATION_KEY)
        if generation is None:
            # A new (or emptied) Redis: start a generation, unless another process just did.
            cache().add(GENERATION_KEY, str(time.time_ns()), timeout=None)
            generation = cache().get(GENERATION_KEY)
        return generation
    path = _stamp_path()
    try:
        return str(path.stat().st_mtime_ns)
    except FileNotFoundError:
        _touch(path)
        return str(path.stat().st_mtime_ns)


def _touch(path):
    path.touch()
    now = time.time_ns()
    previous = path.stat().st_mtime_ns
    # A new token even when two bumps fall in the file system's same clock tick.
    stamp = max(now, previous + 1000)
    os.utime(path, ns=(stamp, stamp))


def bump_generation():
    """Make every cached page and remembered part unreachable."""
    if _shared():
        cache().set(GENERATION_KEY, str(time.time_ns()), timeout=None)
    else:
        _touch(_stamp_path())
    from .memory import forget  # it reads the generation: imported when needed, not above

    forget()
    recent_generation.forget()


class _RecentGeneration:
    """The generation this process last read from Redis, trusted for
    ``MOCI_PAGE_CACHE_LOCAL_SECONDS``: a page served from this process's memory
    then costs no Redis round trip. Another process's publish reaches this one's
    visitors that much later; this process's own, at once."""

    def __init__(self):
        self._value, self._read_at = None, float("-inf")

    def get(self):
        if time.monotonic() - self._read_at < settings.MOCI_PAGE_CACHE_LOCAL_SECONDS:
            return self._value
        return None

    def set(self, value):
        self._value, self._read_at = value, time.monotonic()

    def forget(self):
        self._value, self._read_at = None, float("-inf")


recent_generation = _RecentGeneration()


def invalidate(reason=""):
    """A change visitors can see: bump now and again once the transaction commits
    (a page rendered between the two from data not yet committed is dropped)."""
    logger.debug("page cache invalidated: %s", reason)
    bump_generation()
    transaction.on_commit(bump_generation)


# The request being served in this thread (set by the middleware), so that code
# deep in models reads the generation once per request too, not once per call.
_serving = contextvars.ContextVar("moci_serving", default=None)


def request_generation(request=None):
    """The generation read once for this request (or now, outside a request)."""
    request = request if request is not None else _serving.get()
    if request is not None:
        if not hasattr(request, "_moci_generation"):
            request._moci_generation = current_generation()
        return request._moci_generation
    return current_generation()


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
