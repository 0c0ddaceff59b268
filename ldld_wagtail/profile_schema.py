"""What a federation profile may say, declared once: pydantic models of its TOML tables.

`ldld_wagtail.profile` reads a profile through `ProfileFile`; `json_schema_text()` gives the
JSON Schema published as `profiles/profile.schema.json` (`manage.py profile_schema` writes
it), so that a profile author's editor completes and checks keys and values. Unknown keys are
refused everywhere. The vocabularies are the models' own (unit kinds, quota periods, royalty
kinds); those only a profile has (weekdays, step kinds, media permissions) are named here. A
problem a validator finds is raised with `problem()`, in the words the profile author reads;
the checks between tables (a role a step names exists, the page tree holds, validities do not
overlap) are written by hand in `ldld_wagtail.profile`.
"""

import datetime
import json
import re
from typing import Annotated

import pydantic
from django.apps import apps
from django.utils.translation import gettext as _
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    WithJsonSchema,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import PydanticCustomError

from .models import Quota as QuotaRecord
from .models import RoyaltyRate, UnitKind


def _choices(model, name):
    return tuple(value for value, _label in model._meta.get_field(name).choices)


UNIT_KINDS = tuple(UnitKind.values)
PERIODS = _choices(QuotaRecord, "period")
RATE_KINDS = _choices(RoyaltyRate, "kind")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
STEP_KINDS = ("route", "approve", "publish")  # ldld_wagtail.setup.STEP_CLASSES
MEDIA = ("add", "change")  # ldld_wagtail.setup.MEDIA_PERMISSIONS


def problem(text, at=()):
    """The error a validator raises: `text` for the profile author; `at`, the keys below the
    value validated where the problem is (the reader adds them to the key path)."""
    return PydanticCustomError("profile", "{text}", {"text": text, "at": tuple(at)})


# --- value types ---------------------------------------------------------------------------------


def _worded(type_, message):
    """`type_`, with `message(value)` as the one problem whatever is wrong with the value."""

    def validate(value, handler):
        try:
            return handler(value)
        except ValidationError:
            raise problem(message(value)) from None

    return Annotated[type_, WrapValidator(validate)]


def choice(values, message):
    """A string among `values`; `message(value, "a, b, c")` says what is wrong otherwise."""

    def validate(value):
        if value not in values:
            raise problem(message(value, ", ".join(values)))
        return value

    return Annotated[
        str, AfterValidator(validate), WithJsonSchema({"type": "string", "enum": list(values)})
    ]


def _date(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise problem(_("not a date (YYYY-MM-DD): %r") % value) from None


def _duration(value):
    if value == "half_day" or (isinstance(value, str) and re.fullmatch(r"\d+:\d+", value)):
        return value
    raise problem(_('not a duration ("half_day" or "HH:MM"): %r') % value)


def _office_period(value, handler):
    message = _('must be ["HH:MM", "HH:MM"]')
    try:
        return tuple(datetime.time.fromisoformat(t).strftime("%H:%M") for t in handler(value))
    except (ValidationError, ValueError):
        raise problem(message) from None


def page_type_problem(name):
    """What is wrong with `name` as a page type ("app_label.ModelName"), or None."""
    from wagtail.models import Page

    try:
        model = apps.get_model(name)
    except (LookupError, ValueError):
        return _("unknown page type %r (write it as app_label.ModelName)") % name
    if not issubclass(model, Page) or model is Page:
        return _("%r is not a page type") % name
    return None


def _page_type(name):
    if message := page_type_problem(name):
        raise problem(message)
    return name


Required = Annotated[str, pydantic.Field(min_length=1)]
Flag = Annotated[bool, pydantic.Field(strict=True)]
Strings = _worded(list[str], lambda value: _("must be a list of strings"))
Count = _worded(
    Annotated[int, pydantic.Field(strict=True, ge=0)], lambda value: _("must be a whole number")
)
Money = _worded(
    Annotated[int, pydantic.Field(strict=True, ge=0)],
    lambda value: _("must be a whole number of đồng"),
)
Date = Annotated[datetime.date, BeforeValidator(_date)]
Duration = Annotated[
    str,
    BeforeValidator(_duration),
    WithJsonSchema({"type": "string", "pattern": r"^(half_day|[0-9]+:[0-9]+)$"}),
]
Clock = Annotated[str, WithJsonSchema({"type": "string", "pattern": r"^[0-9]{2}:[0-9]{2}$"})]
OfficePeriod = Annotated[tuple[Clock, Clock], WrapValidator(_office_period)]
PageType = Annotated[
    str,
    AfterValidator(_page_type),
    WithJsonSchema(
        {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$"}
    ),
]
UnitKindName = choice(
    UNIT_KINDS,
    lambda kind, kinds: (
        _("unknown unit kind %(kind)r (one of %(kinds)s)") % {"kind": kind, "kinds": kinds}
    ),
)
StepKind = choice(
    STEP_KINDS,
    lambda kind, kinds: (
        _("unknown step kind %(kind)r (one of %(kinds)s)") % {"kind": kind, "kinds": kinds}
    ),
)
RateKind = choice(
    RATE_KINDS,
    lambda kind, kinds: (
        _("unknown item kind %(kind)r (one of %(kinds)s)") % {"kind": kind, "kinds": kinds}
    ),
)
Weekday = choice(
    WEEKDAYS,
    lambda day, days: _("unknown weekday %(day)r (one of %(days)s)") % {"day": day, "days": days},
)
Period = choice(PERIODS, lambda value, values: _("must be one of %s") % values)
Media = choice(MEDIA, lambda value, values: _("must be one of %s") % values)
SPLITS = ("equal", "lead")  # ldld_wagtail.models.RoyaltySplit
Split = choice(SPLITS, lambda value, values: _("must be one of %s") % values)
ASKER_NAMES = ("full", "initials", "given_name")
AskerName = choice(ASKER_NAMES, lambda value, values: _("must be one of %s") % values)


# --- the tables ----------------------------------------------------------------------------------


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class Federation(Table):
    """The federation the profile describes."""

    code: Required
    """Short code, e.g. "lao-cai"."""
    name: Required
    site_name: str = ""
    """The portal's name; the federation's name when empty."""


class Calendar(Table):
    """The working calendar: publishing deadlines count working time only."""

    timezone: str = "Asia/Ho_Chi_Minh"
    office_hours: list[OfficePeriod]
    """Working periods of a day, in order, e.g. [["07:30", "11:30"], ["13:30", "17:00"]]."""
    workdays: list[Weekday]
    holidays: Annotated[
        dict[str, list[Date]],
        pydantic.Field(json_schema_extra={"propertyNames": {"pattern": "^[0-9]{4}$"}}),
    ] = {}
    """Public holidays on working days, by year: 2026 = ["2026-01-01", ...]."""
    publish_within: Duration = "half_day"
    """Working time the web admin has to publish an approved item: "half_day" or "HH:MM"."""
    remind_before: Duration = "01:00"
    """Working time left when the web admin is reminded: "half_day" or "HH:MM"."""

    @field_validator("office_hours")
    @classmethod
    def _in_order(cls, hours):
        for i, (start, end) in enumerate(hours):
            if end <= start or (i and start < hours[i - 1][1]):
                raise problem(_("periods must be in order and not overlap"), at=[i])
        return hours

    @field_validator("holidays")
    @classmethod
    def _in_their_year(cls, holidays):
        for year, days in holidays.items():
            for j, day in enumerate(days):
                if str(day.year) != year:
                    raise problem(
                        _("%(day)s is not in %(year)s") % {"day": day, "year": year}, at=[year, j]
                    )
        return holidays


class FormerName(Table):
    name: Required
    until: Date
    """The last day the name was used."""


class Unit(Table):
    """A department, office, committee, district federation, sector union or affiliate."""

    code: Required
    name: Required
    kind: UnitKindName
    short_name: str = ""
    valid_from: Date | None = None
    valid_until: Date | None = None
    """The last day of a unit merged or retired."""
    successor: str = ""
    """The unit code a merged unit went into."""
    former_names: Annotated[
        list[FormerName], AfterValidator(lambda names: [(n.name, n.until) for n in names])
    ] = []
    """[{ name = "...", until = "YYYY-MM-DD" }]; read as (name, until) pairs."""

    @model_validator(mode="after")
    def _in_order(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise problem(_("ends before it starts"), at=["valid_until"])
        return self


class Role(Table):
    """A role of the editorial board and the group that holds it."""

    code: Required
    group: Required
    """The name of the Django group; who holds the role is decided in the admin."""
    unit: str = ""
    """The unit code of a unit's own editors."""
    take_down: Flag = False
    """May take items down anywhere."""
    accounts: Flag = False
    """Manages user accounts."""
    approves_accounts: Flag = False
    """Approves the accounts that others who manage accounts create, reactivate or give new
    roles to; until then those accounts are inactive (Quy chế 7.6: the head's say)."""
    urges_publication: Flag = False
    """Receives the publishing deadline reminders and sees the overdue list, to urge those who
    publish (Quy chế 7.1: the office leader)."""
    leads: str = ""
    """A unit code: this role's holders lead that department and validate its contributors'
    items at a workflow step with `authors_unit_leader`."""
    stands_in_for: str = ""
    """A role code: the head may delegate that role's powers to this role's holders for a
    period (Quy chế article 6: the standing deputy head)."""
    media: Media = ""
    """Images and documents: "add" (add and choose) or "change" (also change and delete)."""
    snippets: Strings = []
    """Other content managed in the admin ("app_label.ModelName", e.g. the site's banners,
    Quy chế 7.3 and 7.6: the web admin manages them): add, change and delete."""


class EditorialField(Table):
    """A field (lĩnh vực) the secretary routes items to, and the role that approves it."""

    code: Required
    name: Required
    owner: Required
    """A role code."""


class Step(Table):
    kind: StepKind
    name: Required
    roles: Strings = []
    """Role codes of the people acting at this step."""
    field: str = ""
    """A field code: its owner acts at this step."""
    routed_field: Flag = False
    """The owner of the field chosen at the route step acts at this step."""
    authors_unit_leader: Flag = False
    """The leader of the submitter's own department acts at this step (the roles that `lead`
    that unit: Quy chế 3, 7.1-7.4, the department leaders edit and validate their own
    contributors' items); skipped when no one holds such a role."""
    four_eyes: Flag = True
    """Nobody approves their own submission."""

    @model_validator(mode="after")
    def _someone_acts(self):
        if not (self.roles or self.field or self.routed_field or self.authors_unit_leader):
            raise problem(_("nobody acts at this step: give roles or a field"))
        return self


class Workflow(Table):
    """A Wagtail workflow: ordered route, approve and publish steps."""

    code: Required
    name: Required
    steps: list[Step]

    @model_validator(mode="after")
    def _routing(self):
        kinds = [step.kind for step in self.steps]
        routed = any(step.routed_field for step in self.steps)
        if "route" in kinds and not routed:
            raise problem(_("a route step needs a later step with routed_field = true"))
        first_routed = next((i for i, s in enumerate(self.steps) if s.routed_field), None)
        if routed and "route" not in kinds[:first_routed]:
            raise problem(_("routed_field needs a route step first"))
        return self


class Section(Table):
    """A place in the page tree: its page type, owning unit, editors and workflow."""

    code: Required
    type: PageType
    """The page type, as app_label.ModelName."""
    title: Required
    slug: str = ""
    """The code when empty."""
    parent: str = ""
    """A section code; empty for the home page only."""
    unit: str = ""
    field: str = ""
    workflow: str = ""
    editors: Strings = []
    """Role codes that write and edit the section's items."""
    writers: Strings = []
    """Role codes that write their own items here (and edit only those), through the same
    workflow: Lào Cai's secretary (Quy chế 7.5)."""
    publishers: Strings = []
    """Role codes that publish directly (sections without a workflow only)."""
    take_down: Strings = []

    @model_validator(mode="after")
    def _slug(self):
        self.slug = self.slug or self.code
        return self

    @property
    def model(self):
        return apps.get_model(self.type)


class Subsites(Table):
    """One sub-site per district or sector union, edited by its own group."""

    parent: Required
    """The section code the sub-sites are placed under."""
    units: Strings
    """Unit codes (district federations and sector unions)."""
    editor_group: Required
    """The group of each sub-site's editors; {name} and {code} are the unit's."""
    intro_title: str = ""
    """When given, each sub-site gets an introduction page with this title."""
    intro_slug: str = "gioi-thieu"
    type: PageType | None = None
    """The sub-site's page type; LDLD_PAGE_TYPES["subsite"] when empty."""
    intro_type: PageType | None = None
    """The introduction's page type; LDLD_PAGE_TYPES["unit_intro"] when empty."""


class Quota(Table):
    """Items a unit of these kinds must publish per period."""

    unit_kinds: list[UnitKindName]
    period: Period
    news: Count = 0
    articles: Count = 0
    valid_from: Date
    valid_until: Date | None = None


class Rates(Table):
    """What one published item of a kind earns, under a decision."""

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["kind"]}, {"required": ["kinds"]}]}
    )

    kind: RateKind | None = None
    kinds: list[RateKind] | None = None
    amount: Money | None = None
    """In đồng; entered in the admin when the profile does not say."""
    decision: Required
    valid_from: Date
    valid_until: Date | None = None

    @model_validator(mode="after")
    def _some_kind(self):
        if self.kind is None and self.kinds is None:
            raise problem(_("is required"), at=["kinds"])
        return self


class Fee(Table):
    """A fixed monthly fee for someone who works on the portal, paid with the royalties."""

    title: Required
    person: Required
    amount: Money | None = None
    """In đồng; entered in the admin when the profile does not say."""
    decision: Required
    valid_from: Date
    valid_until: Date | None = None


class Royalties(Table):
    """How the monthly royalties are counted beyond the rates."""

    split: Split = "equal"
    """How several authors share an item: "equal" parts, or "lead" (the first-named author)."""
    item_photos: Flag = False
    """Whether each activity photo of a published item earns the photo rate for its credit."""
    fees: list[Fee] = []


class Outlet(Table):
    """An outside outlet that takes good items through the syndication feed (Quy chế 7.5, 7.6),
    with the roles that choose items for it; anyone who may edit an item may propose it."""

    code: Required
    name: Required
    national: Flag = False
    """The national union portal: the item's own "send to the national union portal" box marks
    items for it (at most one outlet)."""
    markers: Strings = []
    """Role codes of those who choose items for this outlet."""


class Questions(Table):
    """The public question desk (*Hỏi đáp*): what a member chooses from and how the asker is
    named on the published question. The department that answers is the owning unit of the
    section whose page receives the questions."""

    topics: Strings = []
    """What a member may ask about, in the order the form offers them."""
    asker_name: AskerName = "given_name"
    """How the asker's name is shown: "full", "initials" or "given_name" (the last word)."""
    asker_unit: Flag = True
    """Whether the asker's unit or workplace is shown (unless the asker asks otherwise)."""


class ProfileFile(Table):
    """A federation profile (ldld_wagtail): `manage.py setup_portal --profile <file>`."""

    model_config = ConfigDict(title="Federation profile")

    federation: Federation
    calendar: Calendar
    units: list[Unit] = []
    roles: list[Role] = []
    fields: list[EditorialField] = []
    workflows: list[Workflow] = []
    sections: list[Section] = []
    subsites: Subsites | None = None
    quotas: list[Quota] = []
    rates: list[Rates] = []
    royalties: Royalties | None = None
    questions: Questions | None = None
    outlets: list[Outlet] = []


# --- the JSON Schema -----------------------------------------------------------------------------


class _TomlSchema(GenerateJsonSchema):
    """TOML has no null (an optional key is left out); the keys' names are their titles."""

    def field_title_should_be_set(self, schema):
        return False

    def nullable_schema(self, schema):
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema):
        json_schema = super().default_schema(schema)
        if json_schema.get("default", "") is None:
            del json_schema["default"]
        return json_schema


def json_schema() -> dict:
    schema = ProfileFile.model_json_schema(schema_generator=_TomlSchema)
    return {"$schema": _TomlSchema.schema_dialect, **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
