"""`manage.py backup` / `manage.py restore` (ldld_wagtail.backup): the test portal backed up,
restored by another process into an empty database and empty media folders, answers every
public page, API read, feed and file byte for byte like the original, with the same rows; a
damaged archive, one newer than the code or a database that holds a site is refused before
anything is written; the nightly job keeps the newest archives only.

Runs on the database the suite runs on: SQLite in-memory (online backup API) or PostgreSQL
(pg_dump / pg_restore into a database of its own)."""

import datetime
import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from wagtail.models import Page, Revision, WorkflowState

from ldld_wagtail import backup
from ldld_wagtail.models import (
    RoyaltyFee,
    RoyaltyMonth,
    RoyaltyRate,
    SyndicationChange,
    Unit,
    Withdrawal,
)
from ldld_wagtail.reports import royalties

from ..utils import (
    answers,
    answers_in_a_subprocess,
    make_document,
    make_image,
    make_news,
    outlet_key,
    publish_through_the_workflow,
    pull,
    section,
)

ROOT = Path(__file__).resolve().parents[2]
OCTOBER_15 = datetime.datetime(2026, 10, 15, 9, tzinfo=datetime.UTC)


def transactional(test):
    return pytest.mark.django_db(transaction=True)(pytest.mark.usefixtures("wagtail_rows")(test))


@pytest.fixture
def folders(settings, tmp_path):
    """Media, withheld media and report files of this test only, under tmp_path/a."""
    site = tmp_path / "a"
    settings.MEDIA_ROOT = str(site / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "ldld_withheld": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(site / "withheld")},
        },
        "ldld_reports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(site / "reports")},
        },
    }
    return tmp_path


def files_under(folder: Path) -> dict:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def empty_target(tmp_path):
    """An empty database (a new SQLite file, or a new PostgreSQL database) and empty folders,
    as the environment of a `manage.py` subprocess."""
    site = tmp_path / "b"
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}  # no cache shared with us
    env.update(
        DJANGO_SETTINGS_MODULE="settings.test",
        LDLD_VAR_DIR=str(site),
        MEDIA_ROOT=str(site / "media"),
        WITHHELD_MEDIA_ROOT=str(site / "withheld"),
        REPORT_FILES_ROOT=str(site / "reports"),
    )
    created = None
    if connection.vendor == "postgresql":
        import psycopg

        db = connection.settings_dict
        created = f"{db['NAME']}_restore"
        params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
        params = {k: v for k, v in params.items() if v}
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{created}"')
            admin.execute(f'CREATE DATABASE "{created}"')
        user = db["USER"] or "postgres"
        env["DATABASE_URL"] = f"postgres://{user}@{db['HOST']}:{db['PORT'] or 5432}/{created}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{site / 'db.sqlite3'}"
    site.mkdir(parents=True, exist_ok=True)
    yield env, site
    if created:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')


def manage(env, *args):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def portal(laocai, admin_client, client):
    """The test portal: published items with photos, a file, a draft, a take-down, a consumer
    that has read the feed, a closed royalty month."""
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    items = [
        make_news(
            column,
            f"Tin số {n}",
            unit=unit,
            image=make_image(f"Ảnh {n}"),
            send_to_national=True,
            published_at=OCTOBER_15,
        )
        for n in range(3)
    ]
    document = make_document("Công văn số 12")
    draft = make_news(column, "Bản nháp riêng", unit=unit, live=False)
    waiting = publish_through_the_workflow(laocai, client)  # at the web admin's step
    gone = make_news(column, "Tin bị gỡ", unit=unit, send_to_national=True)
    response = admin_client.post(
        reverse("ldld_take_down", args=[gone.pk]),
        {"category": "rights", "reason": "Ảnh chưa xin phép"},
    )
    assert response.status_code == 302
    key = outlet_key("cong-ttdt-cdvn")
    from django.test import Client

    first = pull(Client(), key)
    RoyaltyFee.objects.filter(amount__isnull=True).update(amount=500_000)
    RoyaltyRate.objects.filter(amount__isnull=True).update(amount=100_000)
    royalties.close(royalties.Month(2026, 10), laocai["thuky"])
    return items, document, [draft, gone, waiting], key, first


def requests_for(items, document, hidden, key, cursor) -> list[list]:
    json_accept = {"HTTP_ACCEPT": "application/json"}
    keyed = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    draft, gone, waiting = hidden
    asked = [["draft", draft.get_url(), {}], ["api draft", f"/++api++{draft.get_url()}", {}]]
    for page in Page.objects.live().public().specific().order_by("path"):
        url = page.get_url()
        if not url or url.startswith("http"):
            continue
        asked.append([f"page {url}", url, {}])
        asked.append([f"api {url}", f"/++api++{url}", json_accept])
    for name, url in [
        ("search", "/tim-kiem/?q=tin+so"),
        ("rss", "/rss.xml"),
        ("atom", "/atom.xml"),
        ("sitemap", "/sitemap.xml"),
        ("taken down", gone.get_url()),
        ("waiting", waiting.get_url()),
        ("document", document.url),
        ("api search", "/++api++/@search?SearchableText=tin&sort_on=effective"),
        ("api navigation", "/++api++/@navigation?expand.navigation.depth=2"),
        ("api site", "/++api++/@site"),
    ]:
        asked.append([name, url, json_accept if name.startswith("api") else {}])
    asked.append(["feed, first batch", "/++api++/@syndication", keyed])
    asked.append(["feed, resumed", f"/++api++/@syndication?since={cursor}", keyed])
    from wagtail.images.views.serve import generate_image_url

    photo = items[0].photos.first().image
    asked.append(["photo", generate_image_url(photo, "fill-300x200"), {}])
    return asked


def first_difference(a, b) -> str:
    if a[0] != b[0]:
        return f"status {a[0]} → {b[0]}"
    at = next((i for i, (x, y) in enumerate(zip(a[1], b[1], strict=False)) if x != y), 0)
    return f"…{a[1][max(0, at - 80) : at + 80]!r} → …{b[1][max(0, at - 80) : at + 80]!r}"


def binary_safe(found: dict) -> dict:
    return {
        label: [status, body if "\ufffd" not in body else hashlib.sha256(body.encode()).hexdigest()]
        for label, (status, body) in found.items()
    }


@transactional
def test_a_restored_site_answers_like_the_original(
    laocai, admin_client, client, folders, empty_target
):
    items, document, gone, key, first = portal(laocai, admin_client, client)
    asked = requests_for(items, document, gone, key, first["next"])
    before = binary_safe(answers(asked))
    assert before["draft"][0] == before["taken down"][0] == before["waiting"][0] == 404
    assert before["photo"][0] == 200 and before["document"][0] == 200
    assert "Tin số 1" in before[f"page {section('tuyen-giao-nu-cong').get_url()}"][1]

    archive = backup.make_archive(folders / "backups/")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    manifest = json.loads(tarfile.open(archive).extractfile("manifest.json").read())
    counts = manifest["counts"]
    for model in (Page, Revision, User, Group, WorkflowState, Unit, Withdrawal, SyndicationChange):
        assert counts[model._meta.label_lower] == model.objects.count() > 0, model
    assert counts[RoyaltyMonth._meta.label_lower] == RoyaltyMonth.objects.count() == 1
    assert manifest["profile"] == [{"code": "lao-cai", "name": "Liên đoàn Lao động tỉnh Lào Cai"}]
    assert manifest["engine"] == connection.vendor
    source_media = files_under(folders / "a")
    assert any(name.startswith("media/original_images/") for name in source_media)

    env, site = empty_target
    done = manage(env, "restore", str(archive))
    assert done.returncode == 0, done.stderr
    assert "Đã khôi phục" in done.stdout, done.stdout

    restored_media = {
        n: h
        for n, h in files_under(site).items()
        if n.split("/")[0] in ("media", "withheld", "reports")
    }
    assert restored_media == source_media
    after = binary_safe(answers_in_a_subprocess(asked, env, site))
    assert after.keys() == before.keys()
    differ = [label for label in before if before[label] != after[label]]
    assert not differ, {label: first_difference(before[label], after[label]) for label in differ}
    # The consumer resumes where it was: its cursor's batch is the same, and not the first.
    assert after["feed, resumed"] != after["feed, first batch"]

    again = manage(env, "restore", str(archive))
    assert again.returncode == 1
    assert "Cơ sở dữ liệu không trống" in again.stderr, again.stderr


# --- refusals, before anything is written --------------------------------------------------------


def forged(
    path: Path, members: dict[str, bytes], manifest: dict | None = None, listed=None
) -> Path:
    """An archive with `members` and a manifest listing `listed` (default: the members, with
    their true checksums)."""
    listed = listed if listed is not None else members
    data = {
        "format": backup.FORMAT,
        "engine": connection.vendor,
        "migrations": {"ldld_wagtail": ["0001_initial"]},
        "counts": {},
        "files": {
            name: {"size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
            for name, body in listed.items()
        },
        **(manifest or {}),
    }
    with tarfile.open(path, "w:gz") as tar:
        for name, body in {**members, "manifest.json": json.dumps(data).encode()}.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return path


def refused(archive) -> str:
    with pytest.raises(CommandError) as error:
        call_command("restore", str(archive), stdout=io.StringIO())
    return str(error.value)


@pytest.fixture
def empty_site(db, folders):
    """This test's database as `migrate` leaves it, and empty folders."""
    return folders


def nothing_written(folders):
    assert not User.objects.exists()
    assert Page.objects.count() <= 2
    assert files_under(folders / "a") == {}


def test_a_damaged_archive_is_refused(empty_site):
    archive = forged(
        empty_site / "damaged.tar.gz",
        {"database/sqlite3": b"changed", "files/default/a.jpg": b"x"},
        listed={"database/sqlite3": b"original", "files/default/a.jpg": b"x"},
    )
    assert "không khớp" in refused(archive)
    nothing_written(empty_site)


def test_an_archive_missing_a_listed_file_is_refused(empty_site):
    archive = forged(
        empty_site / "short.tar.gz",
        {"database/sqlite3": b"db"},
        listed={"database/sqlite3": b"db", "files/default/a.jpg": b"x"},
    )
    assert "files/default/a.jpg" in refused(archive)
    nothing_written(empty_site)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "files/default/../../evil", "x.sh"])
def test_path_tricks_are_refused(empty_site, name):
    archive = forged(empty_site / "tricks.tar.gz", {"database/sqlite3": b"db", name: b"x"})
    assert "mục không mong đợi" in refused(archive)
    nothing_written(empty_site)
    assert not (empty_site / "evil.txt").exists() and not Path("/etc/evil").exists()


def test_an_archive_newer_than_the_code_is_refused(empty_site):
    archive = forged(
        empty_site / "newer.tar.gz",
        {"database/sqlite3": b"db"},
        manifest={"migrations": {"ldld_wagtail": ["0001_initial", "9999_from_the_future"]}},
    )
    message = refused(archive)
    assert "ldld_wagtail.9999_from_the_future" in message and "phiên bản mới hơn" in message
    nothing_written(empty_site)


def test_an_archive_of_another_engine_is_refused(empty_site):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = forged(empty_site / "other.tar.gz", {"database/sqlite3": b"db"}, {"engine": other})
    assert other in refused(archive)
    nothing_written(empty_site)


def test_a_disk_that_fills_while_files_are_put_back_leaves_nothing(empty_site, monkeypatch):
    import errno
    import shutil

    files = {f"files/default/original_images/anh-{n}.jpg": b"x" * 100 for n in range(3)}
    archive = forged(
        empty_site / "full.tar.gz", {"database/sqlite3": b"db", **files}, {"migrations": {}}
    )
    moved = []

    def move(source, target):
        if len(moved) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        moved.append(target)
        return shutil.copy(source, target)

    monkeypatch.setattr(backup.shutil, "move", move)
    message = refused(archive)
    assert "No space left on device" in message and "chưa khôi phục" in message
    assert len(moved) == 2  # two files were put back before the disk filled
    nothing_written(empty_site)
    assert not (empty_site / "a" / "media" / "original_images").exists()


@transactional  # loading a dump closes the connection: no test transaction around it
def test_a_dump_the_database_refuses_takes_the_files_back_out(folders):
    empty_site = folders
    files = {"files/default/documents/cong-van.pdf": b"%PDF-1.4 x"}
    archive = forged(
        empty_site / "bad-db.tar.gz",
        {"database/sqlite3": b"not a dump", **files},
        {"migrations": {}},
    )
    assert "Không đọc được cơ sở dữ liệu" in refused(archive) or connection.vendor != "sqlite"
    nothing_written(empty_site)


def test_a_database_that_holds_a_site_is_left_alone(laocai, folders):
    archive = forged(folders / "any.tar.gz", {"database/sqlite3": b"db"})
    pages = Page.objects.count()
    assert "không trống" in refused(archive)
    assert Page.objects.count() == pages


# --- the nightly job -----------------------------------------------------------------------------


@transactional
def test_the_nightly_job_makes_one_archive_a_day_and_keeps_the_newest(settings, folders):
    settings.LDLD_BACKUP_DIR = folders / "nightly"
    settings.LDLD_BACKUPS_KEPT = 3
    (folders / "nightly").mkdir()
    for day in ("2026-11-01", "2026-11-02", "2026-11-03"):
        (folders / "nightly" / f"ldld-{day}.tar.gz").write_bytes(b"old")
    (folders / "nightly" / "ban-sao-tay.tar.gz").write_bytes(b"made by hand")

    assert backup.nightly().startswith("made")
    assert backup.nightly().startswith("had")  # a second run the same day (a restarted worker)
    kept = sorted(p.name for p in (folders / "nightly").iterdir())
    assert kept == [
        "ban-sao-tay.tar.gz",
        "ldld-2026-11-02.tar.gz",
        "ldld-2026-11-03.tar.gz",
        f"ldld-{backup.timezone.localdate().isoformat()}.tar.gz",
    ]


def test_setup_schedules_the_nightly_backup(laocai):
    from django_q.models import Schedule

    job = Schedule.objects.get(func="ldld_wagtail.backup.nightly")
    assert job.schedule_type == Schedule.DAILY
    assert backup.timezone.localtime(job.next_run).hour == 2
    assert job.kwargs == "q_options={'timeout': 3600}"
