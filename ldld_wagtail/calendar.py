"""Working time by a federation's calendar: office hours, working weekdays, public holidays.

The one helper that answers "when is half a working day after this moment?" and "how much
working time passed between these two moments?"; deadlines and reports both use it.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.translation import gettext

Period = tuple[datetime.time, datetime.time]


@dataclass(frozen=True)
class WorkingCalendar:
    office_hours: tuple[Period, ...] = (
        (datetime.time(7, 30), datetime.time(11, 30)),
        (datetime.time(13, 30), datetime.time(17, 0)),
    )
    workdays: frozenset[int] = frozenset(range(5))  # Monday = 0
    holidays: frozenset[datetime.date] = field(default_factory=frozenset)
    timezone: str = "Asia/Ho_Chi_Minh"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def working_day(self) -> datetime.timedelta:
        return sum((_length(p) for p in self.office_hours), datetime.timedelta())

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() in self.workdays and day not in self.holidays

    def _intervals_from(self, moment: datetime.datetime) -> Iterator[tuple]:
        """Working intervals (aware datetimes) from `moment` on, clipped at `moment`."""
        local = moment.astimezone(self.tz)
        day = local.date()
        for _ in range(3660):  # ten years of days: a calendar with no working time ends here
            if self.is_working_day(day):
                for start, end in self.office_hours:
                    start_at = datetime.datetime.combine(day, start, self.tz)
                    end_at = datetime.datetime.combine(day, end, self.tz)
                    if end_at <= local:
                        continue
                    yield max(start_at, local), end_at
            day += datetime.timedelta(days=1)
        raise ValueError("the calendar has no working time")

    def add(self, moment: datetime.datetime, duration: datetime.timedelta) -> datetime.datetime:
        """The moment when `duration` of working time has passed after `moment`."""
        remaining = duration
        for start, end in self._intervals_from(moment):
            if end - start >= remaining:
                return start + remaining
            remaining -= end - start
        raise AssertionError("unreachable")

    def between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.timedelta:
        """Working time from `start` to `end` (zero when end is not after start)."""
        total = datetime.timedelta()
        if end <= start:
            return total
        for a, b in self._intervals_from(start):
            if a >= end:
                break
            total += min(b, end) - a
        return total

    def half_day_after(self, moment: datetime.datetime) -> datetime.datetime:
        return self.add(moment, self.working_day / 2)


def _length(period: Period) -> datetime.timedelta:
    start, end = period
    return datetime.datetime.combine(datetime.date.min, end) - datetime.datetime.combine(
        datetime.date.min, start
    )


def holidays_from(days: Iterable) -> frozenset[datetime.date]:
    return frozenset(
        d if isinstance(d, datetime.date) else datetime.date.fromisoformat(d) for d in days
    )


def human_duration(delta: datetime.timedelta) -> str:
    """A span as an office writes it: "3 ngày 2 giờ", "1 giờ 05 phút", "12 phút"."""
    minutes = int(abs(delta).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours >= 24:
        days, hours = divmod(hours, 24)
        return gettext("%(d)d d %(h)d h") % {"d": days, "h": hours}
    if hours:
        return gettext("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}
    return gettext("%(m)d min") % {"m": minutes}
