"""Reading the office's weekly work schedule (*Lịch công tác tuần*) from its Word or Excel file.

Pure functions: bytes in, rows and problems out, no database. `read_schedule()` finds the first
table (Word) or worksheet (Excel) with a recognisable header row, whatever sits above it (the
federation's letterhead, a title block, another table), and reads its rows as the office writes
them:

- columns are recognised by their header text, with or without accents, in any order: day
  (*Thứ, ngày*, *Ngày*), time or part of day (*Thời gian*, *Giờ*, *Buổi*), content
  (*Nội dung*), leader in charge (*Lãnh đạo chủ trì*, *Chủ trì*), participants (*Thành phần*),
  place (*Địa điểm*); a header row repeated lower down is skipped;
- a day cell merged down over the day's rows (Word's `vMerge`, Excel's merged ranges), a day
  written once and left empty below, or repeated on every row, all give the same day;
- a *Sáng* / *Chiều* / *Tối* / *Cả ngày* row (or cell) sets the part of day of the rows under
  it, until the next day;
- a weekday (*Thứ Hai*, *Thứ 2*, *T2*, *Chủ nhật*, *CN*) with or without its date (*23/11*,
  *23/11/2026*); a weekday without a date takes its date from the week's Monday; a date that
  contradicts its weekday, or lies outside the week, makes a problem row;
- times as offices write them (*7h30*, *7 giờ 30*, *8 giờ*, *14h*, *14:00*, *8h00'*), local
  times in Asia/Ho_Chi_Minh; no time at all is fine (the part of day, or the whole day).

A PDF is accepted as the week's attachment only: no rows are read from it. Anything else, a
damaged or renamed file, a file without a table or without a recognisable header, raises
`UnreadableFile` with a message for the clerk.
"""

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ldld_wagtail.text import fold

MORNING, AFTERNOON, EVENING, ALL_DAY = "morning", "afternoon", "evening", "all_day"
PARTS = (MORNING, AFTERNOON, EVENING, ALL_DAY)

DOCX, XLSX, PDF = "docx", "xlsx", "pdf"
EXTENSIONS = {".docx": DOCX, ".xlsx": XLSX, ".pdf": PDF}
MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 1000
MAX_COLUMNS = 40
HEADER_SEARCH_ROWS = 40

# The lengths of ScheduleEntry's text fields (a test keeps them equal to the model's).
LIMITS = {"leader": 200, "participants": 255, "location": 200}

WEEKDAYS = [
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
]


class UnreadableFile(Exception):
    """The file cannot be read as a schedule; `str()` is the message for the clerk."""


@dataclass(frozen=True)
class Row:
    """One entry of the schedule, as read from the file's row `number`."""

    number: int
    day: datetime.date
    time: datetime.time | None
    part: str | None  # MORNING, AFTERNOON, EVENING, ALL_DAY or None
    content: str
    leader: str = ""
    participants: str = ""
    location: str = ""


@dataclass(frozen=True)
class Problem:
    """Row `number` of the file and what is wrong with it: the row is left out (`skipped`), or
    read with the warning."""

    number: int
    reason: str
    skipped: bool = True


@dataclass
class Schedule:
    kind: str  # DOCX, XLSX or PDF
    monday: datetime.date
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    where: str = ""  # which table or worksheet was read, for the clerk


# --- the file ---


def file_kind(data: bytes, filename: str) -> str:
    """DOCX, XLSX or PDF, from both the name and the content; UnreadableFile otherwise."""
    extension = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    if not data:
        raise UnreadableFile(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            _("The file is too large (at most %(size)d MB).") % {"size": MAX_BYTES // 2**20}
        )
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or extension in (".doc", ".xls"):
        raise UnreadableFile(
            _(
                "This is an old Word or Excel file (.doc, .xls). Open it and save it as "
                ".docx or .xlsx, then upload it again."
            )
        )
    if extension not in EXTENSIONS:
        raise UnreadableFile(_("Only Word (.docx), Excel (.xlsx) or PDF files are accepted."))
    kind = EXTENSIONS[extension]
    actual = _content_kind(data)
    if actual != kind:
        raise UnreadableFile(_not_a(kind, filename, actual))
    from ldld_wagtail import uploads  # needs the models, which import this module

    try:  # what every uploaded document passes: no macros, programs or hidden archives
        uploads.check_document(io.BytesIO(data), filename)
    except ValidationError as error:
        raise UnreadableFile(" ".join(error.messages)) from None
    return kind


def _content_kind(data: bytes) -> str | None:
    if data[:5] == b"%PDF-":
        return PDF
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _not_a(kind: str, filename: str, actual: str | None = None) -> str:
    what = {DOCX: _("a Word file (.docx)"), XLSX: _("an Excel file (.xlsx)"), PDF: _("a PDF file")}
    message = _(
        "“%(name)s” cannot be read as %(kind)s: the file may be damaged, or only renamed."
    ) % {"name": filename, "kind": what[kind]}
    if actual:
        message += " " + _("Its content is %(actual)s.") % {"actual": what[actual]}
    return message


def read_schedule(data: bytes, filename: str, monday: datetime.date) -> Schedule:
    """The rows and problems of the schedule in `data` for the week starting on `monday`."""
    if monday.weekday() != 0:
        raise ValueError("monday must be a Monday")
    kind = file_kind(data, filename)
    if kind == PDF:
        _pdf_text(data, filename)  # refuses a damaged PDF
        return Schedule(kind=PDF, monday=monday)
    tables = _docx_tables(data, filename) if kind == DOCX else _xlsx_tables(data, filename)
    if not tables:
        raise UnreadableFile(_("The file has no table."))
    for label, grid, _before in tables:
        found = _find_header(grid)
        if found is None:
            continue
        start, columns = found
        schedule = Schedule(kind=kind, monday=monday, where=label)
        _read_rows(grid, start, columns, schedule)
        return schedule
    raise UnreadableFile(
        _(
            "No header row found: the schedule table needs a “Nội dung” column and a "
            "“Thứ, ngày” or “Thời gian” column."
        )
    )


def guess_monday(data: bytes, filename: str) -> datetime.date | None:
    """The Monday of the week the file is about: from its title (*từ ngày 23/11 đến ngày
    29/11/2026*), else from the dates in its day column, else from *tuần 48/2026*; None if
    it names none."""
    kind = file_kind(data, filename)
    if kind == PDF:
        text = _pdf_text(data, filename)
        return _monday_in_span(text) or _monday_of_week_number(text)
    tables = _docx_tables(data, filename) if kind == DOCX else _xlsx_tables(data, filename)
    for _label, grid, before in tables:
        found = _find_header(grid)
        if found is None:
            continue
        start, columns = found
        title = before + "\n" + _grid_text(grid[:start])
        monday = _monday_in_span(title)
        if monday:
            return monday
        year = _year_in(title + "\n" + _grid_text(grid))
        mondays: dict[datetime.date, int] = {}
        for row in grid[start + 1 :]:
            for index in columns.get("day", []) + columns.get("daytime", []):
                day = _date_in(row[index], year)
                if day is not None:
                    monday = day - datetime.timedelta(days=day.weekday())
                    mondays[monday] = mondays.get(monday, 0) + 1
        if mondays:
            return max(mondays, key=lambda m: (mondays[m], -m.toordinal()))
        return _monday_of_week_number(title)
    return None


def _grid_text(rows) -> str:
    return "\n".join(cell.text for row in rows for cell in row if cell.text)


# --- Word and Excel as grids of cells ---


@dataclass(frozen=True)
class Cell:
    text: str
    value: object = None  # Excel's own value (a date, a time, a number) when there is one
    origin: tuple = ()  # (row, column) of the merged cell it belongs to, or of itself


def _docx_tables(data: bytes, filename: str) -> list:
    """(label, grid, the paragraphs above it) of each table of the document's body."""
    import docx
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as error:  # python-docx raises many kinds for a damaged package
        raise UnreadableFile(_not_a(DOCX, filename)) from error
    found, before = [], []
    for block in blocks:
        if isinstance(block, Paragraph):
            before.append(block.text)
            continue
        if not isinstance(block, Table):
            continue
        table = block
        grid: list[list[Cell]] = []
        for r, tr in enumerate(table._tbl.tr_lst[:MAX_ROWS]):
            row: list[Cell] = [Cell("", origin=(r, c)) for c in range(tr.grid_before)]
            for tc in tr.tc_lst:
                column = len(row)
                above = grid[r - 1][column] if r and column < len(grid[r - 1]) else None
                if tc.vMerge == "continue":
                    # The cell continues the one above it (python-docx gives its text through
                    # `row.cells`; the XML holds an empty cell).
                    cell = above or Cell("", origin=(r, column))
                else:
                    cell = Cell(_clean(_Cell(tc, table).text), origin=(r, column))
                row.extend([cell] * max(1, tc.grid_span))
            grid.append(row[:MAX_COLUMNS])
        width = max((len(row) for row in grid), default=0)
        grid = [
            row + [Cell("", origin=(r, c)) for c in range(len(row), width)]
            for r, row in enumerate(grid)
        ]
        label = _("table %(number)d of the document") % {"number": len(found) + 1}
        found.append((label, grid, "\n".join(before)))
    return found


def _xlsx_tables(data: bytes, filename: str) -> list:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged package
        raise UnreadableFile(_not_a(XLSX, filename)) from error
    found = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        rows = min(sheet.max_row or 0, MAX_ROWS)
        columns = min(sheet.max_column or 0, MAX_COLUMNS)
        if not rows or not columns:
            continue
        grid = [
            [Cell(_excel_text(value), value, (r, c)) for c, value in enumerate(values)]
            for r, values in enumerate(
                sheet.iter_rows(max_row=rows, max_col=columns, values_only=True)
            )
        ]
        for merged in sheet.merged_cells.ranges:
            r0, c0 = merged.min_row - 1, merged.min_col - 1
            if r0 >= rows or c0 >= columns:
                continue
            top = grid[r0][c0]
            for r in range(r0, min(merged.max_row, rows)):
                for c in range(c0, min(merged.max_col, columns)):
                    grid[r][c] = Cell(top.text, top.value, (r0, c0))
        label = _("worksheet “%(name)s”") % {"name": sheet.title}
        found.append((label, grid, ""))  # a title block is in the grid, above the header
    return found


def _excel_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value))


def _pdf_text(data: bytes, filename: str) -> str:
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if not reader.pages:
            raise UnreadableFile(_not_a(PDF, filename))
        return reader.pages[0].extract_text() or ""
    except UnreadableFile:
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged file
        raise UnreadableFile(_not_a(PDF, filename)) from error


def _clean(text: str) -> str:
    """Trimmed lines, spaces collapsed, empty lines dropped."""
    lines = (" ".join(line.split()) for line in (text or "").replace("\xa0", " ").splitlines())
    return "\n".join(line for line in lines if line)


# --- the header row ---


def _words(text: str) -> str:
    """Folded text with punctuation as spaces: 'Thứ, ngày' -> ' thu ngay '."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", fold(text)).split()) + " "


def _header_role(text: str) -> str | None:
    w = _words(text)
    if not w.strip() or len(w) > 60:
        return None
    if " noi dung " in w or " cong viec " in w:
        return "content"
    if " thanh phan " in w or " tham du " in w or " du hop " in w:
        return "participants"
    if " chu tri " in w or " lanh dao " in w:
        return "leader"
    if " dia diem " in w:
        return "place"
    if " ghi chu " in w:
        return "note"
    part = w.strip() in ("buoi", "sang chieu", "buoi sang chieu", "sang chieu toi")
    if part:
        return "part"
    time = any(k in w for k in (" gio ", " thoi gian ", " buoi ", " thoi diem "))
    day = (" thu " in w or " ngay " in w) and " ca ngay " not in w
    if day and time:
        # "Thời gian" above the day column alone ("Ngày, thời gian" …) reads both.
        return "daytime"
    if day:
        return "day"
    if time:
        return "time"
    return None


def _header_columns(row: list[Cell]) -> dict[str, list[int]]:
    columns: dict[str, list[int]] = {}
    seen = set()
    for index, cell in enumerate(row):
        if cell.origin in seen:
            continue
        seen.add(cell.origin)
        role = _header_role(cell.text)
        if role:
            columns.setdefault(role, []).append(index)
    return columns


def _is_header(columns: dict) -> bool:
    return "content" in columns and bool({"day", "time", "daytime"} & columns.keys())


def _find_header(grid) -> tuple[int, dict] | None:
    for r, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns = _header_columns(row)
        if not _is_header(columns):
            continue
        # A header cell spanning several columns ("Thời gian" over "Ngày" and "Giờ") takes
        # its columns' names from the row below, when that row is all column names.
        if r + 1 < len(grid):
            below = grid[r + 1]
            fresh = [
                (c, cell) for c, cell in enumerate(below) if cell.text and cell.origin[0] == r + 1
            ]
            names = {c: _header_role(cell.text) for c, cell in fresh}
            spans = {c for c in range(len(row)) if _span(row, c) > 1}
            if fresh and all(names.values()) and spans & names.keys():
                for c in spans & names.keys():
                    for name in list(columns):
                        columns[name] = [i for i in columns[name] if i != c]
                    columns.setdefault(names[c], []).append(c)
                return r + 1, {k: sorted(v) for k, v in columns.items() if v}
        return r, columns
    return None


def _is_header_again(row: list[Cell], header: list[Cell], columns: dict) -> bool:
    """Whether `row` repeats the header row (as Word repeats it on every page)."""
    indexes = [i for found in columns.values() for i in found]
    return all(_words(row[i].text) == _words(header[i].text) for i in indexes)


def _span(row: list[Cell], index: int) -> int:
    return sum(1 for cell in row if cell.origin == row[index].origin)


# --- days, times and parts of the day ---

_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_WEEKDAY = re.compile(
    r"(?<![a-z0-9])(?:thu|t)\s*[.:]?\s*(hai|ba|tu|nam|sau|bay|[2-7])(?![a-z0-9])"
    r"|(?<![a-z0-9])(chu\s*nhat|cn)(?![a-z0-9])"
)
_DATE = re.compile(r"(?<![0-9a-z])(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?(?![0-9a-z/])")
_DATE_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?")
_DAY_START = re.compile(r"^\s*(?:thu|t\s*[2-7]|cn|chu\s*nhat|ngay|\d{1,2}\s*[/.\-]\s*\d)")
_TIME = re.compile(r"(?<![\d.:/])([01]?\d|2[0-3])\s*(?:gio|h|g|:)\s*(\d{1,2})?(?![\d/])")
_TIME_DOTTED = re.compile(r"^\s*([01]?\d|2[0-3])[.,]([0-5]\d)\s*$")
_PART = re.compile(r"(?<![a-z])(ca ngay|sang|chieu|toi|trua)(?![a-z])")
_PARTS = {
    "ca ngay": ALL_DAY,
    "sang": MORNING,
    "trua": AFTERNOON,
    "chieu": AFTERNOON,
    "toi": EVENING,
}
_CONTENT_TIME = re.compile(
    r"^\s*[-–•+*]?\s*((?:[01]?\d|2[0-3])\s*(?:giờ|h|g|:)\s*(?:\d{1,2})?\s*(?:phút|p|')?)"
    r"\s*(?:[:\-–,)]|\s)\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_CONTENT_PART = re.compile(
    r"^\s*[-–•+*]?\s*(?:buổi\s+)?(sáng|chiều|tối|cả\s+ngày)\s*[:\-–,]\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class _Day:
    date: datetime.date | None = None
    problem: str | None = None
    text: str = ""


def _weekday_in(folded: str) -> int | None:
    match = _WEEKDAY.search(folded)
    if not match:
        return None
    if match.group(2):
        return 6
    word = match.group(1)
    return int(word) - 2 if word.isdigit() else _WEEKDAY_WORDS[word]


def _year_in(text: str) -> int | None:
    """The year of the full dates written in `text` (23/11/2026, tháng 11 năm 2026): the
    most frequent, the latest on a tie."""
    folded = fold(text or "")
    years = [int(y) for y in re.findall(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(20\d\d)", folded)]
    years += [int(y) for y in re.findall(r"thang\s*\d{1,2}\s*nam\s*(20\d\d)", folded)]
    if not years:
        return None
    return max(set(years), key=lambda y: (years.count(y), y))


def _full_date(day: int, month: int, year: int | None, monday, fallback_year=None):
    """The date, the year taken from the week (or `fallback_year`) when it is not written."""
    if year is not None:
        years = [year + 2000 if year < 100 else year]
    elif monday is not None:
        sunday = monday + datetime.timedelta(days=6)
        years = [monday.year, sunday.year]
    else:
        years = [fallback_year or datetime.date.today().year]
    dates = []
    for candidate in years:
        try:
            dates.append(datetime.date(candidate, month, day))
        except ValueError:
            continue
    if not dates:
        raise ValueError("no such date")
    if monday is not None:
        for d in dates:
            if monday <= d <= monday + datetime.timedelta(days=6):
                return d
    return dates[0]


def _date_in(cell: Cell, year=None, monday=None) -> datetime.date | None:
    """The date written in a cell, or None (an impossible date is None too)."""
    if isinstance(cell.value, datetime.datetime):
        return cell.value.date()
    if isinstance(cell.value, datetime.date):
        return cell.value
    folded = fold(cell.text)
    match = _DATE.search(folded) or _DATE_WORDS.search(folded)
    if not match:
        return None
    day, month, y = match.groups()
    try:
        return _full_date(int(day), int(month), int(y) if y else None, monday, year)
    except ValueError:
        return None


def _day(cell: Cell, monday: datetime.date) -> _Day | None:
    """The day a day cell names, a _Day with the problem, or None if it names no day."""
    text = cell.text
    folded = fold(text)
    weekday = _weekday_in(folded)
    is_date_value = isinstance(cell.value, datetime.date)
    match = None if is_date_value else (_DATE.search(folded) or _DATE_WORDS.search(folded))
    if weekday is None and match is None and not is_date_value:
        if text and _DAY_START.match(folded):
            return _Day(problem=_("Cannot read the day “%(text)s”.") % {"text": _one_line(text)})
        return None
    sunday = monday + datetime.timedelta(days=6)
    date = None
    if is_date_value or match:
        date = _date_in(cell, monday=monday)
        if date is None:
            return _Day(problem=_("Cannot read the date “%(text)s”.") % {"text": _one_line(text)})
    if date is not None and weekday is not None and date.weekday() != weekday:
        return _Day(
            problem=_("%(date)s is a %(actual)s, not a %(written)s.")
            % {
                "date": _dmy(date),
                "actual": WEEKDAYS[date.weekday()],
                "written": WEEKDAYS[weekday],
            },
            text=text,
        )
    if date is None:
        date = monday + datetime.timedelta(days=weekday)
    if not monday <= date <= sunday:
        return _Day(
            problem=_("%(date)s is outside the week %(start)s – %(end)s.")
            % {"date": _dmy(date), "start": _dmy(monday), "end": _dmy(sunday)},
            text=text,
        )
    return _Day(date=date, text=text)


def _part(text: str) -> str | None:
    match = _PART.search(fold(text))
    return _PARTS[match.group(1)] if match else None


def _when(cell: Cell) -> tuple[datetime.time | None, str | None, bool]:
    """(time, part of day, understood) of a time cell."""
    value = cell.value
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0, tzinfo=None), None, True
    if isinstance(value, datetime.datetime) and value.time() != datetime.time():
        return value.time().replace(second=0, microsecond=0), None, True
    if isinstance(value, float) and 0 < value < 1:
        minutes = round(value * 24 * 60)
        return datetime.time(minutes // 60, minutes % 60), None, True
    text = cell.text
    if not text:
        return None, None, True
    folded = fold(text)
    part = _part(text)
    time = None
    match = _TIME.search(folded) or _TIME_DOTTED.match(folded)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if minute < 60:
            time = datetime.time(hour, minute)
    return time, part, bool(time or part)


def _afternoon(time: datetime.time | None, part: str | None) -> datetime.time | None:
    """'2h' in the afternoon is 14:00; '7h30' in the evening is 19:30."""
    if time is not None and part in (AFTERNOON, EVENING) and 1 <= time.hour <= 11:
        return time.replace(hour=time.hour + 12)
    return time


def _dmy(date: datetime.date) -> str:
    return f"{date:%d/%m/%Y}"


def _one_line(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _list(text: str) -> str:
    """Lines of a leader, participants or place cell on one line: bullets dropped, '; '."""
    items = [re.sub(r"^[-–•+*]\s*", "", line).strip() for line in text.splitlines()]
    return "; ".join(item for item in items if item)


_SPAN = re.compile(
    r"tu\s*(?:ngay\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?"
    r"\s*(?:den|-|–)\s*(?:ngay\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?"
)


def _monday_in_span(text: str) -> datetime.date | None:
    """The Monday of "từ ngày 23/11 đến ngày 29/11/2026" in a title."""
    match = _SPAN.search(fold(text or ""))
    if not match:
        return None
    d1, m1, y1, _d2, _m2, y2 = match.groups()
    year = int(y1 or y2 or 0) or _year_in(text)
    if year is None:
        return None
    try:
        start = datetime.date(year, int(m1), int(d1))
    except ValueError:
        return None
    if not y1 and y2 and int(m1) > int(_m2):
        start = start.replace(year=year - 1)  # "từ 29/12 đến 04/01/2027"
    return start - datetime.timedelta(days=start.weekday())


def _monday_of_week_number(text: str) -> datetime.date | None:
    """The Monday of "tuần 48/2026" or "tuần 48 năm 2026"."""
    week = re.search(r"tuan\s*(?:thu\s*)?(\d{1,2})\s*(?:/|nam)\s*(20\d\d)", fold(text or ""))
    if not week:
        return None
    try:
        return datetime.date.fromisocalendar(int(week.group(2)), int(week.group(1)), 1)
    except ValueError:
        return None


# --- the rows ---


def _row_texts(row: list[Cell], columns: dict) -> dict[str, tuple[str, Cell | None]]:
    """Each role's (text, cell) in the row. A cell merged across several columns counts once,
    for its first column: a banner over the whole width is read in the leftmost column."""
    used = set()
    order = sorted((i, role) for role, indexes in columns.items() for i in indexes)
    texts: dict[str, list[str]] = {}
    cells: dict[str, Cell] = {}
    for index, role in order:
        cell = row[index]
        if cell.origin in used or not cell.text:
            continue
        used.add(cell.origin)
        texts.setdefault(role, []).append(cell.text)
        cells.setdefault(role, cell)
    return {role: ("\n".join(texts.get(role, [])), cells.get(role)) for role in columns}


def _without_day(text: str) -> str:
    """A day-and-time cell's text without its weekday and date, for reading its time."""
    folded = fold(text)
    return _WEEKDAY.sub(" ", _DATE_WORDS.sub(" ", _DATE.sub(" ", folded)))


def _consistent(time: datetime.time, part: str | None) -> str | None:
    """The part of day of a block kept for an entry with a time only where they agree."""
    hour = time.hour
    if part == MORNING and hour < 12:
        return part
    if part == AFTERNOON and 11 <= hour < 18:
        return part
    if part == EVENING and hour >= 17:
        return part
    return None


class _Reader:
    """Reads the rows under the header, keeping the day and the part of day in force."""

    def __init__(self, grid, header: int, columns: dict, schedule: Schedule):
        self.grid = grid
        self.header = header
        self.columns = columns
        self.schedule = schedule
        self.monday = schedule.monday
        self.day: _Day | None = None
        self.part: str | None = None
        self.made: dict[tuple, set] = {}  # content cell origin -> days it gave entries for
        self.headers = [grid[header]]
        if header and _is_header(_header_columns(grid[header - 1])):
            self.headers.append(grid[header - 1])  # a header on two rows
        has = columns.keys()
        self.day_roles = [r for r in ("day", "daytime") if r in has] or [
            r for r in ("time",) if r in has
        ]
        self.time_roles = [r for r in ("part", "time", "daytime") if r in has]

    def problem(self, number, reason, skipped=True):
        self.schedule.problems.append(Problem(number, reason, skipped))

    def read(self):
        blank_run = 0
        for r in range(self.header + 1, len(self.grid)):
            row = self.grid[r]
            if not any(cell.text for cell in row):
                blank_run += 1
                ended = self.schedule.rows or self.schedule.problems
                if self.schedule.kind == XLSX and blank_run >= 2 and ended:
                    break  # the table has ended: a signature block may follow
                continue
            blank_run = 0
            first = next(cell.text for cell in row if cell.text)
            if _words(first).startswith(" noi nhan "):
                break
            if any(_is_header_again(row, header, self.columns) for header in self.headers):
                continue  # the header repeated on every page of a long table
            self.read_row(r, row)

    def set_day(self, found: _Day):
        same = self.day is not None and not self.day.problem and found.date == self.day.date
        if not same or found.problem:
            self.day = found
            self.part = None

    def read_row(self, r: int, row: list[Cell]):
        number = r + 1
        texts = _row_texts(row, self.columns)

        def fresh(role):
            text, cell = texts.get(role, ("", None))
            return text if cell is not None and cell.origin[0] == r else ""

        content, content_cell = texts.get("content", ("", None))

        # The day: read where its cell starts; a merged cell below carries it.
        day_text = ""
        for role in self.day_roles:
            text = fresh(role)
            if not text:
                continue
            found = _day(texts[role][1], self.monday)
            if found is not None:
                self.set_day(found)
                day_text = text
                break
            if role != "time" and content and not _part(text):
                self.problem(
                    number, _("Cannot read the day “%(text)s”.") % {"text": _one_line(text)}
                )
                return

        # The time and the part of the day.
        time, part, unreadable = None, None, ""
        for role in self.time_roles:
            text, cell = texts.get(role, ("", None))
            if not text or cell is None:
                continue
            if text == day_text or role == "daytime":
                t, p, ok = _when(Cell(_without_day(text)))
                ok = True
            else:
                t, p, ok = _when(cell)
            time, part = time or t, part or p
            if not ok and role != "part":
                unreadable = text
            if p and cell.origin[0] == r:
                self.part = p  # "Sáng" written on the first row of the block holds below
        for role in self.day_roles:  # "Sáng" / "Chiều" written in the day column
            text = fresh(role)
            if text and text != day_text and not part:
                part = _part(text)
                if part:
                    self.part = part

        if not content:
            others = [fresh(k) for k in ("leader", "participants", "place")]
            if any(others) and not (part or day_text):
                self.problem(number, _("The row has no content."))
            return  # a day's or a part's own row, a banner, a blank or decorative row

        if self.day is None:
            self.problem(number, _("No day for this row: it is under no day of the week."))
            return
        if self.day.problem:
            self.problem(number, self.day.problem)
            return
        day = self.day.date
        if content_cell.origin[0] != r:
            # The content merged down: one entry a day, not one a row of the merged cell.
            if day in self.made.get(content_cell.origin, set()):
                return
        self.made.setdefault(content_cell.origin, set()).add(day)

        if time is None and not unreadable:
            content, time, written = _from_content(content, time, part)
            part = part or written
        if unreadable and time is None:
            self.problem(
                number,
                _("Cannot read the time “%(text)s”: the entry is read without a time.")
                % {"text": _one_line(unreadable)},
                skipped=False,
            )
            content = f"{content}\n({unreadable})"
        part = part or self.part
        time = _afternoon(time, part)
        if time is not None:
            part = _consistent(time, part)

        values = {
            "leader": _list(texts.get("leader", ("", None))[0]),
            "participants": _list(texts.get("participants", ("", None))[0]),
            "location": _list(texts.get("place", ("", None))[0]),
        }
        note = texts.get("note", ("", None))[0]
        if note:
            label = _("Note")
            content = f"{content}\n{label}: {_list(note)}"
        for name, limit in LIMITS.items():
            if len(values[name]) > limit:
                values[name] = values[name][: limit - 1] + "…"
                self.problem(
                    number,
                    _("The %(field)s is longer than %(limit)d characters and was shortened.")
                    % {"field": _field_names()[name], "limit": limit},
                    skipped=False,
                )
        self.schedule.rows.append(
            Row(number=number, day=day, time=time, part=part, content=content, **values)
        )


def _read_rows(grid, header: int, columns: dict, schedule: Schedule) -> None:
    _Reader(grid, header, columns, schedule).read()


def _field_names() -> dict:
    return {
        "leader": _("leader in charge"),
        "participants": _("participants"),
        "location": _("place"),
    }


def _from_content(content: str, time, part):
    """(content, time, part) with a time or a part of day written at the start of the content
    ("7h30: Họp giao ban", "Chiều: Làm việc tại cơ quan") taken out of it."""
    match = _CONTENT_TIME.match(content)
    if match:
        t, _p, _ok = _when(Cell(match.group(1)))
        if t is not None:
            return match.group(2).strip(), t, None
    if part is None:
        match = _CONTENT_PART.match(content)
        if match:
            return match.group(2).strip(), time, _part(match.group(1))
    return content, time, None
