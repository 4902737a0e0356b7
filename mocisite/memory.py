"""What each process remembers until the next publish: :func:`remember`.

The parts every page needs (the site, the menus, the footer, the view
restrictions, each page's ancestors) are kept in a per-process dictionary
keyed by the generation (:mod:`mocisite.generation`), so a publish
makes all of them unreachable at once; ``MOCI_REMEMBER_PARTS = False`` turns
it off.
"""

import threading

from django.conf import settings

from .generation import request_generation


class _Memory:
    """A per-process dictionary that forgets everything when the generation changes."""

    def __init__(self):
        self._lock = threading.Lock()
        self._generation = None
        self._values = {}

    def clear(self):
        with self._lock:
            self._generation, self._values = None, {}

    def get(self, generation, key, compute):
        if generation is None:
            return compute()
        with self._lock:
            if generation != self._generation:
                self._generation, self._values = generation, {}
            if key in self._values:
                return self._values[key]
        value = compute()
        with self._lock:
            if generation == self._generation:
                self._values[key] = value
        return value

    def put(self, generation, key, value):
        if generation is None:
            return
        with self._lock:
            if generation != self._generation:
                self._generation, self._values = generation, {}
            self._values[key] = value

    def peek(self, generation, key):
        with self._lock:
            return self._values.get(key) if generation is not None and generation == self._generation else None


_memory = _Memory()


def forget():
    """Forget everything now (the generation has just changed)."""
    _memory.clear()


def remember(key, compute, request=None):
    """``compute()``, remembered by this process until the next publish."""
    if not settings.MOCI_REMEMBER_PARTS:
        return compute()
    return _memory.get(request_generation(request), key, compute)


def remember_until(key, compute, request=None):
    """For what changes with time as well as with publishing: ``compute()`` returns
    ``(value, until)``, an aware datetime or None; remembered like :func:`remember`,
    and computed again once ``until`` has passed. Returns ``(value, until)``."""
    from django.utils import timezone

    found = recall(key, request)
    if found is not None and (found[1] is None or timezone.now() < found[1]):
        return found
    fresh = compute()
    if settings.MOCI_REMEMBER_PARTS:
        _memory.put(request_generation(request), key, fresh)
    return fresh


def recall(key, request=None):
    """What :func:`remember` kept under ``key`` in this generation, or None."""
    if not settings.MOCI_REMEMBER_PARTS:
        return None
    return _memory.peek(request_generation(request), key)


def active_locale(request=None):
    """``Locale.get_active()``, remembered per language."""
    from django.utils.translation import get_language

    from wagtail.models import Locale

    return remember(("locale", get_language()), Locale.get_active, request)
