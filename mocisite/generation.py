"""The generation: one token for everything cached or remembered.

Cached pages (:mod:`mocisite.pagecache_middleware`) and remembered parts
(:mod:`mocisite.memory`) are keyed by it, so a new one makes all of them
unreachable at once. It is kept in Redis with ``REDIS_URL``, otherwise in a
stamp file beside the database (README, *Performance*). Reading it is here;
what changes it (a publish, a saved snippet) is :mod:`mocisite.pagecache`.
"""

import contextvars
import hashlib
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

GENERATION_KEY = "page-generation"


def cache():
    return caches[settings.MOCI_PAGE_CACHE_ALIAS]


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


def new_generation():
    """Write a new generation token (pagecache.bump_generation also makes this process forget)."""
    if _shared():
        cache().set(GENERATION_KEY, str(time.time_ns()), timeout=None)
    else:
        _touch(_stamp_path())


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
