"""Backups that restore on a fresh machine (`manage.py backup` / `manage.py restore`).

Quy chế 7.6 asks the web admin to keep the portal "hoạt động liên tục, an toàn và thông suốt";
a provincial federation has no operations team, so one archive holds everything the site is:

- `database/sqlite3` (SQLite's online backup API: consistent, and safe while the site runs) or
  `database/pg_dump` (`pg_dump --format=custom`, taken in a snapshot that the manifest's counts
  are read in too, so both describe the same moment);
- `files/<storage>/<name>` for every file-system storage of `settings.STORAGES` but the static
  files (media, the withheld media of withdrawn items, the built reports). A storage on object
  storage is not copied: the manifest lists its objects with their size and SHA-256 instead, and
  restore checks they are still there;
- `manifest.json`: the archive format, when, the versions of Python and the packages, the
  profile (federation), the applied migrations, the row count of every table and the size and
  SHA-256 of every other member.

`restore` refuses, before it writes anything: a member the manifest does not list or whose
checksum or size differs, a member name that is not a plain relative path, an archive of another
database engine, an archive whose migrations the code does not know (it is newer than the code),
a database that already holds a site (anything beyond what `migrate` creates) and a media folder
that already holds files. It then loads the dump (PostgreSQL: `pg_restore` in one transaction),
checks every table's row count against the manifest, copies the files, applies the code's newer
migrations and empties the cache.

`nightly` is the django-q2 job (`setup_portal` schedules it at 02:00): one archive a day in
`LDLD_BACKUP_DIR` named by the date, so a job that runs twice (a worker killed and restarted)
makes it once, and only the newest `LDLD_BACKUPS_KEPT` kept.

An archive holds password hashes and askers' contact details: it is written readable by its
owner only, and must be kept like the database itself.
"""

import datetime
import hashlib
import io
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import schedules

FORMAT = 1
MANIFEST = "manifest.json"
SCHEDULE = "ldld: nightly backup"
NIGHTLY = re.compile(r"^ldld-(\d{4}-\d{2}-\d{2})\.tar\.gz$")
PACKAGES = ("django", "wagtail", "wagtail-localize", "djangorestframework", "django-q2")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Why an archive cannot be written or restored, in words for the web admin."""


@dataclass
class Manifest:
    data: dict
    files: dict = field(init=False)

    def __post_init__(self):
        self.files = self.data.get("files", {})


# --- writing -------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %s.") % vendor)
    return vendor


def _tables() -> dict[str, str]:
    """{table: model label} of every concrete table the code knows, many-to-many included."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        tables.setdefault(meta.db_table, meta.label_lower)
    return tables


def _count(cursor, tables, quote) -> dict[str, int]:
    counts = {}
    for table, label in sorted(tables.items(), key=lambda t: t[1]):
        try:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        except Exception:  # a table the database does not have (an app added since)
            continue
        counts[label] = cursor.fetchone()[0]
    return counts


def _migrations(cursor) -> dict[str, list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def _dump_sqlite(workdir: Path) -> tuple[Path, dict, dict]:
    target = workdir / "sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    # Counts and migrations from the copy itself: they describe what the archive holds.
    copy = sqlite3.connect(target)
    try:
        cursor = copy.cursor()
        counts = _count(cursor, _tables(), lambda t: '"' + t.replace('"', '""') + '"')
        applied = _migrations(cursor)
    finally:
        copy.close()
    return target, counts, applied


def _pg_environment() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict, what: str):
    if shutil.which(command[0]) is None:
        raise BackupError(_("%s is not installed on this machine.") % command[0])
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise BackupError(_("%(what)s failed: %(error)s") % {"what": what, "error": done.stderr})


def _dump_postgresql(workdir: Path) -> tuple[Path, dict, dict]:
    target = workdir / "pg_dump"
    args, env = _pg_environment()
    name = connection.settings_dict["NAME"]
    if connection.in_atomic_block:  # the snapshot must be the transaction's first statement
        raise BackupError(_("A backup cannot be made inside a database transaction."))
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            _run(
                ["pg_dump", *args, "--format=custom", f"--snapshot={snapshot}"]
                + ["--no-password", f"--file={target}", name],
                env,
                "pg_dump",
            )
            counts = _count(cursor, _tables(), connection.ops.quote_name)
            applied = _migrations(cursor)
    return target, counts, applied


def _storages() -> dict[str, object]:
    return {alias: storages[alias] for alias in settings.STORAGES if alias != "staticfiles"}


def _walk(storage, path="") -> list[str]:
    directories, files = storage.listdir(path)
    names = [f"{path}{name}" for name in files]
    for directory in directories:
        names += _walk(storage, f"{path}{directory}/")
    return names


def _local_files(storage: FileSystemStorage) -> list[tuple[str, Path]]:
    root = Path(storage.location)
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found.append((path.relative_to(root).as_posix(), path))
    return found


def _profile() -> dict:
    from .models import Federation

    return [{"code": f.code, "name": f.name} for f in Federation.objects.order_by("pk")]


def _versions() -> dict:
    versions = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    if connection.vendor == "postgresql":
        versions["postgresql"] = connection.pg_version
    return versions


def make_archive(dest, *, name: str | None = None) -> Path:
    """Write one archive into the directory `dest` (named by the time, or `name`), or to the
    file `dest`; return its path. Written beside its place and renamed when complete, so a
    half-written archive never looks like a backup."""
    engine = _engine()
    folder = str(dest).endswith(("/", os.sep))
    dest = Path(dest)
    if dest.is_dir() or folder or name:
        dest.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
        dest = dest / (name or f"ldld-{stamp}.tar.gz")
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict] = {}
    objects: dict[str, dict] = {}
    partial = dest.with_name(f".{dest.name}.partial")
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".ldld-backup-") as work:
        dump, counts, applied = (_dump_sqlite if engine == "sqlite" else _dump_postgresql)(
            Path(work)
        )
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                member = f"database/{dump.name}"
                files[member] = {"size": dump.stat().st_size, "sha256": _sha256(dump)}
                tar.add(dump, arcname=member, recursive=False)
                for alias, storage in _storages().items():
                    if isinstance(storage, FileSystemStorage):
                        for relative, path in _local_files(storage):
                            member = f"files/{alias}/{relative}"
                            files[member] = {"size": path.stat().st_size, "sha256": _sha256(path)}
                            tar.add(path, arcname=member, recursive=False)
                    else:
                        objects[alias] = _object_manifest(storage)
                manifest = {
                    "format": FORMAT,
                    "created": timezone.localtime().isoformat(),
                    "engine": engine,
                    "versions": _versions(),
                    "profile": _profile(),
                    "migrations": applied,
                    "counts": counts,
                    "files": files,
                    "objects": objects,
                }
                body = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(body), int(timezone.now().timestamp()), 0o600
                tar.addfile(info, io.BytesIO(body))
            os.replace(partial, dest)
        finally:
            if partial.exists():
                partial.unlink()
    return dest


def _object_manifest(storage) -> dict:
    listed = {}
    for name in _walk(storage):
        digest = hashlib.sha256()
        with storage.open(name, "rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
        listed[name] = {"size": storage.size(name), "sha256": digest.hexdigest()}
    return listed


# --- reading and restoring -----------------------------------------------------------------------


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
        and "\x00" not in name
        and path.parts[0] in ("database", "files", MANIFEST)
    )


def unpack(src, into: Path) -> Manifest:
    """Check the archive `src` against its manifest while unpacking it into `into`."""
    src = Path(src)
    if not src.is_file():
        raise BackupError(_("No archive at %s.") % src)
    try:
        tar = tarfile.open(src, mode="r:*")
    except (tarfile.TarError, OSError) as e:
        raise BackupError(
            _("%(path)s is not a backup archive (%(error)s).") % {"path": src, "error": e}
        ) from e
    seen: dict[str, dict] = {}
    manifest = None
    with tar:
        for member in tar:
            if not _safe(member.name) or not (member.isfile() or member.isdir()):
                raise BackupError(_("The archive holds an unexpected entry: %r.") % member.name)
            if member.isdir():
                continue
            source = tar.extractfile(member)
            if member.name == MANIFEST:
                try:
                    manifest = json.loads(source.read(16 * CHUNK))
                except ValueError as e:
                    raise BackupError(_("The archive's manifest is unreadable.")) from e
                continue
            target = into / member.name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest, size = hashlib.sha256(), 0
            with open(target, "wb") as out:
                while chunk := source.read(CHUNK):
                    size += len(chunk)
                    digest.update(chunk)
                    out.write(chunk)
            seen[member.name] = {"size": size, "sha256": digest.hexdigest()}
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("The archive has no manifest this version can read."))
    listed = manifest.get("files") or {}
    for name, found in seen.items():
        if name not in listed:
            raise BackupError(_("The archive holds %s, which its manifest does not list.") % name)
        if found != listed[name]:
            raise BackupError(
                _("The checksum of %s does not match the manifest: the archive is damaged.") % name
            )
    missing = sorted(set(listed) - set(seen))
    if missing:
        raise BackupError(_("The archive lacks %s.") % ", ".join(missing[:5]))
    return Manifest(manifest)


def known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def check_compatible(manifest: Manifest):
    engine = _engine()
    if manifest.data.get("engine") != engine:
        raise BackupError(
            _("This archive is of a %(theirs)s database; this site runs on %(ours)s.")
            % {"theirs": manifest.data.get("engine"), "ours": engine}
        )
    known = known_migrations()
    newer = [
        f"{app}.{name}"
        for app, names in (manifest.data.get("migrations") or {}).items()
        for name in names
        if (app, name) not in known
    ]
    if newer:
        raise BackupError(
            _(
                "The archive was made by a newer version of the portal (migrations this code "
                "does not have: %s). Update the code first."
            )
            % ", ".join(sorted(newer)[:5])
        )


def holds_a_site() -> str:
    """Why the database is not empty or freshly migrated, or ''."""
    tables = set(connection.introspection.table_names())
    if not tables:
        return ""
    from django.contrib.auth import get_user_model

    from .models import Federation

    user_table = get_user_model()._meta.db_table
    if user_table in tables and get_user_model().objects.exists():
        return _("it has user accounts")
    if Federation._meta.db_table in tables and Federation.objects.exists():
        return _("it has a federation's profile")
    if "wagtailcore_page" in tables:
        from wagtail.models import Page

        if Page.objects.count() > 2:  # the root and Wagtail's welcome page
            return _("it has pages")
    return ""


def _targets() -> dict[str, FileSystemStorage]:
    return {a: s for a, s in _storages().items() if isinstance(s, FileSystemStorage)}


def restore_archive(src, *, stdout=None) -> Manifest:
    """Rebuild the site from the archive `src` in this (empty or freshly migrated) database and
    these empty media folders. Raises `BackupError`, having written nothing, when it cannot."""
    say = stdout.write if stdout else (lambda text: None)
    engine = _engine()
    reason = holds_a_site()
    if reason:
        raise BackupError(
            _("The database is not empty (%s): restore into a new database.") % reason
        )
    for alias, storage in _targets().items():
        if _local_files(storage):
            raise BackupError(
                _("The folder %(path)s (%(alias)s) already holds files: restore into an empty one.")
                % {"path": storage.location, "alias": alias}
            )
    with tempfile.TemporaryDirectory(prefix="ldld-restore-") as work:
        work = Path(work)
        manifest = unpack(src, work)
        check_compatible(manifest)
        say(
            _("Archive checked: %(files)d files, made %(created)s.")
            % {"files": len(manifest.files), "created": manifest.data.get("created")}
            + "\n"
        )
        for alias in manifest.data.get("objects") or {}:
            _check_objects(alias, manifest.data["objects"][alias])
        # The files first, into folders found empty: should a copy fail (a full disk) or the
        # database refuse its dump, every file put back is removed and the database is left as
        # it was, so that the restore can simply be run again.
        placed = _put_files_back(manifest, work)
        say(_("Files restored: %d.") % len(placed) + "\n")
        dump = work / "database" / ("sqlite3" if engine == "sqlite" else "pg_dump")
        try:
            if engine == "sqlite":
                _load_sqlite(dump)
            else:
                _load_postgresql(dump)
        except BaseException:
            _remove(placed)
            raise
        counts = _restored_counts()
        differ = {
            label: (n, counts.get(label))
            for label, n in manifest.data.get("counts", {}).items()
            if counts.get(label) != n
        }
        if differ:
            raise BackupError(_("Row counts differ after loading: %s") % differ)
        say(_("Database loaded: %d rows.") % sum(counts.values()) + "\n")
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    cache.clear()
    return manifest


def _put_files_back(manifest: Manifest, work: Path) -> list[Path]:
    """Move the archive's files into their storages' folders; the paths placed. On a failure,
    what was placed is removed again before the error goes on."""
    targets = _targets()
    placed: list[Path] = []
    try:
        for name in manifest.files:
            parts = PurePosixPath(name).parts
            if parts[0] != "files" or parts[1] not in targets:
                continue
            target = Path(targets[parts[1]].location).joinpath(*parts[2:])
            target.parent.mkdir(parents=True, exist_ok=True)
            placed.append(target)
            shutil.move(work / name, target)
    except OSError as error:
        _remove(placed)
        raise BackupError(
            _("Could not put the files back (%(error)s): nothing was restored.") % {"error": error}
        ) from error
    except BaseException:
        _remove(placed)
        raise
    return placed


def _remove(placed: list[Path]):
    """Remove the files a failed restore put back, and the folders it made for them (the
    storages' folders were empty when it began)."""
    roots = {Path(storage.location) for storage in _targets().values()}
    for path in placed:
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder not in roots and folder != folder.parent:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


def _check_objects(alias: str, listed: dict):
    storage = storages[alias]
    missing = [n for n, meta in listed.items() if not storage.exists(n)]
    if missing:
        raise BackupError(
            _("%(count)d objects of %(alias)s are no longer in the object storage (%(names)s).")
            % {"count": len(missing), "alias": alias, "names": ", ".join(missing[:5])}
        )


def _load_sqlite(dump: Path):
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(_("The database in the archive cannot be read: %s") % error) from error
    finally:
        source.close()
    connection.close()


def _load_postgresql(dump: Path):
    args, env = _pg_environment()
    connection.close()
    _run(
        ["pg_restore", *args, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        + ["--single-transaction", "--exit-on-error", "--no-password"]
        + [f"--dbname={connection.settings_dict['NAME']}", str(dump)],
        env,
        "pg_restore",
    )


def _restored_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return _count(cursor, _tables(), connection.ops.quote_name)


# --- the nightly job -----------------------------------------------------------------------------


def nightly() -> str:
    """Today's archive in `LDLD_BACKUP_DIR` unless it is there already; the oldest beyond
    `LDLD_BACKUPS_KEPT` removed. Returns what it did, for the job's result."""
    folder = Path(settings.LDLD_BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate().isoformat()
    name = f"ldld-{today}.tar.gz"
    made = not (folder / name).exists()
    if made:
        make_archive(folder, name=name)
    kept = max(1, int(settings.LDLD_BACKUPS_KEPT))
    archives = sorted(p for p in folder.iterdir() if NIGHTLY.match(p.name))
    removed = archives[:-kept]
    for old in removed:
        old.unlink()
    return f"{'made' if made else 'had'} {name}; removed {len(removed)}"


def ensure_schedule() -> bool:
    first = datetime.time(hour=2)
    return schedules.ensure(
        SCHEDULE,
        "ldld_wagtail.backup.nightly",
        daily_at=first.hour,
        kwargs={"q_options": {"timeout": settings.LDLD_BACKUP_TIMEOUT}},
    )
