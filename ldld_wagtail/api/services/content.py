"""The content itself: GET (with its children batched), POST a child, PATCH, DELETE."""

from rest_framework.response import Response
from wagtail.models import Page

from .. import access, batching, errors
from ..base import Service
from ..serializers.content import full, summaries
from ..serializers.prefetch import prefetch_full
from . import components


class ContentService(Service):
    def visible_context(self):
        page = self.context
        if not access.can_see(page, self.request.user):
            raise errors.not_found(self.request.build_absolute_uri())
        return page

    def working_copy(self, page):
        """Editors read what they would edit: the latest revision, not the live one."""
        user = self.request.user
        if page.has_unpublished_changes and access.can_edit(page, user):
            return page.get_latest_revision_as_object()
        return page

    def get(self, request):
        page = self.working_copy(self.visible_context())
        prefetch_full([page])
        parent = self.chain[-2] if len(self.chain) > 1 else None
        data = full(request, page, request.user, parent, self.api_url().rstrip("/"))
        if data["is_folderish"]:
            data.update(self.items(page))
        components.expand(self, data)
        return Response(data)

    def items(self, page):
        request = self.request
        start, size = batching.params(request)
        children = access.visible(Page.objects.child_of(page), request.user)
        total = children.count()
        batch = list(children.order_by("path").specific()[start : start + size]) if total else []
        metadata = request.query_params.getlist("metadata_fields")
        data = {
            "items": summaries(request, batch, request.user, metadata),
            "items_total": total,
        }
        links = batching.links(request, self.api_url(), start, size, total)
        if links:
            data["batching"] = links
        return data
