"""Federation profiles: a federation's structure as a readable TOML file.

A profile names the federation, its working calendar, units, roles (and the groups that hold
them), the fields the secretary routes to, workflows, sections of the page tree, sub-sites,
quotas and royalty rates. `load_profile()` reads and checks one completely before anything is
applied: every problem is reported with the file, the key (and the line when it can be found)
and what is wrong. `ldld_wagtail.setup` applies a checked profile.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _

PROFILE_DIR = Path(__file__).parent / "profiles"

UNIT_KINDS = {"department", "office", "committee", "district", "sector", "affiliate"}
STEP_KINDS = {"route", "approve", "publish"}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RATE_KINDS = {"tin", "bai", "anh", "video"}
PERIODS = {"month", "quarter", "year"}


class ProfileError(Exception):
    """A profile that cannot be applied; `problems` lists every (where, what) found."""

    def __init__(self, path, problems):
        self.path = str(path)
        self.problems = problems
        lines = [f"{self.path}: {where}: {what}" for where, what in problems]
        super().__init__("\n".join(lines))


@dataclass
class Unit:
    code: str
    name: str
    kind: str
    short_name: str = ""
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    successor: str = ""
    former_names: list = dc_field(default_factory=list)  # [(name, until)]


@dataclass
class Role:
    code: str
    group: str
    unit: str = ""
    take_down: bool = False
    accounts: bool = False
    media: str = ""  # "", "add" or "change"


@dataclass
class Field:
    code: str
    name: str
    owner: str  # role code


@dataclass
class Step:
    kind: str
    name: str
    roles: list
    field: str = ""
    routed_field: bool = False
    four_eyes: bool = True


@dataclass
class Workflow:
    code: str
    name: str
    steps: list


@dataclass
class Section:
    code: str
    type: str  # "app_label.ModelName"
    title: str
    slug: str
    parent: str = ""  # section code; empty for the home page
    unit: str = ""
    field: str = ""
    workflow: str = ""
    editors: list = dc_field(default_factory=list)
    publishers: list = dc_field(default_factory=list)
    take_down: list = dc_field(default_factory=list)

    @property
    def model(self):
        return apps.get_model(self.type)


@dataclass
class Quota:
    unit_kinds: list
    period: str
    news: int
    articles: int
    valid_from: datetime.date
    valid_until: datetime.date | None = None


@dataclass
class Rate:
    kind: str
    decision: str
    valid_from: datetime.date
    valid_until: datetime.date | None = None
    amount: int | None = None


@dataclass
class Calendar:
    office_hours: list
    workdays: list
    holidays: list
    publish_within: datetime.timedelta
    remind_before: datetime.timedelta
    timezone: str = "Asia/Ho_Chi_Minh"


@dataclass
class Profile:
    path: str
    code: str
    name: str
    site_name: str
    calendar: Calendar
    units: list
    roles: list
    fields: list
    workflows: list
    sections: list
    quotas: list
    rates: list

    def role(self, code) -> Role:
        return next(r for r in self.roles if r.code == code)


def resolve(name_or_path: str) -> Path:
    """A profile name shipped with the plugin (`lao-cai`) or a path to a TOML file."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        return path
    return PROFILE_DIR / f"{name_or_path}.toml"


def available() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def load_profile(name_or_path: str) -> Profile:
    path = resolve(name_or_path)
    if not path.exists():
        raise ProfileError(
            path,
            [("-", _("no such profile (shipped profiles: %s)") % ", ".join(available()))],
        )
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, [("-", _("not valid TOML: %s") % exc)]) from None
    reader = _Reader(path, text)
    profile = reader.read(data)
    if reader.problems:
        raise ProfileError(path, reader.problems)
    return profile


class _Reader:
    """Reads the TOML data into a Profile, collecting every problem instead of stopping."""

    def __init__(self, path, text):
        self.path = path
        self.text = text
        self.problems: list[tuple[str, str]] = []

    # --- helpers ------------------------------------------------------------------------------

    def problem(self, where, what, code=None):
        line = self._line_of(code) if code else None
        self.problems.append((f"{where} (line {line})" if line else where, what))

    def _line_of(self, code):
        match = re.search(rf'^\s*code\s*=\s*"{re.escape(code)}"', self.text, re.MULTILINE)
        return self.text.count("\n", 0, match.start()) + 1 if match else None

    def table(self, data, key, where, allowed, required=()):
        value = data.get(key, {}) if key else data
        if not isinstance(value, dict):
            self.problem(where, _("must be a table"))
            return {}
        for name in value:
            if name not in allowed:
                self.problem(f"{where}.{name}", _("unknown key"))
        for name in required:
            if name not in value or value[name] in ("", None):
                self.problem(f"{where}.{name}", _("is required"))
        return value

    def items(self, data, key):
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem(key, _("must be a list of tables ([[%s]])") % key)
            return []
        return value

    def date(self, value, where, code=None):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.problem(where, _("not a date (YYYY-MM-DD): %r") % value, code)
            return None

    def duration(self, value, where, day):
        if value == "half_day":
            return day / 2
        try:
            hours, minutes = str(value).split(":")
            return datetime.timedelta(hours=int(hours), minutes=int(minutes))
        except ValueError:
            self.problem(where, _('not a duration ("half_day" or "HH:MM"): %r') % value)
            return datetime.timedelta()

    def strings(self, value, where, code=None):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(where, _("must be a list of strings"), code)
            return []
        return value

    def unique(self, things, where):
        seen = set()
        for i, thing in enumerate(things):
            if thing.code in seen:
                self.problem(f"{where}[{i}].code", _("duplicate code %r") % thing.code, thing.code)
            seen.add(thing.code)
        return {t.code: t for t in things}

    # --- the profile --------------------------------------------------------------------------

    def read(self, data) -> Profile:
        self.table(
            data,
            None,
            "profile",
            {
                "federation",
                "calendar",
                "units",
                "roles",
                "fields",
                "workflows",
                "sections",
                "subsites",
                "quotas",
                "rates",
            },
        )
        fed = self.table(
            data, "federation", "federation", {"code", "name", "site_name"}, ("code", "name")
        )
        calendar = self.read_calendar(data)
        units = self.unique(
            [self.read_unit(i, u) for i, u in enumerate(self.items(data, "units"))], "units"
        )
        roles = self.unique(
            [self.read_role(i, r) for i, r in enumerate(self.items(data, "roles"))], "roles"
        )
        fields_ = self.unique(
            [self.read_field(i, f) for i, f in enumerate(self.items(data, "fields"))], "fields"
        )
        workflows = self.unique(
            [self.read_workflow(i, w) for i, w in enumerate(self.items(data, "workflows"))],
            "workflows",
        )
        sections = [self.read_section(i, s) for i, s in enumerate(self.items(data, "sections"))]
        if "subsites" in data:
            extra_roles, extra_sections = self.read_subsites(data["subsites"], units)
            for role in extra_roles:
                roles.setdefault(role.code, role)
            sections += extra_sections
        sections_by_code = self.unique(sections, "sections")
        quotas = [self.read_quota(i, q) for i, q in enumerate(self.items(data, "quotas"))]
        rates = [
            rate for i, r in enumerate(self.items(data, "rates")) for rate in self.read_rates(i, r)
        ]
        self.check_references(units, roles, fields_, workflows, sections_by_code)
        self.check_tree(sections, sections_by_code, workflows)
        self.check_overlaps(quotas, rates)
        groups = {}
        for role in roles.values():
            if role.group in groups:
                self.problem(
                    f"roles ({role.code}).group",
                    _("group %(group)r is already held by role %(other)r")
                    % {"group": role.group, "other": groups[role.group]},
                    role.code,
                )
            groups[role.group] = role.code
        return Profile(
            path=str(self.path),
            code=str(fed.get("code", "")),
            name=str(fed.get("name", "")),
            site_name=str(fed.get("site_name", fed.get("name", ""))),
            calendar=calendar,
            units=list(units.values()),
            roles=list(roles.values()),
            fields=list(fields_.values()),
            workflows=list(workflows.values()),
            sections=sections,
            quotas=quotas,
            rates=rates,
        )

    def read_calendar(self, data):
        cal = self.table(
            data,
            "calendar",
            "calendar",
            {"timezone", "office_hours", "workdays", "holidays", "publish_within", "remind_before"},
            ("office_hours", "workdays"),
        )
        hours = []
        for i, period in enumerate(cal.get("office_hours", [])):
            where = f"calendar.office_hours[{i}]"
            try:
                start, end = (datetime.time.fromisoformat(t) for t in period)
            except (TypeError, ValueError):
                self.problem(where, _('must be ["HH:MM", "HH:MM"]'))
                continue
            if end <= start or (hours and start < hours[-1][1]):
                self.problem(where, _("periods must be in order and not overlap"))
                continue
            hours.append((start, end))
        workdays = self.strings(cal.get("workdays", []), "calendar.workdays")
        for day in workdays:
            if day not in WEEKDAYS:
                self.problem("calendar.workdays", _("unknown weekday %r") % day)
        holidays = []
        table = cal.get("holidays", {})
        for year, days in table.items() if isinstance(table, dict) else []:
            for j, value in enumerate(self.strings(days, f"calendar.holidays.{year}")):
                day = self.date(value, f"calendar.holidays.{year}[{j}]")
                if day is None:
                    continue
                if str(day.year) != str(year):
                    self.problem(
                        f"calendar.holidays.{year}[{j}]",
                        _("%(day)s is not in %(year)s") % {"day": day, "year": year},
                    )
                holidays.append(day)
        day = sum(
            (
                datetime.datetime.combine(datetime.date.min, e)
                - datetime.datetime.combine(datetime.date.min, s)
                for s, e in hours
            ),
            datetime.timedelta(),
        )
        return Calendar(
            office_hours=[(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in hours],
            workdays=[d for d in workdays if d in WEEKDAYS],
            holidays=sorted(set(holidays)),
            publish_within=self.duration(
                cal.get("publish_within", "half_day"), "calendar.publish_within", day
            ),
            remind_before=self.duration(
                cal.get("remind_before", "01:00"), "calendar.remind_before", day
            ),
            timezone=str(cal.get("timezone", "Asia/Ho_Chi_Minh")),
        )

    def read_unit(self, i, u):
        where = f"units[{i}]"
        code = u.get("code") if isinstance(u, dict) else None
        u = self.table(
            u,
            None,
            where,
            {
                "code",
                "name",
                "short_name",
                "kind",
                "valid_from",
                "valid_until",
                "successor",
                "former_names",
            },
            ("code", "name", "kind"),
        )
        if u.get("kind") and u["kind"] not in UNIT_KINDS:
            self.problem(
                f"{where}.kind",
                _("unknown unit kind %(kind)r (one of %(kinds)s)")
                % {"kind": u["kind"], "kinds": ", ".join(sorted(UNIT_KINDS))},
                code,
            )
        unit = Unit(
            code=str(u.get("code", "")),
            name=str(u.get("name", "")),
            kind=str(u.get("kind", "")),
            short_name=str(u.get("short_name", "")),
            valid_from=self.date(u.get("valid_from"), f"{where}.valid_from", code),
            valid_until=self.date(u.get("valid_until"), f"{where}.valid_until", code),
            successor=str(u.get("successor", "")),
        )
        if unit.valid_from and unit.valid_until and unit.valid_until < unit.valid_from:
            self.problem(f"{where}.valid_until", _("ends before it starts"), code)
        for j, former in enumerate(u.get("former_names", [])):
            fwhere = f"{where}.former_names[{j}]"
            if not isinstance(former, dict) or set(former) != {"name", "until"}:
                self.problem(fwhere, _('must be { name = "…", until = "YYYY-MM-DD" }'), code)
                continue
            until = self.date(former["until"], f"{fwhere}.until", code)
            if until:
                unit.former_names.append((str(former["name"]), until))
        return unit

    def read_role(self, i, r):
        where = f"roles[{i}]"
        code = r.get("code") if isinstance(r, dict) else None
        r = self.table(
            r,
            None,
            where,
            {"code", "group", "unit", "take_down", "accounts", "media"},
            ("code", "group"),
        )
        if r.get("media", "") not in ("", "add", "change"):
            self.problem(f"{where}.media", _('must be "add" or "change"'), code)
        return Role(
            code=str(r.get("code", "")),
            group=str(r.get("group", "")),
            unit=str(r.get("unit", "")),
            take_down=bool(r.get("take_down", False)),
            accounts=bool(r.get("accounts", False)),
            media=str(r.get("media", "")),
        )

    def read_field(self, i, f):
        f = self.table(
            f, None, f"fields[{i}]", {"code", "name", "owner"}, ("code", "name", "owner")
        )
        return Field(
            code=str(f.get("code", "")), name=str(f.get("name", "")), owner=str(f.get("owner", ""))
        )

    def read_workflow(self, i, w):
        where = f"workflows[{i}]"
        code = w.get("code") if isinstance(w, dict) else None
        w = self.table(w, None, where, {"code", "name", "steps"}, ("code", "name", "steps"))
        steps = []
        for j, s in enumerate(w.get("steps", []) or []):
            swhere = f"{where}.steps[{j}]"
            s = self.table(
                s,
                None,
                swhere,
                {"kind", "name", "roles", "field", "routed_field", "four_eyes"},
                ("kind", "name"),
            )
            if s.get("kind") and s["kind"] not in STEP_KINDS:
                self.problem(
                    f"{swhere}.kind",
                    _("unknown step kind %(kind)r (one of %(kinds)s)")
                    % {"kind": s["kind"], "kinds": ", ".join(sorted(STEP_KINDS))},
                    code,
                )
            steps.append(
                Step(
                    kind=str(s.get("kind", "")),
                    name=str(s.get("name", "")),
                    roles=self.strings(s.get("roles", []), f"{swhere}.roles", code),
                    field=str(s.get("field", "")),
                    routed_field=bool(s.get("routed_field", False)),
                    four_eyes=bool(s.get("four_eyes", True)),
                )
            )
            if not steps[-1].roles and not steps[-1].field and not steps[-1].routed_field:
                self.problem(swhere, _("nobody acts at this step: give roles or a field"), code)
        kinds = [s.kind for s in steps]
        if "route" in kinds and not any(s.routed_field for s in steps):
            self.problem(where, _("a route step needs a later step with routed_field = true"), code)
        if any(s.routed_field for s in steps) and "route" not in kinds[:1]:
            self.problem(where, _("routed_field needs a route step first"), code)
        return Workflow(code=str(w.get("code", "")), name=str(w.get("name", "")), steps=steps)

    def read_section(self, i, s):
        where = f"sections[{i}]"
        code = s.get("code") if isinstance(s, dict) else None
        s = self.table(
            s,
            None,
            where,
            {
                "code",
                "type",
                "title",
                "slug",
                "parent",
                "unit",
                "field",
                "workflow",
                "editors",
                "publishers",
                "take_down",
            },
            ("code", "type", "title"),
        )
        section = Section(
            code=str(s.get("code", "")),
            type=str(s.get("type", "")),
            title=str(s.get("title", "")),
            slug=str(s.get("slug", s.get("code", ""))),
            parent=str(s.get("parent", "")),
            unit=str(s.get("unit", "")),
            field=str(s.get("field", "")),
            workflow=str(s.get("workflow", "")),
            editors=self.strings(s.get("editors", []), f"{where}.editors", code),
            publishers=self.strings(s.get("publishers", []), f"{where}.publishers", code),
            take_down=self.strings(s.get("take_down", []), f"{where}.take_down", code),
        )
        section.where = where
        self.check_type(section)
        return section

    def check_type(self, section):
        from wagtail.models import Page

        try:
            model = apps.get_model(section.type)
        except (LookupError, ValueError):
            self.problem(
                f"{section.where}.type",
                _("unknown page type %r (write it as app_label.ModelName)") % section.type,
                section.code,
            )
            section.type = ""
            return
        if not issubclass(model, Page) or model is Page:
            self.problem(
                f"{section.where}.type", _("%r is not a page type") % section.type, section.code
            )
            section.type = ""

    def read_subsites(self, s, units):
        s = self.table(
            s,
            None,
            "subsites",
            {"parent", "units", "editor_group", "intro_title", "intro_slug", "type", "intro_type"},
            ("parent", "units", "editor_group"),
        )
        # The page types are the site's: named here, or by the LDLD_PAGE_TYPES setting.
        configured = getattr(settings, "LDLD_PAGE_TYPES", {})
        page_types = {
            "subsite": str(s.get("type") or configured.get("subsite", "")),
            "unit_intro": str(s.get("intro_type") or configured.get("unit_intro", "")),
        }
        for role, key in (("subsite", "type"), ("unit_intro", "intro_type")):
            if not page_types[role] and (role == "subsite" or s.get("intro_title")):
                self.problem(
                    f"subsites.{key}",
                    _("name the page type (or set LDLD_PAGE_TYPES[%r])") % role,
                )
        roles, sections = [], []
        for code in self.strings(s.get("units", []), "subsites.units"):
            unit = units.get(code)
            if unit is None:
                self.problem("subsites.units", _("unknown unit %r") % code)
                continue
            if unit.kind not in ("district", "sector"):
                self.problem("subsites.units", _("%r is not a district or sector union") % code)
            role = Role(
                code=f"bien-tap-{code}",
                group=str(s.get("editor_group", "")).format(name=unit.name, code=code),
                unit=code,
                media="add",
            )
            roles.append(role)
            home = Section(
                code=code,
                type=page_types["subsite"],
                title=unit.name,
                slug=code,
                parent=str(s.get("parent", "")),
                unit=code,
                publishers=[role.code],
            )
            home.where = f"subsites ({code})"
            sections.append(home)
            if s.get("intro_title"):
                intro = Section(
                    code=f"{code}-gioi-thieu",
                    type=page_types["unit_intro"],
                    title=str(s["intro_title"]),
                    slug=str(s.get("intro_slug", "gioi-thieu")),
                    parent=code,
                    unit=code,
                )
                intro.where = f"subsites ({code}).intro"
                sections.append(intro)
        return roles, sections

    def read_quota(self, i, q):
        where = f"quotas[{i}]"
        q = self.table(
            q,
            None,
            where,
            {"unit_kinds", "period", "news", "articles", "valid_from", "valid_until"},
            ("unit_kinds", "period", "valid_from"),
        )
        kinds = self.strings(q.get("unit_kinds", []), f"{where}.unit_kinds")
        for kind in kinds:
            if kind not in UNIT_KINDS:
                self.problem(f"{where}.unit_kinds", _("unknown unit kind %r") % kind)
        if q.get("period") and q["period"] not in PERIODS:
            self.problem(f"{where}.period", _("must be month, quarter or year"))
        for key in ("news", "articles"):
            if not isinstance(q.get(key, 0), int) or q.get(key, 0) < 0:
                self.problem(f"{where}.{key}", _("must be a whole number"))
        quota = Quota(
            unit_kinds=kinds,
            period=str(q.get("period", "")),
            news=int(q.get("news", 0)) if isinstance(q.get("news", 0), int) else 0,
            articles=int(q.get("articles", 0)) if isinstance(q.get("articles", 0), int) else 0,
            valid_from=self.date(q.get("valid_from"), f"{where}.valid_from"),
            valid_until=self.date(q.get("valid_until"), f"{where}.valid_until"),
        )
        quota.where = where
        return quota

    def read_rates(self, i, r):
        where = f"rates[{i}]"
        r = self.table(
            r,
            None,
            where,
            {"kind", "kinds", "amount", "decision", "valid_from", "valid_until"},
            ("decision", "valid_from"),
        )
        kinds = self.strings(r.get("kinds", [r.get("kind", "")]), f"{where}.kinds")
        amount = r.get("amount")
        if amount is not None and (not isinstance(amount, int) or amount < 0):
            self.problem(f"{where}.amount", _("must be a whole number of đồng"))
            amount = None
        rates = []
        for kind in kinds:
            if kind not in RATE_KINDS:
                self.problem(f"{where}.kinds", _("unknown item kind %r") % kind)
                continue
            rate = Rate(
                kind=kind,
                decision=str(r.get("decision", "")),
                valid_from=self.date(r.get("valid_from"), f"{where}.valid_from"),
                valid_until=self.date(r.get("valid_until"), f"{where}.valid_until"),
                amount=amount,
            )
            rate.where = where
            rates.append(rate)
        return rates

    # --- cross-checks -------------------------------------------------------------------------

    def check_references(self, units, roles, fields_, workflows, sections):
        for unit in units.values():
            if unit.successor and unit.successor not in units:
                self.problem(
                    f"units ({unit.code}).successor",
                    _("unknown unit %r") % unit.successor,
                    unit.code,
                )
        for role in roles.values():
            if role.unit and role.unit not in units:
                self.problem(
                    f"roles ({role.code}).unit", _("unknown unit %r") % role.unit, role.code
                )
        for f in fields_.values():
            if f.owner not in roles:
                self.problem(f"fields ({f.code}).owner", _("unknown role %r") % f.owner, f.code)
        for w in workflows.values():
            for j, step in enumerate(w.steps):
                for role in step.roles:
                    if role not in roles:
                        self.problem(
                            f"workflows ({w.code}).steps[{j}].roles",
                            _("unknown role %r: declare it under [[roles]]") % role,
                            w.code,
                        )
                if step.field and step.field not in fields_:
                    self.problem(
                        f"workflows ({w.code}).steps[{j}].field",
                        _("unknown field %r") % step.field,
                        w.code,
                    )
        for s in sections.values():
            for key in ("editors", "publishers", "take_down"):
                for role in getattr(s, key):
                    if role not in roles:
                        self.problem(
                            f"{s.where}.{key}",
                            _("unknown role %r: declare it under [[roles]]") % role,
                            s.code,
                        )
            if s.unit and s.unit not in units:
                self.problem(f"{s.where}.unit", _("unknown unit %r") % s.unit, s.code)
            if s.field and s.field not in fields_:
                self.problem(f"{s.where}.field", _("unknown field %r") % s.field, s.code)
            if s.workflow and s.workflow not in workflows:
                self.problem(f"{s.where}.workflow", _("unknown workflow %r") % s.workflow, s.code)
            if s.workflow and s.publishers:
                self.problem(
                    f"{s.where}.publishers",
                    _("a section with a workflow is published by its workflow's last step"),
                    s.code,
                )

    def check_tree(self, sections, by_code, workflows):
        roots = [s for s in sections if not s.parent]
        if len(roots) != 1:
            self.problem("sections", _("exactly one section (the home page) must have no parent"))
        for s in sections:
            if s.parent and s.parent not in by_code:
                self.problem(f"{s.where}.parent", _("unknown section %r") % s.parent, s.code)
                continue
            if not s.type:
                continue
            model = s.model
            if not s.parent:
                if not model.can_exist_under(_root_page()):
                    self.problem(
                        f"{s.where}.type", _("%r cannot be the home page") % s.type, s.code
                    )
                continue
            parent = by_code[s.parent]
            if parent.type and parent.model not in model.allowed_parent_page_models():
                self.problem(
                    f"{s.where}.type",
                    _("a %(type)s cannot be placed under %(parent)s (%(ptype)s)")
                    % {"type": s.type, "parent": parent.code, "ptype": parent.type},
                    s.code,
                )
            # Wagtail applies the nearest ancestor's workflow: a subtree cannot opt out of one.
            ancestor = parent
            while ancestor is not None and not s.workflow:
                if ancestor.workflow:
                    self.problem(
                        f"{s.where}.workflow",
                        _("section %(parent)r above it has a workflow; this one must have one too")
                        % {"parent": ancestor.code},
                        s.code,
                    )
                    break
                ancestor = by_code.get(ancestor.parent)

    def check_overlaps(self, quotas, rates):
        def overlaps(a, b):
            a_end = a.valid_until or datetime.date.max
            b_end = b.valid_until or datetime.date.max
            return a.valid_from and b.valid_from and a.valid_from <= b_end and b.valid_from <= a_end

        for i, a in enumerate(quotas):
            for b in quotas[i + 1 :]:
                common = set(a.unit_kinds) & set(b.unit_kinds)
                if common and overlaps(a, b):
                    self.problem(
                        b.where,
                        _("validity overlaps %(other)s for %(kinds)s")
                        % {"other": a.where, "kinds": ", ".join(sorted(common))},
                    )
        for i, a in enumerate(rates):
            for b in rates[i + 1 :]:
                if a.kind == b.kind and overlaps(a, b):
                    self.problem(
                        b.where,
                        _("validity overlaps %(other)s for %(kind)s")
                        % {"other": a.where, "kind": a.kind},
                    )


def _root_page():
    from wagtail.models import Page

    class _Root:
        """Stands for Wagtail's root page in `can_exist_under` without a query."""

        specific_class = Page

    return _Root()
