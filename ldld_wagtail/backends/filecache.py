"""A cache in files that every process of the site shares: the cache of a site without Redis.

Each gunicorn process kept its own cache in memory before: every page was built once per
process, the one-build-per-missing-page lock held within a process only, a restart started
cold, and Django's in-memory cache held 300 values (pages, cards, routes together) before
dropping a third of them. Here a value is one file, `LOCATION/<2 hex>/<sha1 of the key>`:
its expiry time, its key, and the pickled value, compressed (zlib, level 1: a page shrinks
about 6 times for 0.2 ms). Every process reads what another wrote, and what was kept
survives a restart.

- Written to a temporary file beside it, then renamed: a reader sees the old value or the
  new one, never half. A failed write (a full disk) leaves nothing behind and is a miss, as
  for the Redis cache while Redis is down: the site serves from the database.
- `add` is atomic between processes (a hard link, which fails if the name exists): the page
  cache's build lock holds across processes.
- Bounded: every `CULL_EVERY` writes a process counts the files (names only); beyond
  `MAX_ENTRIES` (option, 20 000 by default) it removes the expired ones, then the least
  recently written, down to `MAX_ENTRIES - MAX_ENTRIES // CULL_FREQUENCY`. That reads every
  file's header and removes thousands of files, about 2 s under load: it runs in a thread of
  its own, never in the request whose write called for it, one at a time in a process and
  across processes (a lock file a busy cull holds; another process skips its turn).
- Small values a process makes faster than it writes a file (listing cards) are not kept
  here (`keeps_fragments`): `cache.generation_fragments` keeps them in the process only.
- Counters (`incr`) are atomic between threads and processes (a lock file), their expiry kept.

Settings: `CACHES["default"] = {"BACKEND": "ldld_wagtail.backends.filecache.SharedFileCache",
"LOCATION": <folder>}`, with `OPTIONS` `MAX_ENTRIES` and `CULL_FREQUENCY` as Django's own.
"""

import fcntl
import hashlib
import logging
import os
import pickle
import shutil
import struct
import tempfile
import threading
import time
import zlib
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger(__name__)

HEADER = struct.Struct(">dH")  # expiry (Unix seconds; 0: never), length of the key that follows
CULL_EVERY = 500  # writes of one process between two counts of the files
_MISSING = object()
_culling = threading.Lock()  # held by this process's cull thread while it runs


def _write(handle: int, data: bytes) -> None:
    with open(handle, "wb") as out:
        out.write(data)


class SharedFileCache(BaseCache):
    keeps_fragments = False

    def __init__(self, location, params):
        super().__init__(params)
        self._dir = Path(location)
        self._writes = 0

    # --- files ---------------------------------------------------------------------------

    def _path(self, key, version=None) -> Path:
        return self._file(self.make_and_validate_key(key, version=version))

    def _file(self, made_key: str) -> Path:
        digest = hashlib.sha1(made_key.encode(), usedforsecurity=False).hexdigest()
        return self._dir / digest[:2] / digest[2:]

    def _read(self, path: Path):
        """The value in `path`, or `_MISSING` (no file, expired, unreadable)."""
        try:
            with open(path, "rb") as kept:
                data = kept.read()
            expires, length = HEADER.unpack_from(data)
            if expires and expires <= time.time():
                path.unlink(missing_ok=True)
                return _MISSING
            return pickle.loads(zlib.decompress(data[HEADER.size + length :]))
        except (OSError, struct.error, zlib.error, pickle.UnpicklingError, EOFError):
            return _MISSING

    def _written(self, path: Path, key: str, value, timeout, expires=None) -> Path | None:
        """A temporary file beside `path` holding `value` (until `expires`, Unix seconds, or
        for `timeout` seconds); None if it could not be written."""
        if expires is None:
            expires = self.get_backend_timeout(timeout)
        name = key.encode()
        data = (
            HEADER.pack(expires or 0, len(name))
            + name
            + zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)
        )
        partial = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".")
            _write(handle, data)
            return Path(partial)
        except OSError as error:
            if partial:
                Path(partial).unlink(missing_ok=True)
            logger.warning("cache not written (%s): %s", path.parent, error)
            return None

    def _after_write(self):
        self._writes += 1
        if self._writes % CULL_EVERY == 0 and _culling.acquire(blocking=False):
            try:
                threading.Thread(
                    target=self._cull_aside, name="ldld-cache-cull", daemon=True
                ).start()
            except RuntimeError:  # no thread to be had (the interpreter is exiting)
                _culling.release()

    def _cull_aside(self):
        """`cull`, in its own thread, unless another process is culling this folder."""
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            with open(self._dir / ".cull.lock", "a") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return
                self.cull()
        except Exception:
            logger.exception("cache cull failed (%s)", self._dir)
        finally:
            _culling.release()

    @staticmethod
    def wait_for_cull(timeout: float = 30.0) -> bool:
        """Wait for this process's cull thread, if one runs (tests; a clean shutdown). False
        if it still runs after `timeout` seconds."""
        if not _culling.acquire(timeout=timeout):
            return False
        _culling.release()
        return True

    # --- Django's cache API --------------------------------------------------------------

    def get(self, key, default=None, version=None):
        value = self._read(self._path(key, version))
        return default if value is _MISSING else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        made = self.make_and_validate_key(key, version=version)
        path = self._file(made)
        if timeout == 0:  # Django: expires at once
            path.unlink(missing_ok=True)
            return
        partial = self._written(path, made, value, timeout)
        if partial is None:
            return
        try:
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)
            return
        self._after_write()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        made = self.make_and_validate_key(key, version=version)
        path = self._file(made)
        if timeout == 0 or self._read(path) is not _MISSING:
            return False
        partial = self._written(path, made, value, timeout)
        if partial is None:
            return False
        try:
            for _attempt in range(2):
                try:
                    os.link(partial, path)  # fails if another process has it already
                    self._after_write()
                    return True
                except FileExistsError:
                    if self._read(path) is not _MISSING:  # (removes an expired one)
                        return False
                except OSError:
                    return False
            return False
        finally:
            partial.unlink(missing_ok=True)

    def incr(self, key, delta=1, version=None):
        """Atomic between threads and processes (a lock on a file of the folder), keeping the
        value's expiry: the login and question throttles count every attempt."""
        made = self.make_and_validate_key(key, version=version)
        path = self._file(made)
        self._dir.mkdir(parents=True, exist_ok=True)
        with open(self._dir / ".counters.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                with open(path, "rb") as kept:
                    data = kept.read()
                expires, length = HEADER.unpack_from(data)
                value = pickle.loads(zlib.decompress(data[HEADER.size + length :]))
            except (OSError, struct.error, zlib.error, pickle.UnpicklingError, EOFError):
                raise ValueError(f"Key '{key}' not found") from None
            if expires and expires <= time.time():
                raise ValueError(f"Key '{key}' not found")
            value += delta
            partial = self._written(path, made, value, None, expires=expires or None)
            if partial is not None:
                os.replace(partial, path)
        return value

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, _MISSING, version=version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version=version)
        return True

    def delete(self, key, version=None):
        try:
            self._path(key, version).unlink()
            return True
        except FileNotFoundError:
            return False

    def has_key(self, key, version=None):
        return self._read(self._path(key, version)) is not _MISSING

    def clear(self):
        if self._dir.is_dir():
            for folder in self._dir.iterdir():
                shutil.rmtree(folder, ignore_errors=True)

    def entries(self) -> dict:
        """{key as stored (with its prefix and version): expiry in Unix seconds, or None} of
        every value kept, expired or not: for inspection and tests."""
        found = {}
        for _mtime, name in self._files():
            head = _head(name, with_key=True)
            if head is not None:
                found[head[1]] = head[0] or None
        return found

    def _folders(self) -> list:
        try:
            return [folder.path for folder in os.scandir(self._dir) if folder.is_dir()]
        except OSError:
            return []

    def _count(self) -> int:
        """How many files are kept (names only: no file is opened or looked at)."""
        total = 0
        for folder in self._folders():
            try:
                total += sum(not name.startswith(".") for name in os.listdir(folder))
            except OSError:
                continue
        return total

    def _files(self) -> list:
        """(modified, path) of every file kept."""
        entries = []
        for folder in self._folders():
            try:
                entries += [
                    (f.stat().st_mtime, f.path)
                    for f in os.scandir(folder)
                    if not f.name.startswith(".")
                ]
            except OSError:
                continue
        return entries

    # --- bounds --------------------------------------------------------------------------

    def cull(self) -> int:
        """Keep at most `MAX_ENTRIES` files: the expired ones first, then the least recently
        written. Returns how many were removed."""
        if self._count() <= self._max_entries:
            return 0
        now = time.time()
        remaining, removed = [], 0
        for entry in self._files():
            head = _head(entry[1])
            if head is not None and head[0] and head[0] <= now:
                Path(entry[1]).unlink(missing_ok=True)
                removed += 1
            else:
                remaining.append(entry)
        keep = self._max_entries - self._max_entries // max(self._cull_frequency, 1)
        remaining.sort()
        doomed = remaining[: max(0, len(remaining) - keep)]
        for _mtime, name in doomed:
            Path(name).unlink(missing_ok=True)
        return removed + len(doomed)


def _head(name, with_key=False):
    """(expiry, key or None) read from the start of file `name`; None if unreadable."""
    try:
        with open(name, "rb") as kept:
            expires, length = HEADER.unpack(kept.read(HEADER.size))
            key = kept.read(length).decode() if with_key else None
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    return expires, key
