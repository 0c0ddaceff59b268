import datetime

import pytest

from ldld_wagtail.calendar import WorkingCalendar, holidays_from

TZ = WorkingCalendar().tz
# Tết Bính Ngọ 2026: 14-22/02; New Year 01/01/2027.
TET = holidays_from(
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2027-01-01"]
)
CAL = WorkingCalendar(holidays=TET)


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=TZ)


def test_a_working_day_is_seven_and_a_half_hours():
    assert CAL.working_day == datetime.timedelta(hours=7, minutes=30)


@pytest.mark.parametrize(
    "start, due",
    [
        ("2026-11-20 16:00", "2026-11-23 10:15"),  # Friday afternoon -> Monday morning
        ("2026-11-23 08:00", "2026-11-23 13:45"),  # across lunch
        ("2026-11-23 11:00", "2026-11-23 16:45"),  # 30 min before lunch, rest after
        ("2026-11-23 12:15", "2026-11-24 07:45"),  # approved at lunch: counts from 13:30
        ("2026-11-21 09:00", "2026-11-23 11:15"),  # approved on Saturday
        ("2026-11-23 18:30", "2026-11-24 11:15"),  # after hours
        ("2026-02-13 16:00", "2026-02-23 10:15"),  # Friday before Tết -> Monday after
        ("2026-12-31 15:00", "2027-01-04 09:15"),  # year end, New Year holiday skipped
    ],
)
def test_half_a_working_day(start, due):
    assert CAL.half_day_after(at(start)) == at(due)


def test_between_counts_only_working_time():
    assert CAL.between(at("2026-11-20 16:00"), at("2026-11-23 10:15")) == datetime.timedelta(
        hours=3, minutes=45
    )
    assert CAL.between(at("2026-11-23 10:00"), at("2026-11-23 09:00")) == datetime.timedelta()
    assert CAL.between(at("2026-02-13 17:00"), at("2026-02-23 07:30")) == datetime.timedelta()


def test_moments_in_other_time_zones_are_converted():
    utc = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC)  # 16:00 in Hà Nội
    assert CAL.half_day_after(utc) == at("2026-11-23 10:15")


def test_a_calendar_without_working_time_is_an_error():
    with pytest.raises(ValueError):
        WorkingCalendar(workdays=frozenset()).half_day_after(at("2026-11-20 16:00"))
