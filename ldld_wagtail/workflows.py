"""The federation's moderation steps as Wagtail workflow tasks.

Wagtail runs the workflow (who is at which step, history, locking, the admin's approve and
"request changes" buttons); these task types add what the federation's rules need:

- `RouteTask`: the secretary receives an item and routes it to a field (*lĩnh vực*); the choice
  decides which deputy head approves next. "Request changes" returns it to the author.
- `ApprovalTask`: a leader approves or returns. Its actors are its groups, plus the owner of a
  fixed field, plus (when `routed_field` is set) the owner of the field the secretary chose.
- `PublishTask`: the web admin publishes; approving the last step publishes the page. When the
  step starts, the item gets its deadline (½ working day by the federation's calendar); when it
  ends, the working time it took is kept for the activity report.

Four eyes: nobody acts on a route or approval step of their own submission. A page whose
latest revision still has publication problems (a news item without a captioned photo) cannot
be approved or published at any step; it can only be returned.
"""

import datetime

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState

from .forms import ReturnForm, RouteForm


def _federation():
    """The federation's settings (`models.Federation`, which imports this module)."""
    return apps.get_model("ldld", "Federation").current()


def publication_problems(page) -> list[str]:
    """What stops this page (its latest revision) from going out; empty when nothing does."""
    revision = page.get_latest_revision()
    obj = revision.as_object() if revision else page.specific
    check = getattr(obj, "publication_problems", None)
    return list(check()) if check else []


class StepTaken(Exception):
    """Someone else acted on this step first (two reviewers at once, or the admin and the API):
    the later action changes nothing. `ldld_wagtail.workflows.StepTakenMiddleware` tells the
    admin's user in Vietnamese; the API answers 409."""


def claim(task_state):
    """Lock the step's row until the action commits and check it is still waiting: of two
    actions on one step at the same moment, the second waits for the first and is refused
    (PostgreSQL: `SELECT … FOR UPDATE`; SQLite: the IMMEDIATE transaction serializes writers)."""
    from django.utils.translation import gettext as _

    current = (
        TaskState.objects.select_for_update()
        .only("status", "finished_at", "finished_by")
        .filter(pk=task_state.pk)
        .first()
    )
    if current is not None and current.status == TaskState.STATUS_IN_PROGRESS:
        task_state.status = current.status
        return
    # Read after the lock, not joined to it: a joined row would come from the statement's
    # snapshot, taken before the other action committed (PostgreSQL, READ COMMITTED).
    by = current.finished_by if current is not None and current.finished_by_id else None
    if by is None or current.finished_at is None:
        raise StepTaken(_("This step is no longer waiting for anyone: nothing was changed."))
    who = by.get_full_name() or by.get_username()
    when = timezone.localtime(current.finished_at).strftime("%H:%M ngày %d/%m/%Y")
    raise StepTaken(
        _("%(name)s already acted on this step at %(when)s: your action changed nothing.")
        % {"name": who, "when": when}
    )


class StepTakenMiddleware:
    """An admin action refused by `claim`: the editor is sent back to the page he came from
    with the reason, instead of an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StepTaken):
            return None
        from django.contrib import messages
        from django.http import JsonResponse
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import url_has_allowed_host_and_scheme

        messages.error(request, str(exception))
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":  # the action's dialog
            return JsonResponse({"step": "success", "redirect": back})
        return redirect(back)


def _requested_by_id(obj):
    state = obj.current_workflow_state
    return state.requested_by_id if state else None


class StepTask(AbstractGroupApprovalTask):
    """Common behaviour: actors come from groups; the submitter never acts (four eyes)."""

    four_eyes = models.BooleanField(
        _("the submitter may not act on this step"),
        default=True,
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["four_eyes"]

    class Meta:
        abstract = True

    def actor_group_ids(self, obj) -> set[int]:
        return set(self.groups.values_list("pk", flat=True))

    def is_actor(self, obj, user) -> bool:
        if not user.is_authenticated or not user.is_active:
            return False
        if self.four_eyes and _requested_by_id(obj) == user.pk:
            return False
        if user.is_superuser:
            return True
        group_ids = self.actor_group_ids(obj)
        return bool(group_ids) and user.groups.filter(pk__in=group_ids).exists()

    def user_can_access_editor(self, obj, user):
        return self.is_actor(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_actor(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_actor(obj, user)

    def return_action(self):
        return ("reject", _("Return with a comment"), True)

    def get_actions(self, obj, user):
        if not self.is_actor(obj, user):
            return []
        if publication_problems(obj):
            return [self.return_action()]
        return [self.return_action(), *self.forward_actions()]

    def forward_actions(self):
        return [("approve", _("Approve"), False), ("approve", _("Approve with comment"), True)]

    def get_form_for_action(self, action):
        if action == "reject":
            return ReturnForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
            "workflow_state"
        )
        return TaskState.objects.filter(
            pk__in=[s.pk for s in states if self.is_actor(s.workflow_state.content_object, user)]
        )

    def on_action(self, task_state, user, action_name, **kwargs):
        with transaction.atomic():
            claim(task_state)
            obj = task_state.workflow_state.content_object
            if not self.is_actor(obj, user):
                raise PermissionDenied
            return self.act(task_state, user, action_name, **kwargs)

    def act(self, task_state, user, action_name, **kwargs):
        """The action itself, once `on_action` has claimed the step."""
        return super().on_action(task_state, user, action_name, **kwargs)


class ApprovalTask(StepTask):
    field = models.ForeignKey(
        "ldld.EditorialField",
        verbose_name=_("the deputy head of this field approves"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    routed_field = models.BooleanField(
        _("the deputy head of the field chosen by the secretary approves"), default=False
    )

    authors_unit_leader = models.BooleanField(
        _("the leader of the submitter's department validates"), default=False
    )

    admin_form_fields = StepTask.admin_form_fields + [
        "field",
        "routed_field",
        "authors_unit_leader",
    ]

    class Meta:
        verbose_name = _("approval by a leader")
        verbose_name_plural = _("approvals by a leader")

    @classmethod
    def get_description(cls):
        return _(
            "The chosen groups approve; so does the deputy head of a field, fixed or chosen "
            "by the secretary when routing."
        )

    def actor_group_ids(self, obj):
        ids = super().actor_group_ids(obj)
        if self.field_id:
            ids.add(self.field.owner_id)
        if self.routed_field:
            field = routed_field_of(obj)
            if field is not None:
                ids.add(field.owner_id)
        if self.authors_unit_leader:
            ids |= leader_group_ids(_requested_by_id(obj))
        return ids

    def start(self, workflow_state, user=None):
        """A department leader's step with no one to act (the submitter's department has no
        leader account, or he is its only leader and submitted it himself) is skipped."""
        state = super().start(workflow_state, user=user)
        if self.authors_unit_leader and not self._someone_acts(workflow_state):
            state.status = TaskState.STATUS_SKIPPED
            state.finished_at = timezone.now()
            state.save(update_fields=["status", "finished_at"])
        return state

    def _someone_acts(self, workflow_state) -> bool:
        from django.contrib.auth.models import User

        groups = self.actor_group_ids(workflow_state.content_object)
        actors = User.objects.filter(groups__in=groups, is_active=True)
        if self.four_eyes and workflow_state.requested_by_id:
            actors = actors.exclude(pk=workflow_state.requested_by_id)
        return actors.exists()


def leader_group_ids(user_id) -> set[int]:
    """The groups of the roles leading the departments of the user's unit roles."""
    if not user_id:
        return set()
    PortalRole = apps.get_model("ldld", "PortalRole")
    units = PortalRole.objects.filter(group__user=user_id, unit__isnull=False).values("unit")
    return set(PortalRole.objects.filter(leads__in=units).values_list("group_id", flat=True))


class RouteTaskState(TaskState):
    field = models.ForeignKey(
        "ldld.EditorialField",
        verbose_name=_("field"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("routing")
        verbose_name_plural = _("routings")


def routed_field_of(obj):
    state = obj.current_workflow_state
    if state is None:
        return None
    routed = (
        RouteTaskState.objects.filter(
            workflow_state=state, status=TaskState.STATUS_APPROVED, field__isnull=False
        )
        .select_related("field")
        .order_by("-finished_at", "-pk")
        .first()
    )
    return routed.field if routed else None


class RouteTask(StepTask):
    task_state_class = RouteTaskState

    class Meta:
        verbose_name = _("routing by the secretary")
        verbose_name_plural = _("routings by the secretary")

    @classmethod
    def get_description(cls):
        return _("The secretary receives the item and routes it to the field it belongs to.")

    def forward_actions(self):
        return [("route", _("Route to a field"), True)]

    def get_form_for_action(self, action):
        return RouteForm if action == "route" else super().get_form_for_action(action)

    def act(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name != "route":
            return super().act(task_state, user, action_name, **kwargs)
        field = kwargs["field"]
        if not isinstance(field, models.Model):
            field = RouteTaskState._meta.get_field("field").related_model.objects.get(pk=field)
        state = task_state.specific
        state.field = field
        state.save(update_fields=["field"])
        log(
            instance=obj.specific,
            action="ldld.route",
            user=user,
            revision=state.revision,
            data={
                "field": {"id": field.pk, "code": field.code, "name": field.name},
                "comment": kwargs.get("comment", ""),
            },
        )
        state.approve(user=user, comment=kwargs.get("comment", ""))


class PublishTaskState(TaskState):
    due_at = models.DateTimeField(_("due"), null=True, db_index=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    overdue_notified_at = models.DateTimeField(_("overdue notice sent"), null=True, blank=True)
    working_time = models.DurationField(_("working time taken"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def is_late(self) -> bool:
        end = self.finished_at or timezone.now()
        return self.due_at is not None and end > self.due_at


class PublishTask(StepTask):
    task_state_class = PublishTaskState

    class Meta:
        verbose_name = _("publication by the web admin")
        verbose_name_plural = _("publications by the web admin")

    @classmethod
    def get_description(cls):
        return _(
            "The web admin publishes the approved item within the federation's deadline "
            "(half a working day)."
        )

    def forward_actions(self):
        return [("approve", _("Publish"), False), ("approve", _("Publish with comment"), True)]

    def start(self, workflow_state, user=None):
        state = super().start(workflow_state, user=user).specific
        federation = _federation()
        if federation is not None:
            state.due_at = federation.calendar().add(state.started_at, federation.publish_within)
            state.save(update_fields=["due_at"])
        return state

    def act(self, task_state, user, action_name, **kwargs):
        result = super().act(task_state, user, action_name, **kwargs)
        if action_name == "approve":
            record_working_time(task_state.specific)
        return result


def record_working_time(state: PublishTaskState):
    state.refresh_from_db()
    federation = _federation()
    if federation is None or state.finished_at is None:
        return
    state.working_time = federation.calendar().between(state.started_at, state.finished_at)
    state.save(update_fields=["working_time"])


def pending_publications():
    """Items approved and waiting for the web admin, soonest deadline first."""
    return (
        PublishTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state", "revision", "task")
        .order_by(models.F("due_at").asc(nulls_last=True), "started_at")
    )


def time_left(state: PublishTaskState, now=None) -> datetime.timedelta | None:
    if state.due_at is None:
        return None
    return state.due_at - (now or timezone.now())


def workflow_pages() -> dict:
    """{page path: its active workflow} for every page a workflow is assigned to: a few rows,
    kept under the generation (assigning a workflow renews it, `apps.ready`)."""
    from wagtail.models import WorkflowPage

    from .cache import generation_cached

    def read():
        rows = WorkflowPage.objects.filter(workflow__active=True).select_related("page", "workflow")
        return {row.page.path: row.workflow for row in rows}

    return generation_cached("workflow-pages", read)


def workflow_for(page):
    """`page.get_workflow()`: the active workflow of the page or its nearest ancestor, read
    from `workflow_pages()` (no query once kept) and kept on the page for the request."""
    from django.conf import settings
    from wagtail.models import Page

    if "_ldld_workflow" not in page.__dict__:
        workflow = None
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            assigned = workflow_pages()
            step = Page.steplen
            for end in range(len(page.path), 0, -step):
                workflow = assigned.get(page.path[:end])
                if workflow is not None:
                    break
        page.__dict__["_ldld_workflow"] = workflow
    return page.__dict__["_ldld_workflow"]
