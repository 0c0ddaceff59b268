"""The schedule as iCalendar: a week's file and the index's subscribable feed, read back with
the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from wagtail.models import PageViewRestriction

from schedule import importing, weeks
from schedule.models import FEED_WEEKS_BACK, ScheduleEntry, WeeklySchedulePage

from ..utils import add, monday
from .conftest import DATA

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
SAMPLE_MONDAY = datetime.date(2026, 11, 23)


def make_week(index, start, entries=None, live=True):
    page = WeeklySchedulePage(
        title=f"Tuần {start:%d/%m/%Y}", slug=f"tuan-{start:%Y-%m-%d}", week_start=start
    )
    page.entries = entries or [ScheduleEntry(day=start, time=datetime.time(8), content="Họp")]
    if live:
        return add(index, page)
    page.live = False
    index.add_child(instance=page)
    page.save_revision()
    return page


def calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(cal):
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_a_weeks_calendar_file(client, index):
    start = monday()
    week = make_week(
        index,
        start,
        [
            ScheduleEntry(
                day=start,
                time=datetime.time(7, 30),
                content="Giao ban Thường trực",
                leader="Đ/c Chủ tịch",
                participants="Thường trực; Chánh Văn phòng",
                location="Phòng họp tầng 2",
            ),
            ScheduleEntry(day=start, part="afternoon", content="Làm việc tại cơ quan"),
            ScheduleEntry(day=start + datetime.timedelta(1), part="all_day", content="Đi cơ sở"),
            ScheduleEntry(day=start + datetime.timedelta(2), content="Tiếp công dân"),
        ],
    )
    page = client.get(week.url).content.decode()
    assert f'href="{week.url}ics/"' in page

    response = client.get(f"{week.url}ics/")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    cal = icalendar.Calendar.from_ical(response.content)
    assert cal["X-WR-TIMEZONE"] == "Asia/Ho_Chi_Minh"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    found = events(cal)
    assert set(found) == {
        "Giao ban Thường trực",
        "Làm việc tại cơ quan",
        "Đi cơ sở",
        "Tiếp công dân",
    }

    meeting = found["Giao ban Thường trực"]
    assert meeting["DTSTART"].dt == datetime.datetime.combine(start, datetime.time(7, 30), HCM)
    assert meeting["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert meeting["DTEND"].dt - meeting["DTSTART"].dt == datetime.timedelta(hours=1)
    assert str(meeting["LOCATION"]) == "Phòng họp tầng 2"
    description = str(meeting["DESCRIPTION"])
    assert "Lãnh đạo chủ trì: Đ/c Chủ tịch" in description
    assert "Thành phần: Thường trực; Chánh Văn phòng" in description
    assert str(meeting["URL"]).endswith(week.url)

    afternoon = found["Làm việc tại cơ quan"]  # the part of the day: office hours
    assert afternoon["DTSTART"].dt == datetime.datetime.combine(start, datetime.time(13, 30), HCM)
    assert afternoon["DTEND"].dt == datetime.datetime.combine(start, datetime.time(17), HCM)
    assert "Thời gian: Chiều" in str(afternoon["DESCRIPTION"])

    for summary, offset in (("Đi cơ sở", 1), ("Tiếp công dân", 2)):  # all-day DATE events
        event = found[summary]
        assert event["DTSTART"].dt == start + datetime.timedelta(offset)
        assert not isinstance(event["DTSTART"].dt, datetime.datetime)
        assert event["DTEND"].dt == start + datetime.timedelta(offset + 1)

    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == 4
    assert all(uid.startswith(str(week.translation_key)) for uid in uids)


def _import(index, name, user=None, data=None):
    data = data if data is not None else (DATA / name).read_bytes()
    schedule = importing.read_schedule(data, name, SAMPLE_MONDAY)
    week, revision, _created = weeks.save_import(schedule, data, name, user, index=index)
    revision.publish()
    return WeeklySchedulePage.objects.get(pk=week.pk)


def test_uids_are_stable_across_a_reimport(client, index):
    week = _import(index, "lich_tuan_mau.docx")
    first = {
        str(e["UID"]): str(e["SUMMARY"]) for e in calendar(client, f"{week.url}ics/").walk("VEVENT")
    }
    assert len(first) == 12
    ids_before = set(week.entries.values_list("pk", flat=True))

    # The Excel file of the same week: the entries are replaced (new rows), the events kept.
    week = _import(index, "lich_tuan_mau.xlsx")
    assert not ids_before & set(week.entries.values_list("pk", flat=True))
    second = {
        str(e["UID"]): str(e["SUMMARY"]) for e in calendar(client, f"{week.url}ics/").walk("VEVENT")
    }
    assert second == first

    # A changed time changes that event's UID only.
    from .files import HEADER, docx_bytes

    rows = [
        HEADER,
        ["Thứ Hai 23/11", "7h30", "Chào cờ đầu tuần; giao ban Thường trực LĐLĐ tỉnh", "", "", ""],
    ]
    moved = [
        HEADER,
        ["Thứ Hai 23/11", "8h", "Chào cờ đầu tuần;  giao ban Thường trực LĐLĐ TỈNH", "", "", ""],
    ]
    week = _import(index, "a.docx", data=docx_bytes(rows))
    (kept,) = [str(e["UID"]) for e in calendar(client, f"{week.url}ics/").walk("VEVENT")]
    assert kept in first
    week = _import(index, "a.docx", data=docx_bytes(moved))
    (changed,) = [str(e["UID"]) for e in calendar(client, f"{week.url}ics/").walk("VEVENT")]
    assert changed != kept and changed.split("-")[:6] == kept.split("-")[:6]


def test_two_identical_entries_get_two_uids(client, index):
    start = monday()
    same = dict(day=start, time=datetime.time(8), content="Trực cơ quan")
    week = make_week(index, start, [ScheduleEntry(**same), ScheduleEntry(**same)])
    uids = [str(e["UID"]) for e in calendar(client, f"{week.url}ics/").walk("VEVENT")]
    assert len(set(uids)) == 2


def test_the_feed_has_live_public_weeks_only(client, index):
    this = monday()
    make_week(index, this, [ScheduleEntry(day=this, time=datetime.time(8), content="Tuần này")])
    ahead = this + datetime.timedelta(weeks=1)
    make_week(index, ahead, [ScheduleEntry(day=ahead, content="Tuần sau")])
    old = this - datetime.timedelta(weeks=FEED_WEEKS_BACK + 1)
    make_week(index, old, [ScheduleEntry(day=old, content="Tuần quá cũ")])
    draft_start = this + datetime.timedelta(weeks=2)
    draft = make_week(
        index, draft_start, [ScheduleEntry(day=draft_start, content="Bản nháp")], live=False
    )
    hidden_start = this + datetime.timedelta(weeks=3)
    hidden = make_week(index, hidden_start, [ScheduleEntry(day=hidden_start, content="Nội bộ")])
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    # A live week's unpublished changes stay out too.
    live = WeeklySchedulePage.objects.get(week_start=this)
    live.entries = [ScheduleEntry(day=this, content="Sửa chưa duyệt")]
    live.save_revision()

    response = client.get(f"{index.url}ics/")
    assert response["Content-Disposition"].startswith("inline")
    cal = icalendar.Calendar.from_ical(response.content)
    assert set(events(cal)) == {"Tuần này", "Tuần sau"}
    assert str(cal["X-WR-CALNAME"]) == index.title
    assert client.get(f"{draft.url}ics/").status_code == 404
    assert client.get(f"{hidden.url}ics/").status_code != 200
    assert f'href="{index.url}ics/"' in client.get(index.url).content.decode()
