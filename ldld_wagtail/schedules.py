"""The portal's recurring background jobs, as django-q2 schedules created once by the profile's
setup (`setup_portal`): running it again changes nothing."""

import datetime

from django.utils import timezone


def ensure(
    name: str,
    func: str,
    *,
    minutes: int | None = None,
    daily_at: int | None = None,
    kwargs: dict | None = None,
):
    """Create the schedule `name` running `func` every `minutes`, or every day at the hour
    `daily_at` (local time) from tomorrow, with keyword arguments `kwargs` (django-q2 reads its
    own options from `q_options`); True when it was created now."""
    from django_q.models import Schedule

    if minutes is not None:
        timing = {"schedule_type": Schedule.MINUTES, "minutes": minutes}
    else:
        first = timezone.localtime().replace(hour=daily_at, minute=0, second=0, microsecond=0)
        timing = {
            "schedule_type": Schedule.DAILY,
            "next_run": first + datetime.timedelta(days=1),
        }
    _row, made = Schedule.objects.get_or_create(
        name=name,
        defaults={
            "func": func,
            "repeats": -1,
            "kwargs": ", ".join(f"{k}={v!r}" for k, v in (kwargs or {}).items()) or None,
            **timing,
        },
    )
    return made
