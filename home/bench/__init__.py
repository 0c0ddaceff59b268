"""`make bench`: seed 10 000 news items, serve them with gunicorn, load them with wrk.

The driver (`python -m home.bench`) needs no Django: it prepares a separate database (a
`<name>_bench` PostgreSQL database when DATABASE_URL is set, else SQLite under var/bench), seeds
it through `manage.py bench_seed`, starts gunicorn with two workers, once with the page cache off
and once on, and prints requests per second and p50/p99 latency for each page, next to a
trivial view (`/healthz`) measured in the same run as the floor.

It then measures, in the cache-off pass only (the page cache never serves the API), our headless
API on the same items (`@search` listing first and deep batch, a content GET, `@search` by
`SearchableText`, `@syndication` first and deep cursor, with a consumer's API key) and, for
comparison, Wagtail's own API v2 and v3 listing the same items (and v2 with every field, the
feed's counterpart), mounted for this run only (LDLD_BENCH_COMPARE=1), and prints the ratios
the targets are stated in.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
ITEMS = int(os.environ.get("BENCH_ITEMS", "10000"))
DURATION = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))

DEEP = ITEMS * 9 // 10  # 9000 of 10 000: the deep batch / offset / cursor
ARTICLE = f"/tin-tuc/tin-{ITEMS // 2}/"

TARGETS = [
    ("trivial view (floor)", "/healthz"),
    ("home", "/"),
    ("column listing, page 1", "/tin-tuc/"),
    ("column listing, page 400", "/tin-tuc/?page=400"),
    ("article", ARTICLE),
    ("search 'cong doan'", "/tim-kiem/?q=cong+doan"),
]

_LISTING = "/++api++/@search?portal_type=NewsPage&sort_on=effective&sort_order=descending&b_size=20"
_V2 = "/api/v2/pages/?type=news.NewsPage&order=-first_published_at&limit=20"
_V3 = "/api/v3/pages/?type=news.NewsPage&order=-first_published_at&limit=20"
_V2_SEARCH = "/api/v2/pages/?type=news.NewsPage&limit=20&search="
# (key, label, path, expected: 20 items, or "UID" for one item). Paths may hold {cursor}; rows
# with "syndication" in their key are sent with the consumer's API key.
API_TARGETS = [
    ("search", "API @search listing, first", _LISTING, 20),
    ("search_deep", f"API @search listing, b_start={DEEP}", f"{_LISTING}&b_start={DEEP}", 20),
    ("content", "API content GET", f"/++api++{ARTICLE}", "UID"),
    (
        "fulltext",
        "API @search 'cong doan'",
        "/++api++/@search?SearchableText=cong+doan&b_size=20",
        20,
    ),
    ("syndication", "API @syndication, first", "/++api++/@syndication?b_size=20", 20),
    (
        "syndication_deep",
        f"API @syndication, cursor #{DEEP}",
        "/++api++/@syndication?since={cursor}&b_size=20",
        20,
    ),
    ("v2", "Wagtail v2 listing, first", _V2, 20),
    ("v2_deep", f"Wagtail v2 listing, offset={DEEP}", f"{_V2}&offset={DEEP}", 20),
    # The feed carries whole items (text, images, authors, topics): its counterpart is API v2
    # listing the same items with every field.
    ("v2_full", "Wagtail v2 fields=*, first", f"{_V2}&fields=*", 20),
    ("v2_full_deep", f"Wagtail v2 fields=*, offset={DEEP}", f"{_V2}&fields=*&offset={DEEP}", 20),
    # Wagtail's search is not accent-insensitive: 'cong doan' finds nothing (reported, skipped);
    # the accented query finds what ours finds for 'cong doan', and is the one compared.
    ("v2_fulltext_ascii", "Wagtail v2 ?search=cong doan", _V2_SEARCH + "cong+doan", 20),
    ("v2_fulltext", "Wagtail v2 ?search=công đoàn", _V2_SEARCH + "c%C3%B4ng+%C4%91o%C3%A0n", 20),
    ("v3", "Wagtail v3 listing, first", _V3, 20),
    ("v3_deep", f"Wagtail v3 listing, offset={DEEP}", f"{_V3}&offset={DEEP}", 20),
]
LABEL = 36
SLOW = 2.0  # seconds: a row whose one request takes longer is timed once, not run under wrk


def own_database(env: dict, suffix: str) -> None:
    """A PostgreSQL DATABASE_URL in `env` pointed at `<name>_<suffix>`: a run's own database,
    never the site's. (SQLite needs nothing: LDLD_VAR_DIR gives it its own file.)"""
    url = env.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        name = parts.path.lstrip("/") or "ldld"
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}_{suffix}"))


def bench_env() -> dict:
    env = dict(os.environ)
    env["LDLD_VAR_DIR"] = str(ROOT / "var" / "bench")
    env.update(SECRET_KEY="bench", ALLOWED_HOSTS="127.0.0.1,localhost", SECURE_SSL_REDIRECT="0")
    own_database(env, "bench")
    return env


def manage(env, *args, settings="settings.production", capture=False):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        check=True,
        env={**env, "DJANGO_SETTINGS_MODULE": settings},
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    return done.stdout


def syndication_access(env) -> tuple[str, str]:
    """A fresh consumer API key, and the feed's cursor at the DEEP-th change of the log."""
    key = manage(env, "syndication_key", "--consumer", "bench", capture=True).split()[-1]
    snippet = (
        "from ldld_wagtail.models import SyndicationChange as S\n"
        "from ldld_wagtail.api.services.syndication import encode_cursor\n"
        f"ids = S.objects.order_by('id').values_list('id', flat=True)[{DEEP - 1}:{DEEP}]\n"
        "print('CURSOR=' + (encode_cursor(ids[0]) if ids else ''))"
    )
    out = manage(env, "shell", "-v0", "-c", snippet, capture=True)
    return key, re.search(r"^CURSOR=(\S*)", out, re.M).group(1)


def ensure_postgres_database(env):
    url = env.get("DATABASE_URL")
    if not url:
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    found = re.match(r"([\d.]+)(us|ms|s|m)", text)
    if found is None:  # wrk prints nan or 0 when no request completed
        return float("nan")
    number, unit = found.groups()
    return float(number) * _UNITS[unit]


def wrk(url, headers=None):
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "30s", "--latency"]
        + extra
        + [url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms((re.search(r"^\s+50%\s+(\S+)", out, re.M) or re.search("()", "")).group(1))
    p99 = _ms((re.search(r"^\s+99%\s+(\S+)", out, re.M) or re.search("()", "")).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=300) as response:
        return response.status, response.read()


def check(url, headers, expected) -> tuple[str, float]:
    """Why the answer is not the expected one ("" when it is: 200 with 20 items, or an item),
    and the seconds it took."""
    started = time.perf_counter()
    try:
        status, body = fetch(url, headers)
        data = json.loads(body)
    except (OSError, ValueError) as error:  # HTTPError is an OSError
        return str(error), time.perf_counter() - started
    elapsed = time.perf_counter() - started
    if status != 200:
        return f"status {status}", elapsed
    if expected == "UID":
        return ("" if data.get("UID") else "no UID in the answer"), elapsed
    found = len(data.get("items", []))
    return ("" if found == expected else f"{found} items, {expected} expected"), elapsed


def serve_and_measure(env, cache_seconds, api=None):
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "LDLD_PAGE_CACHE_SECONDS": str(cache_seconds),
        "LDLD_BENCH_COMPARE": "1",  # Wagtail's API v2 and v3, to compare ours with
    }
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    with socket.socket() as probe:  # else wrk would measure whatever server holds the port
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"port {PORT} is in use by another server: set BENCH_PORT")
    server = subprocess.Popen(
        [gunicorn, "settings.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}", "--timeout", "300"]
        + ["--log-level", "warning"],
        cwd=ROOT,
        env=server_env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            if server.poll() is not None:
                sys.exit(f"gunicorn exited with status {server.returncode}")
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        rows = []
        for label, path in TARGETS:
            for _ in range(3):  # warm both workers: renditions, caches
                urllib.request.urlopen(base + path, timeout=30).read()
            rows.append((label, *wrk(base + path)))
        api_rows = {}
        if api is not None:
            key, cursor = api
            for name, label, path, expected in API_TARGETS:
                url = base + path.format(cursor=cursor)
                headers = {"Authorization": f"Bearer {key}"} if "syndication" in name else {}
                problem, elapsed = check(url, headers, expected)
                if problem:
                    print(f"error: {label} ({path}): {problem}; row skipped", file=sys.stderr)
                    continue
                if elapsed > SLOW:  # wrk would see no answer within its run: one timed request
                    ms = elapsed * 1000
                    api_rows[name] = (f"{label} *", 1 / elapsed, ms, ms, 0)
                    continue
                for _ in range(2):  # both workers
                    fetch(url, headers)
                api_rows[name] = (label, *wrk(url, headers))
        return rows, api_rows
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def rate(rps) -> str:
    return f"{rps:9.0f}" if rps >= 10 else f"{rps:9.2f}"


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    env = bench_env()
    ensure_postgres_database(env)
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    print(f"Database: {backend}; cache: {'Redis' if env.get('REDIS_URL') else 'local memory'}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "bench_seed", str(ITEMS))
    access = syndication_access(env)
    print(f"\nwrk: {CONNECTIONS} connections, {DURATION}s per row; gunicorn: 2 workers")
    print("API rows: measured once, in the cache-off pass (the page cache never serves the API)\n")
    header = (
        f"{'page':{LABEL}} {'cache':5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
        f" {'÷floor':>7} {'non-2xx':>7}"
    )
    print(header)
    print("-" * len(header))
    api_rows = {}
    for cache_seconds in (0, 600):
        rows, measured = serve_and_measure(env, cache_seconds, None if cache_seconds else access)
        api_rows.update(measured)
        floor = rows[0][1]
        state = "on" if cache_seconds else "off"
        for label, rps, p50, p99, errors in rows + list(measured.values()):
            print(
                f"{label:{LABEL}} {state:5} {rate(rps)} {p50:8.1f} {p99:8.1f} "
                f"{rps / floor:7.2f} {errors:7d}"
            )
    if any(label.endswith(" *") for label, *_ in api_rows.values()):
        print(f"* slower than {SLOW:.0f} s a request: one request timed, req/s = 1 ÷ its time")
    print_ratios(api_rows)


# (row, its API v2 counterpart, its API v3 counterpart, the first page when it is a deep one)
RATIOS = [
    ("search", "v2", "v3", None),
    ("search_deep", "v2_deep", "v3_deep", "search"),
    ("syndication", "v2_full", None, None),
    ("syndication_deep", "v2_full_deep", None, "syndication"),
    ("fulltext", "v2_fulltext", None, None),
    ("v2", None, None, None),
    ("v2_deep", None, None, "v2"),
    ("v2_full", None, None, None),
    ("v2_full_deep", None, None, "v2_full"),
    ("v3", None, None, None),
    ("v3_deep", None, None, "v3"),
]
# The targets: listings ≥ 10× API v2 and ≥ 3× API v3, search ≥ 30× API v2 ?search=,
# deep pages ≥ 0.9× the first page (Wagtail's own rows are shown, not held to it).
GOALS = {"v2": 10.0, "v2_fulltext": 30.0, "v3": 3.0, "deep": 0.9}


def print_ratios(api_rows):
    def rps(name):
        return api_rows[name][1] if name in api_rows else None

    def cell(value, goal):
        if value is None:
            return f"{'-':>14}"
        mark = "" if goal is None else (" ok" if value >= goal else " MISS")
        return f"{value:9.2f}{mark:5}"

    print("\nRatios of requests per second (same run, same data; MISS: below the issue's target)\n")
    header = (
        f"{'API row':{LABEL}} {'req/s':>9} {'vs API v2':>14} {'vs API v3':>14} {'deep ÷ first':>14}"
    )
    print(header)
    print("-" * len(header))
    for name, v2, v3, first in RATIOS:
        if rps(name) is None:
            continue
        ours = not name.startswith(("v2", "v3"))
        ratios = []
        for other, goal in ((v2, GOALS.get(v2 or "", GOALS["v2"])), (v3, GOALS["v3"])):
            value = rps(name) / rps(other) if other and rps(other) else None
            ratios.append(cell(value, goal))
        deep = rps(name) / rps(first) if first and rps(first) else None
        ratios.append(cell(deep, GOALS["deep"] if ours else None))
        print(f"{api_rows[name][0]:{LABEL}} {rate(rps(name))} " + " ".join(ratios))
    print(
        "\ntargets: our listings ≥ 10× API v2 and ≥ 3× API v3; @search SearchableText ≥ 30× API v2"
        " ?search=; our deep pages ≥ 0.9× their first page.\n@syndication carries whole items: it"
        " is compared with API v2 listing the same items with fields=* (v3 has no such listing)."
    )
