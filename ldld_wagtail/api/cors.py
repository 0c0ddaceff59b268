"""Cross-origin access to the API for a frontend served from another host (a Plone frontend
such as Volto on its own domain). Off unless `LDLD_API_CORS_ORIGINS` names the origins allowed:
only those get `Access-Control-Allow-Origin`, on API URLs only (`/++api++/…`, `…/@endpoint`, or
a page asked for as JSON); a preflight `OPTIONS` from them is answered here.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

ALLOW_METHODS = "GET, HEAD, POST, PATCH, DELETE, OPTIONS"
ALLOW_HEADERS = "Accept, Authorization, Content-Type, If-Match, If-None-Match, Prefer"
MAX_AGE = "3600"


def _api_request(request) -> bool:
    path = request.path
    return (
        path.startswith("/++api++/")
        or "/@" in path
        or "application/json" in request.META.get("HTTP_ACCEPT", "")
        or request.method == "OPTIONS"
    )


class ApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.META.get("HTTP_ORIGIN", "")
        allowed = origin and origin in getattr(settings, "LDLD_API_CORS_ORIGINS", ())
        if not (allowed and _api_request(request)):
            response = self.get_response(request)
            if origin and _api_request(request):
                patch_vary_headers(response, ["Origin"])
            return response
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOW_METHODS
            response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response["Access-Control-Max-Age"] = MAX_AGE
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Allow-Credentials"] = "true"
        patch_vary_headers(response, ["Origin"])
        return response
