"""The site's catch-all view: a page for browsers, its API representation for JSON clients."""

from django.conf import settings
from django.utils.translation import get_language

from . import routing
from .api.urls import dispatch


def wants_json(request) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return "application/json" in accept and "text/html" not in accept


def serve(request, path):
    if wants_json(request):
        # plone.restapi's classic addressing: the page's own URL with Accept: application/json.
        language = get_language() or ""
        prefix = "" if language == settings.LANGUAGE_CODE else f"{language}/"
        return dispatch(request, prefix + path)
    return routing.serve(request, path)
