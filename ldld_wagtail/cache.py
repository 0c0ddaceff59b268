"""Whole-page cache for anonymous readers, invalidated whenever the public site changes.

A request that carries a session cookie (an editor, a logged-in user) is never served from or
stored in the cache. Invalidation bumps one generation token that is part of every key, so a
publish, unpublish, move or delete makes every cached page stale at once; other processes see
the new token within `GENERATION_TTL` seconds.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

GENERATION_KEY = "ldld:pagecache:generation"
GENERATION_TTL = 1.0
SKIP_PREFIXES = (
    "/healthz",
    "/admin/",
    "/django-admin/",
    "/++api++/",
    "/static/",
    "/media/",
    "/documents/",
)

_local = {"token": None, "checked": 0.0}


def current_generation() -> str:
    now = time.monotonic()
    if _local["token"] is None or now - _local["checked"] > GENERATION_TTL:
        token = cache.get(GENERATION_KEY)
        if token is None:
            token = uuid.uuid4().hex
            cache.add(GENERATION_KEY, token, None)
            token = cache.get(GENERATION_KEY, token)
        _local.update(token=token, checked=now)
    return _local["token"]


def invalidate_pages() -> None:
    token = uuid.uuid4().hex
    cache.set(GENERATION_KEY, token, None)
    _local.update(token=token, checked=time.monotonic())


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request) -> bool:
        return (
            settings.LDLD_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIP_PREFIXES)
            and "HTTP_AUTHORIZATION" not in request.META
            and "application/json" not in request.META.get("HTTP_ACCEPT", "")
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = f"ldld:page:{current_generation()}:{request.get_host()}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            status, headers, content = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if self._anonymous(request, response):
            cache.set(
                key,
                (response.status_code, list(response.items()), response.content),
                settings.LDLD_PAGE_CACHE_SECONDS,
            )
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _anonymous(request, response) -> bool:
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and (user is None or not user.is_authenticated)
        )
