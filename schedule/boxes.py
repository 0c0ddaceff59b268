"""What the schedule app adds to a home page (`ldld_wagtail.home_boxes`): this week's work
schedule (the newest week that has begun), with its entries."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from ldld_wagtail.home_boxes import home_box

from .models import ScheduleEntry, WeeklySchedulePage


@home_box
def week(scope) -> dict:
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    week = (
        scope.in_page_language(WeeklySchedulePage)
        .filter(week_start__lte=monday)
        .order_by("-week_start", *scope.own_first())
        .prefetch_related(
            Prefetch("entries", queryset=ScheduleEntry.objects.order_by("day", "time"))
        )
        .first()
    )
    return {"week": week, "week_language_note": scope.language_note([week] if week else [])}
