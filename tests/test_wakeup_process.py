"""The console starts the wake-up dialler as a process of its own; it outlives the window and works
the book (training lines here; the SIP lines are in test_wakeup_lab and test_wakeup_crash)."""

from __future__ import annotations

import os
import signal
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from db.room_board import SqlRoomBoard
from db.rows import DiallerBeatRow
from db.store import Store, sqlite_url
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_status import WakeUpStatus
from tests.reader import READER
from tests.test_console_start import run_console
from tests.wakeup_lab import DESK, wakeups


def test_the_console_starts_a_dialler_that_outlives_the_window(tmp_path: Path) -> None:
    settings = tmp_path / "console.ini"
    settings.write_text("[wakeup]\ndialler = on\nring_seconds = 2\n", encoding="utf-8")
    result = run_console(
        tmp_path,
        "--settings",
        str(settings),
        "--screenshot",
        str(tmp_path / "shot.png"),
        "--timezone",
        "Asia/Shanghai",
        "--wait",
        "1",
    )
    assert result.returncode == 0, result.stderr
    store = Store(sqlite_url(tmp_path / "data" / "hotel-switchboard" / "switchboard.db"))
    clock = SystemClock(zone_named("Asia/Shanghai"))
    pid = 0
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not pid:
            with store.read() as s:
                beat = s.scalars(select(DiallerBeatRow)).first()
                pid = beat.pid if beat is not None else 0
            time.sleep(0.5)
        assert pid, "no dialler is beating after the window closed"
        os.kill(pid, 0)  # alive, though the console has exited
        book = SqlWakeUpBook(store, clock)
        room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
        call = book.book_due(room, clock.now() + timedelta(seconds=2), DESK)
        deadline = time.monotonic() + 40
        final = {WakeUpStatus.CONFIRMED.value, WakeUpStatus.ESCALATED.value, WakeUpStatus.RETRY_WAIT.value}
        while time.monotonic() < deadline and wakeups(store)[call.id].status not in final:
            time.sleep(0.5)
        assert wakeups(store)[call.id].status in final  # placed and answered (or not) on the training lines
        assert wakeups(store)[call.id].attempts == 1
    finally:
        if pid:
            os.kill(pid, signal.SIGTERM)
        store.dispose()
    assert (tmp_path / "data" / "hotel-switchboard" / "dialler.log").exists()
