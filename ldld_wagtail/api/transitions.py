"""The federation's workflow as plone.restapi transitions, with the admin's rules.

Each transition runs the same code the admin runs (Wagtail's workflow, the plugin's task types,
the take-down module), so permissions, four eyes, the photo rule and the publishing deadline
are the same whichever door an editor uses.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import PageLogEntry, WorkflowState

from .. import compat, takedown
from ..models import EditorialField, Withdrawal, section_of
from ..workflows import PublishTask, RouteTask, publication_problems, workflow_for
from . import access, errors

TITLES = {
    "submit": gettext_lazy("Submit for approval"),
    "retract": gettext_lazy("Withdraw the submission"),
    "route": gettext_lazy("Route to a field"),
    "approve": gettext_lazy("Approve"),
    "return": gettext_lazy("Return with a comment"),
    "publish": gettext_lazy("Publish"),
    "unpublish": gettext_lazy("Unpublish"),
    "take_down": gettext_lazy("Take down"),
    "restore": gettext_lazy("Restore"),
}

STATE_TITLES = {
    "private": gettext_lazy("Draft"),
    "pending": gettext_lazy("Waiting for approval"),
    "published": gettext_lazy("Published"),
    "withdrawn": gettext_lazy("Taken down"),
}


def active_state(page):
    return (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state__task")
        .first()
    )


def available(page, user) -> list[str]:
    """The transitions this user may take on this page now, in a stable order."""
    if not (user.is_authenticated and user.is_active):
        return []
    names = []
    access.workflow_states([page])  # read once, for the permission checks below too
    perms = page.permissions_for_user(user)
    state = page.current_workflow_state
    in_progress = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    if in_progress:
        task = state.current_task_state.task.specific
        for action, _label, _modal in task.get_actions(page, user):
            name = {"reject": "return", "route": "route"}.get(action)
            if name is None:
                name = "publish" if isinstance(task, PublishTask) else "approve"
            if name not in names:
                names.append(name)
        names.sort(key=lambda n: n == "return")  # the step's own action first
        if state.requested_by_id == user.pk:
            names.append("retract")
    elif workflow_for(page) is not None:
        if perms.can_edit():
            names.append("submit")
    elif perms.can_publish() and (page.has_unpublished_changes or not page.live):
        names.append("publish")
    if page.live and workflow_for(page) is None and perms.can_unpublish():
        names.append("unpublish")
    if page.live and takedown.can_take_down(user, page):
        names.append("take_down")
    if not page.live and takedown.open_withdrawal(page) and takedown.can_take_down(user, page):
        names.append("restore")
    return names


@transaction.atomic
def run(page, user, name: str, data: dict):
    """Take transition `name`; raise an API error when it is unknown or not allowed now."""
    if name not in TITLES:
        raise errors.bad_request(
            _("Invalid transition %(name)r: use one of %(names)s")
            % {"name": name, "names": ", ".join(available(page, user)) or "-"}
        )
    if name not in available(page, user):
        if name in ("submit", "approve", "publish") and publication_problems(page):
            raise errors.bad_request(" ".join(str(p) for p in publication_problems(page)))
        raise PermissionDenied
    comment = data.get("comment", "")
    if not isinstance(comment, str):
        raise errors.field_error("comment", _("must be text"))
    compat.forget_workflow_states(page)  # the transition changes them: Wagtail reads afresh
    state = active_state(page)
    since = timezone.now()
    _take(page, user, name, data, comment, state)
    if comment.strip():
        _keep_comment(page, name, comment.strip(), since)


# The log entries each transition writes. Wagtail's workflow start, cancel, publish and
# unpublish take no comment; the caller's is kept on the entry, where the API's history and the
# admin's both read it.
LOGGED_AS = {
    "submit": ("wagtail.workflow.start", "wagtail.workflow.resume"),
    "retract": ("wagtail.workflow.cancel",),
    "publish": ("wagtail.publish",),
    "unpublish": ("wagtail.unpublish",),
    "restore": ("ldld.restore",),
}


def _keep_comment(page, name, comment, since):
    entry = (
        PageLogEntry.objects.filter(page=page, action__in=LOGGED_AS.get(name, ()))
        .filter(timestamp__gte=since)
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is not None and not (entry.data or {}).get("comment"):
        entry.data = {**(entry.data or {}), "comment": comment}
        entry.save(update_fields=["data"])


def _take(page, user, name, data, comment, state):
    if name == "submit":
        problems = publication_problems(page)
        if problems:
            raise errors.bad_request(" ".join(str(p) for p in problems))
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        else:
            page.get_workflow().start(page, user)
    elif name == "retract":
        state.cancel(user=user)
    elif name in ("route", "approve", "publish", "return") and state is not None:
        _task_action(state, page, user, name, comment, data)
    elif name == "publish":
        problems = publication_problems(page)
        if problems:
            raise errors.bad_request(" ".join(str(p) for p in problems))
        page.get_latest_revision().publish(user=user)
    elif name == "unpublish":
        UnpublishPageAction(page, user=user).execute()
    elif name == "take_down":
        reason = data.get("reason") or comment
        category = data.get("category", "other")
        if not isinstance(reason, str) or not reason.strip():
            raise errors.field_error("reason", _("Say why the item is taken down."))
        if category not in dict(Withdrawal.REASONS):
            raise errors.field_error(
                "category",
                _("must be one of %s") % ", ".join(dict(Withdrawal.REASONS)),
            )
        takedown.take_down(page, user, category, reason.strip())
    elif name == "restore":
        takedown.restore(page, user)


def _task_action(state, page, user, name, comment, data):
    task_state = state.current_task_state
    task = task_state.task.specific
    if name == "route":
        if not isinstance(task, RouteTask):
            raise PermissionDenied
        code = data.get("field")
        if code is None:
            # Plone's clients send only a comment: the field that owns the item's section,
            # as the admin's routing dialog preselects it.
            section = section_of(page)
            code = section.field.code if section is not None and section.field_id else None
        field = EditorialField.objects.filter(code=code).first() if isinstance(code, str) else None
        if field is None:
            codes = ", ".join(EditorialField.objects.values_list("code", flat=True))
            raise errors.field_error("field", _("choose one of the fields: %s") % codes)
        task.on_action(task_state, user, "route", field=field, comment=comment)
    elif name == "return":
        if not comment.strip():
            raise errors.field_error("comment", _("Say what the author should change."))
        task.on_action(task_state, user, "reject", comment=comment)
    else:
        task.on_action(task_state, user, "approve", comment=comment)
