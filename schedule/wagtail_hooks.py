"""The schedule's admin: the clerk's import from a Word or Excel file (`admin_views`).

"Nhập từ tệp Word/Excel" on a week (its edit view's header menu and its row in the explorer)
and "Tuần mới từ tệp" on the schedule index (the header menu of its listing and its row), for
users who may edit that week or add a week there.
"""

from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from . import admin_views
from .models import ScheduleIndexPage, WeeklySchedulePage
from .weeks import IMPORT_ACTION


@hooks.register("register_admin_urls")
def schedule_import_urls():
    return [
        path("schedule/import/<int:page_id>/", admin_views.import_view, name="schedule_import"),
        path(
            "schedule/import/<int:page_id>/confirm/",
            admin_views.confirm_view,
            name="schedule_import_confirm",
        ),
        path(
            "schedule/import/<int:page_id>/cancel/",
            admin_views.cancel_view,
            name="schedule_import_cancel",
        ),
    ]


class ImportWeekMenuItem(PageMenuItem):
    label = _("Import from a Word/Excel file")
    icon_name = "upload"
    url_name = "schedule_import"
    priority = 12

    def is_shown(self, user):
        # The lock (a workflow step, a scheduled publish) is checked when the form opens.
        page = self.page
        return admin_views.is_a(page, WeeklySchedulePage) and admin_views.can_import(
            user, page, check_lock=False
        )


class NewWeekMenuItem(PageMenuItem):
    label = _("New week from a file")
    icon_name = "upload"
    url_name = "schedule_import"
    priority = 12

    def is_shown(self, user):
        page = self.page
        return admin_views.is_a(page, ScheduleIndexPage) and admin_views.can_import(user, page)


@hooks.register("register_page_header_buttons")
def schedule_import_header_buttons(page, user, view_name, next_url=None):
    yield ImportWeekMenuItem(page=page)
    yield NewWeekMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def schedule_import_listing_buttons(page, user, next_url=None):
    yield ImportWeekMenuItem(page=page)
    yield NewWeekMenuItem(page=page)


@hooks.register("register_log_actions")
def schedule_log_actions(actions):
    @actions.register_action(IMPORT_ACTION)
    class Imported(LogFormatter):
        label = _("Import from a file")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return gettext("Imported from the file “%(file)s” (%(rows)d entries)") % {
                "file": data.get("file", ""),
                "rows": data.get("rows", 0),
            }
