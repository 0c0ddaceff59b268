"""The question desk in the admin (`admin_views`): a menu item and a dashboard panel with the
number of members' questions waiting and how long the oldest has waited, for the roles that
answer them."""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from ldld_wagtail.calendar import human_duration

from . import admin_views, desk

app_name = "qa_desk"
urlpatterns = [
    path("", admin_views.desk_list, name="list"),
    path("chon/", admin_views.desk_bulk, name="bulk"),
    path("<int:pk>/", admin_views.desk_detail, name="detail"),
]


@hooks.register("register_admin_urls")
def question_desk_urls():
    return [path("hoi-dap/", include((urlpatterns, "qa_desk"), namespace="qa_desk"))]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return desk.can_answer(request.user)


@hooks.register("register_admin_menu_item")
def question_desk_menu_item():
    return DeskMenuItem(
        pgettext_lazy("menu", "Members' questions"),
        reverse("qa_desk:list"),
        icon_name="help",
        order=250,
    )


class WaitingQuestionsPanel(Component):
    name = "qa_waiting_questions"
    template_name = "qa/admin/waiting_panel.html"
    order = 60

    def __init__(self, count, oldest):
        self.count = count
        self.oldest = oldest

    def get_context_data(self, parent_context):
        waited = human_duration(timezone.now() - self.oldest) if self.oldest else ""
        return {
            "count": self.count,
            "oldest": self.oldest,
            "waited": waited,
            "url": reverse("qa_desk:list"),
        }


@hooks.register("construct_homepage_panels")
def waiting_questions_panel(request, panels):
    if desk.can_answer(request.user):
        count, oldest = admin_views.waiting_summary()
        panels.insert(0, WaitingQuestionsPanel(count, oldest))
