"""The site's catch-all view: a page for browsers, its API representation for JSON clients."""

from django.conf import settings
from django.utils.translation import get_language

from . import routing
from .api.urls import dispatch


def wants_json(request) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return "application/json" in accept and "text/html" not in accept


def _api_path(path: str) -> str:
    language = get_language() or ""
    prefix = "" if language == settings.LANGUAGE_CODE else f"{language}/"
    return prefix + path


def serve_endpoint(request, path):
    """`<page URL>/@<endpoint>`: an API endpoint at the page's own URL (plone.restapi's classic
    addressing), so that every `@id` the API hands out resolves as it is."""
    return dispatch(request, _api_path(path))


def serve(request, path):
    if wants_json(request):
        # plone.restapi's classic addressing: the page's own URL with Accept: application/json.
        return dispatch(request, _api_path(path))
    return routing.serve(request, path)
