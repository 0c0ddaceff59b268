"""The one base service: authentication, JSON in and out, errors in plone.restapi's format."""

import hashlib
import json

from django.utils import translation
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from . import access, errors
from .auth import BasicAuthentication, BearerAuthentication, SessionAuthentication


def etag(data) -> str:
    """A weak validator of a representation: the same JSON gives the same tag."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
    return f'W/"{digest}"'


class UnicodeJSONRenderer(JSONRenderer):
    charset = "utf-8"


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

    def finalize_response(self, request, response, *args, **kwargs):
        """Conditional GET: every successful read carries an ETag; a match answers 304."""
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and isinstance(response, Response)
        ):
            tag = etag(response.data)
            response["ETag"] = tag
            response["Vary"] = "Accept, Authorization, Cookie"
            wanted = request.headers.get("If-None-Match", "")
            if tag in [t.strip() for t in wanted.split(",")]:
                response = Response(status=304, headers={"ETag": tag})
        return super().finalize_response(request, response, *args, **kwargs)

    def get_authenticate_header(self, request):
        # Always 401 (never 403) for a missing or bad login, as plone.restapi answers.
        return 'Bearer realm="api"'

    def get_exception_handler(self):
        return errors.handle

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        translation.activate(self.language)

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def api_url(self, suffix: str = "") -> str:
        """This context's URL with an endpoint suffix, e.g. `.../tin-tuc/@workflow`."""
        base = self.context_url()
        return f"{base.rstrip('/')}/{suffix}" if suffix else base

    def context_url(self) -> str:
        if self.context is None:
            return self.absolute("/")
        from .serializers.content import page_url

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
        return data
