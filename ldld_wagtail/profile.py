"""Federation profiles: a federation's structure as a readable TOML file.

A profile names the federation, its working calendar, units, roles (and the groups that hold
them), the fields the secretary routes to, workflows, sections of the page tree, sub-sites,
quotas and royalty rates. `load_profile()` reads and checks one completely before anything is
applied: every problem is reported with the file, the key path, the line and what is wrong.
What each table may hold is declared in `ldld_wagtail.profile_schema` (also published as a JSON
Schema); the checks between tables are here. `ldld_wagtail.setup` applies a checked profile.
"""

import bisect
import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _
from pydantic import ValidationError

from . import profile_schema as schema
from .models import UnitKind
from .profile_schema import EditorialField as Field  # noqa: F401
from .profile_schema import Quota, Role, Section, Step, Unit, Workflow  # noqa: F401 (the parts)

PROFILE_DIR = Path(__file__).parent / "profiles"
SCHEMA_FILE = PROFILE_DIR / "profile.schema.json"


class ProfileError(Exception):
    """A profile that cannot be applied; `problems` lists every (where, what) found."""

    def __init__(self, path, problems):
        self.path = str(path)
        self.problems = problems
        lines = [f"{self.path}: {where}: {what}" for where, what in problems]
        super().__init__("\n".join(lines))


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
    questions: schema.Questions | None = None
    royalties: schema.Royalties | None = None
    outlets: list = field(default_factory=list)

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
    lines = KeyLines(text)
    try:
        file = schema.ProfileFile.model_validate(data)
    except ValidationError as exc:
        problems = [_shape_problem(error) for error in exc.errors()]
        raise ProfileError(path, [lines.where(*p) for p in problems]) from None
    checks = _Checks(path, file)
    profile = checks.run()
    if checks.problems:
        raise ProfileError(path, [lines.where(*p) for p in checks.problems])
    return profile


# --- where a problem is: key path and line -------------------------------------------------------


def key_path(loc) -> str:
    """("units", 3, "kind") as the profile author writes it: units[3].kind."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            part = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
            text += f".{part}" if text else part
    return text or "-"


class KeyLines:
    """The line of every table, key and array element of a TOML text `tomllib` accepted.

    `tomllib` keeps no positions, so the text is walked once more: a key path such as
    ("workflows", 0, "steps", 1, "roles") gets the line its key is on, and a missing key the line
    of the nearest table or key above it.
    """

    SCALAR = re.compile(
        r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)?|[^,\]}\s#]+", re.I
    )
    BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

    def __init__(self, text):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines = {}
        try:
            self._document()
        except (IndexError, ValueError, AttributeError):
            pass  # what was found so far still helps

    def line(self, loc):
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return None

    def where(self, where, loc, what):
        """(where, what) for ProfileError, the line added to `where` when it is known."""
        line = self.line(loc)
        return (f"{where} (line {line})" if line else where, what)

    def _mark(self, path, pos):
        line = bisect.bisect_right(self.starts, pos)
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], line)

    def _blank(self, i, newlines=True):
        text = self.text
        while i < len(text):
            if text[i] in " \t" or (newlines and text[i] in "\r\n"):
                i += 1
            elif newlines and text[i] == "#":
                i = text.find("\n", i)
                i = len(text) if i < 0 else i
            else:
                break
        return i

    def _document(self):
        text, i, table, arrays = self.text, 0, (), {}
        while (i := self._blank(i)) < len(text):
            start = i
            if text[i] == "[":
                double = text.startswith("[[", i)
                keys, i = self._key(i + (2 if double else 1))
                i = text.index("]", i) + (2 if double else 1)
                table = self._resolve(keys[:-1], arrays) + keys[-1:]
                if double:
                    arrays[table] = arrays.get(table, 0) + 1
                    self._mark(table, start)
                    table += (arrays[table] - 1,)
                self._mark(table, start)
            else:
                keys, i = self._key(i)
                self._mark(table + keys, start)
                i = self._value(self._blank(self._blank(i, False) + 1, False), table + keys)

    @staticmethod
    def _resolve(keys, arrays):
        path = ()
        for key in keys:
            path += (key,)
            if path in arrays:
                path += (arrays[path] - 1,)
        return path

    def _key(self, i):
        keys = []
        while True:
            i = self._blank(i, False)
            if self.text[i] in "\"'":
                end = self._string_end(i)
                keys.append(tomllib.loads(f"k = {self.text[i:end]}")["k"])
                i = end
            else:
                match = self.BARE_KEY.match(self.text, i)
                keys.append(match.group())
                i = match.end()
            i = self._blank(i, False)
            if self.text[i] != ".":
                return tuple(keys), i
            i += 1

    def _string_end(self, i):
        text = self.text
        quote = text[i]
        if text.startswith(quote * 3, i):
            j = i + 3
            while not text.startswith(quote * 3, j):
                j += 2 if quote == '"' and text[j] == "\\" else 1
            while text.startswith(quote, j + 3):  # up to two quotes may end the string
                j += 1
            return j + 3
        j = i + 1
        while text[j] != quote:
            j += 2 if quote == '"' and text[j] == "\\" else 1
        return j + 1

    def _value(self, i, path):
        text = self.text
        if text[i] == "[":
            i, n = i + 1, 0
            while text[i := self._blank(i)] != "]":
                if text[i] == ",":
                    i += 1
                    continue
                self._mark(path + (n,), i)
                i = self._value(i, path + (n,))
                n += 1
            return i + 1
        if text[i] == "{":
            i += 1
            while text[i := self._blank(i)] != "}":
                if text[i] == ",":
                    i += 1
                    continue
                start = i
                keys, i = self._key(i)
                self._mark(path + keys, start)
                i = self._value(self._blank(i + 1, False), path + keys)
            return i + 1
        if text[i] in "\"'":
            return self._string_end(i)
        return self.SCALAR.match(text, i).end()


def _shape_problem(error) -> tuple[str, tuple, str]:
    """(where, loc, what) for one of pydantic's errors, in the profile author's words."""
    loc = error["loc"] + error.get("ctx", {}).get("at", ())
    kind = error["type"]
    if kind == "profile":
        what = error["ctx"]["text"]
    elif kind in ("missing", "string_too_short"):
        what = _("is required")
    elif kind == "extra_forbidden":
        what = _("unknown key")
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        what = _("must be a table")
    elif kind == "list_type" and len(loc) == 1:
        what = _("must be a list of tables ([[%s]])") % loc[0]
    elif kind == "list_type":
        what = _("must be a list")
    elif kind == "string_type":
        what = _("must be text")
    elif kind in ("bool_type", "bool_parsing"):
        what = _("must be true or false")
    else:
        what = error["msg"]
    return key_path(loc), loc, what


# --- the checks between tables -------------------------------------------------------------------


class _Checks:
    """Builds the Profile from a file of the right shape, checking what refers to what."""

    def __init__(self, path, file: schema.ProfileFile):
        self.path = path
        self.file = file
        self.problems: list[tuple[str, tuple, str]] = []  # (where, loc, what)

    def problem(self, where, loc, what):
        self.problems.append((where, loc, what))

    def run(self) -> Profile:
        f = self.file
        for name in ("units", "roles", "fields", "workflows", "outlets"):
            self.unique([(f"{name}[{i}]", (name, i), e) for i, e in enumerate(getattr(f, name))])
        self.units, self.roles = {}, {}  # code: (index, unit), code: (loc, role); first one wins
        for i, unit in enumerate(f.units):
            self.units.setdefault(unit.code, (i, unit))
        for i, role in enumerate(f.roles):
            self.roles.setdefault(role.code, (("roles", i), role))
        self.fields = {x.code for x in f.fields}
        self.workflows = {w.code: w for w in f.workflows}
        self.sections = [(f"sections[{i}]", ("sections", i), s) for i, s in enumerate(f.sections)]
        self.subsites()
        self.unique(self.sections)
        self.by_code = {}
        for entry in self.sections:
            self.by_code.setdefault(entry[2].code, entry)
        self.references()
        self.tree()
        self.overlaps()
        self.groups()
        return Profile(
            path=str(self.path),
            code=f.federation.code,
            name=f.federation.name,
            site_name=f.federation.site_name or f.federation.name,
            calendar=_calendar(f.calendar),
            units=f.units,
            roles=[role for _loc, role in self.roles.values()],
            fields=f.fields,
            workflows=f.workflows,
            sections=[section for _where, _loc, section in self.sections],
            quotas=f.quotas,
            rates=[rate for _i, rate in self.rates()],
            questions=f.questions,
            royalties=f.royalties,
            outlets=f.outlets,
        )

    def unique(self, entries):
        seen = set()
        for where, loc, entry in entries:
            if entry.code in seen:
                self.problem(f"{where}.code", (*loc, "code"), _("duplicate code %r") % entry.code)
            seen.add(entry.code)

    def subsites(self):
        """The roles and sections the [subsites] table stands for."""
        s = self.file.subsites
        if s is None:
            return
        # The page types are the site's: named here, or by the LDLD_PAGE_TYPES setting.
        configured = getattr(settings, "LDLD_PAGE_TYPES", {})
        page_types = {"subsite": s.type or "", "unit_intro": s.intro_type or ""}
        for role, key in (("subsite", "type"), ("unit_intro", "intro_type")):
            if not page_types[role] and configured.get(role):
                page_types[role] = configured[role]
                if message := schema.page_type_problem(page_types[role]):
                    self.problem(f"subsites.{key}", ("subsites", key), message)
            if not page_types[role] and (role == "subsite" or s.intro_title):
                self.problem(
                    f"subsites.{key}",
                    ("subsites", key),
                    _("name the page type (or set LDLD_PAGE_TYPES[%r])") % role,
                )
        for k, code in enumerate(s.units):
            loc = ("subsites", "units", k)
            if code not in self.units:
                self.problem("subsites.units", loc, _("unknown unit %r") % code)
                continue
            unit = self.units[code][1]
            if unit.kind not in (UnitKind.DISTRICT, UnitKind.SECTOR):
                self.problem(
                    "subsites.units", loc, _("%r is not a district or sector union") % code
                )
            role = Role.model_construct(
                code=f"bien-tap-{code}",
                group=s.editor_group.format(name=unit.name, code=code),
                unit=code,
                media="add",
            )
            self.roles.setdefault(role.code, (("subsites", "editor_group"), role))
            home = Section.model_construct(
                code=code,
                type=page_types["subsite"],
                title=unit.name,
                slug=code,
                parent=s.parent,
                unit=code,
                publishers=[role.code],
            )
            self.sections.append((f"subsites ({code})", loc, home))
            if s.intro_title:
                intro = Section.model_construct(
                    code=f"{code}-gioi-thieu",
                    type=page_types["unit_intro"],
                    title=s.intro_title,
                    slug=s.intro_slug,
                    parent=code,
                    unit=code,
                )
                self.sections.append((f"subsites ({code}).intro", (*loc, "intro"), intro))

    @staticmethod
    def at(loc, key):
        """The key path of `key` of a section: a sub-site's are in the [subsites] table."""
        if loc[0] != "subsites":
            return (*loc, key)
        intro = loc[-1] == "intro"
        where = {"type": "intro_type" if intro else "type", "parent": None if intro else "parent"}
        return ("subsites", where[key]) if where.get(key) else loc

    def references(self):
        f = self.file
        for i, unit in enumerate(f.units):
            if unit.successor and unit.successor not in self.units:
                self.problem(
                    f"units ({unit.code}).successor",
                    ("units", i, "successor"),
                    _("unknown unit %r") % unit.successor,
                )
        for loc, role in self.roles.values():
            for k, label in enumerate(role.snippets):
                try:
                    apps.get_model(label)
                except (LookupError, ValueError):
                    self.problem(
                        f"roles ({role.code}).snippets",
                        (*loc, "snippets", k),
                        _("unknown model %r (write it as app_label.ModelName)") % label,
                    )
            if role.leads and role.leads not in self.units:
                self.problem(
                    f"roles ({role.code}).leads", (*loc, "leads"), _("unknown unit %r") % role.leads
                )
            if role.stands_in_for and role.stands_in_for not in self.roles:
                self.problem(
                    f"roles ({role.code}).stands_in_for",
                    (*loc, "stands_in_for"),
                    _("unknown role %r: declare it under [[roles]]") % role.stands_in_for,
                )
            if role.unit and role.unit not in self.units:
                self.problem(
                    f"roles ({role.code}).unit", (*loc, "unit"), _("unknown unit %r") % role.unit
                )
        for i, outlet in enumerate(f.outlets):
            for k, role in enumerate(outlet.markers):
                if role not in self.roles:
                    self.problem(
                        f"outlets ({outlet.code}).markers",
                        ("outlets", i, "markers", k),
                        _("unknown role %r: declare it under [[roles]]") % role,
                    )
        if sum(o.national for o in f.outlets) > 1:
            self.problem("outlets", ("outlets",), _("only one outlet may be the national one"))
        for i, x in enumerate(f.fields):
            if x.owner not in self.roles:
                self.problem(
                    f"fields ({x.code}).owner",
                    ("fields", i, "owner"),
                    _("unknown role %r") % x.owner,
                )
        for i, w in enumerate(f.workflows):
            for j, step in enumerate(w.steps):
                loc = ("workflows", i, "steps", j)
                for k, role in enumerate(step.roles):
                    if role not in self.roles:
                        self.problem(
                            f"workflows ({w.code}).steps[{j}].roles",
                            (*loc, "roles", k),
                            _("unknown role %r: declare it under [[roles]]") % role,
                        )
                if step.field and step.field not in self.fields:
                    self.problem(
                        f"workflows ({w.code}).steps[{j}].field",
                        (*loc, "field"),
                        _("unknown field %r") % step.field,
                    )
        for where, loc, s in self.sections:
            for key in ("editors", "writers", "publishers", "take_down"):
                for k, role in enumerate(getattr(s, key)):
                    if role not in self.roles:
                        self.problem(
                            f"{where}.{key}",
                            (*self.at(loc, key), k),
                            _("unknown role %r: declare it under [[roles]]") % role,
                        )
            for key, known, message in (
                ("unit", self.units, _("unknown unit %r")),
                ("field", self.fields, _("unknown field %r")),
                ("workflow", self.workflows, _("unknown workflow %r")),
            ):
                value = getattr(s, key)
                if value and value not in known:
                    self.problem(f"{where}.{key}", self.at(loc, key), message % value)
            if s.workflow and s.publishers:
                self.problem(
                    f"{where}.publishers",
                    self.at(loc, "publishers"),
                    _("a section with a workflow is published by its workflow's last step"),
                )

    def tree(self):
        roots = [s for _where, _loc, s in self.sections if not s.parent]
        if len(roots) != 1:
            self.problem(
                "sections",
                ("sections",),
                _("exactly one section (the home page) must have no parent"),
            )
        for where, loc, s in self.sections:
            if s.parent and s.parent not in self.by_code:
                self.problem(
                    f"{where}.parent", self.at(loc, "parent"), _("unknown section %r") % s.parent
                )
                continue
            if not s.type or schema.page_type_problem(s.type):
                continue  # reported already
            model = s.model
            if not s.parent:
                if not model.can_exist_under(_root_page()):
                    self.problem(
                        f"{where}.type",
                        self.at(loc, "type"),
                        _("%r cannot be the home page") % s.type,
                    )
                continue
            parent = self.by_code[s.parent][2]
            if parent.type and not schema.page_type_problem(parent.type):
                if parent.model not in model.allowed_parent_page_models():
                    self.problem(
                        f"{where}.type",
                        self.at(loc, "type"),
                        _("a %(type)s cannot be placed under %(parent)s (%(ptype)s)")
                        % {"type": s.type, "parent": parent.code, "ptype": parent.type},
                    )
            # Wagtail applies the nearest ancestor's workflow: a subtree cannot opt out of one.
            ancestor, seen = parent, {s.code}
            while ancestor is not None and not s.workflow and ancestor.code not in seen:
                seen.add(ancestor.code)
                if ancestor.workflow:
                    self.problem(
                        f"{where}.workflow",
                        self.at(loc, "workflow"),
                        _("section %(parent)r above it has a workflow; this one must have one too")
                        % {"parent": ancestor.code},
                    )
                    break
                above = self.by_code.get(ancestor.parent)
                ancestor = above[2] if above and ancestor.parent else None

    def rates(self):
        """(index in the file, Rate) for each kind each [[rates]] table names."""
        for i, r in enumerate(self.file.rates):
            for kind in r.kinds if r.kinds is not None else [r.kind]:
                rate = Rate(kind, r.decision, r.valid_from, r.valid_until, r.amount)
                yield i, rate

    def overlaps(self):
        def overlaps(a, b):
            a_end = a.valid_until or datetime.date.max
            b_end = b.valid_until or datetime.date.max
            return a.valid_from <= b_end and b.valid_from <= a_end

        quotas = list(enumerate(self.file.quotas))
        for n, (i, a) in enumerate(quotas):
            for j, b in quotas[n + 1 :]:
                common = set(a.unit_kinds) & set(b.unit_kinds)
                if common and overlaps(a, b):
                    self.problem(
                        f"quotas[{j}]",
                        ("quotas", j),
                        _("validity overlaps %(other)s for %(kinds)s")
                        % {"other": f"quotas[{i}]", "kinds": ", ".join(sorted(common))},
                    )
        rates = list(self.rates())
        for n, (i, a) in enumerate(rates):
            for j, b in rates[n + 1 :]:
                if a.kind == b.kind and overlaps(a, b):
                    self.problem(
                        f"rates[{j}]",
                        ("rates", j),
                        _("validity overlaps %(other)s for %(kind)s")
                        % {"other": f"rates[{i}]", "kind": a.kind},
                    )

    def groups(self):
        holders = {}
        for loc, role in self.roles.values():
            if role.group in holders:
                self.problem(
                    f"roles ({role.code}).group",
                    (*loc, "group") if loc[0] == "roles" else loc,
                    _("group %(group)r is already held by role %(other)r")
                    % {"group": role.group, "other": holders[role.group]},
                )
            holders[role.group] = role.code


def _calendar(cal: schema.Calendar) -> Calendar:
    def minutes(clock):
        hours, mins = clock.split(":")
        return int(hours) * 60 + int(mins)

    day = datetime.timedelta(minutes=sum(minutes(e) - minutes(s) for s, e in cal.office_hours))

    def duration(value):
        if value == "half_day":
            return day / 2
        hours, mins = value.split(":")
        return datetime.timedelta(hours=int(hours), minutes=int(mins))

    return Calendar(
        office_hours=list(cal.office_hours),
        workdays=list(cal.workdays),
        holidays=sorted({day for days in cal.holidays.values() for day in days}),
        publish_within=duration(cal.publish_within),
        remind_before=duration(cal.remind_before),
        timezone=cal.timezone,
    )


def _root_page():
    from wagtail.models import Page

    class _Root:
        """Stands for Wagtail's root page in `can_exist_under` without a query."""

        specific_class = Page

    return _Root()
