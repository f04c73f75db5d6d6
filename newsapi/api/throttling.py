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


def window_count(key: str, ttl: int) -> int:
    """Add one to the counter at `key` (which expires after `ttl` seconds) and return it."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        backend = cache
        full_key = backend.make_key(key)
        client = backend._cache.get_client(full_key, write=True)
        return int(_count_script(client)(keys=[full_key], args=[ttl], client=client))
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
