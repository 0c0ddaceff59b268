"""The cache of a site without Redis: files every process shares (`backends.filecache`)."""

import errno
import os
import time

import pytest

from ldld_wagtail.backends import filecache
from ldld_wagtail.backends.filecache import SharedFileCache


def process(folder, **options):
    """The cache as one process of the site opens it (each process has its own object)."""
    return SharedFileCache(str(folder), {"OPTIONS": options} if options else {})


def test_what_one_process_keeps_another_reads(tmp_path):
    first, second = process(tmp_path), process(tmp_path)
    page = (200, [("Content-Type", "text/html")], "Trang chủ Liên đoàn".encode() * 500)
    first.set("ldld:page:/", page, 60)
    assert second.get("ldld:page:/") == page
    assert second.get("ldld:page:/khac/") is None
    second.delete("ldld:page:/")
    assert first.get("ldld:page:/", "không có") == "không có"
    # Compressed: a page of repeated text takes a fraction of its size on disk.
    first.set("lon", "x" * 100_000, 60)
    [stored] = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert stored.stat().st_size < 2_000


def test_only_one_process_gets_the_build_lock(tmp_path):
    first, second = process(tmp_path), process(tmp_path)
    assert first.add("ldld:page:/:building", 1, 15) is True
    assert second.add("ldld:page:/:building", 1, 15) is False
    first.delete("ldld:page:/:building")
    assert second.add("ldld:page:/:building", 1, 15) is True
    # A lapsed lock (its builder died) is taken over.
    second.set("lapsed", 1, 1)
    future = time.time() + 2
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(filecache.time, "time", lambda: future)
        assert first.add("lapsed", 2, 15) is True
        assert second.get("lapsed") == 2


def test_values_expire_and_never_means_never(tmp_path):
    cache = process(tmp_path)
    cache.set("short", "a", 1)
    cache.set("forever", "b", None)
    assert cache.entries() == {
        ":1:short": pytest.approx(time.time() + 1, abs=1),
        ":1:forever": None,
    }
    later = time.time() + 5
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(filecache.time, "time", lambda: later)
        assert cache.get("short") is None and cache.get("forever") == "b"
    assert cache.touch("forever", 60) is True and cache.touch("gone") is False
    cache.set("zero", "c", 0)
    assert cache.get("zero") is None


def test_a_full_disk_is_a_miss_and_leaves_no_partial_file(tmp_path, monkeypatch):
    cache = process(tmp_path)
    cache.set("kept", "trước", 60)

    def full(handle, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(filecache, "_write", full)
    cache.set("kept", "sau", 60)  # no error reaches the page
    assert cache.add("lock", 1, 15) is False
    monkeypatch.undo()
    assert cache.get("kept") == "trước" and cache.get("lock") is None
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1


def test_a_damaged_file_is_a_miss(tmp_path):
    cache = process(tmp_path)
    cache.set("kept", {"a": 1}, 60)
    [stored] = [p for p in tmp_path.rglob("*") if p.is_file()]
    stored.write_bytes(stored.read_bytes()[:15])
    assert cache.get("kept", "mất") == "mất"


def test_the_number_of_files_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(filecache, "CULL_EVERY", 10)
    cache = process(tmp_path, MAX_ENTRIES=30, CULL_FREQUENCY=3)
    for n in range(100):
        cache.set(f"key-{n}", n, 60)
        os.utime(cache._path(f"key-{n}"), (n + 1e9, n + 1e9))  # in the order written
        assert cache.wait_for_cull()  # each cull done before the next write, as with time
    assert len(cache.entries()) <= 30 + 10
    # The most recently written are kept, the oldest dropped.
    assert cache.get("key-99") == 99 and cache.get("key-0") is None
    cache.clear()
    assert cache.entries() == {} and cache.get("key-99") is None


def test_a_write_never_waits_for_a_cull_and_one_cull_runs_at_a_time(tmp_path, monkeypatch):
    """Culling reads every file and removes thousands: the reader whose write called for it
    is answered meanwhile, and further writes start no second cull while it runs."""
    import threading

    monkeypatch.setattr(filecache, "CULL_EVERY", 2)
    entered, release, calls = threading.Event(), threading.Event(), []

    def slow_cull(self):
        calls.append(threading.current_thread().name)
        entered.set()
        release.wait(10)
        return 0

    monkeypatch.setattr(SharedFileCache, "cull", slow_cull)
    cache = process(tmp_path)
    started = time.monotonic()
    for n in range(10):  # five culls due
        cache.set(f"key-{n}", n, 60)
    assert time.monotonic() - started < 5
    assert entered.wait(5) and calls == ["ldld-cache-cull"]
    assert not cache.wait_for_cull(timeout=0.05)
    release.set()
    assert cache.wait_for_cull() and cache.get("key-9") == 9


def test_counters_count_every_increment_and_keep_their_expiry(tmp_path):
    import threading

    first, second = process(tmp_path), process(tmp_path)
    first.add("attempts", 0, 60)
    expiry = first.entries()[":1:attempts"]
    together = threading.Barrier(8)

    def count(cache):
        together.wait()
        for _ in range(25):
            cache.incr("attempts")

    threads = [threading.Thread(target=count, args=(c,)) for c in [first, second] * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert first.get("attempts") == 200
    assert second.entries()[":1:attempts"] == expiry
    with pytest.raises(ValueError):
        first.incr("never-set")
    assert first.decr("attempts", 10) == 190
