"""`@types`: the page types, which of them the caller may add here; `@types/<id>`: one's schema."""

from django.utils.text import slugify
from rest_framework.response import Response

from ...text import fold
from .. import access, errors
from ..base import Service
from ..serializers.schema import schema, type_title
from .search import page_types


class TypesService(Service):
    def get(self, request):
        page = self.visible_context()
        if not self.subpath:
            return Response(self.listing(page))
        known = page_types()
        if len(self.subpath) != 1 or self.subpath[0] not in known:
            raise errors.not_found(request.build_absolute_uri())
        body = schema(known[self.subpath[0]], self.vocabulary_url)
        return Response(body, content_type="application/json+schema")

    def build(self):
        """The `types` component (`?expand=types`): the listing, with `addable` for here."""
        return self.listing(self.visible_context())

    def listing(self, page):
        user = self.request.user
        addable = set()
        if access.is_editor(user) and page.permissions_for_user(user).can_add_subpage():
            addable = set(page.specific_class.creatable_subpage_models())
        types = sorted(page_types().items(), key=lambda item: slugify(fold(type_title(item[1]))))
        return [
            {
                "@id": self.api_url(f"@types/{name}"),
                "addable": cls in addable,
                "id": name,
                "title": type_title(cls),
            }
            for name, cls in types
        ]

    def vocabulary_url(self, name):
        return self.api_url(f"@vocabularies/{name}")
