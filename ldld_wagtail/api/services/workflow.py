"""`@workflow`: the item's state, its history and the transitions this caller may take;
`POST @workflow/<transition>` takes one."""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.models import PageLogEntry, Task

from ... import compat
from ...workflows import PublishTask, RouteTask
from .. import errors
from ..access import review_states
from ..base import Service
from ..serializers.fields import iso
from ..transitions import STATE_TITLES, TITLES, available, run

# Audit-log actions shown as workflow history: action -> (transition, state after it).
HISTORY = {
    "wagtail.create": (None, "private"),
    "wagtail.workflow.start": ("submit", "pending"),
    "wagtail.workflow.resume": ("submit", "pending"),
    "ldld.route": ("route", "pending"),
    "wagtail.workflow.approve": ("approve", "pending"),
    "wagtail.workflow.reject": ("return", "private"),
    "wagtail.workflow.cancel": ("retract", "private"),
    "wagtail.publish": ("publish", "published"),
    "wagtail.unpublish": ("unpublish", "private"),
    "ldld.takedown": ("take_down", "withdrawn"),
    "ldld.restore": ("restore", "published"),
}


def actor(entry) -> str:
    return entry.user.get_username() if entry.user_id and entry.user else ""


def comment_of(entry) -> str:
    data = entry.data or {}
    return data.get("comment") or data.get("reason") or ""


def entries(page) -> list:
    """(log entry, transition, state after it) for the page's workflow history, oldest first."""
    found = (
        PageLogEntry.objects.filter(page=page, action__in=list(HISTORY))
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    found = list(found)
    covered = _covered_approvals(found)
    return [(e, *HISTORY[e.action]) for e in found if e.pk not in covered]


def history(page) -> list:
    return [
        {
            "action": transition,
            "actor": actor(entry),
            "comments": comment_of(entry),
            "review_state": state,
            "time": iso(entry.timestamp),
            "title": str(STATE_TITLES[state]),
        }
        for entry, transition, state in entries(page)
    ]


def _covered_approvals(entries) -> set:
    """Approvals of a routing or publishing step: their own entry (route, publish) says it."""
    approvals = {
        e.pk: (e.data or {}).get("workflow", {}).get("task", {}).get("id")
        for e in entries
        if e.action == "wagtail.workflow.approve"
    }
    if not approvals:
        return set()
    kinds = {
        task.pk: task.content_type.model_class()
        for task in Task.objects.filter(pk__in=set(approvals.values())).select_related(
            "content_type"
        )
    }
    return {pk for pk, task in approvals.items() if kinds.get(task) in (RouteTask, PublishTask)}


class WorkflowService(Service):
    def build(self):
        page = self.visible_context()
        user = self.request.user
        state = review_states([page], user)[page.pk]
        return {
            "@id": self.api_url("@workflow"),
            "history": history(page),
            "state": {"id": state, "title": str(STATE_TITLES[state])},
            "transitions": [
                {"@id": self.api_url(f"@workflow/{name}"), "title": str(TITLES[name])}
                for name in available(page, user)
            ],
        }

    def get(self, request):
        if self.subpath:
            raise errors.not_found(request.build_absolute_uri())
        return Response(self.build())

    def post(self, request):
        if len(self.subpath) != 1:
            raise errors.bad_request(_("Name the transition: @workflow/<transition>."))
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        page = self.visible_context().specific
        data = self.json_body() if request.body else {}
        name = self.subpath[0]
        run(page, request.user, name, data)
        page.refresh_from_db()
        compat.forget_workflow_states(page)  # read before the transition
        state = review_states([page], request.user)[page.pk]
        return Response(
            {
                "action": name,
                "actor": request.user.get_username(),
                "comments": data.get("comment", "") or data.get("reason", ""),
                "review_state": state,
                "time": iso(timezone.now()),
                "title": str(STATE_TITLES[state]),
            }
        )
