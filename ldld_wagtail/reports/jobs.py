"""Report files built by the background worker (django-q2, through django-tasks), kept for
download, and prepared on their own once a period has ended.

- `request_file(kind, period, format)` queues a build. It is idempotent: a build already
  waiting or running for the same report, period, unit and format is the one answered; a new
  request for a finished one rebuilds it in place. Each request carries a token, so that a job
  left over from an earlier request does nothing.
- A build that fails is tried again (`ATTEMPTS` in all, a little later each time), then marked
  failed with its error for the web admin to see.
- `prepare_due_reports()` runs every day (a django-q2 schedule): after a month ends it
  prepares that month's royalty list and payment decision, the tracking table and the
  hand-over archive; after a quarter ends, the quota report and the activity report. When the
  last of a period's files is ready, the secretary is emailed the list.
"""

import datetime
import secrets
import traceback

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .. import schedules
from ..models import ReportFile, Unit
from ..site_url import root_url_for
from . import (
    activity,
    activity_files,
    files,
    handover,
    quota,
    royalties,
    royalty_files,
    tracking,
    tracking_files,
)

ATTEMPTS = 3
RETRY_AFTER = datetime.timedelta(minutes=2)
SCHEDULE = "ldld_wagtail: prepare the reports of the period that ended"
STALLED_SCHEDULE = "ldld_wagtail: resume report builds whose job was lost"
# A build running longer than the worker's timeout was killed with it.
STALLED = datetime.timedelta(seconds=settings.Q_CLUSTER.get("timeout", 300) + 60)
# Permission to read each report (ldld_wagtail.setup grants them from the profile's roles).
READ = {
    "royalties": "ldld.view_royaltymonth",
    "quota": "ldld.view_quotaremark",
    "activity": "ldld.view_quotaremark",
    "tracking": "ldld.view_quotaremark",
    "handover": "ldld.view_quotaremark",
}
LABELS = {
    "royalties": "Nhuận bút, thù lao",
    "quota": "Định mức tin, bài theo quý",
    "activity": "Báo cáo hoạt động quý",
    "tracking": "Theo dõi tin, bài hằng tháng",
    "handover": "Bản mềm tin, bài, ảnh của tháng",
}
FORMATS = {
    "royalties": royalty_files.FORMATS,
    "quota": files.FORMATS,
    "activity": tuple(activity_files.WRITERS),
    "tracking": ("xlsx",),
    "handover": ("zip",),
}
MONTHLY = ("royalties", "tracking", "handover")


class JobError(ValueError):
    pass


def parse_period(kind: str, period: str):
    if kind not in FORMATS:
        raise JobError(f"unknown report {kind!r}")
    if kind in MONTHLY:
        return royalties.Month.parse(period)
    return quota.Quarter.parse(period)


def can_read(user, kind: str) -> bool:
    return user.is_active and user.has_perm(READ[kind])


def request_file(kind, period, fmt, unit_code="", user=None, automatic=False) -> ReportFile:
    """Queue the build of a report file (see the module's docstring)."""
    parsed = parse_period(kind, period)
    if fmt not in FORMATS[kind]:
        raise JobError(f"{kind} has no {fmt} file")
    key = {"kind": kind, "period": str(parsed), "format": fmt, "unit_code": unit_code}
    with transaction.atomic():
        row, made = ReportFile.objects.select_for_update().get_or_create(
            **key, defaults={"token": secrets.token_hex(16)}
        )
        if not made and row.status in (ReportFile.Status.QUEUED, ReportFile.Status.RUNNING):
            return row
        row.status, row.progress, row.error, row.attempts = ReportFile.Status.QUEUED, 0, "", 0
        row.token = secrets.token_hex(16)
        row.requested_by, row.requested_at = user, timezone.now()
        row.automatic = automatic and (made or row.automatic)
        row.save()
        pk, token = row.pk, row.token
        transaction.on_commit(lambda: build_report_file.enqueue(pk, token))
    return row


def _build(row: ReportFile, progress) -> tuple[str, bytes]:
    """(file name, content) of the report a row names."""
    period = parse_period(row.kind, row.period)
    unit = Unit.objects.filter(code=row.unit_code).first() if row.unit_code else None
    progress(10)
    if row.kind == "royalties":
        report = royalties.build(period, unit=unit)
        progress(60)
        return royalty_files.filename(report, row.format), royalty_files.WRITERS[row.format](report)
    if row.kind == "quota":
        report = quota.build(period)
        progress(60)
        return f"dinh-muc-{period}.{row.format}", files.WRITERS[row.format](report)
    if row.kind == "activity":
        report = activity.build(period)
        progress(60)
        return activity_files.filename(report, row.format), activity_files.WRITERS[row.format](
            report
        )
    if row.kind == "tracking":
        table = tracking.build(period)
        progress(60)
        return tracking_files.filename(table), tracking_files.tracking_xlsx(table)
    return handover.filename(period), handover.build(
        period, progress=lambda done, total: progress(10 + 85 * done // max(total, 1))
    )


@task()
def build_report_file(pk: int, token: str) -> str:
    """Build one requested file; a no-op for a superseded request or a file already built."""
    with transaction.atomic():
        row = ReportFile.objects.select_for_update().filter(pk=pk, token=token).first()
        if row is None or row.status in (ReportFile.Status.DONE, ReportFile.Status.FAILED):
            return "nothing to do"
        now = timezone.now()
        if (
            row.status == ReportFile.Status.RUNNING
            and row.started_at
            and (row.started_at > now - STALLED)
        ):
            return "already running"  # the same job twice: the other one builds it
        row.status, row.attempts, row.started_at = ReportFile.Status.RUNNING, row.attempts + 1, now
        row.save(update_fields=["status", "attempts", "started_at"])

    def progress(percent):
        ReportFile.objects.filter(pk=pk, token=token).update(progress=min(int(percent), 99))

    try:
        name, data = _build(row, progress)
    except Exception:
        return _failed(row, traceback.format_exc(limit=5))
    with transaction.atomic():
        current = ReportFile.objects.select_for_update().filter(pk=pk, token=token).first()
        if current is None:
            return "superseded"
        old = current.file.name
        current.file.save(name, ContentFile(data), save=False)
        current.status, current.progress = ReportFile.Status.DONE, 100
        current.finished_at, current.error = timezone.now(), ""
        current.save()
        if old and old != current.file.name:
            transaction.on_commit(lambda: current.file.storage.delete(old))
    if current.automatic:
        _tell_the_secretary(current)
    return "built"


def resume_stalled(now=None) -> int:
    """Queue again the builds whose job was lost: running past the worker's timeout (a worker
    killed mid-build) or still waiting long after they were asked for (the broker was down).
    The job's checks make a build that is in fact still queued run once. Every five minutes."""
    now = now or timezone.now()
    stalled = ReportFile.objects.filter(
        Q(status=ReportFile.Status.RUNNING, started_at__lt=now - STALLED)
        | Q(status=ReportFile.Status.QUEUED, requested_at__lt=now - STALLED)
    ).values_list("pk", "token")
    stalled = list(stalled)
    for pk, token in stalled:
        build_report_file.enqueue(pk, token)
    return len(stalled)


def ensure_stalled_schedule():
    return schedules.ensure(STALLED_SCHEDULE, "ldld_wagtail.reports.jobs.resume_stalled", minutes=5)


def _failed(row, error: str) -> str:
    if row.attempts < ATTEMPTS:
        ReportFile.objects.filter(pk=row.pk, token=row.token).update(
            status=ReportFile.Status.QUEUED, error=error
        )
        build_report_file.using(run_after=timezone.now() + RETRY_AFTER * row.attempts).enqueue(
            row.pk, row.token
        )
        return "will retry"
    ReportFile.objects.filter(pk=row.pk, token=row.token).update(
        status=ReportFile.Status.FAILED, error=error, finished_at=timezone.now()
    )
    return "failed"


def secretaries():
    """Those who close the months (the secretary): holders of the royalty permission."""
    User = get_user_model()
    perm = Q(codename="change_royaltymonth", content_type__app_label="ldld")
    from django.contrib.auth.models import Permission

    permission = Permission.objects.filter(perm).first()
    if permission is None:
        return User.objects.none()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .exclude(email="")
        .distinct()
    )


def _tell_the_secretary(row):

    from ..notify import queue

    period_rows = ReportFile.objects.filter(period=row.period, automatic=True)
    if period_rows.exclude(status=ReportFile.Status.DONE).exists():
        return  # the others are still being built: one email when the last is ready
    ready = [
        {"label": LABELS[r.kind], "format": r.format.upper()}
        for r in period_rows.order_by("kind", "format")
    ]
    queue(
        list(secretaries().values_list("pk", flat=True)),
        f"Báo cáo {row.period} đã sẵn sàng",
        "ldld_wagtail/mail/reports_ready.txt",
        {
            "period": row.period,
            "files": ready,
            "url": root_url_for() + reverse("ldld_report_files"),
        },
        key=f"reports-ready:{row.period}",
    )


def prepare_due_reports(today: datetime.date | None = None) -> int:
    """Queue the files of the month (and quarter) that ended last, once: a file already
    requested for that period is left as it is. Returns the number queued."""
    today = today or timezone.localdate()
    month = royalties.Month.of(today).previous()
    wanted = [("royalties", str(month), "xlsx"), ("royalties", str(month), "docx"),
              ("tracking", str(month), "xlsx"), ("handover", str(month), "zip")]  # fmt: skip
    if today.month in (1, 4, 7, 10):
        quarter = quota.Quarter.parse(
            f"{today.year - 1}-Q4" if today.month == 1 else f"{today.year}-Q{today.month // 3}"
        )
        wanted += [("quota", str(quarter), "xlsx"), ("quota", str(quarter), "docx"),
                   ("activity", str(quarter), "docx")]  # fmt: skip
    queued = 0
    for kind, period, fmt in wanted:
        if not ReportFile.objects.filter(kind=kind, period=period, format=fmt).exists():
            request_file(kind, period, fmt, automatic=True)
            queued += 1
    return queued


def ensure_schedule():
    """A django-q2 schedule running `prepare_due_reports` every day at 06:00 (created once)."""
    return schedules.ensure(SCHEDULE, "ldld_wagtail.reports.jobs.prepare_due_reports", daily_at=6)
