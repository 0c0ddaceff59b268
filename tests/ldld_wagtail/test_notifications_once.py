"""Notifications and report builds survive a worker killed mid-batch and a broker that is down:
every email owed is sent exactly once, and a report is built once (jobs keyed by what they do).
"""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ldld_wagtail import notify
from ldld_wagtail.models import Notification, ReportFile
from ldld_wagtail.reports import jobs

from ..utils import news_form, person, section

pytestmark = pytest.mark.django_db


class Killed(BaseException):
    """What SIGKILL does to a job: it stops where it is, nothing after it runs."""


def recipients(laocai):
    return [laocai["thuky"], person("quantri2", "quan-tri"), person("quantri3", "quan-tri")]


def test_a_batch_cut_short_by_a_killed_worker_is_finished_once(
    laocai, django_capture_on_commit_callbacks
):
    people = recipients(laocai)
    sent = []

    def mail_server(subject, body, sender, to):
        if len(sent) == 2:
            raise Killed
        sent.extend(to)

    with (
        mock.patch.object(notify, "send_mail", side_effect=mail_server),
        pytest.raises(Killed),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify.queue(
            [p.pk for p in people],
            "Chờ đồng chí xử lý",
            "ldld_wagtail/mail/step.txt",
            {"title": "Tin A", "url": "http://testserver/", "step": "Duyệt"},
            key="step:1",
        )
    assert len(sent) == 2 and mail.outbox == []

    # django-q2 runs the job again at once: the two sent are not sent again, and the one the
    # dead worker had claimed waits until its claim is old.
    keys = list(Notification.objects.values_list("key", flat=True))
    assert notify.send_notifications.call(keys) == 0
    later = timezone.now() + datetime.timedelta(seconds=notify.CLAIM_SECONDS + 61)
    assert notify.send_owed(now=later) == 1
    assert notify.send_owed(now=later) == 0
    assert notify.send_notifications.call(keys) == 0
    everyone = sent + [to for m in mail.outbox for to in m.to]
    assert sorted(everyone) == sorted(p.email for p in people)
    assert Notification.objects.filter(sent_at=None).count() == 0


def test_an_event_told_twice_owes_one_email(laocai, django_capture_on_commit_callbacks):
    people = [p.pk for p in recipients(laocai)]
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            notify.queue(
                people,
                "Trễ hạn",
                "ldld_wagtail/mail/step.txt",
                {"title": "Tin B", "url": "", "step": "Đăng"},
                key="overdue:7",
            )
    assert len(mail.outbox) == 3
    assert Notification.objects.count() == 3


def test_notifications_queued_while_the_broker_is_down_are_sent_later_once(
    laocai, client, django_capture_on_commit_callbacks
):
    from ldld_wagtail.models import Unit

    from ..utils import make_image

    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    client.force_login(laocai["ctv"])
    add = reverse(
        "wagtailadmin_pages:add", args=("news", "newspage", section("tuyen-giao-nu-cong").pk)
    )
    broker_down = ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch("django_q.tasks.async_task", side_effect=broker_down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(add, news_form(unit, make_image(), "action-submit"))
    assert response.status_code == 302  # the contributor's submit went through
    assert mail.outbox == []
    owed = Notification.objects.get()
    assert owed.user == laocai["thuky"] and owed.sent_at is None

    later = timezone.now() + datetime.timedelta(minutes=2)
    assert notify.send_owed(now=later) == 1
    assert notify.send_owed(now=later) == 0
    assert [m.to for m in mail.outbox] == [["thuky@example.vn"]]
    assert "Ngày hội công nhân 2026" in mail.outbox[0].subject


def test_setup_schedules_the_sweeps(laocai):
    from django_q.models import Schedule

    funcs = set(Schedule.objects.values_list("func", flat=True))
    assert {"ldld_wagtail.notify.send_owed", "ldld_wagtail.reports.jobs.resume_stalled"} <= funcs


def test_a_report_build_killed_midway_is_resumed_and_built_once(laocai, monkeypatch):
    row = ReportFile.objects.create(
        kind="quota", period="2026-Q3", format="xlsx", token="t1", automatic=False
    )
    builds = []

    def build(row, progress):
        builds.append(row.pk)
        if len(builds) == 1:
            raise Killed
        return "dinh-muc.xlsx", b"PK..."

    monkeypatch.setattr(jobs, "_build", build)
    with pytest.raises(Killed):
        jobs.build_report_file.call(row.pk, "t1")
    row.refresh_from_db()
    assert row.status == ReportFile.Status.RUNNING
    # The same job delivered again while the first may still run: it leaves it alone.
    assert jobs.build_report_file.call(row.pk, "t1") == "already running"
    assert jobs.resume_stalled() == 0
    # Past the worker's timeout the build was killed with it: the sweep queues it again.
    later = timezone.now() + jobs.STALLED + datetime.timedelta(seconds=1)
    with mock.patch("django_q.tasks.async_task") as async_task:
        assert jobs.resume_stalled(now=later) == 1
    assert async_task.call_args.args[1:] == (
        "ldld_wagtail.reports.jobs.build_report_file",
        [row.pk, "t1"],
        {},
    )
    ReportFile.objects.filter(pk=row.pk).update(started_at=timezone.now() - jobs.STALLED * 2)
    assert jobs.build_report_file.call(row.pk, "t1") == "built"
    assert jobs.build_report_file.call(row.pk, "t1") == "nothing to do"
    assert len(builds) == 2
    row.refresh_from_db()
    assert row.status == ReportFile.Status.DONE and row.file.read() == b"PK..."
