"""Who may do what in each section: the permission matrix as the running portal enforces it.

Computed for one stand-in user per role (created inside a transaction that is rolled back),
through Wagtail's own permission API for add / edit / submit / publish / unpublish, through the
sections' workflow steps for route / approve / publish, and through the take-down rule.
`manage.py portal_matrix` prints it; the tests compare it with the
rules of the Quy chế (articles 3-7) and the Bình Thuận letter (points 3-4).
"""

from django.contrib.auth.models import User
from django.db import transaction

from .models import EditorialField, PortalRole, Section
from .takedown import can_take_down
from .workflows import ApprovalTask, PublishTask, RouteTask

ACTIONS = ("add", "edit", "submit", "route", "approve", "publish", "unpublish", "take_down")


class _Rollback(Exception):
    pass


def permission_matrix() -> dict:
    """{section code: {action: set of role codes}}."""
    result = {}
    try:
        with transaction.atomic():
            users = {}
            for role in PortalRole.objects.select_related("group"):
                user = User.objects.create_user(f"matrix-{role.code}"[:150])
                user.groups.add(role.group)
                users[role.code] = user
            for section in Section.objects.select_related("page", "field").order_by("page__path"):
                result[section.code] = _row(section, users)
            raise _Rollback
    except _Rollback:
        pass
    return result


def _row(section, users) -> dict:
    page = section.page.specific
    workflow = page.get_workflow()
    steps = [wt.task.specific for wt in workflow.workflow_tasks.all()] if workflow else []
    row = {action: set() for action in ACTIONS}
    for code, user in users.items():
        perms = page.permissions_for_user(user)
        group_ids = set(user.groups.values_list("pk", flat=True))
        if perms.can_add_subpage():
            row["add"].add(code)
        if perms.can_edit():
            row["edit"].add(code)
            if workflow is not None:
                row["submit"].add(code)
        if workflow is None and perms.can_publish():
            row["publish"].add(code)
        if perms.can_unpublish():
            row["unpublish"].add(code)
        for position, step in enumerate(steps):
            actors = _step_groups(step, section)
            if not group_ids & actors:
                continue
            last = position == len(steps) - 1
            if isinstance(step, RouteTask):
                row["route"].add(code)
            elif isinstance(step, ApprovalTask):
                row["approve"].add(code)
                if last:
                    row["publish"].add(code)
            elif isinstance(step, PublishTask):
                row["publish"].add(code)
        if can_take_down(user, page):
            row["take_down"].add(code)
    return row


def _step_groups(step, section) -> set:
    groups = set(step.groups.values_list("pk", flat=True))
    if isinstance(step, ApprovalTask):
        if step.field_id:
            groups.add(step.field.owner_id)
        if step.routed_field:
            # The secretary's choice: the section's own field when it has one, else any field.
            if section.field_id:
                groups.add(section.field.owner_id)
            else:
                groups |= set(EditorialField.objects.values_list("owner_id", flat=True))
        if step.authors_unit_leader and section.unit_id:
            # The leaders of the department whose contributors write in the section.
            groups |= set(
                PortalRole.objects.filter(leads=section.unit_id).values_list("group_id", flat=True)
            )
    return groups


def as_markdown(matrix: dict) -> str:
    lines = [
        "| section | " + " | ".join(ACTIONS) + " |",
        "|---" * (len(ACTIONS) + 1) + "|",
    ]
    for code, row in matrix.items():
        cells = [", ".join(sorted(row[a])) or "—" for a in ACTIONS]
        lines.append(f"| {code} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
