"""Who is calling: a JWT from `@login`, a consumer's API key, HTTP Basic, or the admin session.

JWTs are signed with the project's SECRET_KEY (HS256), carry the username as `sub`, expire
after `LDLD_API_TOKEN_HOURS` and can be revoked by `@logout` (their id is remembered in the
cache until they would have expired). API keys are Wagtail 8's `APIToken`s (prefix `wagtail_`),
issued to syndication consumers and revocable in the admin.
"""

import datetime
import hashlib
import time
import uuid

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from wagtail.models import APIToken

ALGORITHM = "HS256"
KEY_PREFIX = "wagtail_"


def token_hours() -> int:
    return getattr(settings, "LDLD_API_TOKEN_HOURS", 12)


def issue_token(user) -> str:
    now = timezone.now()
    payload = {
        "sub": user.get_username(),
        "fullname": user.get_full_name(),
        "iat": int(now.timestamp()),
        "exp": int((now + datetime.timedelta(hours=token_hours())).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def decode_token(token: str) -> dict:
    try:
        payload = jwt.decode(
            token, settings.SECRET_KEY, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]}
        )
    except jwt.ExpiredSignatureError:
        raise exceptions.AuthenticationFailed(_("The token has expired: log in again.")) from None
    except jwt.PyJWTError:
        raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
    if cache.get(_revoked_key(payload.get("jti", ""))):
        raise exceptions.AuthenticationFailed(_("The token was revoked: log in again."))
    return payload


def revoke_token(payload: dict) -> None:
    left = int(payload["exp"] - timezone.now().timestamp())
    if left > 0 and payload.get("jti"):
        cache.set(_revoked_key(payload["jti"]), True, left)


# Keys found valid, by class and digest of the presented token: a consumer polling the feed
# costs no key look-up (about 2 ms) for KEY_CHECK_SECONDS. A key revoked, a user deactivated
# or moved between groups in this process is forgotten at once (`forget_keys`); in the other
# processes the change takes effect within KEY_CHECK_SECONDS.
KEY_CHECK_SECONDS = 5
KNOWN_KEYS_LIMIT = 1000
_known_keys: dict = {}


def forget_keys(**kwargs):
    _known_keys.clear()


def _revoked_key(jti):
    return f"ldld:jwt:revoked:{jti}"


class BearerAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <JWT>` or `Bearer wagtail_…` (a consumer's API key)."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != b"bearer":
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Malformed Authorization header."))
        token = header[1].decode("latin-1")
        if token.startswith(KEY_PREFIX):
            return self._api_key(token)
        payload = decode_token(token)
        user = (
            get_user_model()
            ._default_manager.filter(**{get_user_model().USERNAME_FIELD: payload["sub"]})
            .first()
        )
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed(_("The token's user is unknown or inactive."))
        return user, payload

    def key_queryset(self):
        """The API keys, for a subclass to annotate what its endpoint needs to know."""
        return APIToken.objects.select_related("user")

    def _api_key(self, token):
        digest = (type(self).__name__, hashlib.sha256(token.encode()).hexdigest())
        kept = _known_keys.get(digest)
        if kept is not None and kept[0] > time.monotonic():
            key = kept[1]
        else:
            key = (
                self.key_queryset()
                .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
                .first()
                if APIToken.validate_token_format(token)
                else None
            )
            if key is not None and key.user.is_active:
                if len(_known_keys) >= KNOWN_KEYS_LIMIT:
                    _known_keys.clear()
                _known_keys[digest] = (time.monotonic() + KEY_CHECK_SECONDS, key)
        if key is None or not key.user.is_active:
            raise exceptions.AuthenticationFailed(_("Unknown or revoked API key."))
        now = timezone.now()
        if key.last_used_at is None or (now - key.last_used_at).total_seconds() >= 60:
            APIToken.objects.filter(pk=key.pk).update(last_used_at=now)
            key.last_used_at = now
        return key.user, key

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class BasicAuthentication(authentication.BasicAuthentication):
    """HTTP Basic with the portal's accounts, for scripts (plone.restapi accepts it too).

    Failed attempts count against the same per-address limit as `@login`."""

    def authenticate(self, request):
        from .throttles import LoginAddressThrottle

        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != b"basic":
            return None  # not a Basic login: nothing to count, no cache round trip
        throttle = LoginAddressThrottle()
        key = f"{throttle.get_cache_key(request, None)}:basic-failures"
        failures = cache.get(key, 0)
        limit, period = throttle.parse_rate(throttle.get_rate())
        if failures >= limit:
            raise exceptions.Throttled(wait=period)
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            # Atomic: concurrent failures all count (a read-then-write let them race past
            # the limit). The window starts at the first failure.
            if not cache.add(key, 1, period):
                try:
                    cache.incr(key)
                except ValueError:  # expired between the two calls
                    cache.add(key, 1, period)
            raise

    def authenticate_credentials(self, userid, password, request=None):
        if "\x00" in userid or "\x00" in password:  # no account has one; PostgreSQL refuses it
            raise exceptions.AuthenticationFailed(_("Wrong login or password."))
        return super().authenticate_credentials(userid, password, request)


class SessionAuthentication(authentication.SessionAuthentication):
    """The admin's session (a browser front end on the same site), with CSRF on writes."""
