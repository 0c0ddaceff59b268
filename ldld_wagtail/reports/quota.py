"""The quarterly quota table, in the words of Bình Thuận letter 435/LĐLĐ's annex.

For a quarter (`YYYY-Qn`), one row per unit that had a quota then, in the profile's order and
named as it was named then: `TT`, `Đơn vị`, `Tin`, `Bài` (news items and articles the unit
wrote, first published in the quarter, in the federation's time zone, and not taken down), and
`Ghi chú`: the shortfall ("Thiếu 5 tin, 1 bài", "Thiếu 3 tin", "Thiếu 1 bài", empty when the
quota is met); for a district federation, "Chưa có tin - bài trên trang của huyện" when its
sub-site had never had a published item by the quarter's end and "Chưa có thông tin tại mục
Giới thiệu công đoàn." when its introduction page is missing or empty. Several notes are
joined as the letter joins them ("- Thiếu 6 tin, 1 bài - Chưa có …"). The secretary's remark
for a unit and quarter (`QuotaRemark`) follows the notes, or stands in their place.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from ..models import Federation, Quota, QuotaRemark, Section, Unit, UnitKind, Withdrawal
from ..registry import syndicated_type

QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
NO_ITEMS = "Chưa có tin - bài trên trang của huyện"
NO_INTRO = "Chưa có thông tin tại mục Giới thiệu công đoàn."


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        found = QUARTER.match(text.strip().upper())
        if not found:
            raise ValueError(_("A quarter is written YYYY-Qn, for example 2017-Q1."))
        return cls(int(found.group(1)), int(found.group(2)))

    def __str__(self):
        return f"{self.year}-Q{self.number}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> datetime.date:
        after = (
            datetime.date(self.year + 1, 1, 1)
            if self.number == 4
            else datetime.date(self.year, 3 * self.number + 1, 1)
        )
        return after - datetime.timedelta(days=1)

    def bounds(self, zone: str) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, end) of the quarter as aware datetimes in `zone`."""
        tz = ZoneInfo(zone)
        start = datetime.datetime.combine(self.first_day, datetime.time(), tz)
        after = self.last_day + datetime.timedelta(days=1)
        end = datetime.datetime.combine(after, datetime.time(), tz)
        return start, end

    @property
    def label(self) -> str:
        """ "quý I/2017", as the letter writes it."""
        return f"quý {ROMAN[self.number]}/{self.year}"


@dataclass
class Row:
    number: int
    unit: Unit
    name: str
    news: int
    articles: int
    note: str
    quota_news: int
    quota_articles: int

    def cells(self) -> list:
        return [self.number, self.name, self.news, self.articles, self.note]


@dataclass
class QuotaReport:
    quarter: Quarter
    rows: list[Row]
    quota_news: int | None
    quota_articles: int | None
    federation: str

    HEADERS = ("TT", "Đơn vị", "Tin", "Bài", "Ghi chú")

    @property
    def title(self) -> str:
        return f"Kết quả đăng tin - bài trên cổng thông tin điện tử trong {self.quarter.label}"

    def headings(self) -> list[str]:
        """The table's headings as the letter prints them: the quota in the item columns."""
        news = f"Tin (số lượng {self.quota_news})" if self.quota_news is not None else "Tin"
        articles = (
            f"Bài (số lượng {self.quota_articles})" if self.quota_articles is not None else "Bài"
        )
        return ["TT", "Đơn vị", news, articles, "Ghi chú"]


def shortfall(news: int, articles: int, quota: Quota | None) -> str:
    if quota is None:
        return ""
    missing_news = max(quota.news - news, 0)
    missing_articles = max(quota.articles - articles, 0)
    parts = []
    if missing_news:
        parts.append(f"{missing_news} tin")
    if missing_articles:
        parts.append(f"{missing_articles} bài")
    return "Thiếu " + ", ".join(parts) if parts else ""


def join_notes(notes: list[str]) -> str:
    """One note as it is; several as the letter joins them: "- a - b - c"."""
    notes = [n for n in notes if n]
    if len(notes) < 2:
        return notes[0] if notes else ""
    return " ".join(f"- {n}" for n in notes)


def quota_for(kind: str, day: datetime.date) -> Quota | None:
    return (
        Quota.objects.filter(unit_kind=kind, period="quarter", valid_from__lte=day)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        .order_by("-valid_from")
        .first()
    )


def build(quarter: Quarter) -> QuotaReport:
    federation = Federation.current()
    zone = federation.timezone if federation else "Asia/Ho_Chi_Minh"
    start, end = quarter.bounds(zone)
    units = (
        Unit.objects.active_between(quarter.first_day, quarter.last_day)
        .prefetch_related("former_names")
        .order_by("sort_order", "pk")
    )
    quotas = {kind: quota_for(kind, quarter.last_day) for kind in UnitKind.values}
    units = [u for u in units if quotas.get(u.kind) is not None]
    counts = _counts(units, start, end)
    districts = _district_notes([u for u in units if u.kind == UnitKind.DISTRICT], end)
    remarks = {r.unit_id: r for r in QuotaRemark.objects.filter(quarter=str(quarter))}
    rows = []
    for number, unit in enumerate(units, 1):
        news, articles = counts.get(unit.pk, (0, 0))
        quota = quotas[unit.kind]
        notes = [shortfall(news, articles, quota)]
        notes += districts.get(unit.pk, [])
        remark = remarks.get(unit.pk)
        if remark is not None and remark.text.strip():
            notes = [remark.text.strip()] if remark.replaces_note else notes + [remark.text.strip()]
        rows.append(
            Row(
                number=number,
                unit=unit,
                name=unit.name_on(quarter.last_day),
                news=news,
                articles=articles,
                note=join_notes(notes),
                quota_news=quota.news,
                quota_articles=quota.articles,
            )
        )
    used = {(q.news, q.articles) for q in quotas.values() if q is not None}
    quota_news, quota_articles = used.pop() if len(used) == 1 else (None, None)
    return QuotaReport(
        quarter=quarter,
        rows=rows,
        quota_news=quota_news,
        quota_articles=quota_articles,
        federation=federation.name if federation else "",
    )


def _counts(units, start, end) -> dict:
    """{unit id: (news items, articles)} first published in [start, end), live, not taken
    down: one grouped query."""
    model, spec = syndicated_type()
    if model is None or not units:
        return {}
    open_takedown = Withdrawal.objects.filter(page_id=OuterRef("pk"), restored_at__isnull=True)
    rows = (
        model.objects.filter(
            live=True,
            first_published_at__gte=start,
            first_published_at__lt=end,
            **{f"{spec.unit}__in": [u.pk for u in units]},
        )
        .exclude(Exists(open_takedown))
        .order_by()  # no ordering column in the GROUP BY
        .values_list(spec.unit)
        .annotate(
            news=Count("pk", filter=Q(**{spec.kind: "tin"})),
            articles=Count("pk", filter=Q(**{spec.kind: "bai"})),
        )
    )
    return {unit_id: (news, articles) for unit_id, news, articles in rows}


def _district_notes(districts, end) -> dict:
    """{unit id: notes} for the district federations: their sub-sites (the section named by
    the unit's code) and introductions (`<code>-gioi-thieu`) read in one query each, and
    which sub-sites ever had a published item by `end` in one more."""
    if not districts:
        return {}
    codes = [u.code for u in districts] + [f"{u.code}-gioi-thieu" for u in districts]
    sections = {s.code: s for s in Section.objects.filter(code__in=codes).select_related("page")}
    homes = {
        u.pk: sections[u.code].page
        for u in districts
        if u.code in sections and sections[u.code].unit_id == u.pk
    }
    model, _spec = syndicated_type()
    published = set()  # homes under which an item had been published by `end`
    by_path = {page.path: pk for pk, page in homes.items()}
    lengths = {len(path) for path in by_path} if model is not None else set()
    for length in lengths:  # one query (sub-sites sit at one depth)
        prefixes = (
            model.objects.filter(first_published_at__isnull=False, first_published_at__lt=end)
            .annotate(home_path=Substr("path", 1, length))
            .filter(home_path__in=[path for path in by_path if len(path) == length])
            .order_by()
            .values_list("home_path", flat=True)
            .distinct()
        )
        published.update(by_path[prefix] for prefix in prefixes)
    notes = {}
    for unit in districts:
        if unit.pk not in homes:
            continue
        found = []
        if model is not None and unit.pk not in published:
            found.append(NO_ITEMS)
        intro = sections.get(f"{unit.code}-gioi-thieu")
        if not _has_content(intro.page if intro else None):
            found.append(NO_INTRO)
        notes[unit.pk] = found
    return notes


def _has_content(page) -> bool:
    if page is None or not page.live:
        return False
    page = page.specific
    body = page.get_search_body() if hasattr(page, "get_search_body") else page.title
    return bool((body or "").strip())
