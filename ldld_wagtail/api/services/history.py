"""`@history`: the page's revisions and workflow steps, newest first, for those responsible
for it; `@history/<version>`: the page as it was in that revision."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.models import Revision

from ...text import person_name
from .. import access, errors
from ..base import Service
from ..serializers.content import full
from ..serializers.fields import iso
from ..transitions import STATE_TITLES, TITLES
from .workflow import comment_of, entries


class HistoryService(Service):
    def page(self):
        page = self.context
        user = self.request.user
        if not access.is_editor(user):
            raise exceptions.NotAuthenticated()
        if not access.can_read_history(page, user):
            if access.can_see(page, user):
                raise exceptions.PermissionDenied()
            raise errors.not_found(self.request.build_absolute_uri())
        return page

    def revisions(self, page):
        return list(
            Revision.page_revisions.filter(object_id=str(page.pk))
            .select_related("user")
            .order_by("created_at", "pk")
        )

    def get(self, request):
        page = self.page()
        if len(self.subpath) > 1:
            raise errors.not_found(request.build_absolute_uri())
        if self.subpath:
            return Response(self.version(page, self.subpath[0]))
        may_revert = access.can_edit(page, request.user)
        moments = [
            (revision.created_at, self.versioning(number, revision, may_revert))
            for number, revision in enumerate(self.revisions(page))
        ]
        moments += [(step[0].timestamp, self.workflow(*step)) for step in entries(page)]
        # Newest first, as plone.app.layout's content history sorts it.
        moments.sort(key=lambda moment: moment[0], reverse=True)
        return Response([item for _moment, item in moments])

    def version(self, page, number):
        revisions = self.revisions(page)
        if not number.isdigit() or int(number) >= len(revisions):
            raise errors.not_found(self.request.build_absolute_uri())
        old = revisions[int(number)].as_object()
        parent = self.parent_page
        return full(self.request, old, self.request.user, parent, self.api_url().rstrip("/"))

    def actor(self, user):
        if user is None:
            return {"@id": None, "fullname": None, "id": None, "username": None}
        name = user.get_username()
        return {
            "@id": self.absolute(f"/@users/{name}"),
            "fullname": person_name(user),
            "id": name,
            "username": name,
        }

    def versioning(self, number, revision, may_revert):
        title = _("Edited")
        return {
            "@id": self.api_url(f"@history/{number}"),
            "action": "Edited",
            "actor": self.actor(revision.user),
            "comments": "",
            "may_revert": may_revert,
            "time": iso(revision.created_at),
            "transition_title": title,
            "type": "versioning",
            "version": number,
        }

    def workflow(self, entry, transition, state):
        return {
            "action": transition or "Create",
            "actor": self.actor(entry.user),
            "comments": comment_of(entry),
            "review_state": state,
            "state_title": str(STATE_TITLES[state]),
            "time": iso(entry.timestamp),
            "transition_title": str(TITLES[transition]) if transition else _("Create"),
            "type": "workflow",
        }
