import copy

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem, WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import (
    accounts,
    accounts_views,
    delegation,
    delegation_views,
    forwarding_views,
    locks,
    takedown,
    withhold,
)
from .calendar import human_duration
from .models import PortalRole, QuotaRemark, ReportFile, RoyaltyFee, RoyaltyRate, Unit
from .reports import views as report_views
from .workflows import PublishTask, pending_publications


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "valid_from", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


register_snippet(UnitViewSet)


class QuotaRemarkViewSet(SnippetViewSet):
    """The secretary's remarks on lines of the quarterly quota report."""

    model = QuotaRemark
    icon = "comment"
    menu_label = _("Quota report remarks")
    add_to_admin_menu = False
    list_display = ["quarter", "unit", "text", "replaces_note"]
    list_filter = ["quarter"]
    panels = [
        FieldPanel("unit"),
        FieldPanel("quarter"),
        FieldPanel("text"),
        FieldPanel("replaces_note"),
    ]


register_snippet(QuotaRemarkViewSet)


class RoyaltyRateViewSet(SnippetViewSet):
    """The amounts of the royalty rates, entered from the decisions (dated, with the number)."""

    model = RoyaltyRate
    icon = "tag"
    menu_label = _("Royalty rates")
    add_to_admin_menu = False
    list_display = ["kind", "amount_shown", "decision", "valid_from", "valid_until"]
    list_filter = ["kind"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("amount"),
        FieldPanel("decision"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
    ]


class RoyaltyFeeViewSet(SnippetViewSet):
    model = RoyaltyFee
    icon = "user"
    menu_label = _("Monthly fees")
    add_to_admin_menu = False
    list_display = ["title", "person", "amount_shown", "decision", "valid_from", "valid_until"]
    panels = [
        FieldPanel("title"),
        FieldPanel("person"),
        FieldPanel("amount"),
        FieldPanel("decision"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
    ]


register_snippet(RoyaltyRateViewSet)
register_snippet(RoyaltyFeeViewSet)


class ShownMenuItem(MenuItem):
    """A menu item shown to the users whom `shown(user)` admits."""

    def __init__(self, label, url, shown, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return self.shown(request.user)


class DashboardPanel(Component):
    """A dashboard panel: a template and its context."""

    def __init__(self, name, template_name, order, **context):
        self.name, self.template_name, self.order = name, template_name, order
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


@hooks.register("register_admin_urls")
def quota_report_urls():
    return [
        path("ldld/bao-cao/dinh-muc/", report_views.quota_report_view, name="ldld_quota_report"),
        path("ldld/bao-cao/theo-doi/", report_views.tracking_view, name="ldld_tracking_report"),
        path("ldld/bao-cao/quy/", report_views.activity_view, name="ldld_activity_report"),
        path("ldld/bao-cao/tep/", report_views.report_files_view, name="ldld_report_files"),
        path(
            "ldld/bao-cao/tep/<int:pk>/",
            report_views.report_file_download,
            name="ldld_report_file",
        ),
        path(
            "ldld/bao-cao/nhuan-but/",
            report_views.royalty_report_view,
            name="ldld_royalty_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def quota_report_menu_item():
    return ShownMenuItem(
        _("Items per unit, quarter by quarter"),
        reverse("ldld_quota_report"),
        report_views.can_see,
        icon_name="table",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def activity_menu_item():
    return ShownMenuItem(
        _("Quarterly activity report"),
        reverse("ldld_activity_report"),
        report_views.can_see,
        icon_name="doc-full",
        order=102,
    )


@hooks.register("register_reports_menu_item")
def report_files_menu_item():
    return ShownMenuItem(
        _("Report files"),
        reverse("ldld_report_files"),
        report_views.can_see_files,
        icon_name="download",
        order=120,
    )


@hooks.register("construct_homepage_panels")
def failed_reports_panel(request, panels):
    """The web admin's notice of report files that could not be built."""
    if report_views.sees_failures(request.user):
        count = ReportFile.objects.filter(status=ReportFile.Status.FAILED).count()
        if count:
            panels.insert(
                0,
                DashboardPanel(
                    "ldld_failed_reports",
                    "ldld_wagtail/panels/failed_reports.html",
                    60,
                    count=count,
                    url=reverse("ldld_report_files"),
                ),
            )


@hooks.register("register_reports_menu_item")
def tracking_menu_item():
    return ShownMenuItem(
        _("Monthly tracking"),
        reverse("ldld_tracking_report"),
        report_views.can_see_tracking,
        icon_name="list-ul",
        order=105,
    )


@hooks.register("register_reports_menu_item")
def royalty_report_menu_item():
    return ShownMenuItem(
        _("Monthly royalties"),
        reverse("ldld_royalty_report"),
        report_views.can_see_royalties,
        icon_name="form",
        order=110,
    )


# --- editorial workflow: take-down, deadlines, audit log ----------------------------------------


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("ldld/take-down/<int:page_id>/", takedown.take_down_view, name="ldld_take_down"),
        path("ldld/restore/<int:page_id>/", takedown.restore_view, name="ldld_restore"),
        path("ldld/history/<int:page_id>/", takedown.page_log_view, name="ldld_page_log"),
    ]


@hooks.register("register_admin_viewset", order=1)
def register_portal_page_viewset():
    # After Wagtail's base page viewset (order -1): the registry keeps the last one for Page.
    from .admin_views import portal_page_viewset

    return portal_page_viewset


class SubmitMenuItem(SubmitForModerationMenuItem):
    """The "Gửi duyệt" button, without the workflow's name: a profile's workflow names list
    their steps and made the footer button wrap over three lines. A return to the author still
    reads "Gửi lại bước …"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        if not (state and state.status == state.STATUS_NEEDS_CHANGES):
            context["label"] = gettext("Submit for review")
        return context


@hooks.register("construct_page_action_menu")
def short_submit_label(menu_items, request, context):
    for i, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            replacement = SubmitMenuItem(order=item.order)
            menu_items[i] = replacement


@hooks.register("construct_page_action_menu")
def publish_step_labels(menu_items, request, context):
    """Wagtail adds "and Publish" to the final step's approve buttons; the publishing step's
    own buttons already say "Publish" ("Đăng kèm ý kiến và đăng" read twice)."""
    page = context.get("page")
    task = page.current_workflow_task if page is not None and page.pk else None
    if task is None or not isinstance(task.specific, PublishTask):
        return
    labels = {
        modal: label
        for name, label, modal in task.specific.get_actions(page, request.user)
        if name == "approve"
    }
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = labels.get(item.launch_modal, item.label)


@hooks.register("before_serve_document")
def withheld_documents(document, request):
    return withhold.serve_withheld_document(document, request)


class TakeDownMenuItem(PageMenuItem):
    label = _("Take down")
    icon_name = "cross"
    url_name = "ldld_take_down"
    priority = 45

    def is_shown(self, user):
        return self.page.live and takedown.can_take_down(user, self.page)


class RestoreMenuItem(PageMenuItem):
    label = _("Restore")
    icon_name = "undo"
    url_name = "ldld_take_down"  # the form page explains and offers the restore button
    priority = 46

    def is_shown(self, user):
        return (
            not self.page.live
            and takedown.open_withdrawal(self.page) is not None
            and takedown.can_take_down(user, self.page)
        )


class PageLogMenuItem(PageMenuItem):
    """The page's history for the board members who may take it down but not edit it."""

    label = _("Editorial history")
    icon_name = "history"
    url_name = "ldld_page_log"
    priority = 47

    def is_shown(self, user):
        return takedown.can_take_down(user, self.page) and not (
            self.page.permissions_for_user(user).can_edit()
        )


# --- syndication: the national portal's consumers and their keys ------------------------------


def can_see_consumers(user) -> bool:
    return user.is_superuser or user.has_perm("auth.change_user")


def syndication_report(request):
    from django.core.exceptions import PermissionDenied
    from django.template.response import TemplateResponse
    from wagtail.models import APIToken

    from .models import SyndicationChange
    from .syndication import CONSUMERS_GROUP

    if not can_see_consumers(request.user):
        raise PermissionDenied
    keys = (
        APIToken.objects.filter(user__groups__name=CONSUMERS_GROUP)
        .select_related("user")
        .order_by("user__username", "-created")
    )
    return TemplateResponse(
        request,
        "ldld_wagtail/syndication_report.html",
        {"keys": keys, "changes": SyndicationChange.objects.count()},
    )


@hooks.register("register_admin_urls")
def syndication_urls():
    return [path("ldld/syndication/", syndication_report, name="ldld_syndication_report")]


@hooks.register("register_reports_menu_item")
def syndication_menu_item():
    return ShownMenuItem(
        _("Syndication consumers"),
        reverse("ldld_syndication_report"),
        can_see_consumers,
        icon_name="link",
        order=900,
    )


@hooks.register("register_page_listing_more_buttons")
def take_down_buttons(page, user, next_url=None):
    yield TakeDownMenuItem(page=page)
    yield RestoreMenuItem(page=page)
    yield PageLogMenuItem(page=page)


@hooks.register("register_page_header_buttons")
def take_down_header_buttons(page, user, view_name, next_url=None):
    yield TakeDownMenuItem(page=page)
    yield RestoreMenuItem(page=page)
    yield PageLogMenuItem(page=page)


class _Formatter(LogFormatter):
    def format_comment(self, log_entry):
        data = log_entry.data or {}
        return data.get("reason") or data.get("comment") or ""


@hooks.register("register_log_actions")
def editorial_log_actions(actions):
    @actions.register_action("ldld.route")
    class Routed(_Formatter):
        label = _("Route to a field")

        def format_message(self, log_entry):
            field = (log_entry.data or {}).get("field", {}).get("name", "")
            return gettext("Routed to the field '%s'") % field

    @actions.register_action("ldld.takedown")
    class TakenDown(_Formatter):
        label = _("Take down")

        def format_message(self, log_entry):
            return gettext("Taken down (%s)") % (log_entry.data or {}).get("category_label", "")

    @actions.register_action("ldld.restore")
    class Restored(_Formatter):
        label = _("Restore")
        message = _("Restored after a take-down")


class PublishingDeadlinesPanel(Component):
    """The web admin's list of approved items waiting to be published, with time left."""

    name = "ldld_publishing_deadlines"
    template_name = "ldld_wagtail/panels/deadlines.html"
    order = 50

    def __init__(self, states):
        self.states = states

    def get_context_data(self, parent_context):
        now = timezone.now()
        rows = []
        for state in self.states:
            left = state.due_at - now if state.due_at else None
            rows.append(
                {
                    "state": state,
                    "page": state.workflow_state.content_object,
                    "left": human_duration(abs(left)) if left is not None else "",
                    "late": left is not None and left.total_seconds() < 0,
                }
            )
        return {"rows": rows, "request": parent_context.get("request")}


@hooks.register("construct_homepage_panels")
def publishing_deadlines_panel(request, panels):
    user = request.user
    # The office leader urges those who publish (Quy chế 7.1): he sees every item waiting.
    urges = PortalRole.objects.filter(group__user=user, urges_publication=True).exists()
    states = [
        s
        for s in pending_publications()
        if urges or s.task.specific.is_actor(s.workflow_state.content_object, user)
    ]
    if states:
        panels.insert(0, PublishingDeadlinesPanel(states))


# --- Vietnamese slugs -----------------------------------------------------------------------------

# Wagtail's slug field drops Vietnamese vowels with tone marks and spells "đ" as "dj"
# ("Tọa đàm" → "ta-djam"). These formatters run first and leave plain letters, as Vietnamese
# sites write their addresses ("toa-dam"); the server folds slugs the same way (`text.fold`).
VIETNAMESE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}


def slug_formatters() -> str:
    import json
    import re

    from wagtail.coreutils import get_js_regex

    return json.dumps(
        [
            [get_js_regex(re.compile(f"[{letters}]", re.IGNORECASE)), plain]
            for plain, letters in VIETNAMESE_LETTERS.items()
        ],
        ensure_ascii=False,
    )


@hooks.register("insert_global_admin_js")
def vietnamese_slug_formatters():
    import json

    from django.utils.safestring import mark_safe

    literal = json.dumps(slug_formatters()).replace("</", "<\\/")
    return mark_safe(
        "<script>document.addEventListener('DOMContentLoaded', function () {"
        "document.querySelectorAll('[data-controller~=\"w-slug\"]').forEach(function (el) {"
        "if (!el.hasAttribute('data-w-slug-formatters-value')) "
        f"el.setAttribute('data-w-slug-formatters-value', {literal});}});}});</script>"
    )


@hooks.register("construct_help_menu")
def no_english_release_notes(request, menu_items):
    """Wagtail's "What's new in Wagtail 8.0" links to its English release notes, of no use to
    the federation's editors; the editor's guide stays."""
    menu_items[:] = [i for i in menu_items if not i.name.startswith("whats-new-in-wagtail")]


@hooks.register("construct_reports_menu")
def reports_menu_in_the_readers_language(request, menu_items):
    """wagtail-localize names its translations report when the menu is first built, in whatever
    language that first request had, and Wagtail keeps the item for the process: name it again,
    on a copy, in this request's language."""
    for i, item in enumerate(menu_items):
        if item.url == reverse("wagtail_localize:translations_report"):
            menu_items[i] = copy.copy(item)
            menu_items[i].label = gettext("Translations")


@hooks.register("register_admin_urls")
def forwarding_urls():
    return [
        path("ldld/chuyen-tin/", forwarding_views.forwarding_view, name="ldld_forwarding"),
        path(
            "ldld/chuyen-tin/chon/",
            forwarding_views.forwarding_action,
            name="ldld_forwarding_action",
        ),
    ]


@hooks.register("register_admin_menu_item")
def forwarding_menu_item():
    return ShownMenuItem(
        _("Forwarding to outlets"),
        reverse("ldld_forwarding"),
        forwarding_views.may_use,
        icon_name="upload",
        order=260,
    )


# --- accounts: the head's say (Quy chế 7.6) ------------------------------------------------------


@hooks.register("before_create_user")
@hooks.register("before_edit_user")
def remember_account(request, user=None):
    if user is not None:
        accounts.remember(request, user)


@hooks.register("after_create_user")
def account_created(request, user):
    accounts.changed(request, user, created=True)


@hooks.register("after_edit_user")
def account_edited(request, user):
    accounts.changed(request, user)


@hooks.register("register_admin_urls")
def accounts_urls():
    return [
        path("ldld/tai-khoan/", accounts_views.accounts_view, name="ldld_accounts"),
        path(
            "ldld/tai-khoan/<int:pk>/",
            accounts_views.account_decision,
            name="ldld_account_decision",
        ),
    ]


@hooks.register("register_settings_menu_item")
def accounts_menu_item():
    return ShownMenuItem(
        _("Accounts waiting for approval"),
        reverse("ldld_accounts"),
        lambda user: accounts.may_approve(user) and accounts.approver_roles().exists(),
        icon_name="user",
        order=590,
    )


@hooks.register("construct_homepage_panels")
def accounts_waiting_panel(request, panels):
    if accounts.may_approve(request.user):
        count = accounts.waiting().count()
        if count:
            panels.insert(
                0,
                DashboardPanel(
                    "ldld_accounts_waiting",
                    "ldld_wagtail/panels/accounts_waiting.html",
                    55,
                    count=count,
                    url=reverse("ldld_accounts"),
                ),
            )


@hooks.register("register_log_actions")
def account_log_actions(actions):
    actions.register_action("ldld.account_changed", _("Account changed"), _("Account changed"))
    actions.register_action(
        "ldld.account_requested",
        _("Account change requested"),
        _("Account change waiting for the head's approval"),
    )
    actions.register_action("ldld.account_approved", _("Account approved"), _("Account approved"))
    actions.register_action(
        "ldld.account_refused", _("Account change refused"), _("Account change refused")
    )


# --- delegation (Quy chế article 6) --------------------------------------------------------------


@hooks.register("register_admin_urls")
def delegation_urls():
    return [
        path("ldld/uy-quyen/", delegation_views.delegation_view, name="ldld_delegation"),
        path(
            "ldld/uy-quyen/<int:pk>/huy/",
            delegation_views.cancel_delegation,
            name="ldld_delegation_cancel",
        ),
    ]


@hooks.register("register_settings_menu_item")
def delegation_menu_item():
    return ShownMenuItem(
        _("Delegation"),
        reverse("ldld_delegation"),
        lambda user: delegation.delegable_roles(user).exists(),
        icon_name="user",
        order=595,
    )


@hooks.register("construct_homepage_panels")
def delegation_panel(request, panels):
    found = list(delegation.in_force_for(request.user))
    if found:
        panels.insert(
            0,
            DashboardPanel(
                "ldld_delegation", "ldld_wagtail/panels/delegation.html", 40, delegations=found
            ),
        )


@hooks.register("register_log_actions")
def delegation_log_actions(actions):
    actions.register_action("ldld.delegation", _("Delegation"), _("Powers delegated"))
    actions.register_action(
        "ldld.delegation_cancelled", _("Delegation cancelled"), _("Delegation cancelled")
    )
    actions.register_action(
        "ldld.delegation_started", _("Delegation in force"), _("Delegation came into force")
    )
    actions.register_action("ldld.delegation_ended", _("Delegation ended"), _("Delegation ended"))


@hooks.register("before_edit_page")
def let_lapsed_lock_go(request, page):
    """A lock left by an abandoned edit in a Plone frontend lapses (`ldld_wagtail.locks`): the
    admin's editor lets it go and opens again, unlocked (it read the lock before this hook)."""
    if page.locked and locks.let_go_if_lapsed(page) and request.method == "GET":
        return redirect(request.get_full_path())
    return None


@hooks.register("before_serve_page")
def _note_an_item_shown_alone(page, request, serve_args, serve_kwargs):
    """The page cache may keep an item that shows only itself under its own token."""
    from .cache import mark_cached_alone

    mark_cached_alone(request, page)
