"""One rate limit per client, counted in one cache round trip, announced in X-RateLimit-* headers.

Anonymous clients are counted per address at THROTTLE_ANON_RATE, token holders per user at
THROTTLE_USER_RATE. Each client has a fixed window (a minute for "120/minute") whose counter is a cache key;
with Redis the count and its expiry are one Lua script call (INCR, and EXPIRE on the first request), so a
request costs one round trip whatever it asks. Every response the throttle counted carries:

    X-RateLimit-Limit      requests allowed per window
    X-RateLimit-Remaining  requests left in the current window
    X-RateLimit-Reset      seconds until the window ends and the count starts again

and a refused request answers 429 with `Retry-After` (the same seconds).
"""

from __future__ import annotations

import math
import time
from functools import lru_cache

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")

# INCR the window's counter; the first request of a window sets its expiry. Atomic in Redis.
COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@lru_cache(maxsize=16)
def parse_rate(rate: str) -> tuple[int, int]:
    """'120/minute' -> (120, 60)."""
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip()[0]]


_script = None


def _count_script(client):
    """The script object (it knows its SHA: calls are EVALSHA, loading the script only when Redis lacks it)."""
    global _script
    if _script is None:
        _script = client.register_script(COUNT_SCRIPT)
    return _script


_clients: dict[int, object] = {}


def _redis_client(backend: RedisCache):
    """One Redis client per connection pool, reused: Django's cache builds a new one for every call, and building
    it (its table of response callbacks) cost more than the rest of the throttle. A client is thread-safe."""
    cache_client = backend._cache
    pool = cache_client._get_connection_pool(cache_client._get_connection_pool_index(write=True))
    client = _clients.get(id(pool))
    if client is None or client.connection_pool is not pool:
        client = _clients[id(pool)] = cache_client._client(connection_pool=pool)
    return client


def _count(client, key: str, ttl: int) -> int:
    """Run the count script on a connection of the client's pool, as one EVALSHA.

    The client's own call (retry policy, response callbacks, timing hooks) cost the throttle more CPU than
    sending the command and reading the reply; it still answers whenever this short path cannot: a script
    Redis lacks (restarted, flushed) or a connection that failed, which the client's retries reconnect."""
    script = _count_script(client)
    pool = client.connection_pool
    connection = pool.get_connection()
    try:
        connection.send_command("EVALSHA", script.sha, 1, key, ttl)
        return int(connection.read_response())
    except (NoScriptError, RedisConnectionError, RedisTimeoutError):
        connection.disconnect()
    finally:
        pool.release(connection)
    return int(script(keys=[key], args=[ttl], client=client))


def window_count(key: str, ttl: int) -> int:
    """Add one to the counter at `key` (which expires after `ttl` seconds) and return it."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return _count(_redis_client(cache), cache.make_key(key), ttl)
    # Local memory (one process; development and tests without CACHE_URL).
    if cache.add(key, 1, ttl):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, ttl)
        return 1


class RateLimitThrottle(BaseThrottle):
    """Anonymous clients by address, token holders by user; one counter each, one round trip."""

    def allow_request(self, request, view):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            scope, ident = "user", str(user.pk)
        else:
            scope, ident = "anon", self.get_ident(request)
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(scope)
        if not rate:
            return True
        limit, period = parse_rate(rate)
        now = time.time()
        window = int(now // period)
        self.reset = max(math.ceil((window + 1) * period - now), 1)
        count = window_count(f"throttle_{scope}_{ident}_{window}", period + 1)
        # Read by the middleware below: the headers go on whatever response the view then gives.
        request._request.rate_limit = (limit, max(limit - count, 0), self.reset)
        return count <= limit

    def wait(self):
        return self.reset


class RateLimitHeaders:
    """Adds the X-RateLimit-* headers to every response whose request the throttle counted."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        counted = getattr(request, "rate_limit", None)
        if counted is not None:
            for header, value in zip(HEADERS, counted, strict=True):
                response[header] = str(value)
        return response


def rate_limit_headers_schema(result, generator, request, public):
    """drf-spectacular post-processing hook: documents the X-RateLimit-* headers on every response."""
    descriptions = {
        "X-RateLimit-Limit": "Requests allowed per window (THROTTLE_ANON_RATE without a token, "
                             "THROTTLE_USER_RATE with one).",
        "X-RateLimit-Remaining": "Requests left in the current window.",
        "X-RateLimit-Reset": "Seconds until the current window ends and the count starts again.",
    }
    components = result.setdefault("components", {}).setdefault("headers", {})
    for name, description in descriptions.items():
        components[name] = {"description": description, "schema": {"type": "integer", "minimum": 0}}
    for path in result.get("paths", {}).values():
        for operation in path.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for response in operation["responses"].values():
                headers = response.setdefault("headers", {})
                for name in descriptions:
                    headers.setdefault(name, {"$ref": f"#/components/headers/{name}"})
    return result
