"""Import of a legacy portal's news items and articles from JSON Lines, so that reports cover
the periods before the portal moved here (`manage.py import_content FILE.jsonl`).

One JSON object per line: `external_id`, `kind` ("tin" or "bai"), `title`, `lead`,
`body_html`, `unit` (the unit's code, or its name as the profile writes it, matched ignoring
case and accents), optional `section` (the URL path of a column or sub-site; by default the
unit's own place: its sub-site, else the column its department owns), `authors` (names),
`published_at` (ISO 8601; without an offset it is the federation's local time,
Asia/Ho_Chi_Minh), `images` (`{path, caption, credit}`, paths relative to the file), optional
`tags` and `syndicate`.

Every line is checked before anything is written: a bad line is reported with its number and
reason, and with any bad line nothing is imported (unless `skip_invalid`). Items are keyed by
`external_id` (`ImportedItem`): a line imported before and unchanged is skipped; a changed one
updates its item with a new revision. Items are live as of `published_at` and keep that date
(listings, feeds, reports and search read `first_published_at`); they reach the national feed
only when `syndicate` is true. HTML is sanitised as the API's writes are.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import pydantic
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText

from . import uploads
from .api.serializers.deserialize import clean_html
from .models import Federation, ImportedItem, Section, Unit
from .registry import syndicated_type
from .search import index_page
from .text import fold


class Photo(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    path: str = pydantic.Field(min_length=1)
    caption: str = ""
    credit: str = ""


class Line(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", str_strip_whitespace=True)
    external_id: str = pydantic.Field(min_length=1, max_length=200)
    kind: Literal["tin", "bai"]
    title: str = pydantic.Field(min_length=1, max_length=255)
    lead: str = ""
    body_html: str = ""
    unit: str = pydantic.Field(min_length=1)
    section: str | None = None
    authors: list[str] = []
    published_at: datetime.datetime
    images: list[Photo] = []
    tags: list[str] = []
    syndicate: bool = False


@dataclass
class Problem:
    line: int
    reason: str

    def __str__(self):
        return _("line %(line)d: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass
class Planned:
    number: int
    line: Line
    unit: Unit
    parent: Page
    images: list[Path]
    checksum: str


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)


def _explain(error) -> str:
    """One of pydantic's errors in the words the profile loader uses."""
    kind = error["type"]
    if kind in ("missing", "string_too_short"):
        return _("is required")
    if kind == "extra_forbidden":
        return _("unknown key")
    if kind.startswith(("datetime", "date_")):
        return _("not a date and time (ISO 8601, for example 2017-03-31T09:00:00+07:00)")
    if kind == "literal_error":
        return _("must be one of %s") % error["ctx"]["expected"].replace("'", "").replace(
            " or ", ", "
        )
    if kind == "list_type":
        return _("must be a list")
    if kind in ("bool_type", "bool_parsing"):
        return _("must be true or false")
    if kind == "string_type":
        return _("must be text")
    return error["msg"]


def local_zone() -> ZoneInfo:
    federation = Federation.current()
    return ZoneInfo(federation.timezone if federation else "Asia/Ho_Chi_Minh")


class Plan:
    """Every line read and checked, nothing written."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.base = self.path.parent
        self.zone = local_zone()
        self.model, self.spec = syndicated_type()
        self.units = list(Unit.objects.all())
        self.by_key = {}
        for unit in self.units:
            self.by_key.setdefault(unit.code.lower(), unit)
            self.by_key.setdefault(fold(unit.name), unit)
            if unit.short_name:
                self.by_key.setdefault(fold(unit.short_name), unit)
        self.places = {}
        self.items: list[Planned] = []
        self.problems: list[Problem] = []
        self.skipped = 0

    def read(self) -> "Plan":
        seen = set()
        with open(self.path, encoding="utf-8-sig") as handle:
            for number, text in enumerate(handle, 1):
                if not text.strip():
                    continue
                planned = self._line(number, text, seen)
                if planned is not None:
                    self.items.append(planned)
        return self

    def _line(self, number, text, seen):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            return self._problem(number, _("not valid JSON (%s)") % exc.msg)
        try:
            line = Line.model_validate(raw)
        except pydantic.ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "-"
            return self._problem(number, f"{where}: {_explain(first)}")
        if line.external_id in seen:
            return self._problem(number, _("external_id %r appears twice") % line.external_id)
        seen.add(line.external_id)
        unit = self.by_key.get(line.unit.lower()) or self.by_key.get(fold(line.unit))
        if unit is None:
            return self._problem(number, _("unknown unit %r") % line.unit)
        parent = self._place(line.section, unit)
        if parent is None:
            where = line.section or unit.code
            return self._problem(number, _("no section to put the item in (%s)") % where)
        images = []
        for photo in line.images:
            image_path = (self.base / photo.path).resolve()
            if not image_path.is_file() or self.base.resolve() not in image_path.parents:
                return self._problem(number, _("image not found: %s") % photo.path)
            try:  # what the admin's image form checks: no SVG, no bomb, a real picture
                uploads.check_image(image_path.read_bytes(), image_path.name)
            except ValidationError as error:
                return self._problem(number, f"{photo.path}: {' '.join(error.messages)}")
            images.append(image_path)
        if line.published_at.tzinfo is None:
            line.published_at = line.published_at.replace(tzinfo=self.zone)
        digest = hashlib.sha256(line.model_dump_json().encode())
        for image_path in images:
            digest.update(image_path.read_bytes())
        return Planned(number, line, unit, parent, images, digest.hexdigest())

    def _problem(self, number, reason):
        self.problems.append(Problem(number, reason))
        return None

    def _place(self, section_path: str | None, unit: Unit):
        key = (section_path, unit.pk)
        if key not in self.places:
            self.places[key] = self._find_place(section_path, unit)
        return self.places[key]

    def _find_place(self, section_path, unit):
        if self.model is None:
            return None
        if section_path:
            path = "/" + section_path.strip("/") + "/"
            for page in Page.objects.live().filter(url_path__endswith=path).specific():
                if page.url == path and self.model in page.specific_class.allowed_subpage_models():
                    return page
            return None
        own = Section.objects.filter(code=unit.code, unit=unit).select_related("page").first()
        candidates = ([own] if own else []) + list(
            Section.objects.filter(unit=unit).select_related("page").order_by("page__path")
        )
        for section in candidates:
            page = section.page.specific
            if self.model in page.specific_class.allowed_subpage_models():
                return page
        return None


def run(path, dry_run=False, skip_invalid=False, progress=None) -> Summary:
    """Check every line, then (unless `dry_run`, and only when no line is bad or
    `skip_invalid`) import. `progress(done, total)` is called as items are written."""
    plan = Plan(path).read()
    summary = Summary(problems=plan.problems, skipped=len(plan.problems))
    if dry_run or (plan.problems and not skip_invalid):
        if dry_run:
            known = dict(
                ImportedItem.objects.filter(
                    external_id__in=[p.line.external_id for p in plan.items]
                ).values_list("external_id", "checksum")
            )
            for planned in plan.items:
                state = known.get(planned.line.external_id)
                if state is None:
                    summary.created += 1
                elif state == planned.checksum:
                    summary.unchanged += 1
                else:
                    summary.updated += 1
        return summary
    known = {
        item.external_id: item
        for item in ImportedItem.objects.filter(
            external_id__in=[p.line.external_id for p in plan.items]
        ).select_related("page")
    }
    writer = Writer(plan)
    for done, planned in enumerate(plan.items, 1):
        record = known.get(planned.line.external_id)
        if record is not None and record.checksum == planned.checksum and record.page_id:
            summary.unchanged += 1
        else:
            with transaction.atomic():
                writer.write(planned, record)
            if record is None:
                summary.created += 1
            else:
                summary.updated += 1
        if progress:
            progress(done, len(plan.items))
    return summary


class Writer:
    def __init__(self, plan: Plan):
        self.model, self.spec = plan.model, plan.spec
        photos = self.model._meta.get_field(self.spec.photos)
        self.photo_model = photos.related_model
        self.images = {}

    def image(self, path: Path):
        digest = hashlib.sha1(path.read_bytes()).hexdigest()
        if digest not in self.images:
            model = get_image_model()
            found = model.objects.filter(file_hash=digest).first()
            if found is None:
                with open(path, "rb") as handle:
                    found = model(title=path.stem.replace("-", " ")[:255], file_hash=digest)
                    found.file.save(path.name, File(handle), save=False)
                    found.save()
            self.images[digest] = found
        return self.images[digest]

    def write(self, planned: Planned, record) -> None:
        line, spec = planned.line, self.spec
        page = record.page.specific if record is not None and record.page_id else None
        creating = page is None
        if creating:
            page = self.model(title=line.title)
            page.slug = find_available_slug(planned.parent, slugify(fold(line.title))[:80] or "tin")
        page.title = line.title
        setattr(page, spec.kind, line.kind)
        setattr(page, spec.lead, line.lead)
        setattr(page, spec.body, [("paragraph", RichText(clean_html(line.body_html)))])
        setattr(page, spec.authors, ", ".join(line.authors))
        setattr(page, spec.unit, planned.unit)
        setattr(page, spec.mark, line.syndicate)
        setattr(
            page,
            spec.photos,
            [
                self.photo_model(image=self.image(path), caption=photo.caption, credit=photo.credit)
                for path, photo in zip(planned.images, line.images, strict=True)
            ],
        )
        when = line.published_at
        page.first_published_at = when
        if creating:
            planned.parent.add_child(instance=page)
        getattr(page, spec.tags).set(line.tags)
        revision = page.save_revision(clean=False)
        revision.publish()
        self.model.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
        page.first_published_at = page.last_published_at = when
        index_page(page)
        ImportedItem.objects.update_or_create(
            external_id=line.external_id,
            defaults={"page": page, "checksum": planned.checksum, "line": planned.number},
        )
