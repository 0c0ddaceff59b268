"""`make load`: 200 readers for 60 s while two editors publish and take down, and the worker
sends reminders; prints the figures and exits nonzero when a target is missed.

The driver (`python -m home.bench.load`) needs no Django, as `make bench`: it prepares a database
of its own (SQLite under var/load, or `<name>_load` on PostgreSQL when DATABASE_URL is set) with
the demo federation (`load_demo`: its accounts, columns and workflow) and LOAD_ITEMS bulk items
(`bench_seed`), kept between runs; it starts gunicorn (settings.production, LOAD_WORKERS
processes of LOAD_THREADS threads) and the django-q2 worker (`serve_portal --qcluster`) on
127.0.0.1, and then, for LOAD_SECONDS:

- readers: one wrk per kind of URL (home, columns first and deep pages, articles, search, feeds,
  `/++api++/` content and `@search`, `@syndication` with a consumer's key), LOAD_CONNECTIONS in
  all, each request a path drawn at random from the kind's list (home/bench/load.lua);
- two editors (threads, through the API with JWTs): a contributor writes an item with a photo,
  the secretary routes it, the deputy head of its field approves it, the web admin publishes it
  and later takes it down; after each publish and take-down an anonymous reader (no cookie, a
  new connection each time) reads the item, its column's first page and its API content until
  the change shows: a publish must show within 5 s, a take-down on the very first reading;
- the worker: the editors' workflow emails, and the deadline reminders, whose schedule is due
  at the start (two approved items wait past their deadline).

Targets (the issue): 0 errors, 0 stale readings (a publish seen for good within 5 s, a
take-down gone from the first reading on), p99 under 1 s; the worker's reminders sent and no job
failed. The page cache starts empty. It prints each kind's requests, errors, latency percentiles
(the merged histograms of the wrk runs), pages found in the page cache or built (gunicorn's
access log, var/load/access.log), the editors' figures, the worker's jobs and where the CPU went
(other processes on the machine lower every figure: a warning says so). Ctrl-C, SIGTERM or the
driver's death stop gunicorn, the worker and wrk (process groups). Logs: var/load/*.log.

Settings (environment): LOAD_SECONDS (60), LOAD_CONNECTIONS (200), LOAD_THINK_MS (0: each
connection asks again at once), LOAD_WORKERS (2) and LOAD_THREADS (4) of gunicorn, LOAD_ITEMS
(5000), LOAD_EDITOR_PAUSE (2 s between an editor's actions), LOAD_PORT (8766).
"""

import base64
import ctypes
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from home.bench import ROOT, ensure_postgres_database, own_database

ITEMS = int(os.environ.get("LOAD_ITEMS", "5000"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "200"))
PORT = int(os.environ.get("LOAD_PORT", "8766"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "2"))
THREADS = int(os.environ.get("LOAD_THREADS", "4"))
EDITOR_PAUSE = float(os.environ.get("LOAD_EDITOR_PAUSE", "2"))
# A reader's mean pause between two pages (ms, drawn from 0 to twice this); 0: none, every
# connection asks again as soon as it has its answer (closed loop at full speed).
THINK_MS = int(os.environ.get("LOAD_THINK_MS", "0"))

PUBLISH_WITHIN = 5.0  # seconds: a published item must show to readers within this
P99_UNDER_MS = 1000.0
WATCH = 15.0  # seconds a change is watched for at most
STEADY = 3  # readings in a row showing the change, for it to count as seen
PENDING = 2  # approved items left waiting past their deadline, for the reminders
PASSWORD = "demo1234"
VAR = ROOT / "var" / "load"
LUA = Path(__file__).with_name("load.lua")
ACCESS_LOG = VAR / "access.log"

# Each editor: contributor, column (its section code and slug), the deputy head of its field.
EDITORS = [
    ("ctv-tuyengiao", "tuyen-giao-nu-cong", "phoban1"),
    ("ctv-cspl", "chinh-sach-phap-luat", "phoban2"),
]
SECRETARY, WEB_ADMIN = "thuky", "quantri"
SEARCH_TERMS = [
    "công đoàn",
    "cong doan",
    "người lao động",
    "nguoi lao dong",
    "tháng công nhân",
    "an toàn vệ sinh",
    "thỏa ước lao động tập thể",
    "tiền lương",
    "bảo hiểm xã hội",
    "mái ấm",
    "tết sum vầy",
    "đối thoại",
    "phúc lợi",
    "văn hóa thể thao",
    "hội nghị",
    "tập huấn nghiệp vụ",
    "phong trào thi đua",
    "sáng kiến",
    "đoàn viên",
    "nữ công",
]


# --- the database and the servers ------------------------------------------------------------


def load_env() -> dict:
    env = dict(os.environ)
    env["LDLD_VAR_DIR"] = str(VAR)
    env.update(
        SECRET_KEY="load",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        LDLD_TRUSTED_PROXIES="0",  # readers come straight to gunicorn, no proxy in front
        DJANGO_SETTINGS_MODULE="settings.production",
        PYTHONUNBUFFERED="1",
    )
    env.pop("MEDIA_ROOT", None)
    own_database(env, "load")
    return env


def manage(env, *args, capture=False, log=None) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE if capture else log,
        stderr=log,
        text=True,
    )
    return done.stdout or ""


def shell(env, code: str) -> dict:
    """Run `code` in `manage.py shell`; it prints `RESULT=<json>`: that JSON."""
    out = manage(env, "shell", "-v0", "-c", code, capture=True)
    return json.loads(re.search(r"^RESULT=(.*)$", out, re.M).group(1))


PREPARE = """
import json
from django.contrib.auth.models import User
from ldld_wagtail.models import Section, SyndicationChange
from ldld_wagtail.api.services.syndication import encode_cursor
from ldld_wagtail.workflows import pending_publications
ids = list(SyndicationChange.objects.order_by('id').values_list('id', flat=True))
cursors = [encode_cursor(ids[len(ids) * n // 10]) for n in range(1, 10)] if ids else []
home = Section.objects.filter(code='home').first()
root = home.page.url_path if home else '/'
columns = {s.code: s.page.url_path for s in Section.objects.filter(code__in=CODES)}
print('RESULT=' + json.dumps({
    'demo': User.objects.filter(username='quantri').exists(),
    'cursors': cursors,
    'columns': {code: path[len(root) - 1:] for code, path in columns.items()},
    'pending': pending_publications().count(),
}))
"""

# Every waiting publication: past its deadline and not reminded yet; the reminders' schedule
# every minute, due now. Then the time the run starts from (the database's clock).
REMIND = """
import datetime, json
from django.utils import timezone
from django_q.models import Schedule
from ldld_wagtail.notify import REMINDER_SCHEDULE
from ldld_wagtail.workflows import pending_publications
now = timezone.now()
states = pending_publications()
waiting = states.update(
    due_at=now - datetime.timedelta(minutes=5), reminded_at=None, overdue_notified_at=None
)
Schedule.objects.update_or_create(name=REMINDER_SCHEDULE, defaults=dict(
    func='ldld_wagtail.notify.remind_deadlines', schedule_type=Schedule.MINUTES, minutes=1,
    repeats=-1, next_run=now,
))
print('RESULT=' + json.dumps({'waiting': waiting, 'since': now.isoformat()}))
"""

# The page cache renewed; without Redis, the files of earlier runs removed too (var/load/cache),
# so that a run does not spend its time culling them.
EMPTY_CACHE = """
from django.core.cache import cache
from ldld_wagtail.backends.filecache import SharedFileCache
from ldld_wagtail.cache import invalidate_pages
if isinstance(cache, SharedFileCache):
    cache.clear()
invalidate_pages()
print('RESULT={}')
"""

# The worker's jobs since the run started: done, failed, by function; backlog. django-q2 keeps
# only its latest `save_limit` successful jobs (250), so the reminders sent are read from the
# waiting publications themselves (each marked when its overdue reminder is sent).
JOBS = """
import collections, json, datetime
from django_q.conf import Conf
from django_q.models import Task
from django_q.brokers import get_broker
from ldld_wagtail.workflows import pending_publications
since = datetime.datetime.fromisoformat(SINCE)
done = list(Task.objects.filter(stopped__gte=since))
funcs = collections.Counter(t.func.rsplit('.', 1)[-1] for t in done)
reminders = pending_publications().filter(overdue_notified_at__gte=since).count()
print('RESULT=' + json.dumps({
    'save_limit': Conf.SAVE_LIMIT,
    'done': sum(t.success for t in done), 'failed': sum(not t.success for t in done),
    'funcs': funcs, 'reminders': reminders, 'queued': get_broker().queue_size(),
    'reminder_runs': sum(t.func.endswith('remind_deadlines') for t in done),
    'failures': collections.Counter(
        f"{t.name if '.' in (t.name or '') else t.func}: {str(t.result).strip().splitlines()[-1]}"
        for t in done if not t.success
    ),
}))
"""


def prepare(env) -> dict:
    started = time.perf_counter()
    VAR.mkdir(parents=True, exist_ok=True)
    ensure_postgres_database(env)
    log = open(VAR / "prepare.log", "a")  # noqa: SIM115 (closed below)
    try:
        manage(env, "migrate", "--noinput", "-v0", log=log)
        manage(env, "collectstatic", "--noinput", "-v0", log=log)
        codes = [code for _, code, _ in EDITORS]
        snippet = f"CODES = {codes!r}\n" + PREPARE
        state = shell(env, snippet)
        if not state["demo"]:
            print("Building the demo federation (load_demo)…", flush=True)
            manage(env, "load_demo", log=log)
        manage(env, "bench_seed", str(ITEMS), log=log)
        state = shell(env, snippet)
        key = manage(env, "syndication_key", "--consumer", "load", capture=True, log=log)
    finally:
        log.close()
    state["key"] = key.split()[-1]
    print(f"Prepared in {time.perf_counter() - started:.0f} s", flush=True)
    return state


def gunicorn_command() -> list:
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    return [
        gunicorn,
        "settings.wsgi",
        "-w",
        str(WORKERS),
        "--threads",
        str(THREADS),
        "-k",
        "gthread" if THREADS > 1 else "sync",
        "-b",
        f"127.0.0.1:{PORT}",
        "--backlog",
        "2048",
        "--timeout",
        "60",
        "--graceful-timeout",
        "10",
        "--keep-alive",
        "5",
        "--log-level",
        "warning",
        # Each request: its address, whether the page cache had it, the server's milliseconds,
        # the process that answered.
        "--access-logfile",
        str(ACCESS_LOG),
        "--access-logformat",
        "%(U)s %(q)s %({x-cache}o)s %(M)s %(p)s",
    ]


def die_with_parent():
    """In a child, before exec: SIGTERM when the driver dies, even killed outright (Linux)."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start(command, env, log_name):
    log = open(VAR / log_name, "w")  # noqa: SIM115 (the process writes it until stopped)
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    log.close()
    return process


def stop(process, sig=signal.SIGTERM, grace=20.0, group=True):
    """`sig` to the process (or its process group), then SIGKILL to the group after `grace`."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig) if group else process.send_signal(sig)
        process.wait(timeout=grace)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


def wait_for(base, server, worker):
    for _ in range(300):
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with status {server.returncode}: see {VAR}/gunicorn.log")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2).read()
            break
        except OSError:
            time.sleep(0.2)
    else:
        sys.exit("gunicorn did not answer within 60 s")
    deadline = time.monotonic() + 60
    # serve_portal says "Background worker (django-q2) is running." in the site's language.
    while "(django-q2)" not in (VAR / "worker.log").read_text(errors="replace"):
        if worker.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"the worker did not start: see {VAR}/worker.log")
        time.sleep(0.2)


QUEUED = """
import json
from django_q.brokers import get_broker
print('RESULT=' + json.dumps(get_broker().queue_size()))
"""


def drain(env, limit=300.0):
    """Wait for the worker to empty its queue (the jobs the preparation left: the reference
    index of the demo's pages), so that the run measures its own jobs only."""
    deadline = time.monotonic() + limit
    queued = shell(env, QUEUED)
    if queued:
        print(f"Worker: running the {queued} jobs the preparation queued…", flush=True)
    while queued and time.monotonic() < deadline:
        time.sleep(3)
        queued = shell(env, QUEUED)
    if queued:
        sys.exit(f"the worker still has {queued} jobs queued after {limit:.0f} s")


# --- HTTP ------------------------------------------------------------------------------------


def http(method, url, headers=None, body=None, timeout=30.0):
    """(status, body bytes); status 0 with the error's text for a socket error."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError as error:
        return 0, str(error).encode()


# --- the readers (wrk) -----------------------------------------------------------------------

# (kind, share of the connections, paths)


def reader_kinds(state) -> list:
    rng = random.Random(7)
    pages = max(2, ITEMS // 10)  # a column lists 10 items a page
    columns = list(state["columns"].values())
    articles = [f"/tin-tuc/tin-{i}/" for i in rng.sample(range(ITEMS), min(ITEMS, 2000))]
    searches = [quote(term) for term in SEARCH_TERMS]
    listing = "/++api++/@search?portal_type=NewsPage&sort_on=effective&sort_order=descending"
    cursors = state["cursors"] or [""]
    return [
        ("home", 30, ["/"]),
        ("column, page 1", 20, ["/tin-tuc/", *columns]),
        ("column, deep page", 20, [f"/tin-tuc/?page={n}" for n in range(2, pages + 1)]),
        ("article", 40, articles),
        ("search", 15, [f"/tim-kiem/?q={q}" for q in searches]),
        (
            "RSS/Atom feeds",
            15,
            ["/rss.xml", "/atom.xml", "/tin-tuc/rss/", "/tin-tuc/atom/"]
            + [f"{c}rss/" for c in columns],
        ),
        (
            "API content",
            20,
            ["/++api++/", "/++api++/tin-tuc"]
            + [f"/++api++{c.rstrip('/')}" for c in columns]
            + [f"/++api++{path.rstrip('/')}" for path in articles[:500]],
        ),
        (
            "API @search",
            20,
            [f"{listing}&b_size=20&b_start={n * 20}" for n in range(0, ITEMS // 20, 7)]
            + [f"/++api++/@search?SearchableText={q}&b_size=20" for q in searches],
        ),
        (
            "API @syndication",
            20,
            ["/++api++/@syndication?b_size=20"]
            + [f"/++api++/@syndication?since={c}&b_size=20" for c in cursors if c],
        ),
    ]


def connections_for(kinds, connections=None) -> list:
    connections = connections or CONNECTIONS
    total = sum(share for _, share, _ in kinds)
    counts = [max(1, round(share * connections / total)) for _, share, _ in kinds]
    counts[counts.index(max(counts))] += connections - sum(counts)
    return counts


def start_readers(base, kinds, key, run_dir, seconds=None, connections=None, tag="") -> list:
    """One wrk per kind for `seconds` (LOAD_SECONDS), `connections` in all (LOAD_CONNECTIONS);
    `tag` names its files apart (home/bench/faults.py runs one set per phase)."""
    readers = []
    for n, ((kind, _, paths), count) in enumerate(
        zip(kinds, connections_for(kinds, connections), strict=True)
    ):
        paths_file, out_file = run_dir / f"paths-{tag}{n}.txt", run_dir / f"wrk-{tag}{n}.out"
        paths_file.write_text("\n".join(paths) + "\n")
        out_file.unlink(missing_ok=True)
        headers = []
        if "syndication" in kind:
            headers = ["-H", f"Authorization: Bearer {key}"]
        process = subprocess.Popen(
            ["wrk", "-t1", f"-c{count}", f"-d{seconds or SECONDS}s", "--timeout", "10s"]
            + ["-s", str(LUA), *headers, base],
            env={
                **os.environ,
                "LOAD_PATHS": str(paths_file),
                "LOAD_OUT": str(out_file),
                "LOAD_THINK_MS": str(THINK_MS),
            },
            stdout=subprocess.DEVNULL,
            stderr=open(run_dir / f"wrk-{tag}{n}.err", "w"),  # noqa: SIM115
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        readers.append((kind, count, process, out_file))
    return readers


def read_wrk(out_file) -> dict:
    figures = {"codes": {}, "histogram": {}}
    for line in out_file.read_text().splitlines():
        name, *values = line.split()
        numbers = [int(v) for v in values]
        if name == "code":
            figures["codes"][numbers[0]] = figures["codes"].get(numbers[0], 0) + numbers[1]
        elif name == "us":
            figures["histogram"][numbers[0]] = numbers[1]
        else:
            figures[name] = numbers[0]
    return figures


def percentiles(histogram: dict, points=(50, 90, 99)) -> list:
    """Milliseconds at each percentile (as wrk: the least value with that share at or below
    it) and the maximum."""
    total = sum(histogram.values())
    if not total:
        return [float("nan")] * (len(points) + 1)
    values = sorted(histogram)
    found, seen, wanted = [], 0, list(points)
    for value in values:
        seen += histogram[value]
        while wanted and seen >= total * wanted[0] / 100:
            found.append(value / 1000)
            wanted.pop(0)
    return found + [values[-1] / 1000]


# --- where the CPU went -----------------------------------------------------------------------


def cpu_sample() -> dict:
    """CPU ticks used so far: by each process ({pid: (process group, ticks)}), and by the
    whole machine ("busy") out of "total"."""
    processes = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        processes[int(entry.name)] = (int(fields[2]), int(fields[11]) + int(fields[12]))
    with open("/proc/stat") as stat:
        ticks = [int(n) for n in stat.readline().split()[1:9]]
    return {"processes": processes, "total": sum(ticks), "busy": sum(ticks) - ticks[3] - ticks[4]}


def cpu_shares(before, after, groups: dict) -> dict:
    """Per cent of one core used between two samples by each group ({name: process group
    ids}), by everything else on the machine ("other"), and by the machine in all ("busy")."""
    hertz = os.sysconf("SC_CLK_TCK")
    cores = os.cpu_count() or 1
    seconds = (after["total"] - before["total"]) / hertz / cores
    shares, ours = {}, 0
    for name, pgids in groups.items():
        used = sum(
            ticks - before["processes"].get(pid, (None, 0))[1]
            for pid, (pgid, ticks) in after["processes"].items()
            if pgid in pgids
        )
        shares[name] = 100 * used / hertz / seconds
        ours += used
    busy = after["busy"] - before["busy"]
    shares["other"] = max(0.0, 100 * (busy - ours) / hertz / seconds)
    shares["busy"] = 100 * busy / hertz / seconds
    return shares


# --- the editors and the reader who checks ---------------------------------------------------


def photo() -> str:
    from PIL import Image  # Pillow, not Django: the driver stays without Django

    buffer = io.BytesIO()
    Image.new("RGB", (480, 320), (170, 30, 40)).save(buffer, "JPEG")
    return base64.b64encode(buffer.getvalue()).decode()


class Desk:
    """The editors' tokens and what they saw, shared by the editor threads."""

    def __init__(self, base):
        self.base = base
        self.tokens = {}
        self.lock = threading.Lock()
        self.actions = self.errors = 0
        self.problems = []
        self.published = []  # seconds until a publish showed (the slowest of the three reads)
        self.unseen = []  # publishes not shown within WATCH
        self.check_errors = 0  # the checking readers' errors (5xx, socket)
        self.flaps = {}  # per door: readings that showed a published item, then again not
        self.takedowns = self.readings = self.stale_readings = 0
        self.stale = []  # (page, the doors still showing it first, seconds until gone for good)
        self.photo = photo()
        self.run = datetime.now().strftime("%H%M%S")

    def login(self, accounts):
        for account in accounts:
            status, body = http(
                "POST",
                self.base + "/++api++/@login",
                {"Accept": "application/json"},
                {"login": account, "password": PASSWORD},
            )
            if status != 200:
                sys.exit(f"@login as {account}: {status} {body[:300]!r}")
            self.tokens[account] = json.loads(body)["token"]

    def api(self, account, method, path, body=None):
        """One editor's API call: the JSON answer, or None (counted and kept as an error)."""
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self.tokens[account]}"}
        status, answer = http(method, self.base + "/++api++" + path, headers, body, timeout=60)
        with self.lock:
            self.actions += 1
            if status not in (200, 201):
                self.errors += 1
                self.problems.append(f"{account} {method} {path}: {status} {answer[:200]!r}")
                return None
        return json.loads(answer) if answer else {}


def visible(base, page, column, slug) -> dict:
    """What anonymous readers get now, at the same moment (three readers, each on a new
    connection): the item's page, its column's first page, its API content; each True when it
    shows the item, False when not, None when the answer was an error (5xx, socket)."""

    def read(door):
        url = base + (column if door == "listing" else page)
        if door == "API":
            url = base + "/++api++" + page.rstrip("/")
        status, body = http("GET", url, timeout=30)
        if status == 0 or status >= 500:
            return None
        if door == "listing":
            return f"/{slug}/".encode() in body
        return status == 200

    doors = ("page", "listing", "API")
    with ThreadPoolExecutor(len(doors)) as pool:
        return dict(zip(doors, pool.map(read, doors), strict=True))


def watch(base, page, column, slug, want: bool) -> list:
    """Read until every door shows `want` (published: True, gone: False) STEADY times in a
    row, WATCH seconds at most: the readings, each (seconds since the API answered, what each
    door showed)."""
    started = time.monotonic()
    readings, steady = [], 0
    while True:
        seen = visible(base, page, column, slug)
        elapsed = time.monotonic() - started
        readings.append((elapsed, seen))
        steady = steady + 1 if all(shows == want for shows in seen.values()) else 0
        if steady >= STEADY or elapsed > WATCH:
            return readings
        time.sleep(0.1)


def errors(readings) -> int:
    return sum(shows is None for _elapsed, seen in readings for shows in seen.values())


def settled(readings, want: bool) -> dict:
    """For each door, the seconds until it showed `want` for good (from then on in every
    reading); None when its last reading still did not."""
    times = {}
    for door in readings[0][1]:
        times[door] = None
        for elapsed, seen in reversed(readings):
            if seen[door] != want:
                break
            times[door] = elapsed
    return times


def wrong(readings, want: bool) -> dict:
    """For each door, its readings that did not show `want` after that door had shown it once:
    a reader sent back to the old state (another process's stale cache)."""
    counts = {}
    for door in readings[0][1]:
        shown = False
        for _elapsed, seen in readings:
            shown = shown or seen[door] == want
            if shown and seen[door] != want:
                counts[door] = counts.get(door, 0) + 1
    return counts


def write_item(desk, editor, number, column_path) -> str | None:
    """A new item by the editor's contributor, submitted, routed and approved: its path."""
    contributor, code, deputy = EDITORS[editor]
    title = f"Tải thử {desk.run}: tin số {number} của biên tập viên {editor + 1}"
    body = {
        "@type": "NewsPage",
        "title": title,
        "description": "Bài viết của kịch bản tải thử, sẽ được gỡ xuống ngay sau đó.",
        "kind": "tin",
        "authors": "Tải thử",
        "body": {"data": "<p>Nội dung bài tải thử về công đoàn và người lao động.</p>"},
        "photos": [
            {
                "image": {"data": desk.photo, "encoding": "base64", "filename": "tai-thu.jpg"},
                "caption": "Ảnh tải thử",
                "credit": "Tải thử",
            }
        ],
    }
    created = desk.api(contributor, "POST", column_path, body)
    if created is None:
        return None
    path = urlsplit(created["@id"]).path.rstrip("/")
    steps = [
        (contributor, "submit", {}),
        (SECRETARY, "route", {"field": code}),
        (deputy, "approve", {}),
    ]
    for account, transition, data in steps:
        if desk.api(account, "POST", f"{path}/@workflow/{transition}", data) is None:
            return None
    return path


def editor_loop(desk, editor, column_path, stopping):
    number = 0
    while not stopping.is_set():
        number += 1
        path = write_item(desk, editor, number, column_path)
        if path is None:
            stopping.wait(EDITOR_PAUSE)
            continue
        slug, page = path.rsplit("/", 1)[-1], path + "/"
        entry = desk.api(WEB_ADMIN, "POST", f"{path}/@workflow/publish", {})
        if entry is None:
            continue
        readings = watch(desk.base, page, column_path, slug, want=True)
        took = settled(readings, want=True)
        with desk.lock:
            desk.check_errors += errors(readings)
            for door, count in wrong(readings, want=True).items():
                desk.flaps[door] = desk.flaps.get(door, 0) + count
            if None in took.values():
                desk.unseen.append((page, took))
            else:
                desk.published.append(max(took.values()))
        stopping.wait(EDITOR_PAUSE)
        entry = desk.api(
            WEB_ADMIN, "POST", f"{path}/@workflow/take_down", {"reason": "Tải thử: gỡ xuống"}
        )
        if entry is None:
            continue
        readings = watch(desk.base, page, column_path, slug, want=False)
        with desk.lock:
            desk.check_errors += errors(readings)
            desk.takedowns += 1
            desk.readings += len(readings)
            desk.stale_readings += sum(any(seen.values()) for _elapsed, seen in readings)
            still = [door for door, shows in readings[0][1].items() if shows]
            if still:
                desk.stale.append((page, still, settled(readings, want=False)))
        stopping.wait(EDITOR_PAUSE)


def warm_up(base, kinds, key):
    """Every kind answers, and the first pages of each are built."""
    for kind, _, paths in kinds:
        headers = {"Authorization": f"Bearer {key}"} if "syndication" in kind else {}
        for path in paths[:3]:
            status, body = http("GET", base + path, headers, timeout=120)
            if status >= 400 or status == 0:
                sys.exit(f"warm-up: {kind} {path}: {status} {body[:300]!r}")


def start_editors(desk, state, stopping) -> list:
    """One thread per editor, each running `editor_loop` in its column until `stopping`."""
    threads = []
    for editor, (_, code, _) in enumerate(EDITORS):
        thread = threading.Thread(
            target=editor_loop,
            args=(desk, editor, state["columns"][code], stopping),
            daemon=True,
        )
        thread.start()
        threads.append(thread)
    return threads


def leave_pending(desk, state, count):
    """`count` approved items left waiting for the web admin: the reminders' subject."""
    for n in range(count):
        editor = n % len(EDITORS)
        column = state["columns"][EDITORS[editor][1]]
        if write_item(desk, editor, 1000 + n, column) is None:
            sys.exit("could not leave an item waiting for publication:\n" + desk.problems[-1])


# --- the run ---------------------------------------------------------------------------------


def log_problems(name) -> list:
    """The distinct error lines of a log (tracebacks' last lines, ERROR records)."""
    path = VAR / name
    if not path.exists():
        return []
    lines = path.read_text(errors="replace").splitlines()
    found = []
    for n, line in enumerate(lines):
        if line.startswith("Traceback"):
            tail = next(
                (lines[m] for m in range(n + 1, len(lines)) if not lines[m].startswith(" ")), ""
            )
            found.append(tail.strip())
        elif re.search(r"\b(ERROR|CRITICAL)\b", line):
            found.append(line.strip()[:200])
    counts = {}
    for line in found:
        counts[line] = counts.get(line, 0) + 1
    return [f"{count}× {line}" for line, count in counts.items()]


def main():
    # SIGTERM and SIGHUP (make killed, the terminal closed) stop everything as Ctrl-C does.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    env = load_env()
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    cache = "Redis" if env.get("REDIS_URL") else "files shared by the processes"
    print(f"Database: {backend}; cache: {cache}; {ITEMS} bulk items + the demo federation")
    state = prepare(env)
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"port {PORT} is in use by another server: set LOAD_PORT")
    base = f"http://127.0.0.1:{PORT}"
    run_dir = VAR / "run"
    run_dir.mkdir(exist_ok=True)
    server = worker = None
    readers, editors, kinds = [], [], []
    stopping = threading.Event()
    try:
        server = start(gunicorn_command(), env, "gunicorn.log")
        worker = start(
            [sys.executable, "manage.py", "serve_portal", "--qcluster"], env, "worker.log"
        )
        wait_for(base, server, worker)
        drain(env)
        desk = Desk(base)
        desk.login({a for e in EDITORS for a in (e[0], e[2])} | {SECRETARY, WEB_ADMIN})
        leave_pending(desk, state, max(0, PENDING - state["pending"]))
        kinds = reader_kinds(state)
        # A cold start: what an earlier run left in the page cache is dropped; the first pages
        # of each kind are built again by the warm-up, everything else during the run.
        shell(env, EMPTY_CACHE)
        warm_up(base, kinds, state["key"])
        ACCESS_LOG.write_text("")
        remind = shell(env, REMIND)
        desk.actions = desk.errors = 0
        desk.problems.clear()
        print(
            f"Load: {CONNECTIONS} readers for {SECONDS} s, {len(EDITORS)} editors, the worker "
            f"({remind['waiting']} items past their deadline); gunicorn {WORKERS} workers × "
            f"{THREADS} threads on {base}",
            flush=True,
        )
        before = cpu_sample()
        started = time.monotonic()
        readers = start_readers(base, kinds, state["key"], run_dir)
        groups = {
            "gunicorn": {server.pid},
            "worker": {worker.pid},
            "wrk": {process.pid for _, _, process, _ in readers},
            "editors and checker": {os.getpgrp()},
        }
        editors.extend(start_editors(desk, state, stopping))
        time.sleep(max(0.0, started + SECONDS - 0.5 - time.monotonic()))
        cpu = cpu_shares(before, cpu_sample(), groups)  # before wrk ends and takes its count
        for _, _, process, _ in readers:
            process.wait(timeout=SECONDS + 60)
        stopping.set()
        for thread in editors:  # each ends its cycle: a take-down watched WATCH s at most
            thread.join(timeout=4 * WATCH + 60)
        stop(worker, group=False)  # django-q2 stops its cluster in order on SIGTERM
        jobs = shell({**env, "SINCE": remind["since"]}, f"SINCE = {remind['since']!r}\n" + JOBS)
        jobs["waiting"] = remind["waiting"]
    finally:
        stopping.set()
        for _, _, process, _ in readers:
            stop(process, grace=5)
        stop(worker, group=False)
        stop(server)
    ok = report(readers, desk, jobs, cpu)
    report_server(kinds)
    sys.exit(0 if ok else 1)


def report_server(kinds) -> None:
    """Per kind of reader, from gunicorn's access log: the pages the page cache had (HIT),
    built (MISS) or does not keep (-), and the server's time on each (wall clock, threads
    sharing the CPU)."""
    where = {path: kind for kind, _, paths in kinds for path in paths}
    counts, spent, processes = {}, {}, {}
    try:
        lines = ACCESS_LOG.read_text().splitlines()
    except OSError:
        return
    for line in lines:
        parts = line.split(" ")
        if len(parts) != 5 or not parts[3].isdigit():
            continue
        path, query, cached, took, pid = parts
        processes[pid] = processes.get(pid, 0) + 1
        kind = where.get(f"{path}?{query}" if query else path) or where.get(
            f"{quote(path)}?{query}" if query else quote(path), "editors and checker"
        )
        cached = "HIT" if cached == "STALE" else cached  # the copy of before, during a build
        key = (kind, cached if cached in ("HIT", "MISS") else "-")
        counts[key] = counts.get(key, 0) + 1
        spent[key] = spent.get(key, 0) + int(took)
    names = [kind for kind, _, _ in kinds] + ["editors and checker"]
    print(f"\n{'server side':22} {'HIT':>7} {'MISS':>7} {'other':>7} {'server s':>9}  ms per MISS")
    for kind in names:
        hit, miss, other = (counts.get((kind, c), 0) for c in ("HIT", "MISS", "-"))
        total = sum(spent.get((kind, c), 0) for c in ("HIT", "MISS", "-")) / 1000
        per_miss = spent.get((kind, "MISS"), 0) / miss if miss else 0
        print(f"{kind:22} {hit:7d} {miss:7d} {other:7d} {total:9.1f}  {per_miss:6.0f}")
    # The kernel hands each new connection to whichever process accepts first: an uneven
    # share makes one process's queue, and the readers on it, wait longer.
    shares = " / ".join(str(n) for n in sorted(processes.values(), reverse=True))
    print(f"requests per gunicorn process: {shares}")


def seconds(took: dict) -> str:
    return ", ".join(f"{door} {'never' if s is None else f'{s:.2f} s'}" for door, s in took.items())


def report(readers, desk, jobs, cpu) -> bool:
    rows, merged, elapsed = [], {}, 0.0
    totals = {"requests": 0, "errors": 0, "socket": 0}
    for kind, connections, _, out_file in readers:
        figures = read_wrk(out_file)
        socket_errors = sum(figures.get(k, 0) for k in ("connect", "read", "write", "timeout"))
        bad = sum(count for code, count in figures["codes"].items() if not 200 <= code < 400)
        for value, count in figures["histogram"].items():
            merged[value] = merged.get(value, 0) + count
        codes = ",".join(
            f"{code}:{count}" for code, count in sorted(figures["codes"].items()) if code >= 400
        )
        seconds_run = figures["duration_us"] / 1e6
        elapsed = max(elapsed, seconds_run)
        rows.append(
            (kind, connections, figures["requests"], bad + socket_errors, figures["histogram"])
        )
        rows[-1] += (seconds_run,)
        rows[-1] += (codes + (f" socket:{socket_errors}" if socket_errors else ""),)
        totals["requests"] += figures["requests"]
        totals["errors"] += bad + socket_errors
    header = (
        f"{'readers':22} {'conns':>5} {'requests':>9} {'req/s':>7} {'errors':>6} "
        f"{'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'max ms':>7}  non-2xx/3xx"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for kind, connections, requests, errors, histogram, seconds_run, codes in rows:
        p50, p90, p99, top = percentiles(histogram)
        print(
            f"{kind:22} {connections:5d} {requests:9d} {requests / seconds_run:7.1f} {errors:6d} "
            f"{p50:7.0f} {p90:7.0f} {p99:7.0f} {top:7.0f}  {codes}"
        )
    p50, p90, p99, top = percentiles(merged)
    print("-" * len(header))
    print(
        f"{'all':22} {CONNECTIONS:5d} {totals['requests']:9d} "
        f"{totals['requests'] / elapsed:7.1f} {totals['errors']:6d} "
        f"{p50:7.0f} {p90:7.0f} {p99:7.0f} {top:7.0f}"
    )
    published = desk.published
    print(
        f"\nEditors: {desk.actions} API actions, {desk.errors} errors; "
        f"{len(published) + len(desk.unseen)} published, {desk.takedowns} taken down"
    )
    if desk.check_errors:
        print(f"  the checking readers got {desk.check_errors} errors (5xx or socket)")
    for problem in desk.problems[:5]:
        print(f"  error: {problem}")
    if published:
        print(
            f"Publish → seen by an anonymous reader (page, column, API): median "
            f"{statistics.median(published):.2f} s, max {max(published):.2f} s "
            f"(target ≤ {PUBLISH_WITHIN:.0f} s)"
        )
    for page, took in desk.unseen:
        print(f"  not seen for good within {WATCH:.0f} s: {page} {seconds(took)}")
    if desk.flaps:
        print(
            "  readings that fell back to the item missing after it had shown: "
            + ", ".join(f"{door} {count}" for door, count in desk.flaps.items())
        )
    print(
        f"Take-down → stale first reading: {len(desk.stale)} of {desk.takedowns} (target 0); "
        f"stale readings {desk.stale_readings} of {desk.readings}"
    )
    for page, still, took in desk.stale[:6]:
        print(f"  {page}: first still shown by {', '.join(still)}; gone for good: {seconds(took)}")
    print(
        f"Worker: {jobs['done']} jobs done, {jobs['failed']} failed, {jobs['queued']} still "
        f"queued; {jobs['reminders']} of {jobs['waiting']} waiting items reminded"
        f" ({jobs['reminder_runs']} reminder runs among the jobs kept); "
        + ", ".join(f"{func} {n}" for func, n in sorted(jobs["funcs"].items()))
    )
    if jobs["done"] >= jobs["save_limit"] > 0:
        print(f"  (django-q2 keeps its latest {jobs['save_limit']} successful jobs only)")
    for failure, count in sorted(jobs["failures"].items()):
        print(f"  failed {count}×: {failure[:160]}")
    cores = os.cpu_count()
    print(
        f"CPU during the run ({cores} cores = {cores * 100}%): "
        + ", ".join(f"{name} {share:.0f}%" for name, share in cpu.items() if name != "busy")
        + f"; machine busy {cpu['busy']:.0f}%"
    )
    if cpu["other"] > 25:
        print("  warning: other processes used the CPU during the run: the figures are low")
    for name in ("gunicorn.log", "worker.log"):
        problems = log_problems(name)
        if problems:
            print(f"{name} (var/load/{name}):")
            for line in problems[:8]:
                print(f"  {line}")
    checks = [
        ("0 reader errors", totals["errors"] == 0 and desk.check_errors == 0),
        ("0 editor errors", desk.errors == 0),
        (f"p99 < {P99_UNDER_MS:.0f} ms", p99 < P99_UNDER_MS),
        (
            f"publish seen ≤ {PUBLISH_WITHIN:.0f} s",
            bool(published)
            and not desk.unseen
            and not desk.flaps
            and max(published) <= PUBLISH_WITHIN,
        ),
        ("take-down gone at once", desk.takedowns > 0 and not desk.stale_readings),
        (
            "worker: every waiting item reminded, no job failed",
            0 < jobs["waiting"] == jobs["reminders"] and not jobs["failed"],
        ),
    ]
    print("\nTargets: " + "; ".join(f"{name} {'ok' if ok else 'MISSED'}" for name, ok in checks))
    return all(ok for _, ok in checks)


if __name__ == "__main__":
    main()
