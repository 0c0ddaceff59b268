"""`make bench`: seed 10 000 news items, serve them with gunicorn, load them with wrk.

The driver (`python -m home.bench`) needs no Django: it prepares a separate database (a
`<name>_bench` PostgreSQL database when DATABASE_URL is set, else SQLite under var/bench), seeds
it through `manage.py bench_seed`, starts gunicorn with two workers, once with the page cache off
and once on, and prints requests per second and p50/p99 latency for each page, next to a
trivial view (`/healthz`) measured in the same run as the floor.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
ITEMS = int(os.environ.get("BENCH_ITEMS", "10000"))
DURATION = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))

TARGETS = [
    ("trivial view (floor)", "/healthz"),
    ("home", "/"),
    ("column listing, page 1", "/tin-tuc/"),
    ("column listing, page 400", "/tin-tuc/?page=400"),
    ("article", "/tin-tuc/tin-5000/"),
    ("search 'cong doan'", "/tim-kiem/?q=cong+doan"),
]


def bench_env() -> dict:
    env = dict(os.environ)
    env["LDLD_VAR_DIR"] = str(ROOT / "var" / "bench")
    env.update(SECRET_KEY="bench", ALLOWED_HOSTS="127.0.0.1,localhost", SECURE_SSL_REDIRECT="0")
    url = env.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        name = parts.path.lstrip("/") or "ldld"
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}_bench"))
    return env


def manage(env, *args, settings="settings.production"):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        check=True,
        env={**env, "DJANGO_SETTINGS_MODULE": settings},
    )


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


def wrk(url):
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms((re.search(r"^\s+50%\s+(\S+)", out, re.M) or re.search("()", "")).group(1))
    p99 = _ms((re.search(r"^\s+99%\s+(\S+)", out, re.M) or re.search("()", "")).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def serve_and_measure(env, cache_seconds):
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "LDLD_PAGE_CACHE_SECONDS": str(cache_seconds),
    }
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "settings.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=server_env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
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
        return rows
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


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
    print(f"\nwrk: {CONNECTIONS} connections, {DURATION}s per row; gunicorn: 2 workers\n")
    header = (
        f"{'page':28} {'cache':5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
        f" {'÷floor':>7} {'non-2xx':>7}"
    )
    print(header)
    print("-" * len(header))
    for cache_seconds in (0, 600):
        rows = serve_and_measure(env, cache_seconds)
        floor = rows[0][1]
        for label, rps, p50, p99, errors in rows:
            state = "on" if cache_seconds else "off"
            print(
                f"{label:28} {state:5} {rps:9.0f} {p50:8.1f} {p99:8.1f} "
                f"{rps / floor:7.2f} {errors:7d}"
            )


if __name__ == "__main__":
    main()
