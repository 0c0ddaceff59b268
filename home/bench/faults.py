"""`make faults`: the failures of issue 16 made for real, under load, and measured.

The driver (`python -m home.bench.faults`) needs no Django either: it reuses `make load`'s
machinery (home/bench/load.py: its own database prepared with `load_demo` and `bench_seed`,
gunicorn with settings.production, the django-q2 worker, wrk readers, two editors running the
whole workflow chain through the API) and, while that runs, stops a service and measures.
FAULT picks the trials (`postgres`, `redis`, `worker`, comma-separated, or `all`):

- postgres (DATABASE_URL and REDIS_URL on PostgreSQL and Redis at 127.0.0.1): FAULT_CONNECTIONS
  readers for FAULT_SECONDS; at FAULT_AT s the cluster is stopped (`pg_ctlcluster … stop -m
  FAULT_PG_MODE`), FAULT_FOR s later started again. wrk runs once per phase (before, during,
  after), so its status counts and latencies are per phase; a sampler asks every 150 ms for a
  cached page (the home page), an uncached article (a query string keeps it out of the page
  cache) and API content, and checks every 503: the Vietnamese outage page with Retry-After and
  no traceback, or plone.restapi's `{"type": "ServiceUnavailable"}` under /++api++/. Targets:
  no 5xx but those 503s and no refused or broken connection anywhere, no reader left waiting
  10 s, cached pages served throughout, uncached pages and the API back to 200 for good within
  RECOVER_WITHIN s of the database accepting connections again (nothing restarted), the
  editors' failed calls clean (503 or 409), the web admin's publish and take-down in the middle
  of the outage refused cleanly with nothing half done and made after it, the editors
  publishing again, the worker alive and running a job, and no half-written state (the
  integrity check: revisions, workflow and task states, notifications).
- redis: the same with Redis stopped (`redis-cli shutdown nosave`) and started again
  (`redis-server --daemonize yes --bind 127.0.0.1 --port … --save "" --appendonly no`).
  Targets: no 5xx and no refused or broken connection in any phase, no reader left waiting
  10 s (wrk's and the sampler's timeout), every publish seen within 5 s (or from the first
  reading on, when a reading itself takes longer) and every take-down gone at once (the
  editors' watcher, and the web admin's changes in the middle of the outage and right after
  it), the page cache used again, the worker alive, the notifications whose job could not be
  queued while Redis was down sent by the sweep, the integrity check.
- worker: no readers; a mail server of the driver's own on 127.0.0.1:FAULT_SMTP_PORT (STARTTLS
  with a certificate made for the run, since settings.production always asks for TLS; the
  worker trusts it through SSL_CERT_FILE), slow on purpose (FAULT_SMTP_DELAY s before it
  accepts each message). FAULT_NOTIFICATIONS notifications are queued in one batch
  (`notify.queue`) and a royalty list is requested (`reports.jobs.request_file`); the worker's
  whole process group gets SIGKILL once part of the batch is sent and the build is running,
  and it is started again. Then the sweeps run as the schedules would run them, once the
  claims and the build have lapsed (`notify.CLAIM_SECONDS`, `jobs.STALLED`): the driver moves
  those schedules' next run to that moment, and calls the sweep itself only if the worker has
  not run it 45 s later. Targets: every notification received exactly once (a message the
  worker sent but did not live to mark sent is listed as a duplicate), the report file built
  once after the restart, one row, and the same cells as the report computed afresh.

Every trial restores PostgreSQL and Redis in `finally` and prints where the CPU went, phase by
phase. Logs: var/load/faults-*.log. Settings (environment): FAULT (all), FAULT_SECONDS (70),
FAULT_AT (20), FAULT_FOR (20), FAULT_CONNECTIONS (150), FAULT_PG_MODE (fast; or immediate),
FAULT_PG_CLUSTER (15/main), FAULT_NOTIFICATIONS (40), FAULT_SMTP_PORT (2525),
FAULT_SMTP_DELAY (0.3), FAULT_KILL_ON_ACCEPT (0; 1 kills the worker the moment the mail server
accepts a message: the gap between accepting and marking sent), and load.py's LOAD_*.
"""

import collections
import email
import email.header
import email.policy
import json
import os
import re
import signal
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from home.bench import load
from home.bench.load import (
    EDITORS,
    SECRETARY,
    VAR,
    WEB_ADMIN,
    cpu_sample,
    cpu_shares,
    die_with_parent,
    drain,
    gunicorn_command,
    http,
    log_problems,
    percentiles,
    read_wrk,
    reader_kinds,
    start,
    start_readers,
    stop,
    warm_up,
)

TRIALS = ("postgres", "redis", "worker")
SECONDS = int(os.environ.get("FAULT_SECONDS", "70"))
FAULT_AT = int(os.environ.get("FAULT_AT", "20"))
FAULT_FOR = int(os.environ.get("FAULT_FOR", "20"))
CONNECTIONS = int(os.environ.get("FAULT_CONNECTIONS", "150"))
PG_MODE = os.environ.get("FAULT_PG_MODE", "fast")
PG_VERSION, PG_CLUSTER = os.environ.get("FAULT_PG_CLUSTER", "15/main").split("/")
NOTIFICATIONS = int(os.environ.get("FAULT_NOTIFICATIONS", "40"))
SMTP_PORT = int(os.environ.get("FAULT_SMTP_PORT", "2525"))
SMTP_DELAY = float(os.environ.get("FAULT_SMTP_DELAY", "0.3"))
KILL_ON_ACCEPT = os.environ.get("FAULT_KILL_ON_ACCEPT", "0") == "1"

SAMPLE_EVERY = 0.15  # seconds between two readings of each of the sampler's URLs
RECOVER_WITHIN = 15.0  # seconds after the database accepts connections again
WORKER_LIMIT = 480.0  # seconds the worker trial may take at most
SWEEP_GRACE = 45.0  # seconds the worker gets to run a due sweep before the driver runs it
PORT = load.PORT
BASE = f"http://127.0.0.1:{PORT}"
WORKER = [sys.executable, "manage.py", "serve_portal", "--qcluster"]
# The Vietnamese outage page (ldld_wagtail/templates/ldld_wagtail/503.html and its message).
OUTAGE_MARKS = ("Cổng thông tin tạm thời gián đoạn", "không kết nối được cơ sở dữ liệu")
CLEAN_EDITOR_FAILURES = {(503, "ServiceUnavailable"), (409, "Conflict")}


# --- the services ----------------------------------------------------------------------------


def _run(*command, timeout=90) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _port(url, default) -> str:
    return str(urlsplit(url).port or default) if url else str(default)


class Postgres:
    name = "PostgreSQL"

    def __init__(self, env):
        self.port = _port(env.get("DATABASE_URL"), 5432)

    def ready(self) -> bool:
        return _run("pg_isready", "-q", "-h", "127.0.0.1", "-p", self.port).returncode == 0

    def _ctl(self, *args):
        done = _run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, *args)
        if done.returncode != 0 and "already running" not in done.stderr:
            raise RuntimeError(f"pg_ctlcluster {' '.join(args)}: {done.stderr.strip()}")

    def stop(self):
        self._ctl("stop", "-m", PG_MODE)

    def start(self):
        self._ctl("start")


class Redis:
    name = "Redis"

    def __init__(self, env):
        self.port = _port(env.get("REDIS_URL"), 6379)

    def ready(self) -> bool:
        done = _run("redis-cli", "-p", self.port, "ping", timeout=5)
        return done.stdout.strip() == "PONG"

    def stop(self):
        _run("redis-cli", "-p", self.port, "shutdown", "nosave", timeout=15)
        deadline = time.monotonic() + 10
        while self.ready() and time.monotonic() < deadline:
            time.sleep(0.1)

    def start(self):
        _run(
            "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", self.port,
            "--save", "", "--appendonly", "no",
        )  # fmt: skip


def restore_services(env) -> list:
    """PostgreSQL and Redis running again, whatever happened: what had to be started."""
    started = []
    services = []
    if env.get("DATABASE_URL", "").startswith("postgres"):
        services.append(Postgres(env))
    if env.get("REDIS_URL"):
        services.append(Redis(env))
    for service in services:
        if service.ready():
            continue
        try:
            service.start()
        except RuntimeError as error:
            print(f"  restoring {service.name}: {error}", flush=True)
        deadline = time.monotonic() + 30
        while not service.ready() and time.monotonic() < deadline:
            time.sleep(0.2)
        started.append(f"{service.name} {'running' if service.ready() else 'STILL DOWN'}")
    return started


# --- the clock of a trial and the sampler ----------------------------------------------------


class Timeline:
    """Seconds since the trial's start; the moments the fault was made and undone."""

    def __init__(self):
        self.t0 = time.monotonic()
        self.events = {}

    def now(self) -> float:
        return time.monotonic() - self.t0

    def mark(self, name) -> float:
        self.events[name] = self.now()
        return self.events[name]

    def phase(self, t) -> str:
        if "fault" not in self.events or t < self.events["fault"]:
            return "before"
        if "restore" not in self.events or t < self.events["restore"]:
            return "during"
        return "after"


@dataclass
class Sample:
    t: float  # when the answer came (a request asked before the fault may be answered after)
    kind: str
    status: int
    ms: float
    problem: str  # what is wrong with a 503's answer ("" when it is the outage's answer)
    cache: str  # X-Cache


def probe(url, timeout=10.0):
    """(status, headers, body, milliseconds); status 0 for a socket error."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    except OSError as error:
        status, headers, body = 0, {}, str(error).encode()
    return status, headers, body, (time.perf_counter() - started) * 1000


def judge_503(api: bool, headers, body: bytes) -> str:
    """What is wrong with a 503 (empty: the outage's own answer)."""
    problems = []
    if not headers.get("Retry-After"):
        problems.append("no Retry-After")
    text = body.decode("utf-8", "replace")
    if "Traceback" in text or 'File "/' in text:
        problems.append("a traceback")
    if api:
        try:
            data = json.loads(text)
        except ValueError:
            data = {}
        if data.get("type") != "ServiceUnavailable" or not data.get("message"):
            problems.append(f"not plone.restapi's ServiceUnavailable: {text[:120]!r}")
    elif not all(mark in text for mark in OUTAGE_MARKS):
        problems.append(f"not the Vietnamese outage page: {text[:120]!r}")
    return "; ".join(problems)


class Sampler:
    """A cached page, an uncached article and API content, each read every SAMPLE_EVERY s."""

    KINDS = ("cached page", "uncached page", "API content")

    def __init__(self, base, timeline):
        self.base, self.timeline = base, timeline
        self.samples = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self._run, args=(kind,), daemon=True) for kind in self.KINDS
        ]

    def _path(self, kind, n) -> str:
        item = (n * 37) % load.ITEMS
        if kind == "cached page":
            return "/"
        if kind == "uncached page":  # a query string: the page cache neither serves nor keeps it
            return f"/tin-tuc/tin-{item}/?fresh={n}"
        return f"/++api++/tin-tuc/tin-{item}"

    def _run(self, kind):
        n = 0
        while not self.stopping.is_set():
            n += 1
            status, headers, body, ms = probe(self.base + self._path(kind, n))
            t = self.timeline.now()
            problem = judge_503(kind.startswith("API"), headers, body) if status == 503 else ""
            cache = headers.get("X-Cache", "") if headers else ""
            with self.lock:
                self.samples.append(Sample(t, kind, status, ms, problem, cache))
            self.stopping.wait(max(0.0, SAMPLE_EVERY - ms / 1000))

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def of(self, kind, phase=None) -> list:
        return [
            s
            for s in self.samples
            if s.kind == kind and (phase is None or self.timeline.phase(s.t) == phase)
        ]

    def back_for_good(self, kind, since) -> float | None:
        """Seconds after `since` until `kind` answered 200 in every reading from then on."""
        after = sorted((s for s in self.of(kind) if s.t >= since), key=lambda s: s.t)
        good = None
        for sample in reversed(after):
            if sample.status != 200:
                break
            good = sample.t
        return None if good is None else good - since


# --- the editors, who note what each call answered -------------------------------------------


class FaultDesk(load.Desk):
    """load.py's editors, each API call noted: (start, end, account, action, status, error
    type)."""

    def __init__(self, base, timeline):
        super().__init__(base)
        self.timeline = timeline
        self.calls = []

    def api(self, account, method, path, body=None):
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self.tokens[account]}"}
        started = self.timeline.now()
        status, answer = http(method, self.base + "/++api++" + path, headers, body, timeout=60)
        kind = ""
        if status not in (200, 201):
            try:
                kind = json.loads(answer).get("type", "")
            except (ValueError, AttributeError):
                kind = "not JSON" if status else "socket error"
        action = path.rsplit("/@workflow/", 1)[1] if "/@workflow/" in path else method
        with self.lock:
            self.calls.append((started, self.timeline.now(), account, action, status, kind))
            self.actions += 1
            if status not in (200, 201):
                self.errors += 1
                self.problems.append(f"{account} {method} {path}: {status} {answer[:200]!r}")
                return None
        return json.loads(answer) if answer else {}


# --- snippets run in `manage.py shell` ------------------------------------------------------

NOW = """
import json
from django.utils import timezone
print('RESULT=' + json.dumps(timezone.now().isoformat()))
"""

# A job for the worker after the fault, and whether it ran within 60 s.
PROBE = """
import json, time
from django_q.models import Task
from django_q.tasks import async_task
name = async_task('math.sqrt', 16, task_name='faults: probe after ' + TRIAL)
deadline, done = time.monotonic() + 60, None
while time.monotonic() < deadline and done is None:
    done = Task.objects.filter(id=name).first()
    time.sleep(0.5)
print('RESULT=' + json.dumps(
    {'ran': bool(done and done.success), 'result': done.result if done else None}))
"""

# Notifications owed that were created since the run started: how many, and (when asked) the
# sweep's schedule made due now.
OWED = """
import datetime, json
from django.utils import timezone
from django_q.models import Schedule
from ldld_wagtail.models import Notification
from ldld_wagtail.notify import OWED_SCHEDULE, ensure_owed_schedule
since = datetime.datetime.fromisoformat(SINCE)
rows = Notification.objects.filter(created_at__gte=since)
owed = rows.filter(sent_at=None)
oldest = owed.order_by('created_at').values_list('created_at', flat=True).first()
if DUE and owed.exists():
    ensure_owed_schedule()
    Schedule.objects.filter(name=OWED_SCHEDULE).update(next_run=timezone.now())
print('RESULT=' + json.dumps({
    'created': rows.count(), 'owed': owed.count(),
    'oldest_owed_age': (timezone.now() - oldest).total_seconds() if oldest else None,
}))
"""

INTEGRITY = """
import collections, datetime, json
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from wagtail.models import Page, Revision, TaskState, WorkflowState
from ldld_wagtail.models import Notification
since = datetime.datetime.fromisoformat(SINCE)
problems = collections.defaultdict(list)
info = {}
page_type = ContentType.objects.get_for_model(Page).pk
rows = list(Page.objects.exclude(latest_revision=None).values_list(
    'pk', 'latest_revision_id', 'live', 'live_revision_id', 'latest_revision_created_at',
    'last_published_at'))
wanted = {r[1] for r in rows} | {r[3] for r in rows if r[3]}
revisions = dict((pk, (obj, ct)) for pk, obj, ct in Revision.objects.filter(pk__in=wanted)
                 .values_list('pk', 'object_id', 'base_content_type_id'))
touched = 0
for pk, latest, live, live_revision, created, published in rows:
    touched += bool((created and created >= since) or (published and published >= since))
    for label, rev in (('latest', latest), ('live', live_revision)):
        if not rev:
            continue
        found = revisions.get(rev)
        if found is None:
            problems[f'{label} revision missing'].append(pk)
        elif found != (str(pk), page_type):
            problems[f'{label} revision belongs to another object'].append(pk)
    if live and not live_revision:
        problems['live page without a live revision'].append(pk)
info['pages with revisions'] = len(rows)
info['pages changed during the run'] = touched
info['live pages without any revision (bulk-seeded, bench_seed)'] = (
    Page.objects.filter(live=True, latest_revision=None, live_revision=None).count())
running = WorkflowState.objects.filter(status='in_progress').annotate(
    n=Count('task_states', filter=Q(task_states__status='in_progress')))
for state in running:
    if state.n != 1:
        problems['workflow in progress without exactly one task in progress'].append(state.pk)
    current = state.current_task_state
    if current is None or current.status != 'in_progress' or current.workflow_state_id != state.pk:
        problems['workflow in progress whose current task is not in progress'].append(state.pk)
    if not Page.objects.filter(pk=state.object_id).exists():
        problems['workflow in progress on a missing page'].append(state.pk)
for ts in TaskState.objects.filter(status='in_progress').exclude(
        workflow_state__status='in_progress').values_list('pk', flat=True):
    problems['task in progress under a finished workflow'].append(ts)
info['workflows in progress'] = running.count()
info['workflows started during the run'] = WorkflowState.objects.filter(
    created_at__gte=since).count()
notes = Notification.objects.all()
problems['notification sent without a claim'] = list(
    notes.filter(sent_at__isnull=False, claimed_at=None).values_list('pk', flat=True))
problems['notification sent before it was claimed'] = list(
    notes.filter(sent_at__lt=F('claimed_at')).values_list('pk', flat=True))
steps = set(TaskState.objects.values_list('pk', flat=True))
flows = set(WorkflowState.objects.values_list('pk', flat=True))
for pk, key in notes.filter(created_at__gte=since).values_list('pk', 'key'):
    kind, _, rest = key.partition(':')
    ref = rest.split(':', 1)[0]
    if kind == 'step' and ref.isdigit() and int(ref) not in steps:
        problems['notification of a task state that does not exist'].append(pk)
    if kind == 'published' and ref.isdigit() and int(ref) not in flows:
        problems['notification of a workflow that does not exist'].append(pk)
step_states = TaskState.objects.filter(started_at__gte=since)
step_keys = notes.filter(key__startswith='step:').values_list('key', flat=True)
told = {int(k.split(':')[1]) for k in step_keys if k.split(':')[1].isdigit()}
info['task states started during the run'] = step_states.count()
info['... of which nobody was notified (no one else acts at that step, or an error)'] = (
    step_states.exclude(pk__in=told).count())
info['notifications created during the run'] = notes.filter(created_at__gte=since).count()
info['... still owed'] = notes.filter(created_at__gte=since, sent_at=None).count()
print('RESULT=' + json.dumps({
    'problems': {k: v[:10] + (['…'] if len(v) > 10 else []) for k, v in problems.items() if v},
    'info': info,
}))
"""


def shell_with(env, code, **values) -> dict:
    """load.shell with module-level values set before `code` (their repr), its log lines (the
    worker's "Enqueued …") in var/load/faults-shell.log."""
    head = "".join(f"{name} = {value!r}\n" for name, value in values.items())
    with open(VAR / "faults-shell.log", "a") as log:
        out = load.manage(env, "shell", "-v0", "-c", head + code, capture=True, log=log)
    return json.loads(re.search(r"^RESULT=(.*)$", out, re.M).group(1))


def integrity(env, since) -> dict:
    return shell_with(env, INTEGRITY, SINCE=since)


def print_integrity(result) -> bool:
    print("Integrity (pages, revisions, workflows, notifications):")
    for name, value in result["info"].items():
        print(f"  {name}: {value}")
    for name, pks in result["problems"].items():
        print(f"  PROBLEM {name}: {', '.join(map(str, pks))}")
    if not result["problems"]:
        print("  no half-written state found")
    return not result["problems"]


def sweep_owed(env, since, limit=75.0) -> dict:
    """Notifications created since the run that are still owed: once the youngest of them is
    a minute old (what `send_owed` waits for), the sweep's schedule is made due and the
    worker is given `limit` s to send them."""
    state = shell_with(env, OWED, SINCE=since, DUE=False)
    first = dict(state)
    if not state["owed"]:
        return {"first": first, "last": state, "swept": False}
    deadline = time.monotonic() + limit
    due = False
    while state["owed"] and time.monotonic() < deadline:
        age = state["oldest_owed_age"] or 0
        if not due and age < 62:
            time.sleep(min(62 - age, 5))
            state = shell_with(env, OWED, SINCE=since, DUE=False)
            continue
        state = shell_with(env, OWED, SINCE=since, DUE=not due)
        due = True
        time.sleep(3)
        state = shell_with(env, OWED, SINCE=since, DUE=False)
    return {"first": first, "last": state, "swept": due}


# --- the trials under load: PostgreSQL, Redis ------------------------------------------------


def wait_ready(base, server, worker, log_name, limit=90.0):
    deadline = time.monotonic() + limit
    if server is not None:
        while True:
            if server.poll() is not None:
                sys.exit(f"gunicorn exited with status {server.returncode}")
            if http("GET", base + "/healthz", timeout=2)[0] == 200:
                break
            if time.monotonic() > deadline:
                sys.exit("gunicorn did not answer within 90 s")
            time.sleep(0.2)
    while "(django-q2)" not in (VAR / log_name).read_text(errors="replace"):
        if worker.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"the worker did not start: see {VAR}/{log_name}")
        time.sleep(0.2)


def service_pgids() -> set:
    """Process groups of PostgreSQL's and Redis's processes now (for where the CPU went)."""
    found = set()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/comm") as comm:
                if not comm.read().startswith(("postgres", "redis-server")):
                    continue
            with open(f"/proc/{entry.name}/stat") as stat:
                found.add(int(stat.read().rsplit(")", 1)[1].split()[2]))
        except OSError:
            continue
    return found


def wrk_phase(readers) -> list:
    """Each kind's figures of one phase: (kind, requests, seconds, codes, socket, histogram)."""
    rows = []
    for kind, _connections, process, out_file in readers:
        process.wait(timeout=120)
        figures = read_wrk(out_file) if out_file.exists() else {"codes": {}, "histogram": {}}
        rows.append(
            (
                kind,
                figures.get("requests", 0),
                figures.get("duration_us", 1) / 1e6,
                figures["codes"],
                {k: figures.get(k, 0) for k in ("connect", "read", "write", "timeout")},
                figures["histogram"],
            )
        )
    return rows


def service_trial(trial, env, state) -> bool:
    service = Postgres(env) if trial == "postgres" else Redis(env)
    if not service.ready():
        print(f"{service.name} is not running: trial not run")
        return False
    names = {"gunicorn": f"faults-{trial}-gunicorn.log", "worker": f"faults-{trial}-worker.log"}
    run_dir = VAR / "run"
    run_dir.mkdir(exist_ok=True)
    after = SECONDS - FAULT_AT - FAULT_FOR
    phases = [("before", FAULT_AT), ("during", FAULT_FOR), ("after", after)]
    server = worker = sampler = None
    stopping = threading.Event()
    editors, readers_by_phase, cpu = [], {}, {}
    timeline = Timeline()
    result = {}
    try:
        server = start(gunicorn_command(), env, names["gunicorn"])
        worker = start(WORKER, env, names["worker"])
        wait_ready(BASE, server, worker, names["worker"])
        drain(env)
        desk = FaultDesk(BASE, timeline)
        desk.login({a for e in EDITORS for a in (e[0], e[2])} | {SECRETARY, WEB_ADMIN})
        kinds = reader_kinds(state)
        warm_up(BASE, kinds, state["key"])
        changes = OutageChanges(desk, state)
        since = shell_with(env, NOW)
        print(
            f"\n== {service.name} stopped for {FAULT_FOR} s at t={FAULT_AT} s of {SECONDS} s, "
            f"{CONNECTIONS} readers, {len(EDITORS)} editors, the sampler "
            f"(every {SAMPLE_EVERY * 1000:.0f} ms: {', '.join(Sampler.KINDS)})",
            flush=True,
        )
        timeline = Timeline()
        desk.timeline = timeline
        desk.calls.clear()  # the preparation's calls are not the trial's
        desk.actions = desk.errors = 0
        desk.problems.clear()
        sampler = Sampler(BASE, timeline)
        sampler.start()
        editors.extend(load.start_editors(desk, state, stopping))
        thread = threading.Thread(target=changes.run, args=(timeline, stopping), daemon=True)
        thread.start()
        editors.append(thread)
        ends = 0.0
        queued_before = None
        for phase, seconds in phases:
            # the last phase's readers gone first, so that none of their requests is answered
            # after the fault is made (or undone) and counted in the wrong phase
            for previous in readers_by_phase.values():
                for _, _, process, _ in previous:
                    process.wait(timeout=30)
            ends = max(ends, timeline.now())
            before = cpu_sample()
            if phase == "during" and trial == "redis":
                queued_before = redis_queue_length(env)
            readers = start_readers(
                BASE, kinds, state["key"], run_dir, seconds, CONNECTIONS, f"{trial}-{phase}-"
            )
            readers_by_phase[phase] = readers
            if phase == "during":
                timeline.mark("fault")
                service.stop()
                timeline.mark("stopped")
                print(f"  t={timeline.events['fault']:.1f} s: {service.name} stopped", flush=True)
            elif phase == "after":
                timeline.mark("restore")
                service.start()
                timeline.mark("started")
                while not service.ready() and timeline.now() < SECONDS:
                    time.sleep(0.1)
                timeline.mark("ready")
                print(
                    f"  t={timeline.events['restore']:.1f} s: {service.name} started, accepting "
                    f"at t={timeline.events['ready']:.1f} s",
                    flush=True,
                )
            ends += seconds
            time.sleep(max(0.0, ends - 0.5 - timeline.now()))
            groups = {
                "gunicorn": {server.pid},
                "worker": {worker.pid},
                "wrk": {process.pid for _, _, process, _ in readers},
                "driver (editors, sampler)": {os.getpgrp()},
                "PostgreSQL + Redis": service_pgids(),
            }
            sample = cpu_sample()
            cpu[phase] = (cpu_shares(before, sample, groups), top_others(before, sample, groups))
            time.sleep(max(0.0, ends - timeline.now()))
        wrk = {phase: wrk_phase(readers) for phase, readers in readers_by_phase.items()}
        stopping.set()
        for thread in editors:
            thread.join(timeout=4 * load.WATCH + 60)
        sampler.stop()
        result["worker alive"] = worker.poll() is None
        result["probe"] = shell_with(env, PROBE, TRIAL=trial)
        result["owed"] = sweep_owed(env, since)
        result["integrity"] = integrity(env, since)
        result["redis queue"] = queued_before
    finally:
        stopping.set()
        if sampler is not None:
            sampler.stop()
        for readers in readers_by_phase.values():
            for _, _, process, _ in readers:
                stop(process, grace=5)
        stop(worker, group=False)
        stop(server)
        restored = restore_services(env)
        if restored:
            print(f"  restored: {', '.join(restored)}")
    return report_service(trial, service, timeline, wrk, sampler, desk, changes, cpu, result, names)


def redis_queue_length(env):
    """Jobs waiting in django-q2's Redis list (lost when Redis restarts empty)."""
    url = urlsplit(env.get("REDIS_URL", ""))
    db = (url.path or "/0").strip("/") or "0"
    done = _run(
        "redis-cli", "-p", str(url.port or 6379), "-n", db, "llen", "django_q:ldld:q", timeout=5
    )
    return int(done.stdout.strip()) if done.stdout.strip().isdigit() else None


def seconds_text(value) -> str:
    return "never" if value is None else f"{value:.1f} s"


def codes_text(codes: dict) -> str:
    return " ".join(f"{code}×{count}" for code, count in sorted(codes.items())) or "-"


def ms(value) -> str:
    return "-" if value != value else f"{value:.0f}"  # nan


def report_service(trial, service, timeline, wrk, sampler, desk, changes, cpu, result, names):
    ev = timeline.events
    outage = trial == "postgres"  # the database: 503s expected while it is down
    print(
        f"\nTimeline: {service.name} stop issued t={ev['fault']:.1f} s, stopped "
        f"t={ev['stopped']:.1f} s; start issued t={ev['restore']:.1f} s, accepting "
        f"t={ev['ready']:.1f} s"
    )
    # wrk, per phase
    failures = collections.Counter()  # 5xx other than an outage's 503, refused/reset connections
    gave_up = collections.Counter()  # wrk's 10 s timeout, per phase
    before_bad, home_during = 0, [0, 0]
    header = (
        f"{'phase':7} {'readers':20} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'max ms':>7}  statuses (socket errors)"
    )
    print("\nwrk readers per phase\n" + header + "\n" + "-" * len(header))
    for phase, rows in wrk.items():
        merged = collections.Counter()
        for kind, requests, seconds, codes, sockets, histogram in rows:
            merged.update(histogram)
            p50, _p90, p99, top = percentiles(histogram)
            allowed = (503,) if outage and phase != "before" else ()
            failures[phase] += sum(
                n for c, n in codes.items() if not (200 <= c < 400 or c in allowed)
            )
            failures[phase] += sockets["connect"] + sockets["read"] + sockets["write"]
            gave_up[phase] += sockets["timeout"]
            if phase == "before":
                before_bad += sum(n for c, n in codes.items() if not 200 <= c < 400)
                before_bad += sum(sockets.values())
            if phase == "during" and kind == "home":
                home_during = [codes.get(200, 0), sum(codes.values()) + sum(sockets.values())]
            socket_text = ", ".join(f"{k} {n}" for k, n in sockets.items() if n)
            print(
                f"{phase:7} {kind:20} {requests:8d} {requests / seconds:7.1f} {ms(p50):>7} "
                f"{ms(p99):>7} {ms(top):>7}  {codes_text(codes)}"
                + (f" ({socket_text})" if socket_text else "")
            )
        p50, _p90, p99, top = percentiles(merged)
        total = sum(r[1] for r in rows)
        print(
            f"{phase:7} {'all':20} {total:8d} {total / max(r[2] for r in rows):7.1f} "
            f"{ms(p50):>7} {ms(p99):>7} {ms(top):>7}"
        )
    print("(timeout: wrk gave up after 10 s; connect/read/write: refused or broken connections)")
    # the sampler, per phase
    print("\nSampler per phase (statuses, 0 = no answer within 10 s; p50/p99/max ms)")
    wrong_503 = []
    for kind in Sampler.KINDS:
        for phase in ("before", "during", "after"):
            samples = sampler.of(kind, phase)
            codes = collections.Counter(s.status for s in samples)
            histogram = collections.Counter(int(s.ms * 1000) for s in samples)
            p50, _p90, p99, top = percentiles(histogram)
            allowed = (200, 503) if outage and phase != "before" else (200,)
            failures[f"sampler {phase}"] += sum(
                n for c, n in codes.items() if c not in allowed and c != 0
            )
            gave_up[f"sampler {phase}"] += codes.get(0, 0)
            wrong_503 += [s for s in samples if s.problem]
            hits = collections.Counter(s.cache or "none" for s in samples)
            extra = f"; X-Cache {dict(hits)}" if kind == "cached page" else ""
            print(
                f"  {kind:14} {phase:7} {codes_text(codes):24} {ms(p50):>6} {ms(p99):>6} "
                f"{ms(top):>6}{extra}"
            )
    for sample in wrong_503[:5]:
        print(f"  wrong 503 at t={sample.t:.1f} s ({sample.kind}): {sample.problem}")
    status_runs(sampler, timeline)
    recovered = {
        kind: sampler.back_for_good(kind, ev["ready"]) for kind in ("uncached page", "API content")
    }
    lag = ev["ready"] - ev["restore"]
    print(
        "Back to 200 for good after the service accepted connections again: "
        + ", ".join(f"{kind} {seconds_text(s)}" for kind, s in recovered.items())
        + "; after the start command: "
        + ", ".join(
            f"{kind} {seconds_text(None if s is None else s + lag)}"
            for kind, s in recovered.items()
        )
    )
    hits = [s.t for s in sampler.of("cached page") if s.t >= ev["ready"] and s.cache == "HIT"]
    cache_back = hits[0] - ev["ready"] if hits else None
    print(f"Page cache: first X-Cache HIT after the service returned {seconds_text(cache_back)}")
    # the editors
    by_phase = collections.defaultdict(collections.Counter)
    unclean, slow = [], []
    for started, ended, account, action, status, kind in desk.calls:
        by_phase[timeline.phase(ended)][f"{status}{' ' + kind if kind else ''}"] += 1
        if status not in (200, 201) and (status, kind) not in CLEAN_EDITOR_FAILURES:
            unclean.append((started, account, action, status, kind))
        if started < ev["fault"] < ended or started < ev["ready"] < ended:
            slow.append((started, ended, account, action, status))
    print(f"\nEditors: {desk.actions} API calls (by the phase each was answered in)")
    for phase in ("before", "during", "after"):
        print(f"  {phase:7} " + ", ".join(f"{k}×{n}" for k, n in sorted(by_phase[phase].items())))
    for started, ended, account, action, status in slow[:4]:
        print(f"  call across a phase: {account} {action} t={started:.1f}–{ended:.1f} s → {status}")
    for started, account, action, status, kind in unclean[:6]:
        print(f"  unclean failure at t={started:.1f} s: {account} {action} → {status} {kind}")
    done = [
        (started, action)
        for started, _e, _a, action, status, _k in desk.calls
        if action in ("publish", "take_down") and status == 200
    ]
    for phase in ("before", "during", "after"):
        count = collections.Counter(a for s, a in done if timeline.phase(s) == phase)
        print(f"  {phase:7} publishes {count['publish']}, take-downs {count['take_down']}")
    republished = [s for s, a in done if a == "publish" and s >= ev["ready"]]
    published = desk.published
    if published:
        median = sorted(published)[len(published) // 2]
        print(
            f"  publish → seen by an anonymous reader: median {median:.2f} s, "
            f"max {max(published):.2f} s; not seen within {load.WATCH:.0f} s: {len(desk.unseen)}"
        )
        slowest = max((s.ms for s in sampler.samples if timeline.phase(s.t) == "during"), default=0)
        print(f"  (the readings' own time counts: up to {slowest / 1000:.1f} s during the fault)")
    print(
        f"  take-down → stale first reading: {len(desk.stale)} of {desk.takedowns}; stale "
        f"readings {desk.stale_readings} of {desk.readings}; the checking readers' errors "
        f"(5xx, no answer) {desk.check_errors}; readings that fell back {desk.flaps or 0}"
    )
    for page, still, took in desk.stale[:4]:
        print(f"    stale: {page} first still shown by {', '.join(still)} ({took})")
    for page, took in desk.unseen[:4]:
        print(f"    not seen for good: {page} {took}")
    changes_ok = changes.report(outage)
    # the worker and the jobs
    owed = result["owed"]
    print(
        f"\nWorker: {'alive' if result['worker alive'] else 'DEAD'} after the fault; a job "
        f"queued after it {'ran' if result['probe']['ran'] else 'DID NOT RUN'}"
    )
    if result.get("redis queue") is not None:
        print(
            f"  jobs waiting in Redis when it was stopped (lost with it): {result['redis queue']}"
        )
    could_not = collections.Counter()
    for name in names.values():
        for line in (VAR / name).read_text(errors="replace").splitlines():
            found = re.search(r"Could not queue (\S+); the broker is unavailable", line)
            if found:
                could_not[found.group(1).rsplit(".", 1)[-1]] += 1
    print(
        "  jobs that could not be queued (broker down): "
        + (", ".join(f"{f} {n}" for f, n in could_not.items()) or "none")
    )
    print(
        f"  notifications created during the run {owed['first']['created']}, owed at its end "
        f"{owed['first']['owed']}, owed after "
        + ("the sweep (send_owed, its schedule made due)" if owed["swept"] else "waiting")
        + f": {owed['last']['owed']}"
    )
    for name in names.values():
        problems = log_problems(name)
        if problems:
            print(f"  {name}:")
            for line in problems[:8]:
                print(f"    {line[:220]}")
    print_cpu(cpu)
    clean = print_integrity(result["integrity"])
    worker_ok = result["worker alive"] and result["probe"]["ran"]
    no_failure = not sum(failures.values())
    nobody_gave_up = not sum(gave_up.values())
    print(
        "Failures by phase: "
        + (", ".join(f"{k} {n}" for k, n in failures.items() if n) or "none")
        + "; readers who gave up (10 s): "
        + (", ".join(f"{k} {n}" for k, n in gave_up.items() if n) or "none")
    )
    if outage:
        during = sampler.of("cached page", "during")
        checks = [
            ("no 500, no refused or broken connection", no_failure),
            ("nobody waited 10 s", nobody_gave_up),
            ("no error before the outage", before_bad == 0),
            (
                "cached page served throughout (sampler)",
                bool(during) and all(s.status == 200 for s in during),
            ),
            (
                "home page 200 during the outage (wrk, ≥ 99%)",
                home_during[1] > 0 and home_during[0] >= 0.99 * home_during[1],
            ),
            ("every 503 the outage's answer (page, Retry-After, API shape)", not wrong_503),
            (
                f"recovered by itself ≤ {RECOVER_WITHIN:.0f} s",
                all(s is not None and s <= RECOVER_WITHIN for s in recovered.values()),
            ),
            ("editors' failures clean (503/409)", not unclean),
            ("editors publish again after it", bool(republished)),
            ("changes at set moments", changes_ok),
            ("worker alive, runs a job", worker_ok),
            ("owed notifications sent by the sweep", owed["last"]["owed"] == 0),
            ("no half-written state", clean),
        ]
    else:
        checks = [
            ("0 errors (5xx, refused or broken connections)", no_failure and desk.errors == 0),
            ("nobody waited 10 s", nobody_gave_up and not desk.check_errors),
            (
                # the time to see a publish counts the readings' own time, seconds while Redis
                # is down: the changes at set moments below tell slowness from staleness
                "editors' publishes seen for good, take-downs gone at once",
                not desk.unseen and not desk.flaps and not desk.stale_readings,
            ),
            ("changes during and right after the outage seen right", changes_ok),
            ("page cache used again", cache_back is not None),
            ("worker alive, runs a job", worker_ok),
            ("owed notifications sent by the sweep", owed["last"]["owed"] == 0),
            ("no half-written state", clean),
        ]
    print(
        f"\nTargets ({trial}): " + "; ".join(f"{n} {'ok' if ok else 'MISSED'}" for n, ok in checks)
    )
    return all(ok for _, ok in checks)


def status_runs(sampler, timeline):
    """Each sampler URL's answers in time order, runs of one status merged."""
    marks = ", ".join(f"{name} {t:.1f} s" for name, t in timeline.events.items())
    print(f"Sampler, status over time ({marks}):")
    for kind in Sampler.KINDS:
        runs = []
        for sample in sorted(sampler.of(kind), key=lambda s: s.t):
            if runs and runs[-1][0] == sample.status:
                runs[-1][2], runs[-1][3] = sample.t, runs[-1][3] + 1
            else:
                runs.append([sample.status, sample.t, sample.t, 1])
        print(
            f"  {kind:14} "
            + " | ".join(
                f"{status}×{n} {first:.1f}–{last:.1f} s" for status, first, last, n in runs
            )
        )


def print_cpu(cpu):
    cores = os.cpu_count()
    print(f"CPU per phase ({cores} cores = {cores * 100}%):")
    for phase, (shares, others) in cpu.items():
        print(
            f"  {phase:7} "
            + ", ".join(f"{n} {s:.0f}%" for n, s in shares.items() if n != "busy")
            + f"; machine busy {shares['busy']:.0f}%"
        )
        if shares["other"] > 25:
            print(
                "          warning: other processes used the CPU, the figures are low: "
                + ", ".join(f"{name} {share:.0f}%" for name, share in others)
            )


def top_others(before, after, groups, count=4) -> list:
    """The processes outside `groups` that used the most CPU between two samples (% of one
    core), by command name."""
    hertz = os.sysconf("SC_CLK_TCK")
    seconds = (after["total"] - before["total"]) / hertz / (os.cpu_count() or 1)
    ours = set().union(*groups.values())
    used = collections.Counter()
    for pid, (pgid, ticks) in after["processes"].items():
        if pgid in ours:
            continue
        spent = ticks - before["processes"].get(pid, (None, 0))[1]
        if spent <= 0:
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                words = cmdline.read().split(b"\0")
            name = " ".join(w.decode(errors="replace") for w in words[:3])[:60]
        except OSError:
            name = str(pid)
        used[name] += 100 * spent / hertz / max(seconds, 1e-9)
    return used.most_common(count)


class OutageChanges:
    """Two items the web admin changes at set moments: in the middle of the outage one is
    published and the other taken down; a second after the service is back, anonymous readers
    look at both (a refused change must have left nothing half done), the refused changes are
    made again, and then the first item is taken down. Each change is watched as the editors'
    are (load.watch)."""

    def __init__(self, desk, state):
        self.desk, self.base = desk, desk.base
        self.items = []  # (path, column path)
        for editor in (0, 1):
            column = state["columns"][EDITORS[editor][1]]
            path = load.write_item(desk, editor, 2000 + editor, column)
            if path is None:
                sys.exit("could not prepare the outage's items:\n" + desk.problems[-1])
            self.items.append((path, column))
        if desk.api(WEB_ADMIN, "POST", f"{self.items[1][0]}/@workflow/publish", {}) is None:
            sys.exit("could not publish the outage's second item:\n" + desk.problems[-1])
        self.results, self.between = [], {}

    def act(self, action, item, when) -> dict:
        path, column = item
        token = self.desk.tokens[WEB_ADMIN]
        headers = {"Accept": "application/json", "Authorization": f"Bearer {token}"}
        body = {"reason": "Thử lỗi: gỡ xuống"} if action == "take_down" else {}
        t = self.desk.timeline.now()
        status, answer = http(
            "POST", f"{self.base}/++api++{path}/@workflow/{action}", headers, body, timeout=60
        )
        kind = ""
        if status != 200:
            try:
                kind = json.loads(answer).get("type", "")
            except (ValueError, AttributeError):
                kind = "not JSON"
        return {"action": action, "item": path, "when": when, "t": t, "status": status,
                "type": kind, "column": column}  # fmt: skip

    def watch(self, record):
        if record["status"] != 200:
            return record
        want = record["action"] == "publish"
        path = record["item"]
        slug = path.rsplit("/", 1)[-1]
        readings = load.watch(self.base, path + "/", record["column"], slug, want)
        record["took"] = load.settled(readings, want)
        # the first reading from which every door showed the change for good (0: the very
        # first reading did; its time is then only how long a reading took)
        since = [
            next(
                (n for n in range(len(readings)) if all(r[1][door] == want for r in readings[n:])),
                None,
            )
            for door in readings[0][1]
        ]
        record["from reading"] = None if None in since else max(since)
        record["first"] = readings[0][1]
        record["errors"] = load.errors(readings)
        record["fell back"] = load.wrong(readings, want)
        return record

    def run(self, timeline, stopping):
        a, b = self.items
        while timeline.now() < FAULT_AT + FAULT_FOR / 2 and not stopping.is_set():
            time.sleep(0.1)
        first = [self.act("publish", a, "during"), self.act("take_down", b, "during")]
        with ThreadPoolExecutor(2) as pool:
            first = list(pool.map(self.watch, first))
        self.results += first
        while (
            "ready" not in timeline.events or timeline.now() < timeline.events["ready"] + 1
        ) and (not stopping.is_set()):
            time.sleep(0.1)
        # what a refused change left: the first item still unpublished, the second still live
        self.between = {
            "first item shown": load.visible(self.base, a[0] + "/", a[1], a[0].rsplit("/", 1)[1]),
            "second item shown": load.visible(self.base, b[0] + "/", b[1], b[0].rsplit("/", 1)[1]),
        }
        again = [
            self.act(r["action"], a if r["item"] == a[0] else b, "after, again")
            for r in first
            if r["status"] != 200
        ]
        if again:
            with ThreadPoolExecutor(len(again)) as pool:
                self.results += list(pool.map(self.watch, again))
        # the first item published (during the outage, or again after it): taken down now
        self.results.append(self.watch(self.act("take_down", a, "then")))

    def report(self, outage) -> bool:
        print("Changes at set moments (web admin; watched by an anonymous reader):")
        ok = bool(self.results)
        for r in self.results:
            line = f"  {r['when']:13} t={r['t']:.1f} s {r['action']:9} → {r['status']} {r['type']}"
            if r["status"] == 200:
                took = r["took"]
                want = r["action"] == "publish"
                if want:
                    slowest = None if None in took.values() else max(took.values())
                    at = r["from reading"]
                    good = slowest is not None and (slowest <= load.PUBLISH_WITHIN or at == 0)
                    line += f"; seen for good after {seconds_text(slowest)}"
                    line += "" if at is None else f", from reading {at + 1} on"
                else:
                    still = [door for door, shown in r["first"].items() if shown]
                    good = not still and not r["fell back"]
                    shown = "still shows it: " + ", ".join(still) if still else "gone"
                    line += f"; first reading {shown}"
                if r["fell back"]:
                    line += f"; fell back {r['fell back']}"
                if r["errors"]:
                    line += f"; reader errors {r['errors']}"
            else:
                clean = (r["status"], r["type"]) in CLEAN_EDITOR_FAILURES
                good = outage and r["when"] == "during" and clean
                line += " (clean)" if clean else " (NOT clean)"
            ok = ok and good
            print(line + ("" if good else "   ← MISSED"))
        if self.between:
            print(
                "  before the retries, anonymous readers saw: "
                + "; ".join(f"{k} {v}" for k, v in self.between.items())
            )
            refused = {
                r["action"] for r in self.results if r["when"] == "during" and r["status"] != 200
            }
            if "publish" in refused and any(self.between["first item shown"].values()):
                print("  a refused publish shows: HALF DONE")
                ok = False
            if "take_down" in refused and not all(self.between["second item shown"].values()):
                print("  a refused take-down hid the item: HALF DONE")
                ok = False
        return ok


# --- the worker trial ------------------------------------------------------------------------


class Sink(socketserver.ThreadingTCPServer):
    """A slow SMTP server (EHLO/HELO, STARTTLS, MAIL, RCPT, DATA, RSET, NOOP, QUIT): it waits
    SMTP_DELAY s before accepting each message, and keeps what it accepted. A message whose
    client is gone before the server says 250 is not accepted (kept apart as `dropped`)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port, tls, delay, on_accept=None):
        super().__init__(("127.0.0.1", port), SinkHandler)
        self.tls, self.delay, self.on_accept = tls, delay, on_accept
        self.accepted, self.dropped = [], []
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def count(self, subject) -> int:
        with self.lock:
            return sum(m["subject"] == subject for m in self.accepted)


class SinkHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 127.0.0.1 faults sink ESMTP")
        tls = False
        sender, recipients = None, []
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            verb, _, argument = line.decode("utf-8", "replace").strip().partition(" ")
            verb = verb.upper()
            if verb in ("EHLO", "HELO"):
                if verb == "HELO":
                    self.reply("250 127.0.0.1")
                else:
                    self.reply("250-127.0.0.1")
                    if not tls:
                        self.reply("250-STARTTLS")
                    self.reply("250-8BITMIME")
                    self.reply("250 SMTPUTF8")
            elif verb == "STARTTLS" and not tls:
                self.reply("220 Ready to start TLS")
                self.request = self.server.tls.wrap_socket(self.request, server_side=True)
                self.rfile = self.request.makefile("rb")
                self.wfile = self.request.makefile("wb")
                tls = True
            elif verb == "MAIL":
                sender, recipients = argument, []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(re.sub(r"^TO:\s*<?([^>\s]*)>?.*$", r"\1", argument, flags=re.I))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while True:
                    chunk = self.rfile.readline(1 << 20)
                    if not chunk:
                        return
                    if chunk in (b".\r\n", b".\n"):
                        break
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.received(b"".join(data), sender, recipients)
                sender, recipients = None, []
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")

    def received(self, data, sender, recipients):
        message = email.message_from_bytes(data, policy=email.policy.default)
        record = {
            "subject": str(message["Subject"] or ""),
            "to": recipients,
            "message_id": str(message["Message-ID"] or ""),
            "at": time.time(),
        }
        time.sleep(self.server.delay)  # the slow server at work
        if self.client_gone():
            with self.server.lock:
                self.server.dropped.append(record)
            return
        self.reply("250 OK: queued")
        with self.server.lock:
            self.server.accepted.append(record)
        if self.server.on_accept:
            self.server.on_accept(record)

    def client_gone(self) -> bool:
        """The client closed its side (a killed worker) while the server was at work: its
        socket reads as ready, and reading gives the end of the stream (or an error)."""
        import select

        readable, _, _ = select.select([self.request], [], [], 0)
        if not readable:
            return False
        try:
            if isinstance(self.request, ssl.SSLSocket):
                return self.request.recv(1) == b""
            return self.request.recv(1, socket.MSG_PEEK) == b""
        except (ConnectionError, ssl.SSLError, OSError):
            return True


def certificate():
    """A certificate for 127.0.0.1 made for the run (openssl): (TLS server context, path)."""
    folder = VAR / "faults-tls"
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    if not cert.exists():
        done = _run(
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        )  # fmt: skip
        if done.returncode != 0:
            sys.exit(f"openssl could not make the sink's certificate: {done.stderr.strip()}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


class Helper:
    """One `manage.py shell` kept open for the worker trial: snippets in, results out, in
    tenths of a second rather than the seconds a new shell takes."""

    CODE = (
        "import json, sys, traceback\n"
        "for line in sys.stdin:\n"
        "    scope = {}\n"
        "    try:\n"
        "        exec(json.loads(line), scope)\n"
        "        out = {'result': scope.get('result')}\n"
        "    except Exception:\n"
        "        out = {'error': traceback.format_exc(limit=4)}\n"
        "    sys.stdout.write('RESULT=' + json.dumps(out, default=str) + '\\n')\n"
        "    sys.stdout.flush()\n"
    )

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-v0", "-c", self.CODE],
            cwd=load.ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=open(VAR / "faults-worker-helper.log", "w"),  # noqa: SIM115
            text=True,
            preexec_fn=die_with_parent,
        )

    def __call__(self, code, **values):
        head = "".join(f"{name} = {value!r}\n" for name, value in values.items())
        self.process.stdin.write(json.dumps(head + code) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the helper shell ended: see var/load/faults-worker-helper.log")
            if line.startswith("RESULT="):
                out = json.loads(line[len("RESULT=") :])
                if "error" in out:
                    raise RuntimeError(out["error"])
                return out["result"]

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


SETUP = """
from django.contrib.auth.models import User
from django.db import connection
from django_q.conf import Conf
from ldld_wagtail import notify
from ldld_wagtail.reports import jobs, royalties
from django.utils import timezone
users = []
for n in range(COUNT):
    user, _ = User.objects.get_or_create(
        username=f'faults-{n:03d}', defaults={'email': f'faults-{n:03d}@example.test'})
    users.append(user.pk)
notify.ensure_owed_schedule()
jobs.ensure_stalled_schedule()
month = str(royalties.Month.of(timezone.localdate()).previous())
result = {
    'users': users, 'month': month, 'claim': notify.CLAIM_SECONDS,
    'stalled': jobs.STALLED.total_seconds(), 'workers': Conf.WORKERS,
    'broker': 'orm' if Conf.ORM else 'redis', 'timeout': Conf.TIMEOUT, 'retry': Conf.RETRY,
    'db': connection.vendor,
}
"""

QUEUE_BATCH = """
from ldld_wagtail import notify
notify.queue(USERS, SUBJECT, 'ldld_wagtail/mail/step.txt',
             {'title': SUBJECT, 'url': 'http://127.0.0.1/', 'step': 'Thử lỗi'}, key=KEY)
result = True
"""

REQUEST_REPORT = """
from ldld_wagtail.reports import jobs
row = jobs.request_file('royalties', MONTH, 'xlsx')
result = {'pk': row.pk, 'token': row.token}
"""

REPORT_STATE = """
from ldld_wagtail.models import ReportFile
row = ReportFile.objects.get(pk=PK)
result = {'status': row.status, 'progress': row.progress, 'attempts': row.attempts,
          'started_at': row.started_at.isoformat() if row.started_at else None,
          'finished_at': row.finished_at.isoformat() if row.finished_at else None,
          'file': row.file.name, 'error': row.error[-300:]}
"""

BATCH_STATE = """
from django.db.models import Max
from ldld_wagtail.models import Notification
rows = Notification.objects.filter(key__startswith=KEY + ':')
result = {
    'rows': rows.count(), 'owed': rows.filter(sent_at=None).count(),
    'claimed_owed': rows.filter(sent_at=None).exclude(claimed_at=None).count(),
    'last_claim': str(rows.filter(sent_at=None).aggregate(m=Max('claimed_at'))['m'] or ''),
    'created': str(rows.aggregate(m=Max('created_at'))['m']),
    'emails': {r.key: r.user.email for r in rows.select_related('user')},
    'sent': {r.key: r.sent_at.isoformat() for r in rows.exclude(sent_at=None)},
}
"""

SCHEDULE_AT = """
import datetime
from django_q.models import Schedule
Schedule.objects.filter(name=NAME).update(next_run=datetime.datetime.fromisoformat(AT))
result = True
"""

SWEEP_RUNS = """
import datetime
from django_q.models import Task
since = datetime.datetime.fromisoformat(SINCE)
result = [
    {'func': t.func, 'result': str(t.result), 'success': t.success,
     'started': t.started.isoformat(), 'stopped': t.stopped.isoformat(),
     'args': str(t.args)[:120]}
    for t in Task.objects.filter(started__gte=since).order_by('started')
]
"""

DIRECT = """
from ldld_wagtail import notify
from ldld_wagtail.reports import jobs
result = notify.send_owed() if WHAT == 'owed' else jobs.resume_stalled()
"""

CHECK_REPORT = """
import io
from openpyxl import load_workbook
from ldld_wagtail.models import ReportFile
from ldld_wagtail.reports import royalties, royalty_files
row = ReportFile.objects.get(pk=PK)
report = royalties.build(royalties.Month.parse(row.period))
def cells(data):
    book = load_workbook(io.BytesIO(data))
    return {sheet.title: [list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book}
with row.file.open('rb') as f:
    built = cells(f.read())
fresh = cells(royalty_files.WRITERS['xlsx'](report))
total = report.total
folder, name = row.file.name.rsplit('/', 1) if '/' in row.file.name else ('', row.file.name)
stem = name.rsplit('.', 1)[0].split('_')[0]
files = [f for f in row.file.storage.listdir(folder)[1] if f.startswith(stem)]
result = {
    'same_cells': built == fresh, 'lines': len(report.lines), 'total': total,
    'total_in_file': any(total in r for s in built.values() for r in s),
    'rows': ReportFile.objects.filter(kind=row.kind, period=row.period, format=row.format,
                                      unit_code=row.unit_code).count(),
    'files': files, 'sheets': {k: len(v) for k, v in built.items()},
}
"""


def worker_trial(env) -> bool:
    started = time.monotonic()
    tls, cert = certificate()
    env = {
        **env,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SMTP_PORT),
        "SSL_CERT_FILE": str(cert),  # the worker trusts the sink's certificate
    }
    run = time.strftime("%H%M%S")
    subject = f"Thử lỗi {run}: thông báo"
    key = f"faults:{run}"
    accepted_event = threading.Event()
    kill_at = max(2, NOTIFICATIONS // 3)
    armed = {}  # FAULT_KILL_ON_ACCEPT: the worker's process group, killed at the next 250

    def on_accept(record):
        if record["subject"] != subject:
            return
        if armed.get("pgid"):
            os.killpg(armed.pop("pgid"), signal.SIGKILL)  # the server said 250: kill now
            accepted_event.set()
        elif sink.count(subject) >= kill_at:
            accepted_event.set()

    try:
        sink = Sink(SMTP_PORT, tls, SMTP_DELAY, on_accept)
    except OSError as error:
        print(f"port {SMTP_PORT} unusable for the mail sink ({error}): trial not run")
        return False
    logs = ["faults-worker-1.log"]
    worker = start(WORKER, env, logs[-1])
    helper = None
    kills = []
    result = {"error": None}
    try:
        wait_ready(BASE, None, worker, logs[-1])
        drain(env)
        helper = Helper(env)
        setup = helper(SETUP, COUNT=NOTIFICATIONS)
        db_now = helper("from django.utils import timezone\nresult = timezone.now().isoformat()")
        print(
            f"\n== worker killed (SIGKILL, its process group) mid-batch and mid-build; broker "
            f"{setup['broker']}, {setup['workers']} workers, database {setup['db']}; mail server "
            f"127.0.0.1:{SMTP_PORT} with STARTTLS, {SMTP_DELAY:.1f} s a message; "
            f"{NOTIFICATIONS} notifications, the royalty list of {setup['month']} (xlsx)",
            flush=True,
        )
        helper(QUEUE_BATCH, USERS=setup["users"], SUBJECT=subject, KEY=key)
        t_batch = time.monotonic()
        # part of the batch sent, then the report asked for; the kill once it is being built
        if not accepted_event.wait(60):
            raise RuntimeError(f"the batch did not start: {sink.count(subject)} received in 60 s")
        report = helper(REQUEST_REPORT, MONTH=setup["month"])
        building, state = None, {}
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            state = helper(REPORT_STATE, PK=report["pk"])
            if state["status"] == "running":
                building = building or time.monotonic()
                if time.monotonic() - building >= 0.8:
                    break
            elif state["status"] in ("done", "failed"):
                break
            if not building and sink.count(subject) >= NOTIFICATIONS * 2 // 3:
                break  # one worker only (the ORM broker): the build waits behind the batch
            time.sleep(0.05)
        if KILL_ON_ACCEPT:
            accepted_event.clear()
            armed["pgid"] = worker.pid
            accepted_event.wait(10)
        sent_at_kill = sink.count(subject)
        try:
            os.killpg(worker.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        worker.wait(timeout=10)
        t_kill = time.monotonic()
        state_at_kill = helper(REPORT_STATE, PK=report["pk"])
        kills.append(
            {
                "t": t_kill - t_batch,
                "received": sent_at_kill,
                "report": state_at_kill,
            }
        )
        print(
            f"  killed at t={t_kill - t_batch:.1f} s after queueing the batch: {sent_at_kill} of "
            f"{NOTIFICATIONS} messages accepted; report {state_at_kill['status']} "
            f"(progress {state_at_kill['progress']}%, attempt {state_at_kill['attempts']})",
            flush=True,
        )
        time.sleep(1.5)
        logs.append("faults-worker-2.log")
        worker = start(WORKER, env, logs[-1])
        wait_ready(BASE, None, worker, logs[-1])
        t_restart = time.monotonic()
        restart_now = helper(
            "from django.utils import timezone\nresult = timezone.now().isoformat()"
        )
        # a second kill for the report, when the first came before its build started
        if state_at_kill["status"] == "queued":
            state = helper(REPORT_STATE, PK=report["pk"])
            deadline = time.monotonic() + 60
            building = None
            while time.monotonic() < deadline and state["status"] in ("queued", "running"):
                if state["status"] == "running":
                    building = building or time.monotonic()
                    if time.monotonic() - building >= 0.8:
                        break
                time.sleep(0.05)
                state = helper(REPORT_STATE, PK=report["pk"])
            if state["status"] == "running":
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(timeout=10)
                state_at_kill = helper(REPORT_STATE, PK=report["pk"])
                kills.append({"t": time.monotonic() - t_batch, "report": state_at_kill})
                print(f"  killed again, mid-build: report {state_at_kill}", flush=True)
                logs.append("faults-worker-3.log")
                worker = start(WORKER, env, logs[-1])
                wait_ready(BASE, None, worker, logs[-1])
                t_restart = time.monotonic()
        # the sweeps, due when the schedules would find the work lapsed
        batch = helper(BATCH_STATE, KEY=key)
        after_restart = {"batch": batch, "report": helper(REPORT_STATE, PK=report["pk"])}
        print(
            f"  after the restart: {batch['owed']} notifications owed ({batch['claimed_owed']} "
            f"claimed by the dead worker); report {after_restart['report']['status']}",
            flush=True,
        )
        due = {}
        if batch["owed"]:
            created = datetime_from(batch["created"])
            claim = datetime_from(batch["last_claim"]) if batch["last_claim"] else created
            due["owed"] = max(created.timestamp() + 61, claim.timestamp() + setup["claim"] + 1)
        report_state = after_restart["report"]
        if report_state["status"] == "running" and report_state["started_at"]:
            due["stalled"] = (
                datetime_from(report_state["started_at"]).timestamp() + setup["stalled"] + 1
            )
        elif report_state["status"] == "queued":
            due["stalled"] = time.time() + setup["stalled"] + 1  # requested_at bounds it too
        names = {
            "owed": "ldld: notifications still owed",
            "stalled": "ldld_wagtail: resume report builds whose job was lost",
        }
        for what, at in due.items():
            iso = datetime_iso(at)
            helper(SCHEDULE_AT, NAME=names[what], AT=iso)
            print(f"  {names[what]!r}: next run moved to {iso[11:19]} UTC", flush=True)
        direct = []
        while time.monotonic() - started < WORKER_LIMIT:
            batch = helper(BATCH_STATE, KEY=key)
            state = helper(REPORT_STATE, PK=report["pk"])
            done = batch["owed"] == 0 and state["status"] in ("done", "failed")
            if done:
                break
            now = time.time()
            for what, at in list(due.items()):
                pending = batch["owed"] if what == "owed" else state["status"] != "done"
                if pending and now > at + SWEEP_GRACE and what not in direct:
                    direct.append(what)
                    count = helper(DIRECT, WHAT=what)
                    print(f"  the worker had not run {what!r}: called directly ({count})")
            time.sleep(2)
        t_end = time.monotonic()
        result.update(
            batch=batch,
            report=state,
            runs=helper(SWEEP_RUNS, SINCE=db_now),
            restart=restart_now,
            check=helper(CHECK_REPORT, PK=report["pk"]) if state["status"] == "done" else None,
            direct=direct,
            seconds=t_end - started,
            restart_at=t_restart - t_batch,
        )
    except RuntimeError as error:
        result["error"] = str(error)
    finally:
        if helper is not None:
            helper.close()
        stop(worker, group=False)
        sink.shutdown()
        restored = restore_services(env)
        if restored:
            print(f"  restored: {', '.join(restored)}")
    return report_worker(result, sink, subject, key, kills, logs)


def datetime_from(iso):
    from datetime import datetime

    return datetime.fromisoformat(iso)


def datetime_iso(timestamp):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def report_worker(result, sink, subject, key, kills, logs) -> bool:
    if result["error"]:
        print(f"  the trial stopped: {result['error']}")
        return False
    batch, state, check = result["batch"], result["report"], result["check"]
    emails = batch["emails"]  # key → address
    received = collections.Counter(
        to for m in sink.accepted if m["subject"] == subject for to in m["to"]
    )
    dropped = collections.Counter(
        to for m in sink.dropped if m["subject"] == subject for to in m["to"]
    )
    duplicates = {to: n for to, n in received.items() if n > 1}
    missing = sorted(set(emails.values()) - set(received))
    print(
        f"\nNotifications: {batch['rows']} rows, {batch['owed']} still owed; the mail server "
        f"accepted {sum(received.values())} messages for {len(received)} of {len(emails)} "
        f"recipients; duplicates {len(duplicates)}"
        + (f" ({', '.join(f'{a} ×{n}' for a, n in duplicates.items())})" if duplicates else "")
        + f"; never received {len(missing)}"
        + (f" ({', '.join(missing[:5])})" if missing else "")
    )
    print(
        f"  messages sent in full by the worker but killed with it before the server said 250 "
        f"(dropped by this server; a server that keeps them would deliver them twice, RFC 1047): "
        f"{sum(dropped.values())}" + (f" ({', '.join(dropped)})" if dropped else "")
    )
    print(
        f"Report: {state['status']}, attempts {state['attempts']}, started "
        f"{state['started_at']}, finished {state['finished_at']}; file {state['file']}"
    )
    builds = [
        r
        for r in result["runs"]
        if "build_report_file" in r["args"] and r["started"] >= result["restart"]
    ]
    built = [r for r in builds if r["result"] == "built"]
    sweeps = [r for r in result["runs"] if r["func"].endswith(("send_owed", "resume_stalled"))]
    for run in sweeps:
        func = run["func"].rsplit(".", 1)[-1]
        print(f"  sweep by the worker: {func} at {run['started'][11:19]} → {run['result']}")
    if result["direct"]:
        print(f"  sweeps called directly by the driver: {', '.join(result['direct'])}")
    for run in builds:
        print(f"  build job after the restart at {run['started'][11:19]} → {run['result']}")
    if check:
        print(
            f"  content: {check['lines']} lines, total {check['total']:,} đồng "
            f"{'found' if check['total_in_file'] else 'NOT found'} in the file; cells "
            f"{'identical to' if check['same_cells'] else 'DIFFERENT from'} the report computed "
            f"afresh ({check['sheets']}); {check['rows']} ReportFile row(s); files in storage: "
            f"{', '.join(check['files'])}"
        )
    print(f"Trial took {result['seconds']:.0f} s; worker restarted {len(logs) - 1}×")
    for name in logs:
        problems = log_problems(name)
        if problems:
            print(f"  {name}:")
            for line in problems[:6]:
                print(f"    {line}")
    mid_batch = kills[0]["received"] < NOTIFICATIONS
    mid_build = any(k["report"]["status"] == "running" for k in kills)
    checks = [
        ("killed mid-batch", mid_batch),
        ("killed mid-build", mid_build),
        ("every notification sent (0 owed)", batch["owed"] == 0),
        ("each received exactly once", not duplicates and not missing),
        ("report built once after the restart", state["status"] == "done" and len(built) == 1),
        (
            "one row, the right content",
            bool(check) and check["rows"] == 1 and check["same_cells"] and check["total_in_file"],
        ),
        (f"within {WORKER_LIMIT / 60:.0f} min", result["seconds"] <= WORKER_LIMIT + 30),
    ]
    print("\nTargets (worker): " + "; ".join(f"{n} {'ok' if ok else 'MISSED'}" for n, ok in checks))
    return all(ok for _, ok in checks)


# --- the run ---------------------------------------------------------------------------------


def main():
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))
    wanted = [t.strip() for t in os.environ.get("FAULT", "all").split(",") if t.strip()]
    trials = list(TRIALS) if "all" in wanted else wanted
    unknown = set(trials) - set(TRIALS)
    if unknown:
        sys.exit(
            f"FAULT: unknown trial {', '.join(sorted(unknown))} (postgres, redis, worker, all)"
        )
    if FAULT_AT + FAULT_FOR >= SECONDS - 5:
        sys.exit("FAULT_SECONDS must leave at least 5 s after FAULT_AT + FAULT_FOR")
    env = load.load_env()
    needs = {
        "postgres": env.get("DATABASE_URL", "").startswith("postgres") and env.get("REDIS_URL"),
        "redis": bool(env.get("REDIS_URL")),
        "worker": True,
    }
    if any(t in ("postgres", "redis") for t in trials) and not load.shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    with socket.socket() as probe_socket:
        if probe_socket.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"port {PORT} is in use by another server: set LOAD_PORT")
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    print(f"Database: {backend}; cache: {'Redis' if env.get('REDIS_URL') else 'local memory'}")
    state = load.prepare(env)
    outcome = {}
    for trial in trials:
        if not needs[trial]:
            print(
                f"\n== {trial}: not run (needs DATABASE_URL on PostgreSQL and REDIS_URL)"
                if trial == "postgres"
                else f"\n== {trial}: not run (needs REDIS_URL)"
            )
            outcome[trial] = None
            continue
        try:
            if trial == "worker":
                outcome[trial] = worker_trial(env)
            else:
                outcome[trial] = service_trial(trial, env, state)
        finally:
            restore_services(env)
    print(
        "\nFault trials: "
        + ", ".join(
            f"{t} {'not run' if ok is None else 'ok' if ok else 'MISSED'}"
            for t, ok in outcome.items()
        )
    )
    sys.exit(0 if all(outcome.values()) else 1)


if __name__ == "__main__":
    main()
