"""A taken-down item reads "đã gỡ" with its reason and date, not as a plain draft: in the
explorer, the page header and the dashboard."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ..utils import make_news

pytestmark = pytest.mark.django_db


def status_cells(html):
    return re.findall(r'class="w-status[^"]*".*?</(?:span|a)>', html, flags=re.S)


@pytest.fixture
def taken_down(admin_client, column):
    page = make_news(column, "Tin bị gỡ")
    url = reverse("ldld_take_down", args=[page.pk])
    admin_client.post(url, {"category": "rights", "reason": "Ảnh chưa xin phép"})
    page.refresh_from_db()
    assert not page.live
    return page


def assert_taken_down_shown(html, header=False):
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert "đã gỡ" in html
    if header:  # short in the header; the reason in its tooltip and label
        assert f"đã gỡ · {today}" in html and "Ảnh chưa xin phép" in html
    assert f"Bản quyền hoặc quyền riêng tư · {today}" in html
    assert "{#" not in html and "#}" not in html  # no template text leaks into the page


def test_explorer_shows_taken_down_with_reason_and_date(admin_client, taken_down, column):
    html = admin_client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert_taken_down_shown(html)
    # A plain draft still reads as a draft.
    make_news(column, "Tin nháp", live=False)
    html = admin_client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert html.count("đã gỡ") == 1


def test_page_header_shows_taken_down(admin_client, taken_down):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[taken_down.pk])).content
    assert_taken_down_shown(html.decode(), header=True)


def test_dashboard_recent_edits_show_taken_down(admin_client, admin_user, taken_down):
    revision = taken_down.save_revision(user=admin_user, log_action=True)
    assert revision
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert_taken_down_shown(html)


def test_restored_item_is_live_again_in_the_explorer(admin_client, taken_down, column):
    admin_client.post(reverse("ldld_restore", args=[taken_down.pk]))
    html = admin_client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert "đã gỡ" not in html
