"""Login attempts are limited per client address and per login name."""

import hashlib

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from ..guard import client_address


class _ByClientAddress(SimpleRateThrottle):
    """Keyed on the address `guard.client_address` reads (X-Forwarded-For only from the
    `LDLD_TRUSTED_PROXIES` reverse proxies), not DRF's, which trusts any X-Forwarded-For unless
    NUM_PROXIES is set: a faked header must not buy fresh attempts."""

    def get_ident(self, request):
        return client_address(request)


class LoginThrottle(_ByClientAddress):
    scope = "login"

    def get_rate(self):
        return getattr(settings, "LDLD_API_LOGIN_RATE", "10/min")

    def get_cache_key(self, request, view):
        login = ""
        if isinstance(request.data, dict):
            login = str(request.data.get("login", ""))[:150].lower()
        digest = hashlib.sha256(login.encode()).hexdigest()[:24]  # any text, a safe cache key
        return f"ldld:throttle:login:{self.get_ident(request)}:{digest}"


class LoginAddressThrottle(_ByClientAddress):
    """All attempts from one address, whatever login they try."""

    scope = "login-address"

    def get_rate(self):
        return getattr(settings, "LDLD_API_LOGIN_ADDRESS_RATE", "30/min")

    def get_cache_key(self, request, view):
        return f"ldld:throttle:login-address:{self.get_ident(request)}"
