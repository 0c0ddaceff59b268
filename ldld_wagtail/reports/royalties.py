"""Monthly royalties (*nhuận bút, thù lao*, Quy chế 7.5 and 7.6; Bình Thuận letter point 5).

For a month (`YYYY-MM`, in the federation's time zone): one line per author of every item first
published that month and still live and not taken down (news items, articles, videos, featured
photos, and the photos inside items when the federation pays them; imported items by their
publication date), with the item's section, unit, kind, the rate in force on its publication
day (`RoyaltyRate`) and the amount. Several authors share an item as the federation says
(`Federation.royalty_split`: equal parts, the remainder's đồng to the first-named, so the shares
add up to the rate exactly; or all to the first-named). The fixed monthly fees (`RoyaltyFee`)
follow the items.

The secretary adjusts a line with a reason (`RoyaltyAdjustment`) and closes the month
(`RoyaltyMonth`): the lines are then kept as they stood, and later changes to the items do not
change them. Reopening shows what changed since the month was closed. The report can be cut
per unit (in Bình Thuận each unit pays its own contributors).
"""

import datetime
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import (
    Federation,
    RoyaltyAdjustment,
    RoyaltyFee,
    RoyaltyMonth,
    RoyaltyRate,
    RoyaltySplit,
    Unit,
    Withdrawal,
)
from ..registry import earning_types
from ..text import fold, person_name

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MONTH_VI = re.compile(r"^(\d{1,2})/(\d{4})$")  # "11/2026", as an office writes it
NO_AUTHOR = "(chưa ghi tác giả)"
KIND_LABELS = {
    "tin": "Tin",
    "bai": "Bài",
    "anh": "Ảnh",
    "anh-noi-bat": "Ảnh nổi bật",
    "video": "Video",
}
KIND_ORDER = list(KIND_LABELS)


MAX_AMOUNT = 1_000_000_000  # a line's amount, well inside a 32-bit column


class RoyaltyError(ValueError):
    """An action the month's state does not allow; the message is for the secretary."""


@dataclass(frozen=True)
class Month:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        text = (text or "").strip()
        found = MONTH.match(text)
        year, number = (found.group(1), found.group(2)) if found else (None, None)
        if not found and (found := MONTH_VI.match(text)):
            year, number = found.group(2), found.group(1)
        if year is None or not 1 <= int(number) <= 12:
            raise ValueError(_("Write the month as MM/YYYY, for example 11/2026."))
        return cls(int(year), int(number))

    @classmethod
    def of(cls, day: datetime.date) -> "Month":
        return cls(day.year, day.month)

    def __str__(self):
        return f"{self.year}-{self.number:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.number, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.next().first_day - datetime.timedelta(days=1)

    def next(self) -> "Month":
        return Month(self.year + 1, 1) if self.number == 12 else Month(self.year, self.number + 1)

    def previous(self) -> "Month":
        return Month(self.year - 1, 12) if self.number == 1 else Month(self.year, self.number - 1)

    def bounds(self, zone: str) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, end) of the month as aware datetimes in `zone`."""
        tz = ZoneInfo(zone)
        start = datetime.datetime.combine(self.first_day, datetime.time(), tz)
        end = datetime.datetime.combine(self.next().first_day, datetime.time(), tz)
        return start, end

    @property
    def short(self) -> str:
        """ "11/2026" """
        return f"{self.number:02d}/{self.year}"

    @property
    def label(self) -> str:
        """ "tháng 11/2026", as an office writes it."""
        return f"tháng {self.number:02d}/{self.year}"


@dataclass
class Line:
    """One author's share of one item (or of one photo)."""

    key: str
    page_id: int
    published: str  # dd/mm/yyyy, the publication day in the federation's time zone
    title: str
    kind: str
    section: str
    unit_code: str
    unit: str
    author: str
    share: str  # "1/2" when two authors share the item, "" when one
    rate: int | None
    amount: int | None
    adjusted: int | None = None
    reason: str = ""

    @property
    def paid(self) -> int | None:
        return self.adjusted if self.adjusted is not None else self.amount

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class FeeLine:
    title: str
    person: str
    amount: int | None
    decision: str


@dataclass
class Person:
    name: str
    units: list[str]
    counts: dict
    amount: int
    is_unit: bool = False  # credited to a unit (a department's featured photos), not a person

    def count_text(self) -> str:
        """ "2 tin, 1 bài, 3 ảnh" """
        return ", ".join(
            f"{self.counts[kind]} {KIND_LABELS[kind].lower()}"
            for kind in KIND_ORDER
            if self.counts.get(kind)
        )


@dataclass
class Change:
    what: str  # "added", "removed", "changed"
    line: Line
    before: int | None = None

    @property
    def label(self) -> str:
        return {"added": _("new line"), "removed": _("line gone"), "changed": _("amount changed")}[
            self.what
        ]


@dataclass
class RoyaltyReport:
    month: Month
    federation: str
    lines: list[Line]
    fees: list[FeeLine] = field(default_factory=list)
    unit: Unit | None = None
    closed_at: datetime.datetime | None = None
    closed_by: str = ""
    changes: list[Change] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)

    HEADERS = (
        "TT",
        "Ngày đăng",
        "Tên tin, bài, ảnh, video",
        "Thể loại",
        "Chuyên mục",
        "Đơn vị",
        "Tác giả",
        "Phần",
        "Mức (đồng)",
        "Thành tiền (đồng)",
        "Ghi chú",
    )

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def title(self) -> str:
        return f"Bảng kê nhuận bút, thù lao {self.month.label}"

    @property
    def unpriced(self) -> list[Line]:
        """Lines without an amount: no rate entered for their kind and day, nor an adjustment."""
        return [line for line in self.lines if line.paid is None]

    @property
    def unpriced_fees(self) -> list[FeeLine]:
        return [fee for fee in self.fees if fee.amount is None]

    @property
    def items_total(self) -> int:
        return sum(line.paid or 0 for line in self.lines)

    @property
    def fees_total(self) -> int:
        return sum(fee.amount or 0 for fee in self.fees)

    @property
    def total(self) -> int:
        return self.items_total + self.fees_total

    def counts(self) -> dict:
        """{kind: number of items or photos} (an item shared by two authors counts once)."""
        seen = defaultdict(set)
        for line in self.lines:
            seen[line.kind].add(line.key.rsplit(".", 1)[0])
        return {kind: len(seen[kind]) for kind in KIND_ORDER if seen[kind]}

    def people(self) -> list[Person]:
        """Totals per person, in the order of the names (Vietnamese order: by given name); a
        credit that names a unit is marked as such (paid to the unit, not to a person)."""
        units = _unit_names()
        found: dict[str, Person] = {}
        for line in self.lines:
            person = found.setdefault(
                _person_key(line.author),
                Person(line.author, [], defaultdict(int), 0, fold(line.author) in units),
            )
            if line.unit and line.unit not in person.units:
                person.units.append(line.unit)
            person.counts[line.kind] += 1
            person.amount += line.paid or 0
        return sorted(found.values(), key=lambda p: (p.is_unit, _sort_name(p.name)))

    def per_unit(self) -> list[tuple[str, int, int]]:
        """[(unit, lines, amount)], largest amount first (the chart)."""
        totals: dict[str, list[int]] = {}
        for line in self.lines:
            entry = totals.setdefault(line.unit or "—", [0, 0])
            entry[0] += 1
            entry[1] += line.paid or 0
        return sorted(
            ((unit, n, amount) for unit, (n, amount) in totals.items()), key=lambda t: -t[2]
        )


# --- building ------------------------------------------------------------------------------------


def build(month: Month, unit: Unit | None = None) -> RoyaltyReport:
    """The month's report: the closed lines when the month is closed, else computed now (with
    the changes since it was closed, when it was closed once and reopened)."""
    federation = Federation.current()
    rates = _Rates(month)
    record = RoyaltyMonth.objects.filter(month=month.first_day).select_related("closed_by").first()
    if record is not None and record.closed:
        lines = [Line(**data) for data in record.lines]
        fees = [FeeLine(**data) for data in record.fees]
        closed_by = person_name(record.closed_by)
        changes = []
    else:
        lines = compute(month, federation, rates)
        _apply_adjustments(lines, record)
        fees = _fees(month)
        closed_by = ""
        changes = diff([Line(**d) for d in record.lines], lines) if record and record.lines else []
    decisions = _decisions(rates, fees)
    if unit is not None:
        lines = [line for line in lines if line.unit_code == unit.code]
        changes = [c for c in changes if c.line.unit_code == unit.code]
        fees = []  # paid by the federation, not by a unit
    return RoyaltyReport(
        month=month,
        federation=federation.name if federation else "",
        lines=lines,
        fees=fees,
        unit=unit,
        closed_at=record.closed_at if record else None,
        closed_by=closed_by,
        changes=changes,
        decisions=decisions,
    )


def compute(month: Month, federation=None, rates=None) -> list[Line]:
    """Every line of the month as the items stand now, without adjustments."""
    federation = federation or Federation.current()
    zone = federation.timezone if federation else "Asia/Ho_Chi_Minh"
    split = federation.royalty_split if federation else RoyaltySplit.EQUAL
    item_photos = federation.royalty_item_photos if federation else False
    tz = ZoneInfo(zone)
    start, end = month.bounds(zone)
    rates = rates or _Rates(month)
    units = {u.pk: u for u in Unit.objects.prefetch_related("former_names")}
    taken_down = Withdrawal.objects.filter(page_id=OuterRef("pk"), restored_at__isnull=True)
    found = []  # (published, page, spec)
    for model, spec in earning_types():
        pages = (
            model.objects.live()
            .filter(first_published_at__gte=start, first_published_at__lt=end)
            .exclude(Exists(taken_down))
            .order_by("first_published_at", "pk")
        )
        with_photos = spec.photos and (item_photos or not spec.item_photos)
        if with_photos:
            pages = pages.prefetch_related(Prefetch(spec.photos))
        found += [(page.first_published_at, page, spec, with_photos) for page in pages]
    found.sort(key=lambda entry: (entry[0], entry[1].pk))
    parents = _parents([page for _at, page, _spec, _photos in found])
    lines = []
    for published, page, spec, with_photos in found:
        day = published.astimezone(tz).date()
        unit = units.get(getattr(page, f"{spec.unit}_id", None)) if spec.unit else None
        common = {
            "page_id": page.pk,
            "published": f"{day:%d/%m/%Y}",
            "section": parents.get(page.pk, ""),
            "unit_code": unit.code if unit else "",
            "unit": unit.name_on(day) if unit else "",
        }
        kind = spec.kind or (getattr(page, spec.kind_field) if spec.kind_field else "")
        if kind:
            authors = _names(getattr(page, spec.authors, "") if spec.authors else "")
            lines += _shares(
                f"{page.pk}.0", page.title, kind, authors, rates.on(kind, day), split, common
            )
        if with_photos:
            for photo in getattr(page, spec.photos).all():
                title = photo.caption or page.title
                lines += _shares(
                    f"{page.pk}.{photo.pk}",
                    title,
                    spec.photo_kind,
                    _names(photo.credit),
                    rates.on(spec.photo_kind, day),
                    split,
                    common,
                )
    return lines


def _shares(key, title, kind, authors, rate, split, common) -> list[Line]:
    if split == RoyaltySplit.LEAD:
        authors = authors[:1]
    count = len(authors)
    lines = []
    for n, author in enumerate(authors):
        amount = None
        if rate is not None:
            amount = rate // count + (1 if n < rate % count else 0)
        lines.append(
            Line(
                key=f"{key}.{slugify(author)[:60] or n}",
                title=title,
                kind=kind,
                author=author,
                share=f"1/{count}" if count > 1 else "",
                rate=rate,
                amount=amount,
                **common,
            )
        )
    return lines


def _names(text: str) -> list[str]:
    names = [" ".join(name.split()) for name in re.split(r"[,;\n]", text or "")]
    return [name for name in names if name] or [NO_AUTHOR]


def _unit_names() -> set[str]:
    names = set()
    for name, short in Unit.objects.values_list("name", "short_name"):
        names.update(fold(n) for n in (name, short) if n)
    return names


def _person_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _sort_name(name: str) -> tuple:
    """Vietnamese lists sort by the given name (the last word), then the family name."""
    plain = fold(name)
    words = plain.split()
    return (words[-1] if words else "", plain)


def _parents(pages) -> dict:
    """{page id: the title of the section (the parent page) it was published in}: one query."""
    steplen = Page.steplen
    paths = {page.pk: page.path[:-steplen] for page in pages}
    titles = dict(Page.objects.filter(path__in=set(paths.values())).values_list("path", "title"))
    return {pk: titles.get(path, "") for pk, path in paths.items()}


class _Rates:
    """The rates in force during a month, looked up per kind and day without a query each."""

    def __init__(self, month: Month):
        self.rates = list(
            RoyaltyRate.objects.filter(valid_from__lte=month.last_day)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=month.first_day))
            .order_by("-valid_from")
        )

    def on(self, kind: str, day: datetime.date) -> int | None:
        for rate in self.rates:
            if (
                rate.kind == kind
                and rate.valid_from <= day
                and (rate.valid_until is None or day <= rate.valid_until)
            ):
                return rate.amount
        return None


def _fees(month: Month) -> list[FeeLine]:
    fees = RoyaltyFee.objects.filter(valid_from__lte=month.last_day).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=month.first_day)
    )
    return [FeeLine(f.title, f.person, f.amount, f.decision) for f in fees]


def _decisions(rates, fees) -> list[str]:
    """The decisions of the rates in force in the month and of its fees, in the order the
    rates were set (the payment decision cites them)."""
    found = []
    in_order = sorted(rates.rates, key=lambda r: (r.valid_from, r.kind))
    for decision in [r.decision for r in in_order] + [f.decision for f in fees]:
        if decision and decision not in found:
            found.append(decision)
    return found


def _apply_adjustments(lines: list[Line], record: RoyaltyMonth | None):
    if record is None:
        return
    adjustments = {a.line: a for a in record.adjustments.all()}
    for line in lines:
        adjustment = adjustments.get(line.key)
        if adjustment is not None:
            line.adjusted, line.reason = adjustment.amount, adjustment.reason


def diff(before: list[Line], after: list[Line]) -> list[Change]:
    """What changed between the lines as closed and as they are now."""
    old = {line.key: line for line in before}
    new = {line.key: line for line in after}
    changes = [Change("added", line) for key, line in new.items() if key not in old]
    changes += [Change("removed", line) for key, line in old.items() if key not in new]
    changes += [
        Change("changed", line, before=old[key].paid)
        for key, line in new.items()
        if key in old and old[key].paid != line.paid
    ]
    return changes


# --- the secretary's actions ---------------------------------------------------------------------


def _record(month: Month, lock=True) -> RoyaltyMonth:
    record, _created = RoyaltyMonth.objects.get_or_create(month=month.first_day)
    if lock:
        record = RoyaltyMonth.objects.select_for_update().get(pk=record.pk)
    return record


def adjust(month: Month, key: str, amount: int | None, reason: str, user) -> None:
    """Set a line's amount with a reason (`amount=None` removes the adjustment)."""
    with transaction.atomic():
        record = _record(month)
        if record.closed:
            raise RoyaltyError(_("The month is closed: reopen it to adjust a line."))
        if amount is None:
            record.adjustments.filter(line=key).delete()
            return
        if not reason.strip():
            raise RoyaltyError(_("Give the reason for the adjustment."))
        if not 0 <= amount <= MAX_AMOUNT:
            raise RoyaltyError(_("An amount is at most 1.000.000.000 đồng."))
        if key not in {line.key for line in compute(month)}:
            raise RoyaltyError(_("This line is no longer in the month's royalties."))
        RoyaltyAdjustment.objects.update_or_create(
            month=record,
            line=key,
            defaults={"amount": amount, "reason": reason.strip(), "by": user},
        )


def close(month: Month, user) -> RoyaltyMonth:
    """Keep the month's lines as they are now; refused while a line or fee has no amount, or
    before the month has ended."""
    federation = Federation.current()
    zone = federation.timezone if federation else "Asia/Ho_Chi_Minh"
    if timezone.now() < month.bounds(zone)[1]:
        raise RoyaltyError(_("A month can be closed once it has ended."))
    with transaction.atomic():
        record = _record(month)
        if record.closed:
            raise RoyaltyError(_("The month is already closed."))
        lines = compute(month, federation)
        _apply_adjustments(lines, record)
        fees = _fees(month)
        missing = [line for line in lines if line.paid is None]
        if missing or any(fee.amount is None for fee in fees):
            raise RoyaltyError(
                _(
                    "%(lines)d lines and %(fees)d fees have no amount: enter the rates or adjust "
                    "the lines before closing."
                )
                % {"lines": len(missing), "fees": sum(1 for fee in fees if fee.amount is None)}
            )
        record.lines = [asdict(line) for line in lines]
        record.fees = [asdict(fee) for fee in fees]
        record.closed_at, record.closed_by = timezone.now(), user
        record.save()
        return record


def reopen(month: Month, user) -> RoyaltyMonth:
    """Open a closed month again; its closed lines are kept to show what changed since."""
    with transaction.atomic():
        record = _record(month)
        if not record.closed:
            raise RoyaltyError(_("The month is not closed."))
        record.closed_at = record.closed_by = None
        record.reopened_at, record.reopened_by = timezone.now(), user
        record.save()
        return record
