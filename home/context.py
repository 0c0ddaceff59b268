"""What the home page shows, gathered in a fixed number of queries whatever the site's size."""

import datetime

from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone

from documents.models import DirectiveDocumentPage
from news.models import NewsPage, TopicColumnPage, VideoPage
from qa.models import QuestionPage
from schedule.models import ScheduleEntry, WeeklySchedulePage

from .models import Banner

LATEST_PER_COLUMN = 4


def home_context(home) -> dict:
    columns = list(TopicColumnPage.objects.child_of(home).live().public().order_by("path"))
    column_depth = home.depth + 1
    latest = _latest_per_column(home, column_depth)
    by_column = {c.path: [] for c in columns}
    for item in latest:
        by_column.setdefault(item.path[: column_depth * 4], []).append(item)
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    week = (
        WeeklySchedulePage.objects.descendant_of(home)
        .live()
        .public()
        .filter(week_start__lte=monday)
        .order_by("-week_start")
        .prefetch_related(
            Prefetch("entries", queryset=ScheduleEntry.objects.order_by("day", "time"))
        )
        .first()
    )
    return {
        "featured": list(
            NewsPage.objects.descendant_of(home)
            .live()
            .public()
            .filter(featured=True)
            .order_by("-first_published_at")[:5]
            .listing()
        ),
        "columns": [(c, by_column.get(c.path, [])) for c in columns],
        "week": week,
        "latest_documents": list(
            DirectiveDocumentPage.objects.descendant_of(home)
            .live()
            .public()
            .order_by("-issued_on", "-pk")[:5]
        ),
        "latest_answers": list(
            QuestionPage.objects.descendant_of(home)
            .live()
            .public()
            .order_by("-answered_on", "-pk")[:5]
        ),
        "video": VideoPage.objects.descendant_of(home)
        .live()
        .public()
        .order_by("-month")
        .select_related("poster")
        .first(),
        "banners": list(Banner.objects.showing().select_related("image")[:3]),
    }


def _latest_per_column(home, column_depth):
    return list(
        NewsPage.objects.live()
        .public()
        .filter(path__startswith=home.path, depth=column_depth + 1)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, column_depth * 4)],
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=LATEST_PER_COLUMN)
        .order_by("-first_published_at", "-pk")
        .listing()
    )
