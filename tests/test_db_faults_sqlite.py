"""The SQLite file in trouble under a running console: deleted, replaced, read-only, the disk
full, another writer holding the lock. Each gives its own message key naming the file; nothing
is half-written; once the disk is writable again the same ``Store`` writes (no restart).

The tests run as root, and root ignores file modes, so the read-only case runs the console as
the ``nobody`` user in a child process; the full disk is a small tmpfs mounted for the test.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from db.health import DatabaseWatch
from db.logbook import SqlLogbook
from db.store import Store, Timeouts, sqlite_url
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import ConsoleError, DatabaseState, DatabaseUnavailable
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
NOBODY = 65534


def _clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE))


def _texts(store: Store) -> list[str]:
    return sorted(e.text for e in SqlLogbook(store, _clock()).recent(READER))


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    db = tmp_path / "console.db"
    store = Store(sqlite_url(db))
    store.migrate()
    SqlLogbook(store, _clock()).write(LogCategory.OTHER, "before", OP)
    yield store, db
    store.dispose()


def test_a_deleted_database_file_stops_writes_and_is_not_made_again(console: tuple[Store, Path]) -> None:
    store, db = console
    db.unlink()  # someone deletes it in the file manager while the console runs
    with pytest.raises(DatabaseUnavailable) as refused:
        SqlLogbook(store, _clock()).write(LogCategory.OTHER, "typed after the delete", OP)
    assert refused.value.key == "storage.file_missing"
    assert refused.value.args_map["where"] == str(db)
    with pytest.raises(DatabaseUnavailable):
        SqlLogbook(store, _clock()).recent(READER)  # what it would show is a ghost of the deleted file
    assert not db.exists()  # no empty database made in its place
    state = store.probe()
    assert not state.up and state.key == "storage.file_missing" and state.where == str(db)


def test_a_replaced_database_file_stops_writes(console: tuple[Store, Path], tmp_path: Path) -> None:
    store, db = console
    other = tmp_path / "restored.db"
    other_store = Store(sqlite_url(other))
    other_store.migrate()
    other_store.dispose()
    os.replace(other, db)  # a backup restored over the running console's file
    with pytest.raises(DatabaseUnavailable) as refused:
        SqlLogbook(store, _clock()).write(LogCategory.OTHER, "typed after the restore", OP)
    assert refused.value.key == "storage.file_replaced"
    assert "typed after the restore" not in _texts(Store(sqlite_url(db)))  # nor in the new file
    assert store.probe().key == "storage.file_replaced"


def test_another_writer_holding_the_lock_is_a_busy_message_within_the_time_out(tmp_path: Path) -> None:
    db = tmp_path / "console.db"
    Store(sqlite_url(db)).migrate()
    store = Store(sqlite_url(db), timeouts=Timeouts(busy=1.0))
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as refused:
            SqlLogbook(store, _clock()).write(LogCategory.OTHER, "waits its turn", OP)
        waited = time.monotonic() - started
        assert refused.value.key == "storage.busy"
        assert 0.9 <= waited < 3.0
        probed = store.probe()
        assert probed.key == "storage.busy" and probed.seconds < 3.0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    SqlLogbook(store, _clock()).write(LogCategory.OTHER, "written once the lock is free", OP)
    assert _texts(store) == ["written once the lock is free"]
    store.dispose()


# ---------------------------------------------------------------- read-only, as a user the modes bind


def _read_only_console(folder: Path, report: Connection) -> None:
    """Run in a child as ``nobody``: the console starts while its folder and file are read-only."""
    steps: list[tuple[str, str]] = []
    try:
        os.setgid(NOBODY)
        os.setuid(NOBODY)
        db = folder / "console.db"
        first = Store(sqlite_url(db))
        first.migrate()
        SqlLogbook(first, _clock()).write(LogCategory.OTHER, "before", OP)
        first.dispose()  # the console closes; its -wal and -shm files go with it
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        store = Store(sqlite_url(db))  # and starts again on the read-only folder
        for step, action in (
            ("write", lambda: SqlLogbook(store, _clock()).write(LogCategory.OTHER, "refused", OP)),
            ("probe", lambda: steps.append(("probe key", store.probe().key))),
        ):
            try:
                action()
                steps.append((step, "ok"))
            except ConsoleError as exc:
                steps.append((step, exc.key))
                steps.append((step + " where", str(exc.args_map.get("where", ""))))
        os.chmod(folder, 0o755)  # the administrator puts it right; the console is not restarted
        os.chmod(db, 0o644)
        SqlLogbook(store, _clock()).write(LogCategory.OTHER, "after", OP)
        steps.append(("write again", "ok"))
        steps.append(("entries", ",".join(_texts(store))))
        store.dispose()
    except BaseException as exc:  # reported to the test, which fails on it
        steps.append(("raw", f"{type(exc).__name__}: {exc}"))
    report.send(steps)
    report.close()


def test_a_read_only_folder_is_its_own_message_and_writes_come_back_without_a_restart() -> None:
    folder = Path(tempfile.mkdtemp(prefix="console-ro-", dir="/tmp"))
    os.chown(folder, NOBODY, NOBODY)
    try:
        fork = multiprocessing.get_context("fork")
        ours, theirs = fork.Pipe(duplex=False)
        child = fork.Process(target=_read_only_console, args=(folder, theirs))
        child.start()
        steps = dict(ours.recv() if ours.poll(120) else [("raw", "the child said nothing")])
        child.join(30)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert "raw" not in steps, steps
    assert steps["write"] == "storage.read_only", steps
    assert steps["write where"] == str(folder / "console.db")
    assert steps["probe key"] == "storage.read_only"
    assert steps["write again"] == "ok"
    assert steps["entries"] == "after,before"  # the refused entry is nowhere, the later one is kept


# ---------------------------------------------------------------- a full disk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(disk)], check=True)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> Path:
    """A file that takes every byte left on ``disk``."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (64 * 1024, 1):
            while True:
                try:
                    os.write(fd, bytes(size))
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_is_its_own_message_and_writes_come_back_when_space_is_freed(small_disk: Path) -> None:
    db = small_disk / "console.db"
    store = Store(sqlite_url(db))
    store.migrate()
    book = SqlLogbook(store, _clock())
    book.write(LogCategory.OTHER, "before", OP)
    filler = _fill(small_disk)
    with pytest.raises(DatabaseUnavailable) as refused:
        for n in range(50):  # pages already there may take a small entry or two: go on until it is full
            book.write(LogCategory.OTHER, f"entry {n} " + "x" * 3000, OP)
    assert refused.value.key == "storage.disk_full"
    assert refused.value.args_map["where"] == str(db)
    assert store.probe().key == "storage.disk_full"
    written = _texts(store)
    filler.unlink()
    book.write(LogCategory.OTHER, "after", OP)  # the same console, not restarted
    assert _texts(store) == sorted([*written, "after"])  # the refused entry is nowhere
    assert store.probe().up
    store.dispose()


def test_the_watch_tells_of_the_database_going_and_coming_back_from_its_own_thread(
    console: tuple[Store, Path], tmp_path: Path
) -> None:
    store, db = console
    heard: list[tuple[DatabaseState, str]] = []
    changed = threading.Event()

    def on_change(state: DatabaseState) -> None:
        heard.append((state, threading.current_thread().name))
        changed.set()

    watch = DatabaseWatch(store, on_change, interval=0.2)
    watch.start()
    try:
        assert changed.wait(10)
        changed.clear()
        aside = tmp_path / "aside.db"
        os.replace(db, aside)  # the file goes away...
        assert changed.wait(10)
        changed.clear()
        os.replace(aside, db)  # ...and the same file comes back
        watch.check_now()
        assert changed.wait(10)
    finally:
        watch.stop()
    assert [(s.up, s.key) for s, _ in heard] == [(True, ""), (False, "storage.file_missing"), (True, "")]
    assert {s.where for s, _ in heard} == {str(db)}
    assert {thread for _, thread in heard} == {"database-watch"}
    SqlLogbook(store, _clock()).write(LogCategory.OTHER, "after", OP)
    assert _texts(store) == ["after", "before"]
