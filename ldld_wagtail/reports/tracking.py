"""Monthly tracking (Quy chế 7.1–7.5): what each unit published in a month — news items,
articles, photos in items, videos, featured photos with captions (each department sends its
month's featured photos, 7.1–7.4) — and, before the quarter ends, how far each unit is from
its quarterly quota, so the secretary sees who is behind in time to ask."""

from dataclasses import dataclass, field

from ..models import Federation, Unit, UnitKind
from . import output
from .quota import Quarter, quota_for, shortfall
from .royalties import KIND_LABELS, Month

# Quy chế 7.1–7.4: the office and the departments send featured photos every month.
SENDS_PHOTOS = (UnitKind.OFFICE, UnitKind.DEPARTMENT)
NO_PHOTOS = "Chưa gửi ảnh nổi bật"


@dataclass
class TrackRow:
    number: int
    unit: Unit
    name: str
    counts: dict
    quarter_news: int
    quarter_articles: int
    quota_text: str  # "6 tin, 1 bài" or ""
    note: str

    def cells(self) -> list:
        return (
            [self.number, self.name]
            + [self.counts.get(kind, 0) for kind in output.KINDS]
            + [f"{self.quarter_news} tin, {self.quarter_articles} bài", self.quota_text, self.note]
        )


@dataclass
class Tracking:
    month: Month
    quarter: Quarter
    federation: str
    rows: list[TrackRow] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return (
            ["TT", "Đơn vị"]
            + [KIND_LABELS[kind] for kind in output.KINDS]
            + [f"Lũy kế {self.quarter.label}", "Định mức quý", "Ghi chú"]
        )

    @property
    def title(self) -> str:
        return f"Theo dõi tin, bài, ảnh đăng trên cổng thông tin {self.month.label}"

    def totals(self) -> dict:
        total = {kind: 0 for kind in output.KINDS}
        for row in self.rows:
            for kind in output.KINDS:
                total[kind] += row.counts.get(kind, 0)
        return total


def quarter_of(month: Month) -> Quarter:
    return Quarter(month.year, (month.number - 1) // 3 + 1)


def build(month: Month, units: list | None = None) -> Tracking:
    """The month's tracking table, for every unit active in the month (or only `units`)."""
    federation = Federation.current()
    quarter = quarter_of(month)
    start, end = output.local_bounds(month.first_day, month.next().first_day)
    quarter_start, _ = output.local_bounds(quarter.first_day, month.next().first_day)
    monthly = output.per_unit(start, end)
    to_date = output.per_unit(quarter_start, end)
    active = (
        Unit.objects.active_between(month.first_day, month.last_day)
        .prefetch_related("former_names")
        .order_by("sort_order", "pk")
    )
    if units is not None:
        active = active.filter(pk__in=[u.pk for u in units])
    quotas = {kind: quota_for(kind, quarter.last_day) for kind in UnitKind.values}
    rows = []
    for number, unit in enumerate(active, 1):
        counts = dict(monthly.get(unit.pk, {}))
        so_far = to_date.get(unit.pk, {})
        news, articles = so_far.get("tin", 0), so_far.get("bai", 0)
        quota = quotas.get(unit.kind)
        notes = []
        missing = shortfall(news, articles, quota)
        if missing:
            notes.append(f"Còn thiếu {missing.removeprefix('Thiếu ')} so với định mức quý")
        if unit.kind in SENDS_PHOTOS and not counts.get("anh-noi-bat"):
            notes.append(NO_PHOTOS)
        rows.append(
            TrackRow(
                number=number,
                unit=unit,
                name=unit.name_on(month.last_day),
                counts=counts,
                quarter_news=news,
                quarter_articles=articles,
                quota_text=f"{quota.news} tin, {quota.articles} bài" if quota else "",
                note="; ".join(notes),
            )
        )
    return Tracking(
        month=month,
        quarter=quarter,
        federation=federation.name if federation else "",
        rows=rows,
    )
