"""The caches ``/health/`` checks besides the database: each Redis cache, when
REDIS_URL configures one (the local-memory cache of a single box needs no check).

Each is "ok", "unavailable" (it does not answer) or "refuses writes" (it answers
but is full under ``maxmemory-policy noeviction``, or read-only: pages are then
rendered every time)."""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("mocisite.health")


def cache_state(cache):
    try:
        if hasattr(cache, "writes"):  # mocisite.cache.ResilientRedisCache: its get and set never raise
            return cache.writes()
        token = uuid.uuid4().hex
        cache.set("moci-health-check", token, 10)
        return "ok" if cache.get("moci-health-check") == token else "unavailable"
    except Exception as error:  # whatever the client raises, the answer is "unavailable"
        logger.warning("Health check: the cache does not answer: %s: %s", type(error).__name__, error)
        return "unavailable"


def cache_checks():
    """``{name: state}`` for each Redis cache: ``cache`` for the default one,
    ``cache_<alias>`` for the others (``cache_renditions``)."""
    return {
        "cache" if alias == "default" else f"cache_{alias}": cache_state(caches[alias])
        for alias in settings.CACHES
        if isinstance(caches[alias], RedisCache)
    }
