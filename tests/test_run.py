"""`make run` (manage.py serve_portal): the web server and the django-q2 worker start together, the
worker says it is running, and SIGTERM to the process group (or Ctrl-C) stops both, with every
process they forked, and says so. Real processes on a throwaway database and a free port."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def processes():
    """{pid: (ppid, session id, state)} of every process, from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            table[int(entry.name)] = (int(fields[1]), int(fields[3]), fields[0])
    return table


def alive_in_sessions(sessions):
    return {pid for pid, (_, sid, state) in processes().items() if sid in sessions and state != "Z"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dev_env(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    (var / "media").mkdir()
    (var / "media" / "chao.txt").write_text("xin chào", encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "LDLD_VAR_DIR": str(var),
        "MEDIA_ROOT": str(var / "media"),
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    # The worker only needs django-q2's tables.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "django_q", "--skip-checks", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return env


def test_sigterm_to_the_process_group_stops_server_and_worker(dev_env):
    port = free_port()
    command = [sys.executable, "manage.py", "serve_portal", f"127.0.0.1:{port}", "--noreload"]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env=dev_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # the process group `make run` would be
    )
    lines, worker_running = [], threading.Event()

    def read():
        for line in proc.stdout:
            lines.append(line)
            if "Bộ xử lý nền (django-q2) đang chạy." in line:
                worker_running.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert worker_running.wait(30), "".join(lines)
        # Under DEBUG the uploaded media are served, as settings/urls.py says.
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/media/chao.txt") as r:
                    assert r.read().decode() == "xin chào"
                break
            except OSError:
                assert time.monotonic() < deadline, "".join(lines)
                time.sleep(0.2)
        children = [pid for pid, (ppid, _, _) in processes().items() if ppid == proc.pid]
        sessions = set(children)  # each child leads a session of its own
        assert len(children) == 2
        assert len(alive_in_sessions(sessions)) > 3  # the worker's sentinel, workers, ...

        os.killpg(proc.pid, signal.SIGTERM)
        proc.send_signal(signal.SIGTERM)  # make forwards it too: must not mean "force"
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    reader.join(5)
    output = "".join(lines)
    assert output.rstrip().endswith("Đã dừng máy chủ và bộ xử lý nền."), output
    assert "đã buộc dừng" not in output
    assert "Traceback" not in output
    assert alive_in_sessions(sessions) == set()
