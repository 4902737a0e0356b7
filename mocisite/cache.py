"""Django's RedisCache, except that a Redis error is a cache miss, not an error.

Django's own backend raises when Redis does not answer, so a Redis outage
would turn every page into a 500. :class:`ResilientRedisCache` catches every
redis-py error: reads return the default (a miss), writes and deletes do
nothing, and a warning is logged (at most once a minute). After a connection
or timeout error it stops asking Redis for a few seconds (``retry_after``), so
that a server that does not answer at all costs one socket timeout, not one
per cache call. Other errors pause nothing: a Redis that is full and refuses
writes (``OutOfMemoryError`` under ``maxmemory-policy noeviction``) still
answers reads.

``OPTIONS`` are those of Django's RedisCache (passed on to redis-py's
connection pool: give it short ``socket_connect_timeout`` and
``socket_timeout``), plus ``retry_after`` (seconds, default 5).
"""

import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("mocisite.cache")

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis-py client per connection pool. Django
    makes a new one for every cache call, and redis-py 8 fills a table of some
    170 response callbacks each time: 0.3 ms a call, most of what a page served
    from the cache costs. redis-py's clients are safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    warning_interval = 60
    # Per server list, shared by every instance in the process (Django makes one
    # per thread): until when to skip Redis, and when the last warning was logged.
    _skip_until = {}
    _warned_at = {}

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("retry_after", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self._servers_key = tuple(self._servers)

    @property
    def skipping(self):
        """True while Redis is left alone after a failure."""
        return time.monotonic() < self._skip_until.get(self._servers_key, 0.0)

    def ping(self):
        """Ask Redis directly (no miss here: this raises when it does not answer).
        For the health check; a success ends the pause after a failure."""
        self._cache.get_client(write=True).ping()
        self._skip_until.pop(self._servers_key, None)
        return True

    def writes(self):
        """Whether Redis takes the write of a page (8 KB): "ok" or "refuses writes"
        (full, under ``noeviction``, or read-only). For the health check: raises,
        as :meth:`ping` does, when Redis does not answer."""
        self.ping()
        try:
            key = self.make_and_validate_key("moci-health-write")
            self._cache.get_client(write=True).set(key, b"\0" * 8192, px=10_000)
        except UNAVAILABLE:
            raise
        except RedisError as error:
            logger.warning("Redis cache refuses writes: %s: %s", type(error).__name__, error)
            return "refuses writes"
        return "ok"

    def _failed(self, operation, error):
        now = time.monotonic()
        if isinstance(error, UNAVAILABLE):
            self._skip_until[self._servers_key] = now + self.retry_after
        if now - self._warned_at.get(self._servers_key, float("-inf")) >= self.warning_interval:
            self._warned_at[self._servers_key] = now
            logger.warning(
                "Redis cache %s (%s failed: %s: %s); serving without it",
                "unavailable" if isinstance(error, UNAVAILABLE) else "error",
                operation,
                type(error).__name__,
                error,
            )

    def _call(self, operation, miss, *args, **kwargs):
        if self.skipping:
            return miss
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except RedisError as error:
            self._failed(operation, error)
            return miss

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be set.
        return self._call("set_many", list(data), data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version=version)

    def incr(self, key, delta=1, version=None):
        # What Django's backends do for a key that is not there.
        missing = object()
        value = self._call("incr", missing, key, delta, version=version)
        if value is missing:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def clear(self):
        return self._call("clear", False)
