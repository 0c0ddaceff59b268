"""`@login`, `@login-renew`, `@logout`: JWTs for scripts and headless front ends."""

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from .. import errors
from ..auth import issue_token, revoke_token
from ..base import Service
from ..throttles import LoginAddressThrottle, LoginThrottle


class LoginService(Service):
    authentication_classes = []
    throttle_classes = [LoginAddressThrottle, LoginThrottle]

    def post(self, request):
        data = self.json_body()
        login, password = data.get("login"), data.get("password")
        for name, given in (("login", login), ("password", password)):
            if not isinstance(given, str) or not given:
                raise errors.field_error(name, _("is required"))
        user = authenticate(request._request, username=login, password=password)
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed(_("Wrong login or password."))
        return Response({"token": issue_token(user)})


class RenewService(Service):
    def post(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if isinstance(request.auth, dict):
            revoke_token(request.auth)
        return Response({"token": issue_token(request.user)})


class LogoutService(Service):
    def post(self, request):
        if not isinstance(request.auth, dict):
            raise errors.bad_request(_("Only a token from @login can be logged out."))
        revoke_token(request.auth)
        return Response(status=204)
