"""The admin's page views where the federation's workflow needs more than Wagtail says.

Registered as the base `PageViewSet` (Wagtail routes every page type's admin views through
the page viewset registry), so only the views named here differ from Wagtail's:

- a workflow action taken from the dashboard or the explorer (route, approve, publish,
  return) confirms what it did and where the item went, as Wagtail's own messages do;
- the secretary's routing dialog preselects the field that owns the item's section and says
  who approves in each field;
- the explorer's page-type column is headed "page type" (Wagtail's "Type" is shared with
  workflow tasks, reports and usage listings).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.workflow import CollectWorkflowActionDataView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState

from . import compat
from .editor_views import EditorCreateView, EditorEditView
from .models import EditorialField, section_of


def fields_approvers(fields) -> dict:
    """{field pk: "Deputy head's role (their names)"} for `fields`, in one query of users."""
    fields = list(fields)
    names = {}
    members = (
        get_user_model()
        .objects.filter(groups__in={f.owner_id for f in fields}, is_active=True)
        .order_by("last_name", "first_name", "username")
        .values_list("groups", "first_name", "last_name", "username")
    )
    for group_id, first, last, username in members:
        names.setdefault(group_id, []).append(f"{first} {last}".strip() or username)
    return {
        f.pk: f"{f.owner.name} ({', '.join(names[f.owner_id])})"
        if f.owner_id in names
        else f.owner.name
        for f in fields
    }


class RouteFormMixin:
    """The routing form opened with the section's own field chosen, each field with its
    approver."""

    def render_modal_form(self, request, form):
        if self.action_name == "route" and "field" in form.fields:
            choices = [("", "---------")]
            fields = list(EditorialField.objects.select_related("owner"))
            approvers = fields_approvers(fields)
            for field in fields:
                label = _("%(field)s (approved by %(who)s)") % {
                    "field": field.name,
                    "who": approvers[field.pk],
                }
                choices.append((field.pk, label))
            form.fields["field"].choices = choices
            if not form.is_bound:
                section = section_of(self.object)
                if section is not None and section.field_id:
                    form.initial["field"] = section.field_id
        return super().render_modal_form(request, form)


def outcome_message(page, action_name, before: TaskState) -> str | None:
    """What became of the item, in the words an editor expects, or None if nothing did."""
    before.refresh_from_db()
    if before.status == TaskState.STATUS_IN_PROGRESS:
        return None
    title = page.get_admin_display_title()
    if before.status == TaskState.STATUS_REJECTED:
        return _("'%(title)s' was returned to its author with your comment.") % {"title": title}
    if action_name == "route":
        field = getattr(before.specific, "field", None)
        if field is not None:
            return _("'%(title)s' was routed to %(who)s, in charge of %(field)s.") % {
                "title": title,
                "who": fields_approvers([field])[field.pk],
                "field": field.name,
            }
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        step = state.current_task_state.task.specific
        return _("'%(title)s' was approved; it now waits for: %(step)s.") % {
            "title": title,
            "step": step.name,
        }
    if page.live:
        return _("'%(title)s' was published.") % {"title": title}
    return _("'%(title)s' was approved.") % {"title": title}


class ConfirmingWorkflowActionView(RouteFormMixin, WorkflowActionView):
    def post(self, request, *args, **kwargs):
        before = self.task_state
        response = super().post(request, *args, **kwargs)
        message = outcome_message(self.object, self.action_name, before)
        if message:
            messages.success(request, message)
        return response


class RouteDataView(RouteFormMixin, CollectWorkflowActionDataView):
    pass


def _page_type_heading(column):
    if column.name != "type":
        return column
    return compat.relabel_column(column, gettext_lazy("Page type"))


class PortalExplorableIndexView(ExplorableIndexView):
    # The viewset hands these to the view as its columns.
    base_columns = [_page_type_heading(column) for column in ExplorableIndexView.base_columns]


class PortalPageViewSet(PageViewSet):
    model = Page
    index_view_class = PortalExplorableIndexView
    add_view_class = EditorCreateView
    edit_view_class = EditorEditView
    workflow_action_view_class = ConfirmingWorkflowActionView
    collect_workflow_action_data_view_class = RouteDataView


portal_page_viewset = PortalPageViewSet(name="ldld_pages")
