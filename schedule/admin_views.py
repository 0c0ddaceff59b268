"""The clerk's import of a weekly schedule from the office's Word or Excel file.

Upload, preview, confirm. The upload is read and shown (the rows by day, each problem row with
its number and reason); nothing is saved in the database until the clerk confirms. Between the
two steps the file waits in private storage (the plugin's withheld storage, which no URL hands
out, shared by every server), under a random key carried by a signed token; confirming or
cancelling deletes it, and uploads older than `PENDING_HOURS` are swept on every upload.

Confirming saves a new draft revision of the week (a new week page under the index, or the
week's own page), with the file attached (`weeks.save_import`). Only users who may edit that
week (or add a week under the index) get past any of these views.
"""

import datetime
import secrets

from django import forms
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page

from ldld_wagtail.withhold import withheld_storage

from . import importing, weeks
from .models import WEEKDAYS, Part, ScheduleIndexPage, WeeklySchedulePage

PENDING_DIR = "schedule-imports"
PENDING_HOURS = 6
TOKEN_SALT = "schedule.import"


# --- who may import where ---


def target_page(page_id):
    """The week or schedule index page `page_id`, specific; 404 for any other page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, (WeeklySchedulePage, ScheduleIndexPage)):
        raise Http404
    return page


def locked_for(user, page) -> bool:
    lock = page.get_lock()
    return lock is not None and lock.for_user(user)


def is_a(page, model) -> bool:
    """Whether `page` (specific or not) is a `model` page."""
    specific_class = getattr(page, "specific_class", None)
    return specific_class is not None and issubclass(specific_class, model)


def can_import(user, page, check_lock=True) -> bool:
    """Whether `user` may import into `page`: edit a week (not locked for them), or add a
    week under the index."""
    if not (user.is_authenticated and user.is_active):
        return False
    if is_a(page, ScheduleIndexPage):
        return page.permissions_for_user(user).can_add_subpage()
    if is_a(page, WeeklySchedulePage):
        if not page.permissions_for_user(user).can_edit():
            return False
        return not (check_lock and locked_for(user, page))
    return False


def _check(user, page):
    if not can_import(user, page):
        raise PermissionDenied


# --- forms ---


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Schedule file"),
        help_text=gettext_lazy(
            "The office's Word (.docx) or Excel (.xlsx) file. A PDF is attached to the week "
            "as its file only: its rows are not read."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xlsx,.pdf"}),
    )
    week = forms.DateField(
        label=gettext_lazy("Week starting (Monday)"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=AdminDateInput(),
        help_text=gettext_lazy("Leave empty to take the week from the dates in the file."),
    )

    def __init__(self, *args, ask_week=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_week:
            del self.fields["week"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (at most %(size)d MB).")
                % {"size": importing.MAX_BYTES // 2**20}
            )
        return upload

    def clean_week(self):
        week = self.cleaned_data.get("week")
        if week and week.weekday() != 0:
            raise forms.ValidationError(_("The week must start on a Monday."))
        return week


# --- the file between preview and confirm ---


def _sweep():
    """Delete uploads nobody confirmed or cancelled."""
    limit = timezone.now() - datetime.timedelta(hours=PENDING_HOURS)
    try:
        _dirs, names = withheld_storage.listdir(PENDING_DIR)
    except (FileNotFoundError, NotImplementedError, OSError):
        return
    for name in names:
        path = f"{PENDING_DIR}/{name}"
        try:
            if withheld_storage.get_modified_time(path) < limit:
                withheld_storage.delete(path)
        except (FileNotFoundError, NotImplementedError, OSError):
            continue


def keep_upload(data: bytes, user, page, monday, filename) -> str:
    """Store the upload privately; the signed token that finds it again."""
    _sweep()
    key = secrets.token_hex(16)
    withheld_storage.save(f"{PENDING_DIR}/{key}", ContentFile(data))
    return signing.dumps(
        {
            "key": key,
            "user": user.pk,
            "page": page.pk,
            "week": monday.isoformat(),
            "name": filename,
        },
        salt=TOKEN_SALT,
    )


class PendingGone(Exception):
    pass


def pending(token: str, user, page) -> dict:
    try:
        value = signing.loads(token or "", salt=TOKEN_SALT, max_age=PENDING_HOURS * 3600)
    except signing.BadSignature as error:
        raise PendingGone from error
    if value.get("user") != user.pk or value.get("page") != page.pk:
        raise PermissionDenied
    path = f"{PENDING_DIR}/{value['key']}"
    if not withheld_storage.exists(path):
        raise PendingGone
    with withheld_storage.open(path, "rb") as handle:
        value["data"] = handle.read()
    value["path"] = path
    value["monday"] = datetime.date.fromisoformat(value["week"])
    return value


def drop(path: str):
    if path and withheld_storage.exists(path):
        withheld_storage.delete(path)


# --- views ---


def _back_url(page) -> str:
    if isinstance(page, WeeklySchedulePage):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return reverse("wagtailadmin_explore", args=[page.pk])


def _context(page, *, preview=False, **extra) -> dict:
    is_index = isinstance(page, ScheduleIndexPage)
    heading = _("New week from a file") if is_index else _("Import from a Word/Excel file")
    index = page if is_index else page.get_parent()
    crumbs = [
        {"url": reverse("wagtailadmin_explore", args=[index.pk]), "label": index.title},
    ]
    if not is_index:
        crumbs.append({"url": _back_url(page), "label": page.get_admin_display_title()})
    crumbs.append({"url": reverse("schedule_import", args=[page.pk]), "label": heading})
    if preview:
        crumbs.append({"url": "", "label": _("Check the rows")})
    return {
        "page": page,
        "is_index": is_index,
        "heading": heading,
        "header_title": _("Check the rows") if preview else heading,
        "header_subtitle": extra.get("filename") or page.get_admin_display_title(),
        "breadcrumbs_items": crumbs,
        "back_url": _back_url(page),
        **extra,
    }


def import_view(request, page_id):
    """The upload form (GET) and the preview of the uploaded file (POST)."""
    page = target_page(page_id)
    _check(request.user, page)
    is_index = isinstance(page, ScheduleIndexPage)
    form = UploadForm(request.POST or None, request.FILES or None, ask_week=is_index)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        preview = _read_upload(request, page, form, upload.read(), upload.name)
        if preview is not None:
            return TemplateResponse(
                request,
                "schedule/admin/import_preview.html",
                _context(page, preview=True, **preview),
            )
    return TemplateResponse(request, "schedule/admin/import_upload.html", _context(page, form=form))


def _read_upload(request, page, form, data: bytes, filename: str) -> dict | None:
    """The preview's context, or None with the problem added to the form."""
    is_index = isinstance(page, ScheduleIndexPage)
    try:
        monday = form.cleaned_data.get("week") if is_index else page.week_start
        monday = monday or importing.guess_monday(data, filename)
        if monday is None:
            form.add_error(
                "week", _("The file names no date of its week: choose the week's Monday.")
            )
            return None
        schedule = importing.read_schedule(data, filename, monday)
    except importing.UnreadableFile as error:
        form.add_error("file", str(error))
        return None
    week = weeks.find_week(page, monday) if is_index else page
    if week is not None and not can_import(request.user, week):
        form.add_error(
            None,
            _("The week from %(date)s already has a schedule page that you may not edit.")
            % {"date": f"{monday:%d/%m/%Y}"},
        )
        return None
    token = keep_upload(data, request.user, page, monday, filename)
    return _preview(schedule, week, filename, token)


def _preview(schedule, week, filename, token) -> dict:
    days = {}
    for row in schedule.rows:
        days.setdefault(row.day, []).append(row)
    parts = dict(Part.choices)
    return {
        "schedule": schedule,
        "week": week,
        "filename": filename,
        "token": token,
        "monday": schedule.monday,
        "sunday": schedule.monday + datetime.timedelta(days=6),
        "days": [
            (
                day,
                WEEKDAYS[day.weekday()],
                [
                    (row, f"{row.time:%H:%M}" if row.time else parts.get(row.part, ""))
                    for row in rows
                ],
            )
            for day, rows in sorted(days.items())
        ],
        "skipped": [p for p in schedule.problems if p.skipped],
        "warnings": [p for p in schedule.problems if not p.skipped],
        "current_count": (
            len(week.get_latest_revision_as_object().entries.all()) if week is not None else 0
        ),
        "is_pdf": schedule.kind == importing.PDF,
    }


@require_POST
def confirm_view(request, page_id):
    page = target_page(page_id)
    _check(request.user, page)
    try:
        upload = pending(request.POST.get("token"), request.user, page)
    except PendingGone:
        messages.error(request, _("The uploaded file has expired: please upload it again."))
        return redirect("schedule_import", page.pk)
    is_index = isinstance(page, ScheduleIndexPage)
    monday = upload["monday"]
    week = weeks.find_week(page, monday) if is_index else page
    if week is not None and not can_import(request.user, week):
        raise PermissionDenied
    try:
        schedule = importing.read_schedule(upload["data"], upload["name"], monday)
    except importing.UnreadableFile as error:  # the same bytes read a moment ago: unlikely
        drop(upload["path"])
        messages.error(request, str(error))
        return redirect("schedule_import", page.pk)
    saved, _revision, _created = weeks.save_import(
        schedule,
        upload["data"],
        upload["name"],
        request.user,
        week=week,
        index=page if is_index else None,
    )
    drop(upload["path"])
    title = saved.get_admin_display_title()
    if schedule.kind == importing.PDF:
        message = _("The PDF file was attached to a new draft of “%(title)s”.") % {"title": title}
    else:
        message = _(
            "%(count)d entries were saved in a new draft of “%(title)s”. Check them, then "
            "submit the week for review."
        ) % {"count": len(schedule.rows), "title": title}
    messages.success(request, message)
    return redirect("wagtailadmin_pages:edit", saved.pk)


@require_POST
def cancel_view(request, page_id):
    page = target_page(page_id)
    _check(request.user, page)
    try:
        upload = pending(request.POST.get("token"), request.user, page)
    except PendingGone:
        upload = None
    if upload is not None:
        drop(upload["path"])
    if request.POST.get("again"):
        return redirect("schedule_import", page.pk)
    messages.success(request, _("The import was cancelled: nothing was saved."))
    return redirect(_back_url(page))
