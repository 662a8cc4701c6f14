"""A Redis cache that degrades to "no cache" when Redis is gone.

Django's RedisCache raises when Redis cannot be reached, which would turn a
cache outage into a site outage. Here every operation that fails on a
connection error is logged and answered as a miss (reads return the default,
writes and deletes do nothing), so pages are served from the database until
Redis is back.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)

# Each operation and what it answers when Redis is down.
_FALLBACKS = {
    "add": False,
    "get": None,
    "set": None,
    "touch": False,
    "delete": False,
    "get_many": {},
    "has_key": False,
    "incr": None,
    "set_many": [],
    "delete_many": None,
    "clear": None,
}


def _tolerant(name, fallback):
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except REDIS_DOWN as error:
            logger.warning("Redis unavailable for cache.%s: %s", name, error)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            if name == "incr":
                raise ValueError("Key not found (cache unavailable)") from error
            return fallback

    return wrapper


class TolerantRedisCache(RedisCache):
    """RedisCache whose connection errors are logged misses, never errors."""


for _name, _fallback in _FALLBACKS.items():
    setattr(TolerantRedisCache, _name, _tolerant(_name, _fallback))
