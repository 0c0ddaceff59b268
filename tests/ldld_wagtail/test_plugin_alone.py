"""The plugin stands on its own: it imports no site app, and every module of it imports in a
Django project that has none of them installed."""

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_APPS = {"home", "news", "documents", "qa", "schedule"}


def imported_top_levels(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_plugin_module_imports_a_site_app():
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_top_levels(path) & SITE_APPS)
        for path in (ROOT / "ldld_wagtail").rglob("*.py")
        if imported_top_levels(path) & SITE_APPS
    }
    assert offenders == {}


def test_every_plugin_module_imports_without_the_site_apps(tmp_path):
    (tmp_path / "plugin_only.py").write_text(
        textwrap.dedent(
            """
            from settings.base import *  # noqa: F403
            from settings.base import INSTALLED_APPS

            SITE = {"home", "news", "documents", "qa", "schedule"}
            INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in SITE]
            ROOT_URLCONF = "ldld_wagtail.api.urls"
            """
        )
    )
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import django
        django.setup()
        import ldld_wagtail
        names = [m.name for m in pkgutil.walk_packages(ldld_wagtail.__path__, "ldld_wagtail.")]
        for name in names:
            importlib.import_module(name)
        site = {"home", "news", "documents", "qa", "schedule"}
        loaded = sorted(n for n in sys.modules if n.split(".")[0] in site)
        assert not loaded, loaded
        print(len(names), "modules")
        """
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plugin_only",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "LDLD_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "modules" in result.stdout
