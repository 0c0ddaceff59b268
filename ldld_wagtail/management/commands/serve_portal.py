"""`make run`: the development web server and the django-q2 worker, started and stopped together.

Each child runs in a session of its own, so Ctrl-C at the terminal (SIGINT to the foreground
process group) or SIGTERM to `make run`'s process group reaches only this command, which then
stops them in order: runserver and its autoreloader child by SIGTERM to their process group, the
worker by SIGTERM to its main process, which lets django-q2 stop its sentinel, workers, monitor
and pusher. Whatever is still alive after the grace period is killed with its process group. A
second Ctrl-C skips the grace period. On Linux the children also get SIGTERM if this command is
killed outright (SIGKILL), so nothing is left behind either way.

The worker is this command with the hidden `--qcluster` option: django-q2's `qcluster`, which also
says when its cluster is running.
"""

import argparse
import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1


def _die_with_parent():
    """In the child, before exec: SIGTERM when the parent dies (Linux; elsewhere nothing)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass


class Command(BaseCommand):
    help = (
        "Run the development web server and the django-q2 background worker together; "
        "Ctrl-C (or SIGTERM) stops both."
    )
    # runserver runs the checks itself.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="passed to runserver"
        )
        parser.add_argument(
            "--noreload", action="store_true", help="passed to runserver: no autoreloader"
        )
        parser.add_argument(
            "--grace",
            type=float,
            default=10.0,
            help="seconds the worker gets to finish its job before it is killed (default 10)",
        )
        parser.add_argument("--qcluster", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, addrport, noreload, grace, qcluster, **options):
        if qcluster:
            self.run_worker()
            return
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        server = [*manage, "runserver", addrport, *(["--noreload"] if noreload else [])]
        worker = [*manage, __name__.rsplit(".", 1)[-1], "--qcluster"]
        self.supervise(server, worker, grace)

    def say(self, message, error=False):
        stream = self.stderr if error else self.stdout
        stream.write(message)
        stream.flush()

    # The worker ------------------------------------------------------------------------------

    def run_worker(self):
        from django_q.cluster import Cluster

        # Cluster() handles SIGTERM and SIGINT by stopping the cluster in order.
        cluster = Cluster()
        cluster.start()  # returns once the sentinel has started the workers
        if cluster.is_running:
            self.say(_("Background worker (django-q2) is running."))
        while cluster.sentinel.is_alive():
            cluster.sentinel.join(0.5)

    # The supervisor --------------------------------------------------------------------------

    def supervise(self, server_command, worker_command, grace):
        self.signals = 0
        self.stopping = self.hurry = False
        previous = {sig: signal.signal(sig, self.on_signal) for sig in STOP_SIGNALS}
        children = {}
        failure = None
        try:
            for name, command in (("server", server_command), ("worker", worker_command)):
                if self.signals:
                    break
                children[name] = subprocess.Popen(
                    command, start_new_session=True, preexec_fn=_die_with_parent
                )
            while not self.signals and failure is None:
                for name, child in children.items():
                    if child.poll() is not None:
                        failure = self.unexpected(name, child.returncode)
                        break
                else:
                    time.sleep(0.2)
            self.say(_("Stopping the web server and the background worker…"))
            self.stop(children, grace)
        finally:
            # Nothing may outlive this command, whatever happened above.
            for child in children.values():
                self.kill_group(child)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.say(_("Web server and background worker stopped."))
        if failure:
            raise CommandError(failure)

    def on_signal(self, signum, frame):
        self.signals += 1
        # SIGTERM may come twice (to the process group, and from make): only a second Ctrl-C
        # during the stop means "now".
        if self.stopping and signum == signal.SIGINT:
            self.hurry = True

    def unexpected(self, name, code):
        if name == "server":
            return _("The web server stopped unexpectedly (exit code %(code)s).") % {"code": code}
        return _("The background worker stopped unexpectedly (exit code %(code)s).") % {
            "code": code
        }

    def stop(self, children, grace):
        self.stopping = True
        if "server" in children:
            self.signal_group(children["server"], signal.SIGTERM)
        if "worker" in children:
            self.signal_process(children["worker"], signal.SIGTERM)
        deadline = time.monotonic() + grace
        while any(child.poll() is None for child in children.values()):
            if self.hurry:
                self.say(_("Second Ctrl-C: stopped by force."), error=True)
                break
            if time.monotonic() >= deadline:
                self.say(
                    _("Still running after %(seconds)s s: stopped by force.")
                    % {"seconds": f"{grace:g}"},
                    error=True,
                )
                break
            time.sleep(0.1)

    @staticmethod
    def signal_process(child, sig):
        if child.poll() is None:
            try:
                child.send_signal(sig)
            except ProcessLookupError:
                pass

    @staticmethod
    def signal_group(child, sig):
        try:
            os.killpg(child.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def kill_group(self, child):
        """Kill the child's whole process group (its session): whatever it forked goes too."""
        self.signal_group(child, signal.SIGKILL)
        child.wait()
