"""`@vocabularies`: the vocabularies there are; `@vocabularies/<name>`: its terms, batched,
filtered by `title` (a substring, accents ignored) or `token` (exact, repeatable as `tokens`)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from ...text import fold
from .. import batching, errors, vocabularies
from ..base import Service


class VocabulariesService(Service):
    def get(self, request):
        self.visible_context()
        if not self.subpath:
            return Response(
                [
                    {"@id": self.api_url(f"@vocabularies/{name}"), "title": name}
                    for name in vocabularies.names()
                ]
            )
        if len(self.subpath) != 1:
            raise errors.not_found(request.build_absolute_uri())
        name = self.subpath[0]
        terms = vocabularies.terms(name, request.user)
        if terms is None and name in vocabularies.PLONE_NAMED:
            raise exceptions.NotAuthenticated()  # `Users`, for editors only
        if terms is None:
            raise errors.not_found(request.build_absolute_uri())
        terms = self.filtered(terms)
        start, size = batching.params(request, everything=len(terms))
        url = self.api_url(f"@vocabularies/{name}")
        data = {
            "@id": f"{url}?{request.META.get('QUERY_STRING', '')}".rstrip("?"),
            "items": [{"title": t, "token": k} for k, t in terms[start : start + size]],
            "items_total": len(terms),
        }
        links = batching.links(request, url, start, size, len(terms))
        if links:
            data["batching"] = links
        return Response(data)

    def filtered(self, terms):
        query = self.request.query_params
        title = query.get("title", "").strip()
        tokens = query.getlist("token") + query.getlist("tokens")
        if title and tokens:
            raise errors.bad_request(_("Filter by title or by token, not both."))
        if title:
            wanted = fold(title)
            return [(k, t) for k, t in terms if wanted in fold(t)]
        if tokens:
            return [(k, t) for k, t in terms if k in tokens]
        return terms
