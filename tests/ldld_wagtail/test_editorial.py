"""The federation's editorial rules, through the admin views (Quy chế articles 3-7;
Bình Thuận letter, points 3-5).

Lào Cai: contributor submits → secretary routes to a field → that field's deputy head (or the
head) approves → web admin publishes within half a working day. Bình Thuận: departments go
through the standing board; district and sector unions publish on their own sub-sites.
"""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from ldld_wagtail.models import EditorialField, Federation, PortalRole, Unit, Withdrawal
from ldld_wagtail.notify import remind_deadlines
from ldld_wagtail.workflows import ApprovalTask, PublishTask, PublishTaskState, RouteTask
from news.models import NewsPage

from ..utils import act, make_image, news_form, person, publish_through_the_workflow, section

pytestmark = pytest.mark.django_db


def setup(profile):
    call_command("setup_portal", "--profile", profile, stdout=open("/dev/null", "w"))


def refused(response) -> bool:
    """Wagtail answers a forbidden admin action with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def log_actions(page):
    return list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_lao_cai_path_end_to_end_through_the_admin(
    laocai, client, django_capture_on_commit_callbacks
):
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    image = make_image()

    # The contributor submits; the item waits for the secretary and is not public.
    client.force_login(laocai["ctv"])
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add, news_form(unit, image, "action-submit"))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")
    assert not page.live
    assert isinstance(page.current_workflow_task, RouteTask)
    assert [m.to for m in mail.outbox] == [["thuky@example.vn"]]
    assert "Ngày hội công nhân 2026" in mail.outbox[0].subject
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in mail.outbox[0].body
    # ... and cannot route it itself.
    assert refused(act(client, page, "route", field=1))

    # The secretary routes it to the field "Tuyên giáo - Nữ công". From the edit page the
    # choice is first collected as JSON, then sent with the form.
    client.force_login(laocai["thuky"])
    field = EditorialField.objects.get(code="tuyen-giao-nu-cong")
    collect = reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=(page.pk, "route", page.current_workflow_task_state.pk),
    )
    collected = client.post(collect, {"field": field.pk, "comment": "Tin phong trào"})
    assert collected.status_code == 200
    assert b'"step": "success"' in collected.content and b'"field": ' in collected.content
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            act(client, page, "route", field=field.pk, comment="Tin phong trào").status_code == 302
        )
    page.refresh_from_db()
    assert isinstance(page.current_workflow_task, ApprovalTask)
    assert {m.to[0] for m in mail.outbox} == {"phoban1@example.vn"}

    # The other deputy head does not own that field: refused on the server.
    client.force_login(laocai["phoban2"])
    assert refused(act(client, page, "approve"))

    # The right deputy head returns it with a comment; the author learns why. Without a
    # comment the return is refused and the item stays where it is.
    client.force_login(laocai["phoban1"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", state.pk))
        response = client.post(url, {"comment": "  "}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert "Hãy nêu những điểm tác giả cần sửa." in response.json()["html"]
    page.refresh_from_db()
    assert isinstance(page.current_workflow_task, ApprovalTask) and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, page, "reject", comment="Bổ sung tên người trong ảnh")
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["ctv-tuyengiao@example.vn"]]
    assert "Bổ sung tên người trong ảnh" in mail.outbox[0].body

    # The author resubmits; it comes back to the same deputy head, who approves.
    client.force_login(laocai["ctv"])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = news_form(unit, image, "action-submit")
    data["photos-0-id"] = str(page.photos.get().pk)
    data["photos-INITIAL_FORMS"] = "1"
    assert client.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert isinstance(page.current_workflow_task, ApprovalTask)
    client.force_login(laocai["phoban1"])
    assert act(client, page, "approve").status_code == 302

    # Now the web admin has half a working day; the dashboard shows the deadline.
    page.refresh_from_db()
    assert isinstance(page.current_workflow_task, PublishTask)
    state = page.current_workflow_task_state.specific
    calendar = Federation.current().calendar()
    assert state.due_at == calendar.add(state.started_at, datetime.timedelta(hours=3, minutes=45))
    client.force_login(laocai["quantri"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ngày hội công nhân 2026" in dashboard and "ldld_publishing_deadlines" not in dashboard
    assert timezone_text(state.due_at) in dashboard

    # The web admin publishes; the author is told; readers see it.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, page, "approve")
    assert response.status_code == 302 and not refused(response)
    page.refresh_from_db()
    assert page.live
    assert [m.to for m in mail.outbox] == [["ctv-tuyengiao@example.vn"]]
    state.refresh_from_db()
    assert state.working_time is not None
    client.logout()
    assert client.get(page.url).status_code == 200

    # Every step is in the audit log, with the routing as its own action.
    actions = log_actions(page)
    for expected in (
        "wagtail.workflow.start",
        "ldld.route",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ):
        assert expected in actions, expected


def timezone_text(moment):
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def test_nobody_approves_their_own_submission(laocai, client):
    """Four eyes: the head submits an item; the head cannot approve it, the deputy can."""
    head = person("truongban", "truong-ban")
    head.groups.add(PortalRole.objects.get(code="ctv-tuyen-giao").group)
    thuky = laocai["thuky"]
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    client.force_login(head)
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    client.post(add, news_form(unit, make_image(), "action-submit"))
    page = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")
    client.force_login(thuky)
    field = EditorialField.objects.get(code="tuyen-giao-nu-cong")
    act(client, page, "route", field=field.pk)
    client.force_login(head)
    assert refused(act(client, page, "approve"))
    client.force_login(laocai["phoban1"])
    assert act(client, page, "approve").status_code == 302


def test_an_item_without_a_photo_cannot_be_submitted(laocai, client):
    client.force_login(laocai["ctv"])
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    data = news_form(unit, make_image(), "action-submit")
    data["photos-TOTAL_FORMS"] = "0"
    data["photos-MIN_NUM_FORMS"] = "0"
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    response = client.post(add, data)
    assert response.status_code == 200
    assert not NewsPage.objects.filter(slug="ngay-hoi-cong-nhan-2026").exists()


def test_reminders_before_and_after_the_deadline(
    laocai, client, django_capture_on_commit_callbacks
):
    page = publish_through_the_workflow(laocai, client)
    state = PublishTaskState.objects.get(workflow_state__object_id=str(page.pk))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_deadlines(now=state.due_at - datetime.timedelta(hours=3)) == 0
        assert remind_deadlines(now=state.due_at - datetime.timedelta(minutes=30)) == 1
        assert remind_deadlines(now=state.due_at - datetime.timedelta(minutes=10)) == 0
        assert remind_deadlines(now=state.due_at + datetime.timedelta(minutes=1)) == 1
        assert remind_deadlines(now=state.due_at + datetime.timedelta(hours=2)) == 0
    assert [m.to for m in mail.outbox] == [["quantri@example.vn"], ["quantri@example.vn"]]
    client.force_login(laocai["quantri"])
    # Late items are marked on the dashboard.
    state.due_at = state.started_at - datetime.timedelta(minutes=1)
    state.save()
    assert "ldld-late" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_take_down_with_a_reason_and_restore(laocai, client):
    page = publish_through_the_workflow(laocai, client)
    client.force_login(laocai["quantri"])
    act(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    url = reverse("ldld_take_down", args=[page.pk])

    # A contributor cannot take items down, even by posting the form.
    client.force_login(laocai["ctv"])
    assert refused(client.post(url, {"category": "quality", "reason": "x"}))

    # A reason is required.
    client.force_login(laocai["phoban2"])
    response = client.post(url, {"category": "quality", "reason": "  "})
    assert response.status_code == 200 and NewsPage.objects.get(pk=page.pk).live

    response = client.post(url, {"category": "accuracy", "reason": "Số liệu chưa chính xác"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    withdrawal = Withdrawal.objects.get(page=page)
    assert (withdrawal.by, withdrawal.category) == (laocai["phoban2"], "accuracy")
    # The author sees who took it down and why in the page's history.
    client.force_login(laocai["ctv"])
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Số liệu chưa chính xác" in history
    # So does the board, who may not edit the page and so not open Wagtail's history: the
    # editorial history is offered in the page's menu. A contributor of another column is not.
    client.force_login(laocai["phoban1"])
    explorer = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    log_url = reverse("ldld_page_log", args=[page.pk])
    assert log_url in explorer.content.decode()
    log = client.get(log_url).content.decode()
    assert "Số liệu chưa chính xác" in log and "Đã gỡ bỏ" in log
    client.force_login(person("ctv-cspl-2", "ctv-cspl"))
    assert refused(client.get(log_url))
    client.logout()
    assert client.get(page.url or f"/tuyen-giao-nu-cong/{page.slug}/").status_code == 404

    client.force_login(laocai["quantri"])
    assert client.post(reverse("ldld_restore", args=[page.pk])).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert log_actions(page)[-1] == "ldld.restore"


def test_binh_thuan_district_publishes_its_own_and_departments_need_the_standing_board(client):
    setup("binh-thuan")
    image = make_image()
    editor = person("bientap-phan-thiet", "bien-tap-phan-thiet")
    other = person("bientap-tuy-phong", "bien-tap-tuy-phong")
    board = person("thuongtruc", "thuong-truc")
    it = person("to-cntt", "to-cntt")
    dept = person("bientap-tuyen-giao", "bien-tap-tuyen-giao")

    # A district federation publishes straight onto its own page...
    subsite = section("phan-thiet")
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", subsite.pk))
    unit = Unit.objects.get(code="phan-thiet")
    assert client.post(add, news_form(unit, image, "action-publish")).status_code == 302
    item = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")
    assert item.live
    # ... but not onto another district's, and cannot take down another's items.
    client.force_login(other)
    assert refused(client.get(add))
    take_down = reverse("ldld_take_down", args=[item.pk])
    assert refused(client.post(take_down, {"category": "quality", "reason": "x"}))
    # The standing board can take it down.
    client.force_login(board)
    assert client.post(take_down, {"category": "quality", "reason": "Ảnh mờ"}).status_code == 302

    # A department's item goes through the standing board, then the IT team publishes.
    column = section("tin-tuyen-giao")
    client.force_login(dept)
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    data = news_form(Unit.objects.get(code="tuyen-giao"), image, "action-publish", "Tin ban")
    data["slug"] = "tin-ban"
    client.post(add, data)  # no publish permission: nothing goes out
    assert not NewsPage.objects.filter(slug="tin-ban", live=True).exists()
    data = news_form(Unit.objects.get(code="tuyen-giao"), image, "action-submit", "Tin ban")
    data["slug"] = "tin-ban-2"
    assert client.post(add, data).status_code == 302
    page = NewsPage.objects.get(slug="tin-ban-2")
    client.force_login(it)
    assert refused(act(client, page, "approve"))  # not before the board
    client.force_login(board)
    assert act(client, page, "approve").status_code == 302
    client.force_login(it)
    assert act(client, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live


def test_the_boards_explorer_listing_does_not_grow_in_queries_with_its_rows(laocai, client):
    """Take down, restore and the editorial history are offered on every row: asking who may
    take items down must not cost queries per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ..utils import make_news

    column = section("tuyen-giao-nu-cong")
    client.force_login(laocai["phoban1"])
    url = reverse("wagtailadmin_explore", args=[column.pk])
    counts = []
    for rows in (5, 20):
        while column.get_children().count() < rows:
            make_news(column, f"Tin {column.get_children().count()}")
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
