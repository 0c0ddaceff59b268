"""The site's catch-all view: a page for browsers, its API representation for JSON clients."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
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


def serve_bare(request, path):
    """A page URL without its trailing slash (`/tin-tuc`): the form of the `@id`s the API hands
    out, so JSON clients get the page there; browsers are sent to the slashed URL, as Django's
    `APPEND_SLASH` would (a URL that matches a pattern never reaches it)."""
    return _bare(request, _api_path(path))


def serve_language(request, code):
    """A language's home without its slash (`/en`)."""
    return _bare(request, code)


def _bare(request, api_path):
    if wants_json(request):
        return dispatch(request, api_path)
    query = request.META.get("QUERY_STRING", "")
    target = request.path + "/" + (f"?{query}" if query else "")
    return HttpResponsePermanentRedirect(target)
