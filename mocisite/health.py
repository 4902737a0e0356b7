"""The caches ``/health/`` checks besides the database: each Redis cache, when
REDIS_URL configures one (the local-memory cache of a single box needs no check)."""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("mocisite.health")


def cache_answers(cache):
    try:
        if hasattr(cache, "ping"):  # mocisite.cache.ResilientRedisCache: its get and set never raise
            return bool(cache.ping())
        token = uuid.uuid4().hex
        cache.set("moci-health-check", token, 10)
        return cache.get("moci-health-check") == token
    except Exception as error:  # whatever the client raises, the answer is "unavailable"
        logger.warning("Health check: the cache does not answer: %s: %s", type(error).__name__, error)
        return False


def cache_checks():
    """``{name: answers}`` for each Redis cache: ``cache`` for the default one,
    ``cache_<alias>`` for the others (``cache_renditions``)."""
    return {
        "cache" if alias == "default" else f"cache_{alias}": cache_answers(caches[alias])
        for alias in settings.CACHES
        if isinstance(caches[alias], RedisCache)
    }
