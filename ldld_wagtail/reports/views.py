"""The quota report in the admin (Báo cáo → Định mức tin, bài theo quý): the table of a quarter
with the secretary's remarks, and the CSV, XLSX and DOCX files to download. For the roles that
follow the items: the secretary and the board (setup_portal grants them the remarks' model
permissions, which this view asks for)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import PortalRole, ReportFile, Unit
from . import (
    activity,
    activity_files,
    files,
    handover,
    jobs,
    quota,
    royalties,
    royalty_files,
    tracking,
    tracking_files,
)

PERMISSION = "ldld.view_quotaremark"


def _screen(request, template, title, icon, context):
    """A report screen in the admin's frame: its title, icon and breadcrumbs."""
    return TemplateResponse(
        request,
        template,
        {
            "header_title": title,
            "header_icon": icon,
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
                {"url": "", "label": title},
            ],
            **context,
        },
    )


def _period(request, name, parse, default):
    """(the period the GET parameter `name` asks for, or `default`; the error, in words)."""
    try:
        return parse(request.GET.get(name) or str(default)), ""
    except ValueError as exc:
        return default, str(exc)


def _attachment(data: bytes, kind: str, filename: str) -> HttpResponse:
    content_type = files.CONTENT_TYPES.get(kind, "application/zip")
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def can_see(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def last_quarter(today: datetime.date | None = None) -> quota.Quarter:
    today = today or timezone.localdate()
    number = (today.month - 1) // 3
    return quota.Quarter(today.year - 1, 4) if number == 0 else quota.Quarter(today.year, number)


def quota_report_view(request):
    if not can_see(request.user):
        raise PermissionDenied
    quarter, error = _period(request, "quy", quota.Quarter.parse, last_quarter())
    report = quota.build(quarter)
    kind = request.GET.get("tai-ve", "")
    if kind in files.FORMATS:
        return _attachment(files.WRITERS[kind](report), kind, f"dinh-muc-{quarter}.{kind}")
    title = _("Items per unit, quarter by quarter")
    return _screen(
        request,
        "ldld_wagtail/reports/quota.html",
        title,
        "table",
        {
            "report": report,
            "quarter": quarter,
            "error": error,
            "formats": files.FORMATS,
            "remarks_url": reverse("wagtailsnippets_ldld_quotaremark:list"),
        },
    )


# --- monthly royalties ---------------------------------------------------------------------------

ROYALTY_READ = "ldld.view_royaltymonth"
ROYALTY_MANAGE = "ldld.change_royaltymonth"


def royalty_units(user):
    """The units whose royalties `user` may read: None for every unit (the board and the
    secretary), else the units of the user's unit roles (a unit's editor, its own unit)."""
    return units_for(user, ROYALTY_READ)


def units_for(user, permission):
    """None when `user` reads a report for every unit (holds `permission`), else the units
    whose lines the user may read, maybe none: a unit's editor, its own unit; a deputy head,
    the units owning the sections of the fields the deputy approves."""
    if not user.is_active:
        return []
    if user.has_perm(permission):
        return None
    return list(
        Unit.objects.filter(Q(roles__group__user=user) | Q(sections__field__owner__user=user))
        .distinct()
        .order_by("sort_order", "pk")
    )


def can_see_royalties(user) -> bool:
    return royalty_units(user) != []


def last_month(today: datetime.date | None = None) -> royalties.Month:
    return royalties.Month.of(today or timezone.localdate()).previous()


def royalty_report_view(request):
    allowed = royalty_units(request.user)
    if allowed == []:
        raise PermissionDenied
    month, error = _period(request, "thang", royalties.Month.parse, last_month())
    choices = allowed if allowed is not None else list(Unit.objects.order_by("sort_order", "pk"))
    code = request.GET.get("don-vi", "")
    unit = next((u for u in choices if u.code == code), None)
    if unit is None and allowed is not None:
        unit = allowed[0]  # a unit's editor sees only a unit
    manage = request.user.has_perm(ROYALTY_MANAGE) and allowed is None
    here = f"{reverse('ldld_royalty_report')}?thang={month}" + (
        f"&don-vi={unit.code}" if unit else ""
    )
    if request.method == "POST":
        if not manage:
            raise PermissionDenied
        try:
            done = _royalty_action(request, month)
        except royalties.RoyaltyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, done)
        key = request.POST.get("dong", "")
        return redirect(here + (f"#dong-{key}" if key else ""))
    report = royalties.build(month, unit=unit)
    kind = request.GET.get("tai-ve", "")
    if kind in royalty_files.FORMATS:
        return _attachment(
            royalty_files.WRITERS[kind](report), kind, royalty_files.filename(report, kind)
        )
    title = _("Monthly royalties")
    per_unit = report.per_unit()
    largest = max((amount for _u, _n, amount in per_unit), default=0) or 1
    return _screen(
        request,
        "ldld_wagtail/reports/royalties.html",
        title,
        "table",
        {
            "report": report,
            "month": month,
            "month_input": month.short,
            "month_ended": timezone.now() >= month.bounds(timezone.get_current_timezone_name())[1],
            "unit": unit,
            "units": choices,
            "all_units": allowed is None,
            "error": error,
            "manage": manage,
            "here": here,
            "formats": royalty_files.FORMATS,
            "people": report.people(),
            "chart": [
                {"unit": u, "lines": n, "amount": amount, "percent": round(100 * amount / largest)}
                for u, n, amount in per_unit
            ],
            "counts": [
                (royalties.KIND_LABELS[kind], number) for kind, number in report.counts().items()
            ],
            "rates_url": reverse("wagtailsnippets_ldld_royaltyrate:list"),
            "fees_url": reverse("wagtailsnippets_ldld_royaltyfee:list"),
            "can_edit_rates": request.user.has_perm("ldld.change_royaltyrate"),
        },
    )


def _royalty_action(request, month) -> str:
    action = request.POST.get("action")
    if action == "close":
        royalties.close(month, request.user)
        return _("The royalties of %s are closed.") % month.label
    if action == "reopen":
        royalties.reopen(month, request.user)
        return _("The royalties of %s are open again.") % month.label
    if action in ("adjust", "unadjust"):
        key = request.POST.get("dong", "")
        amount = None
        if action == "adjust":
            text = request.POST.get("so-tien", "").replace(".", "").replace(" ", "").strip()
            if not text.isdigit():
                raise royalties.RoyaltyError(
                    _("Write the amount as a whole number of đồng, for example 150.000.")
                )
            amount = int(text)
        royalties.adjust(month, key, amount, request.POST.get("ly-do", ""), request.user)
        return _("Line adjusted.") if amount is not None else _("Adjustment removed.")
    raise royalties.RoyaltyError(_("Unknown action."))


# --- monthly tracking and the hand-over archive --------------------------------------------------


def can_see_tracking(user) -> bool:
    return units_for(user, PERMISSION) != []


def tracking_view(request):
    allowed = units_for(request.user, PERMISSION)
    if allowed == []:
        raise PermissionDenied
    month, error = _period(request, "thang", royalties.Month.parse, last_month())
    kind = request.GET.get("tai-ve", "")
    if kind == "zip":
        if allowed is not None:
            raise PermissionDenied
        return _attachment(handover.build(month), "zip", handover.filename(month))
    table = tracking.build(month, units=allowed)
    if kind == "xlsx":
        return _attachment(
            tracking_files.tracking_xlsx(table), "xlsx", tracking_files.filename(table)
        )
    title = _("Monthly tracking")
    totals = [(row, row.counts.get("tin", 0) + row.counts.get("bai", 0)) for row in table.rows]
    largest = max((n for _row, n in totals), default=0) or 1
    return _screen(
        request,
        "ldld_wagtail/reports/tracking.html",
        title,
        "table",
        {
            "table": table,
            "month_input": month.short,
            "error": error,
            "all_units": allowed is None,
            "chart": [
                {"unit": row.name, "items": n, "percent": round(100 * n / largest)}
                for row, n in totals
            ],
            "here": f"{reverse('ldld_tracking_report')}?thang={month}",
            "zip_formats": ("zip",),
        },
    )


# --- the quarterly activity report ---------------------------------------------------------------


def activity_view(request):
    if not can_see(request.user):
        raise PermissionDenied
    quarter, error = _period(request, "quy", quota.Quarter.parse, last_quarter())
    report = activity.build(quarter)
    kind = request.GET.get("tai-ve", "")
    if kind in activity_files.WRITERS:
        return _attachment(
            activity_files.WRITERS[kind](report), kind, activity_files.filename(report, kind)
        )
    title = _("Quarterly activity report")
    largest = max((max(months) for _n, months, _t, _b in report.units), default=0) or 1
    return _screen(
        request,
        "ldld_wagtail/reports/activity.html",
        title,
        "table",
        {
            "report": report,
            "quarter": quarter,
            "error": error,
            "tables": [
                (heading, *table(report)) for _sheet, heading, table in activity_files.TABLES
            ],
            "unit_chart": [
                (
                    name,
                    [
                        (label, n, round(100 * n / largest))
                        for label, n in zip(report.months, months, strict=True)
                    ],
                )
                for name, months, _total, _before in report.units
            ],  # fmt: skip
            "deadline_chart": [
                (report.quarter.label, report.timing),
                (report.previous.label, report.timing_before),
            ],
            "here": f"{reverse('ldld_activity_report')}?quy={quarter}",
            "job_formats": tuple(activity_files.WRITERS),
        },
    )


# --- files built in the background ---------------------------------------------------------------


def can_see_files(user) -> bool:
    return any(jobs.can_read(user, kind) for kind in jobs.READ)


def sees_failures(user) -> bool:
    """The web admin (and whoever manages accounts) sees why a build failed."""
    return (
        user.is_superuser
        or PortalRole.objects.filter(group__user=user, manages_accounts=True).exists()
    )


def report_files_view(request):
    if not can_see_files(request.user):
        raise PermissionDenied
    if request.method == "POST":
        kind = request.POST.get("bao-cao", "")
        if kind not in jobs.READ or not jobs.can_read(request.user, kind):
            raise PermissionDenied
        try:
            row = jobs.request_file(
                kind, request.POST.get("ky", ""), request.POST.get("dinh-dang", ""),
                user=request.user,
            )  # fmt: skip
        except (ValueError, jobs.JobError) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("%(report)s %(period)s is being prepared; it will appear below when ready.")
                % {"report": jobs.LABELS[row.kind], "period": row.period},
            )
        return redirect("ldld_report_files")
    kinds = [kind for kind in jobs.READ if jobs.can_read(request.user, kind)]
    rows = list(ReportFile.objects.filter(kind__in=kinds).select_related("requested_by")[:100])
    busy = any(r.status in (ReportFile.Status.QUEUED, ReportFile.Status.RUNNING) for r in rows)
    title = _("Report files")
    return _screen(
        request,
        "ldld_wagtail/reports/files.html",
        title,
        "download",
        {
            "rows": [(r, jobs.LABELS.get(r.kind, r.kind)) for r in rows],
            "busy": busy,
            "show_errors": sees_failures(request.user),
        },
    )


def report_file_download(request, pk):
    row = ReportFile.objects.filter(pk=pk, status=ReportFile.Status.DONE).first()
    if row is None or not row.file or not jobs.can_read(request.user, row.kind):
        raise PermissionDenied
    name = row.file.name.rsplit("/", 1)[-1]
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=name)
