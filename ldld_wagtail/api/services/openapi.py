"""`@openapi`: the OpenAPI 3 document; `@docs`: the same, readable in a browser."""

from django.template.response import TemplateResponse
from rest_framework.response import Response

from ..base import Service
from ..openapi import document


class OpenAPIService(Service):
    def get(self, request):
        return Response(document(request))


class DocsService(Service):
    def get(self, request):
        doc = document(request)
        operations = [
            {"path": path, "method": method.upper(), **op}
            for path, methods in doc["paths"].items()
            for method, op in methods.items()
        ]
        return TemplateResponse(
            request._request,
            "ldld_wagtail/api_docs.html",
            {"doc": doc, "operations": operations},
        )
