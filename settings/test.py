import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, Q_CLUSTER, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run inline in tests so that their effects can be asserted.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

# Each test run has a cache of its own (files, and the page cache's token files), removed when
# it ends: a second run at the same time, or the site served from the same folder, would
# otherwise clear or count in this one's (a throttle's failures, a take-down's token).
if CACHES["default"]["BACKEND"].endswith("SharedFileCache"):
    _RUN_DIR = Path(tempfile.mkdtemp(prefix="test-run-", dir=VAR_DIR))
    atexit.register(shutil.rmtree, _RUN_DIR, ignore_errors=True)
    CACHES = {"default": {**CACHES["default"], "LOCATION": _RUN_DIR / "cache"}}
    LDLD_GENERATION_FILE = _RUN_DIR / "page-cache-generation"
