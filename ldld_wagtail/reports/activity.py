"""The quarterly activity report for the editorial council (Quy chế 7.1, 7.6): items published
by kind, by section and by unit, with the previous quarter beside them; the photos, videos,
documents and members' questions; the time from final approval to publication (median, 90th
percentile, share inside the federation's deadline, ½ working day in Lào Cai); the take-downs
with their reasons."""

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from wagtail.models import Page

from ..calendar import human_duration
from ..models import Federation, Unit, Withdrawal
from ..registry import activity_counts, earning_types
from ..workflows import PublishTaskState
from . import output
from .quota import Quarter
from .royalties import KIND_LABELS, Month


@dataclass
class Timing:
    count: int = 0
    median: object = None  # timedelta of working time
    p90: object = None
    within: int = 0

    @property
    def share(self) -> float | None:
        return self.within / self.count if self.count else None

    def text(self) -> str:
        if not self.count:
            return "Không có tin, bài nào qua bước đăng trong quý."
        return (
            f"{self.count} tin, bài được đăng sau khi duyệt; thời gian từ khi duyệt đến khi đăng "
            f"(tính theo giờ làm việc): trung vị {human_duration(self.median)}, 90% trong vòng "
            f"{human_duration(self.p90)}; {self.within}/{self.count} "
            f"({percent(self.share)}) đăng trong thời hạn quy định."
        )


@dataclass
class ActivityReport:
    quarter: Quarter
    previous: Quarter
    federation: str
    kinds: list = field(default_factory=list)  # [(label, now, before)]
    sections: list = field(default_factory=list)  # [(section, {kind: n}, total)]
    units: list = field(default_factory=list)  # [(unit, [month counts], now, before)]
    timing: Timing = field(default_factory=Timing)
    timing_before: Timing = field(default_factory=Timing)
    takedowns: list = field(default_factory=list)  # [(day, title, reason, explanation)]
    months: list = field(default_factory=list)  # the quarter's month labels

    @property
    def title(self) -> str:
        return f"Báo cáo kết quả hoạt động của Cổng thông tin điện tử {self.quarter.label}"


ITEM_KINDS = ("tin", "bai")


def cap(text: str) -> str:
    """ "quý IV/2026" → "Quý IV/2026" (str.capitalize would lower the numeral)."""
    return text[:1].upper() + text[1:]


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    return f"{share * 100:.1f}".replace(".", ",") + "%"


def change(now: int, before: int) -> str:
    """ "+3", "-2", "0" """
    diff = now - before
    return f"+{diff}" if diff > 0 else str(diff)


def previous_quarter(quarter: Quarter) -> Quarter:
    if quarter.number == 1:
        return Quarter(quarter.year - 1, 4)
    return Quarter(quarter.year, quarter.number - 1)


def _bounds(quarter: Quarter):
    return quarter.bounds(output.zone())


def _totals(counts: dict) -> Counter:
    total = Counter()
    for per_kind in counts.values():
        total.update(per_kind)
    return total


def timing(start, end) -> Timing:
    """Publish steps finished in [start, end) by publishing: their working time."""
    states = list(
        PublishTaskState.objects.filter(
            finished_at__gte=start, finished_at__lt=end, status="approved"
        ).values_list("working_time", "finished_at", "due_at")
    )
    times = sorted(t for t, _f, _d in states if t is not None)
    if not states:
        return Timing()
    within = sum(1 for _t, finished, due in states if due is None or finished <= due)
    return Timing(
        count=len(states),
        median=statistics.median(times) if times else None,
        p90=times[math.ceil(0.9 * len(times)) - 1] if times else None,  # nearest rank
        within=within,
    )


def _by_section(start, end) -> list:
    """[(section title, {kind: n}, total)] for the news items and articles, by the page they
    were published in, largest first."""
    counts: dict = defaultdict(Counter)
    steplen = Page.steplen
    for model, spec in earning_types():
        if not spec.kind_field:
            continue
        for path, kind in output.published(model, start, end).values_list("path", spec.kind_field):
            counts[path[:-steplen]][kind] += 1
    titles = dict(Page.objects.filter(path__in=list(counts)).values_list("path", "title"))
    rows = [
        (titles.get(path, ""), dict(per_kind), sum(per_kind[k] for k in ITEM_KINDS))
        for path, per_kind in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def build(quarter: Quarter) -> ActivityReport:
    federation = Federation.current()
    before = previous_quarter(quarter)
    start, end = _bounds(quarter)
    start_before, end_before = _bounds(before)
    # The quarter's counts are the sum of its three months': one count per month, none more.
    quarter_months = [Month(quarter.year, quarter.first_day.month + n) for n in range(3)]
    months = [f"Tháng {m.number}" for m in quarter_months]
    per_month = [
        output.per_unit(*output.local_bounds(m.first_day, m.next().first_day))
        for m in quarter_months
    ]
    then = output.per_unit(start_before, end_before)
    total_now = sum((_totals(m) for m in per_month), Counter())
    total_then = _totals(then)
    kinds = [(KIND_LABELS[k], total_now.get(k, 0), total_then.get(k, 0)) for k in output.KINDS]
    extra_then = dict(activity_counts(start_before, end_before))
    kinds += [(label, n, extra_then.get(label, 0)) for label, n in activity_counts(start, end)]

    units = []
    for unit in (
        Unit.objects.active_on(quarter.last_day)
        .prefetch_related("former_names")
        .order_by("sort_order", "pk")
    ):
        items = [sum(m.get(unit.pk, {}).get(k, 0) for k in ITEM_KINDS) for m in per_month]
        before_items = sum(then.get(unit.pk, {}).get(k, 0) for k in ITEM_KINDS)
        units.append((unit.name_on(quarter.last_day), items, sum(items), before_items))

    takedowns = [
        (
            w.at.astimezone(start.tzinfo).strftime("%d/%m/%Y"),
            w.page.title,
            w.get_category_display(),
            w.reason,
        )
        for w in Withdrawal.objects.filter(at__gte=start, at__lt=end).select_related("page")
    ]
    return ActivityReport(
        quarter=quarter,
        previous=before,
        federation=federation.name if federation else "",
        kinds=kinds,
        sections=_by_section(start, end),
        units=units,
        timing=timing(start, end),
        timing_before=timing(start_before, end_before),
        takedowns=takedowns,
        months=months,
    )


def unit_headers(report) -> list[str]:
    return (
        ["Đơn vị"]
        + report.months
        + [f"Cộng {report.quarter.label}", f"{cap(report.previous.label)}", "Tăng, giảm"]
    )
