"""The one base service: authentication, JSON in and out, errors in plone.restapi's format."""

import hashlib

from django.http import HttpResponseNotModified
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ..cache import generation_time
from . import access, errors
from .auth import BasicAuthentication, BearerAuthentication, SessionAuthentication
from .serializers.content import page_url


def etag_of(content: bytes) -> str:
    """A weak validator of a representation: the same bytes give the same tag."""
    return f'W/"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def etag(data) -> str:
    """The tag a GET of `data` carries (as rendered by the API's renderer)."""
    return etag_of(UnicodeJSONRenderer().render(data))


class UnicodeJSONRenderer(JSONRenderer):
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if (
            isinstance(data, RenderedOnce)
            and self.get_indent(accepted_media_type or "", renderer_context or {}) is None
        ):
            if data.rendered is None:
                data.rendered = super().render(data, accepted_media_type, renderer_context)
            return data.rendered
        return super().render(data, accepted_media_type, renderer_context)


class RenderedOnce(dict):
    """An answer kept for many callers (`@syndication`'s): rendered to JSON the first time,
    the same bytes sent after that. It must not change once rendered."""

    rendered = None


class Service(APIView):
    """An endpoint. `self.context` is the page the URL names (None above the site root),
    `self.subpath` the path segments after the endpoint's name."""

    authentication_classes = [BearerAuthentication, BasicAuthentication, SessionAuthentication]
    permission_classes = []
    renderer_classes = [UnicodeJSONRenderer]
    parser_classes = [JSONParser]
    context = None
    subpath: list = []
    chain: list = []
    language = "vi"
    # The endpoints by name (`services.SERVICES`), handed in by the dispatcher: a component
    # (`?expand=breadcrumbs`) is built by its endpoint's service.
    services: dict = {}

    def finalize_response(self, request, response, *args, **kwargs):
        """Conditional GET: a successful read carries an ETag (of the bytes sent) and, for
        callers who see the public site only, a Last-Modified (when it last changed); a
        matching If-None-Match, or failing one an If-Modified-Since, answers 304."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or not isinstance(response, Response)
        ):
            return response
        response.render()
        headers = {"ETag": etag_of(response.content)}
        changed = self.public_caller(request) and generation_time()
        if changed:
            headers["Last-Modified"] = http_date(changed)
        for name, value in headers.items():
            response[name] = value
        response["Vary"] = "Accept, Authorization, Cookie"
        wanted = request.headers.get("If-None-Match")
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        if wanted is not None:
            fresh = headers["ETag"] in [t.strip() for t in wanted.split(",")]
        else:
            fresh = bool(changed and since and changed <= since)
        if fresh:
            not_modified = HttpResponseNotModified()
            for name, value in headers.items():
                not_modified[name] = value
            not_modified["Vary"] = response["Vary"]
            return not_modified
        return response

    @staticmethod
    def public_caller(request) -> bool:
        """Anonymous callers and API-key holders: what they read changes only when the public
        site does."""
        from wagtail.models import APIToken

        return not request.user.is_authenticated or isinstance(request.auth, APIToken)

    def get_authenticate_header(self, request):
        # Always 401 (never 403) for a missing or bad login, as plone.restapi answers.
        return 'Bearer realm="api"'

    def get_exception_handler(self):
        return errors.handle

    def initial(self, request, *args, **kwargs):
        translation.activate(self.language)
        for name, values in request._request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise errors.field_error(name, nul_message())
        super().initial(request, *args, **kwargs)

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def api_url(self, suffix: str = "") -> str:
        """This context's URL with an endpoint suffix, e.g. `.../tin-tuc/@workflow`."""
        base = self.context_url()
        return f"{base.rstrip('/')}/{suffix}" if suffix else base

    def context_url(self) -> str:
        if self.context is None:
            return self.absolute("/").rstrip("/")
        return page_url(self.request, self.context)

    @property
    def parent_page(self):
        """The context's parent as the URL walked it (None at the site root)."""
        return self.chain[-2] if len(self.chain) > 1 else None

    def visible_context(self):
        """The context page, or a 404 for a caller who may not see it."""
        if self.context is None or not access.can_see(self.context, self.request.user):
            raise errors.not_found(self.request.build_absolute_uri())
        return self.context

    def json_body(self) -> dict:
        data = self.request.data
        if not isinstance(data, dict):
            raise errors.bad_request(translation.gettext("The request body must be a JSON object."))
        field = nul_field(data)
        if field is not None:
            raise errors.field_error(field, nul_message())
        return data


def nul_message():
    return translation.gettext("must not contain the NUL character")


def nul_field(value, path=""):
    """The name of the first key or text in a JSON value that holds a NUL character (which no
    PostgreSQL text can store), or None."""
    if isinstance(value, str):
        return (path or "body") if "\x00" in value else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((f"[{i}]", item) for i, item in enumerate(value))
    else:
        return None
    for key, item in items:
        key = str(key)
        name = f"{path}{key}" if key.startswith("[") else (f"{path}.{key}" if path else key)
        if "\x00" in key:
            return name
        found = nul_field(item, name)
        if found is not None:
            return found
    return None
