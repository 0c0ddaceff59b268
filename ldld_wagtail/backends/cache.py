"""Django's Redis cache that, while Redis cannot be reached, acts as an empty cache.

The portal keeps in Redis only what it can rebuild: cached pages, values kept under the page
cache's generation, throttling counters, sessions' cached copies (sessions themselves are in
the database: `cached_db`). So when Redis stops, every read is a miss and every write is
dropped, and the site keeps serving from the database, slower, instead of answering 500.
After a failure Redis is left alone for `PAUSE` seconds, so that a stopped server costs one
refused connection per process per pause, not one per cache call; then it is tried again and,
once it answers, used as before. Rate limits fail open meanwhile (a counter reads as new).

Writes made while Redis did not answer are lost, and a Redis that keeps its data comes back
with what it held before: the first call it answers again after a failure sends `reconnected`,
on which the page cache renews its generation (`ldld_wagtail.signals`), so that a take-down
made meanwhile is not hidden behind the copies of before.

Settings: `CACHES["default"]["BACKEND"] = "ldld_wagtail.backends.cache.TolerantRedisCache"`,
with short socket timeouts in `OPTIONS` so that an unreachable host fails fast too.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

PAUSE = 2.0  # seconds without trying Redis after it failed
DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


# Sent (sender: the cache's class, `location`: its server) by the first call a Redis answers
# after one of this process's calls to it failed.
reconnected = Signal()
_failed_servers: set = set()  # the servers a call of this process failed on, since answered


class TolerantRedisCache(RedisCache):
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location_key = server if isinstance(server, str) else ",".join(server)

    def _call(self, fallback, method, *args, **kwargs):
        now = time.monotonic()
        if now < self._down_until:
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except DOWN as e:
            if self._down_until <= now:
                logger.warning("Redis unavailable, serving without the cache: %s", e)
            self._down_until = now + PAUSE  # this cache's server only, not every Redis cache
            _failed_servers.add(self._location_key)
            return fallback
        if self._location_key in _failed_servers:
            _failed_servers.discard(self._location_key)
            logger.warning("Redis answers again: %s", self._location_key)
            reconnected.send(sender=type(self), location=self._location_key)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, "get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, "set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, "delete", key, version)

    def get_many(self, keys, version=None):
        return self._call({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call(False, "has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call(delta, "incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), "set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, "delete_many", keys, version)

    def clear(self):
        return self._call(False, "clear")
