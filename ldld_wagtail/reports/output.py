"""What the units published in a period, counted in the database: news items, articles, videos,
photos inside items and featured photos, per unit, from the page types registered with
`registry.earns` (first published in the period, still live, not taken down)."""

import datetime
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef

from ..models import Federation, Withdrawal
from ..registry import earning_types

KINDS = ("tin", "bai", "anh", "video", "anh-noi-bat")


def zone() -> str:
    federation = Federation.current()
    return federation.timezone if federation else "Asia/Ho_Chi_Minh"


def local_bounds(first: datetime.date, after: datetime.date, tz: str | None = None):
    """[start, end) as aware datetimes at midnight in the federation's time zone."""
    info = ZoneInfo(tz or zone())
    return (
        datetime.datetime.combine(first, datetime.time(), info),
        datetime.datetime.combine(after, datetime.time(), info),
    )


def published(model, start, end):
    """Pages of `model` first published in [start, end), live, not taken down."""
    taken_down = Withdrawal.objects.filter(page_id=OuterRef("pk"), restored_at__isnull=True)
    return (
        model.objects.live()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .exclude(Exists(taken_down))
    )


def per_unit(start, end) -> dict[int | None, Counter]:
    """{unit id: Counter(kind: number)} for [start, end): a grouped query per page type and one
    per photo relation."""
    counts: dict = defaultdict(Counter)
    for model, spec in earning_types():
        pages = published(model, start, end).order_by()
        unit = f"{spec.unit}_id" if spec.unit else None
        if spec.kind_field or spec.kind:
            group = [unit] if unit else []
            if spec.kind_field:
                group.append(spec.kind_field)
            for row in pages.values(*group).annotate(n=Count("pk")):
                kind = row[spec.kind_field] if spec.kind_field else spec.kind
                counts[row.get(unit)][kind] += row["n"]
        if spec.photos:
            relation = model._meta.get_field(spec.photos)
            photos = relation.related_model.objects.filter(
                **{f"{relation.field.name}__in": pages.values("pk")}
            ).order_by()
            key = f"{relation.field.name}__{spec.unit}" if spec.unit else None
            if key:
                for row in photos.values(key).annotate(n=Count("pk")):
                    counts[row[key]][spec.photo_kind] += row["n"]
            else:
                counts[None][spec.photo_kind] += photos.count()
    return counts
