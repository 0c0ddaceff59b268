"""settings/production.py refuses to start without its secrets and sets the security flags."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env):
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**base, "DJANGO_SETTINGS_MODULE": "settings.production", **env},
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_check(ALLOWED_HOSTS="portal.example.vn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check(SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_passes_the_deploy_checks_when_configured():
    result = run_check(SECRET_KEY="a-long-random-secret-" * 4, ALLOWED_HOSTS="portal.example.vn")
    assert result.returncode == 0, result.stderr + result.stdout
