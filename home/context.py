"""What the home page shows, gathered in a fixed number of queries whatever the site's size."""

import datetime

from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from documents.models import DirectiveDocumentPage
from ldld_wagtail.visibility import live_public
from news.cards import cards_of, newest_cards
from news.models import NewsPage, TopicColumnPage, VideoPage
from qa.models import QuestionPage
from schedule.models import ScheduleEntry, WeeklySchedulePage

from .models import Banner

LATEST_PER_COLUMN = 4
FEATURED = 5


def home_context(home) -> dict:
    below = {"path__startswith": home.path}
    columns = list(live_public(TopicColumnPage.objects.child_of(home)).order_by("path"))
    latest = _latest_per_column(home, columns)
    # Both lists as cards (`news.cards`): a query each, with their photos' renditions.
    featured = newest_cards(
        live_public(NewsPage.objects.filter(featured=True, **below))
        .order_by("-first_published_at", "-pk")
        .values("pk")[:FEATURED]
    )
    by_column = {c.path: [] for c in columns}
    for item in latest:
        by_column.setdefault(item.path[: (home.depth + 1) * 4], []).append(item)
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    week = (
        live_public(WeeklySchedulePage.objects.filter(week_start__lte=monday, **below))
        .order_by("-week_start")
        .prefetch_related(
            Prefetch("entries", queryset=ScheduleEntry.objects.order_by("day", "time"))
        )
        .first()
    )
    video = (
        live_public(VideoPage.objects.filter(**below))
        .select_related("poster")
        .order_by("-month")
        .first()
    )
    banners = list(Banner.objects.showing().select_related("image")[:3])
    images = [b.image for b in banners] + ([video.poster] if video and video.poster else [])
    prefetch_related_objects(images, "renditions")
    return {
        "featured": featured,
        "columns": [(c, by_column.get(c.path, [])) for c in columns],
        "week": week,
        "latest_documents": list(
            live_public(DirectiveDocumentPage.objects.filter(**below)).order_by(
                "-issued_on", "-pk"
            )[:5]
        ),
        "latest_answers": list(
            live_public(QuestionPage.objects.filter(**below)).order_by("-answered_on", "-pk")[:5]
        ),
        "video": video,
        "banners": banners,
    }


def _latest_per_column(home, columns) -> list:
    """The newest items of each column in one query: a UNION ALL of one short, indexed
    `ORDER BY first_published_at DESC LIMIT n` per column (a window function over all items
    sorted every item of the site on each view)."""
    parts = [
        live_public(NewsPage.objects.filter(path__startswith=c.path, depth=c.depth + 1))
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:LATEST_PER_COLUMN]
        for c in columns
    ]
    if not parts:
        return []
    # Each part is wrapped as a subquery: SQLite refuses LIMIT directly inside UNION members.
    sql, params = [], []
    for n, part in enumerate(parts):
        part_sql, part_params = part.query.sql_with_params()
        sql.append(f"SELECT * FROM ({part_sql}) AS part{n}")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sql), params)
        ids = [row[0] for row in cursor.fetchall()]
    return cards_of(ids)
