"""The quota report in the admin (Báo cáo → Định mức tin, bài theo quý): the table of a quarter
with the secretary's remarks, and the CSV, XLSX and DOCX files to download. For the roles that
follow the items: the secretary and the board (setup_portal grants them the remarks' model
permissions, which this view asks for)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import files, quota

PERMISSION = "ldld.view_quotaremark"


def can_see(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def last_quarter(today: datetime.date | None = None) -> quota.Quarter:
    today = today or timezone.localdate()
    number = (today.month - 1) // 3
    return quota.Quarter(today.year - 1, 4) if number == 0 else quota.Quarter(today.year, number)


def quota_report_view(request):
    if not can_see(request.user):
        raise PermissionDenied
    error = ""
    try:
        quarter = quota.Quarter.parse(request.GET.get("quy") or str(last_quarter()))
    except ValueError as exc:
        error, quarter = str(exc), last_quarter()
    report = quota.build(quarter)
    kind = request.GET.get("tai-ve", "")
    if kind in files.FORMATS:
        response = HttpResponse(files.WRITERS[kind](report), content_type=files.CONTENT_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="dinh-muc-{quarter}.{kind}"'
        return response
    title = _("Items per unit, quarter by quarter")
    return TemplateResponse(
        request,
        "ldld_wagtail/reports/quota.html",
        {
            "header_title": title,
            "header_icon": "table",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
                {"url": "", "label": title},
            ],
            "report": report,
            "quarter": quarter,
            "error": error,
            "formats": files.FORMATS,
            "remarks_url": reverse("wagtailsnippets_ldld_quotaremark:list"),
        },
    )
