"""Saving an imported schedule: a new draft revision of the week, with its original file.

The one place the admin's confirm step and the `import_schedule` command go through. Nothing
is published: the week follows its section's workflow as any edit would (the clerk submits it,
the office leader approves, the clerk posts).

The original file becomes a Wagtail document attached to the draft. Until a version using it
is published it is withheld as the plugin withholds the files of a withdrawn page
(`ldld_wagtail.withhold`): readers get 404 for it, editors can open it; publishing the week
releases it (`withhold.page_public`, run on every publish).
"""

import datetime
import os

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from ldld_wagtail import withhold
from ldld_wagtail.text import fold

from .importing import PDF, Schedule
from .models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

IMPORT_ACTION = "schedule.import"


def week_title(monday: datetime.date) -> str:
    sunday = monday + datetime.timedelta(days=6)
    year, number, _weekday = monday.isocalendar()
    return _("Weekly work schedule, week %(number)d/%(year)d (%(start)s to %(end)s)") % {
        "number": number,
        "year": year,
        "start": f"{monday:%d/%m}",
        "end": f"{sunday:%d/%m/%Y}",
    }


def find_week(index: ScheduleIndexPage, monday: datetime.date) -> WeeklySchedulePage | None:
    """The week of `monday` under `index`, live or not (the live one first)."""
    return (
        WeeklySchedulePage.objects.child_of(index)
        .filter(week_start=monday)
        .order_by("-live", "pk")
        .first()
    )


def schedule_indexes():
    return ScheduleIndexPage.objects.all().order_by("path")


def _collection_for(user):
    """The first collection the user may add documents to, or the root collection."""
    if user is not None:
        policy = policy_registry.get_by_type(get_document_model())
        allowed = policy.collections_user_has_permission_for(user, "add")
        first = allowed.order_by("path").first()
        if first is not None:
            return first
    return Collection.get_first_root_node()


def _document(data: bytes, filename: str, monday, user):
    base, extension = os.path.splitext(os.path.basename(filename))
    safe = get_valid_filename(fold(base)) or "lich-cong-tac"
    document = get_document_model()(
        title=_("Weekly work schedule from %(date)s (original file)")
        % {"date": f"{monday:%d/%m/%Y}"},
        file=ContentFile(data, name=f"{safe[:80]}{extension.lower()}"),
        collection=_collection_for(user),
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _entries(schedule: Schedule) -> list[ScheduleEntry]:
    return [
        ScheduleEntry(
            sort_order=order,
            day=row.day,
            time=row.time,
            part=row.part or "",
            content=row.content,
            leader=row.leader,
            participants=row.participants,
            location=row.location,
        )
        for order, row in enumerate(schedule.rows)
    ]


@transaction.atomic
def save_import(
    schedule: Schedule,
    data: bytes,
    filename: str,
    user=None,
    *,
    week: WeeklySchedulePage | None = None,
    index: ScheduleIndexPage | None = None,
):
    """Create (under `index`) or update `week` with the schedule's entries as a new draft
    revision, the file attached. A PDF only attaches the file: the entries stay. Returns
    (week, revision, created)."""
    monday = schedule.monday
    if week is None:
        week = find_week(index, monday)
    document = _document(data, filename, monday, user)
    created = week is None
    if created:
        page = WeeklySchedulePage(
            title=week_title(monday),
            slug=find_available_slug(index, f"tuan-{monday:%Y-%m-%d}"),
            week_start=monday,
            live=False,
            owner=user,
            original_file=document,
            locale_id=index.locale_id,
        )
        page.entries = _entries(schedule)
        index.add_child(instance=page)
    else:
        page = week.get_latest_revision_as_object()
        page.original_file = document
        if schedule.kind != PDF:
            page.entries = _entries(schedule)
    revision = page.save_revision(user=user, log_action=False)
    log(
        instance=page,
        action=IMPORT_ACTION,
        user=user,
        revision=revision,
        content_changed=True,
        data={
            "file": os.path.basename(filename),
            "rows": len(schedule.rows),
            "problems": len([p for p in schedule.problems if p.skipped]),
            "kind": schedule.kind,
        },
    )
    # The draft's file stays out of public storage until a version using it is published.
    transaction.on_commit(lambda: withhold.withhold(document))
    return page, revision, created
