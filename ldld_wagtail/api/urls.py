"""`/++api++/<page path>/@<endpoint>/<rest>`: find the context page and the endpoint's service."""

from django.conf import settings
from django.http import JsonResponse
from django.urls import re_path
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from ..routing import resolve
from . import errors
from .services import BASE_CONTEXT, CONTEXT_FREE, SERVICES, SITE_ONLY


def _languages():
    return {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}


def _not_found(request):
    message = translation.gettext("Resource not found: %s") % request.build_absolute_uri()
    return JsonResponse(errors.body(404, message), status=404)


@csrf_exempt  # the services check CSRF themselves for session-authenticated writes
def dispatch(request, path=""):
    segments = [s for s in path.split("/") if s]
    language = settings.LANGUAGE_CODE
    if segments and segments[0] in _languages():
        language = segments.pop(0)
    at = next((i for i, s in enumerate(segments) if s.startswith("@")), len(segments))
    page_path, endpoint, rest = segments[:at], "", []
    if at < len(segments):
        endpoint, rest = segments[at][1:], segments[at + 1 :]
    service = SERVICES.get(endpoint)
    if service is None:
        return _not_found(request)
    if endpoint in CONTEXT_FREE:
        if page_path:
            return _not_found(request)
        view = service.as_view(
            context=None, chain=[], subpath=rest, language=language, services=SERVICES
        )
        return view(request)
    with translation.override(language):
        resolved = resolve(request, "/".join(page_path), specific=endpoint not in BASE_CONTEXT)
    if resolved is None:
        return _not_found(request)
    chain, page, remaining = resolved
    if remaining or (endpoint in SITE_ONLY and page_path):
        return _not_found(request)
    view = service.as_view(
        context=page, chain=chain, subpath=rest, language=language, services=SERVICES
    )
    return view(request)


urlpatterns = [re_path(r"^\+\+api\+\+/(?P<path>.*)$", dispatch, name="ldld_api")]
