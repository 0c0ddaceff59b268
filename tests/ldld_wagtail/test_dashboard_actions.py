"""Workflow actions taken from the dashboard say what they did and where the item went, and
the secretary's routing dialog opens on the field that owns the item's column."""

import re

import pytest
from django.urls import reverse

from ldld_wagtail.models import EditorialField, Unit
from news.models import NewsPage

from ..utils import make_image, news_form, section

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def action_url(page, action):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))


def dashboard_messages(client) -> str:
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return " ".join(re.findall(r'class="messages".*?</ul>', html, flags=re.S))


def submitted_item(laocai, client):
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    client.force_login(laocai["ctv"])
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    assert client.post(add, news_form(unit, make_image(), "action-submit")).status_code == 302
    return NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")


def test_route_dialog_preselects_the_columns_field_and_names_who_approves(laocai, client):
    page = submitted_item(laocai, client)
    client.force_login(laocai["thuky"])
    response = client.get(action_url(page, "route"), **XHR)
    assert response.status_code == 200
    html = response.json()["html"]
    field = EditorialField.objects.get(code="tuyen-giao-nu-cong")
    assert re.search(rf'<option value="{field.pk}"[^>]*selected', html)
    # Each field says who approves it: the deputy head's role and name.
    assert "Phó Trưởng ban Thường trực (Phoban1)" in html


def test_each_dashboard_action_confirms_where_the_item_went(laocai, client):
    page = submitted_item(laocai, client)
    field = EditorialField.objects.get(code="tuyen-giao-nu-cong")

    client.force_login(laocai["thuky"])
    response = client.post(action_url(page, "route"), {"field": field.pk, "comment": ""}, **XHR)
    assert response.json()["step"] == "success"
    shown = dashboard_messages(client)
    assert "Đã chuyển “Ngày hội công nhân 2026” đến Phó Trưởng ban Thường trực" in shown
    assert "phụ trách lĩnh vực Tuyên giáo - Nữ công" in shown

    client.force_login(laocai["phoban1"])
    client.post(action_url(page, "approve"), **XHR)
    shown = dashboard_messages(client)
    assert "Đã phê duyệt “Ngày hội công nhân 2026”; bước tiếp theo:" in shown

    client.force_login(laocai["quantri"])
    client.post(action_url(page, "approve"), **XHR)
    assert "Đã đăng “Ngày hội công nhân 2026”." in dashboard_messages(client)
    page.refresh_from_db()
    assert page.live


def test_returning_from_the_dashboard_confirms_it(laocai, client):
    page = submitted_item(laocai, client)
    client.force_login(laocai["thuky"])
    client.post(action_url(page, "reject"), {"comment": "Thiếu ảnh"}, **XHR)
    assert "Đã trả lại “Ngày hội công nhân 2026” cho tác giả" in dashboard_messages(client)
