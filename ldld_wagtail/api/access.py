"""What a caller may see and do, through Wagtail's own permission policy.

Anonymous callers and API-key holders see live pages under no view restriction, nothing else.
A logged-in editor also sees the pages they may edit (their drafts, items in moderation,
withdrawn items), and for those the latest revision rather than the live one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .. import compat
from ..cache import generation_cached
from ..models import Withdrawal
from ..visibility import is_restricted, public_q

policy = PagePermissionPolicy()


def is_editor(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def editable_q(user) -> Q | None:
    if not is_editor(user):
        return None
    if user.is_superuser:
        return Q()
    ids = policy.instances_user_has_any_permission_for(user, ["change", "publish"]).values("pk")
    return Q(pk__in=ids)


def visible_q(user) -> Q:
    public = Q(live=True) & public_q()
    editable = editable_q(user)
    if editable is None:
        return public
    if not editable:
        return Q()  # a superuser edits everything (and `public | Q()` would be just `public`)
    return public | editable


def visible(queryset, user):
    return queryset.filter(visible_q(user))


def can_see(page, user) -> bool:
    """Live public pages for everyone; for editors also what they may edit, for the board
    (who may take items down) every page in their reach, withdrawn ones included, and for
    whoever took a step on an item the item while it goes on through its workflow (the
    secretary who routed it follows it to the deputy head's approval)."""
    if page.live and not is_restricted(page):
        return True
    if is_responsible(page, user):
        return True
    return is_editor(user) and took_a_step(page, user)


def took_a_step(page, user) -> bool:
    """Whether the user finished a step of the item's workflow now in progress."""
    from wagtail.models import TaskState, WorkflowState

    return TaskState.objects.filter(
        workflow_state__base_content_type=page_type(),
        workflow_state__object_id=str(page.pk),
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        finished_by=user,
    ).exists()


def is_responsible(page, user) -> bool:
    """Editors who may edit the page, and the board who may take it down."""
    if not is_editor(user):
        return False
    from ..takedown import can_take_down

    return can_edit(page, user) or can_take_down(user, page)


def acts_in_workflow(page, user) -> bool:
    """Whether the user acts at some step of the workflow that governs the page (the
    secretary, the deputy heads, the head, the web admin for a news item)."""
    if not is_editor(user):
        return False
    from ..workflows import workflow_for

    workflow = workflow_for(page)
    if workflow is None:
        return False
    group_ids = set(user.groups.values_list("pk", flat=True))
    for workflow_task in workflow.workflow_tasks.select_related("task"):
        task = workflow_task.task.specific
        actors = getattr(task, "actor_group_ids", None)
        groups = set(actors(page) if actors else task.groups.values_list("pk", flat=True))
        if getattr(task, "routed_field", False):  # any field the secretary may route it to
            from ..models import EditorialField

            groups |= set(EditorialField.objects.values_list("owner_id", flat=True))
        if user.is_superuser or group_ids & groups:
            return True
    return False


def can_read_history(page, user) -> bool:
    """The history of an item: who may edit it or take it down, and every member of the board
    who acts on it at some step of its workflow."""
    return is_responsible(page, user) or acts_in_workflow(page, user)


def can_edit(page, user) -> bool:
    return is_editor(user) and page.permissions_for_user(user).can_edit()


def workflow_states(pages, listed=(), user=None) -> None:
    """Read the active workflow states of `pages` (in progress or needing changes, with the
    current task) in one query, for those not read yet, and leave them where Wagtail's own
    `current_workflow_state`, `workflow_in_progress` and the task lock look first: the
    permission checks, the review state and the transitions of a page share one read.

    `listed` are the ids of a listing's rows read in the same query: whether each is in
    moderation is kept on `user` (who lives for one request) for `review_states`."""
    missing = [p for p in pages if not compat.has_workflow_states(p)]
    if not missing and not listed:
        return
    ids = {str(p.pk) for p in missing} | {str(pk) for pk in listed}
    found = {}
    rows = (
        WorkflowState.objects.active()
        .filter(base_content_type=page_type(), object_id__in=sorted(ids))
        .select_related("current_task_state__task")
    )
    for state in rows:
        found.setdefault(state.object_id, []).append(state)
    for p in missing:
        compat.remember_workflow_states(p, found.get(str(p.pk), []))
    if listed and user is not None:
        known = _pending_known(user)
        for pk in listed:
            states = found.get(str(pk), [])
            known[pk] = any(s.status == WorkflowState.STATUS_IN_PROGRESS for s in states)


def _pending_known(user) -> dict:
    return user.__dict__.setdefault("_ldld_pending", {})


def in_progress(page) -> bool:
    workflow_states([page])
    return any(
        s.status == WorkflowState.STATUS_IN_PROGRESS
        for s in compat.remembered_workflow_states(page)
    )


def taken_down() -> set:
    """The ids of the pages taken down and not restored: few (a take-down is rare), kept under
    the generation, which a take-down, a restore or any change to one renews."""
    return generation_cached(
        "taken-down",
        lambda: set(
            Withdrawal.objects.filter(restored_at__isnull=True).values_list("page_id", flat=True)
        ),
    )


def review_states(pages, user=None) -> dict:
    """{page id: review_state} for pages, in one query whatever their number (none for the
    workflow states already read, `workflow_states`).

    Anonymous callers only ever get live pages, which are `published` to them (a new revision
    in moderation is the editors' business), so they cost no query.
    """
    if not is_editor(user):
        return {p.pk: "published" for p in pages}
    withdrawn = taken_down() if any(not p.live for p in pages) else set()
    if len(pages) == 1 and isinstance(pages[0], Page):
        workflow_states(pages)  # one page: its states read in full serve the checks after
    known = _pending_known(user)
    if all(compat.has_workflow_states(p) or p.pk in known for p in pages):
        pending = {
            str(p.pk)
            for p in pages
            if (in_progress(p) if compat.has_workflow_states(p) else known[p.pk])
        }
    else:
        pending = set(
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
            .filter(base_content_type=page_type(), object_id__in=[str(p.pk) for p in pages])
            .values_list("object_id", flat=True)
            if pages
            else ()
        )
    states = {}
    for p in pages:
        if str(p.pk) in pending:
            states[p.pk] = "pending"
        elif p.live:
            states[p.pk] = "published"
        elif p.pk in withdrawn:
            states[p.pk] = "withdrawn"
        else:
            states[p.pk] = "private"
    return states


def page_type():
    return ContentType.objects.get_for_model(Page)


def public_pages():
    return Page.objects.filter(Q(live=True) & public_q())
