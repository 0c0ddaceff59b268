"""The weekly work schedule as iCalendar (RFC 5545): a week's file and the index's feed.

Each entry is one event in Asia/Ho_Chi_Minh (the calendar carries its VTIMEZONE):

- an entry with a time starts then and lasts an hour (the schedule gives no end);
- an entry with only a part of the day takes the federation's office hours for it, morning
  07:30–11:30 and afternoon 13:30–17:00 by default (evening 18:00–21:00), as a timed event;
- an all-day entry, or one with neither time nor part, is an all-day (DATE) event.

SUMMARY is the content's first line, DESCRIPTION the whole content with the leader in charge
and the participants, LOCATION the place. UIDs are stable across re-imports: the week page's
translation key, the day, the time (or part) and the folded content; a second entry identical
in all of these gets "-2", and so on. Entry rows are replaced on every import, so their ids
are never used.

Only the objects handed in are written: the callers give live, public weeks only.
"""

import datetime
import hashlib
from zoneinfo import ZoneInfo

import icalendar
from django.http import HttpResponse
from django.utils.translation import gettext as _

from ldld_wagtail.models import Federation
from ldld_wagtail.page_urls import full_page_url
from ldld_wagtail.text import fold

from .importing import AFTERNOON, EVENING, MORNING

TIMEZONE = "Asia/Ho_Chi_Minh"
EVENT_LENGTH = datetime.timedelta(hours=1)
DEFAULT_PARTS = {
    MORNING: (datetime.time(7, 30), datetime.time(11, 30)),
    AFTERNOON: (datetime.time(13, 30), datetime.time(17, 0)),
    EVENING: (datetime.time(18, 0), datetime.time(21, 0)),
}
PRODID = "-//Lien doan Lao dong tinh//Lich cong tac tuan//VI"


def part_hours() -> dict:
    """Morning and afternoon from the federation's office hours (its profile), if set."""
    parts = dict(DEFAULT_PARTS)
    federation = Federation.current()
    hours = list(getattr(federation, "office_hours", None) or [])
    if len(hours) >= 2:
        try:
            periods = [tuple(datetime.time.fromisoformat(t) for t in p) for p in hours[:2]]
        except (TypeError, ValueError):
            return parts
        parts[MORNING], parts[AFTERNOON] = periods
    return parts


def entry_uid(week, entry, seen: dict) -> str:
    slot = f"{entry.time:%H%M}" if entry.time else (entry.part or "day")
    content = " ".join(fold(entry.content).split())
    digest = hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]
    base = f"{week.translation_key}-{entry.day:%Y%m%d}-{slot}-{digest}"
    seen[base] = seen.get(base, 0) + 1
    suffix = f"-{seen[base]}" if seen[base] > 1 else ""
    return f"{base}{suffix}@lich-cong-tac"


def _description(entry) -> str:
    lines = []
    content = entry.content.strip()
    if "\n" in content:
        lines.append(content)
    if entry.leader:
        lines.append(f"{_('Chaired by')}: {entry.leader}")
    if entry.participants:
        lines.append(f"{_('Participants')}: {entry.participants}")
    if entry.part and not entry.time:
        lines.append(f"{_('Time')}: {entry.get_part_display()}")
    return "\n".join(lines)


def _event(week, entry, uid, parts, stamp, url) -> icalendar.Event:
    tz = ZoneInfo(TIMEZONE)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    summary = " ".join(entry.content.split("\n", 1)[0].split()) or " ".join(entry.content.split())
    event.add("summary", summary)
    if entry.time:
        start = datetime.datetime.combine(entry.day, entry.time, tz)
        event.add("dtstart", start)
        event.add("dtend", start + EVENT_LENGTH)
    elif entry.part in parts:
        begin, end = parts[entry.part]
        event.add("dtstart", datetime.datetime.combine(entry.day, begin, tz))
        event.add("dtend", datetime.datetime.combine(entry.day, end, tz))
    else:
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    description = _description(entry)
    if description:
        event.add("description", description)
    if entry.location:
        event.add("location", entry.location)
    if url:
        event.add("url", url)
    event.add("class", "PUBLIC")
    return event


def calendar_for(weeks, *, name: str, request=None) -> bytes:
    """One calendar with the entries of `weeks` (live, public WeeklySchedulePages)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    parts = part_hours()
    for week in weeks:
        stamp = week.last_published_at or week.latest_revision_created_at
        stamp = (stamp or datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)).astimezone(
            datetime.UTC
        )
        url = full_page_url(week, request) if request is not None else week.full_url
        seen: dict = {}
        for entry in sorted(week.entries.all(), key=lambda e: e.sort_key()):
            uid = entry_uid(week, entry, seen)
            calendar.add_component(_event(week, entry, uid, parts, stamp, url))
    # Vietnam has kept UTC+7 since 1975: one STANDARD block is the whole zone.
    calendar.add_missing_timezones(
        first_date=datetime.date(2000, 1, 1), last_date=datetime.date(2100, 1, 1)
    )
    for timezone in calendar.walk("VTIMEZONE"):
        timezone.pop("COMMENT", None)  # icalendar's note on the dates it covered
    return calendar.to_ical()


def response(body: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    result = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    result["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return result
