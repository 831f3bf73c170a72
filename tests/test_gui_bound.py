"""The GUI thread's database bound (db/gui_bound.py, Store.guard_gui_thread): a statement that does
not answer is cut off after the bound, the database then counts as away and the thread's calls fail
at once until a probe on another thread finds it again; other threads wait their usual time-outs;
on SQLite a GUI-thread writer waits only the bound for another's lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from db.gui_bound import BOUND
from db.store import Store, Timeouts, sqlite_url
from switchboard.errors import DatabaseState, DatabaseUnavailable


def _on_thread(action: object) -> object:
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(action()))  # type: ignore[operator]
    thread.start()
    thread.join(30)
    return found[0]


@pytest.mark.postgres
def test_a_statement_that_does_not_answer_is_cut_off_and_the_thread_waits_for_the_probe(pg_url: str) -> None:
    store = Store(pg_url, timeouts=Timeouts(connect=2.0, statement=5.0))
    store.migrate()
    store.guard_gui_thread()
    try:
        with store.read() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as caught, store.read() as s:
            s.execute(text("SELECT pg_sleep(2)"))
        took = time.monotonic() - started
        assert caught.value.key == "storage.timeout"
        assert took < BOUND + 0.04, took
        assert store.away
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable), store.unit() as s:  # away: no network at all
            s.execute(text("SELECT 1"))
        assert time.monotonic() - started < 0.005
        # Another thread is not held to the bound: its slow statement answers.
        assert _on_thread(lambda: _slow(store)) == 1
        state = _on_thread(store.probe)
        assert isinstance(state, DatabaseState) and state.up
        assert not store.away
        with store.unit() as s:
            assert s.execute(text("SELECT 2")).scalar() == 2
    finally:
        store.dispose()


def _slow(store: Store) -> object:
    with store.read() as s:
        return s.execute(text("SELECT 1 FROM pg_sleep(0.3)")).scalar()


def test_on_sqlite_a_gui_thread_writer_waits_the_bound_for_a_lock_and_others_their_busy_time_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hotel.db"
    store = Store(sqlite_url(path), timeouts=Timeouts(busy=1.0))
    store.migrate()
    store.guard_gui_thread()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another position holds the write lock
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as caught, store.unit() as s:
            s.execute(text("SELECT 1"))
        took = time.monotonic() - started
        assert caught.value.key == "storage.busy"
        assert took < BOUND + 0.04, took
        assert not store.away  # SQLite answers: reads go on
        with store.read() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
        waited = _on_thread(lambda: _waits(store))
        assert isinstance(waited, float) and waited >= 0.9
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.dispose()


def _waits(store: Store) -> float:
    started = time.monotonic()
    try:
        with store.unit() as s:
            s.execute(text("SELECT 1"))
    except DatabaseUnavailable:
        pass
    return time.monotonic() - started
