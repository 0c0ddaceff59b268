"""Login attempts are limited per client address and per login name."""

import hashlib

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class LoginThrottle(SimpleRateThrottle):
    scope = "login"

    def get_rate(self):
        return getattr(settings, "LDLD_API_LOGIN_RATE", "10/min")

    def get_cache_key(self, request, view):
        login = ""
        if isinstance(request.data, dict):
            login = str(request.data.get("login", ""))[:150].lower()
        digest = hashlib.sha256(login.encode()).hexdigest()[:24]  # any text, a safe cache key
        return f"ldld:throttle:login:{self.get_ident(request)}:{digest}"


class LoginAddressThrottle(SimpleRateThrottle):
    """All attempts from one address, whatever login they try."""

    scope = "login-address"

    def get_rate(self):
        return getattr(settings, "LDLD_API_LOGIN_ADDRESS_RATE", "30/min")

    def get_cache_key(self, request, view):
        return f"ldld:throttle:login-address:{self.get_ident(request)}"
