"""Tried from outside, what the operator sees while the database is away: the messages page saving
while PostgreSQL is stopped and on a full or deleted SQLite file, a call answered meanwhile, the
console's own start and log, the next start after the file was deleted."""

from __future__ import annotations

import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.rows import RoomRow
from db.store import Store, Timeouts, sqlite_url
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import DatabaseUnavailable
from switchboard.frontoffice import CheckIn
from tests.pg_server import PostgresServer
from tests.reader import READER
from tests.test_outsider_outage import EVENING, LIN, ROOM

# ---------------------------------------------------------------- the messages page, PostgreSQL stopped


def _pg_ctl(server: PostgresServer, *args: str) -> None:
    server._run(str(server.bin / "pg_ctl"), "-D", str(server.data), *args)


def test_a_message_typed_while_postgresql_is_stopped_stays_on_the_page_and_says_it_was_not_saved(
    qtbot: QtBot,
) -> None:
    from ui.messages_page import MessagesPage

    server = PostgresServer()
    server.start()
    try:
        store = Store(server.new_database(), timeouts=Timeouts(connect=2.0, statement=2.0))
        store.migrate()
        clock = FakeClock(EVENING)
        with store.unit() as s:
            s.add(RoomRow(number=ROOM, floor=8, room_type="TWIN", extension=ROOM))
        SqlFrontOffice(store, clock).check_in(
            CheckIn(room=ROOM, name="Wang Fang", departure=date(2027, 3, 1)), LIN
        )
        lamps: list[tuple[str, bool]] = []
        page = MessagesPage(
            SqlMessageBook(store, clock, lambda e, on: lamps.append((e, on))), clock, lambda: LIN
        )
        qtbot.addWidget(page)
        page.show()
        _pg_ctl(server, "-m", "fast", "-w", "stop")
        page.room.setText(ROOM)
        page.caller_name.setText("Mr. Sun (Air China)")
        page.callback.setText("+86 10 6459 0000")
        page.text.setText("Your flight CA1234 leaves at 08:15 from terminal 3.")
        started = time.monotonic()
        page.take()
        took = time.monotonic() - started
        assert took < 5.0, f"the save hung the window for {took:.1f} s"
        assert page.room.text() == ROOM
        assert page.caller_name.text() == "Mr. Sun (Air China)"
        assert page.callback.text() == "+86 10 6459 0000"
        assert page.text.text() == "Your flight CA1234 leaves at 08:15 from terminal 3."
        said = page.message.text()
        assert "Nothing was saved" in said and f"127.0.0.1:{server.port}/" in said, said
        assert "taken" not in said.lower()
        assert lamps == []
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes == []
        with pytest.raises(
            DatabaseUnavailable
        ):  # a refresh while away: an error the guard turns into the lamp
            page.refresh()
        _pg_ctl(
            server,
            "-l",
            str(server.root / "server.log"),
            "-o",
            f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1",
            "-w",
            "-t",
            "60",
            "start",
        )
        page.take()  # the same text, saved once the server is back, without a restart
        assert page.text.text() == "" and ROOM in page.message.text()
        assert [m.text for m in SqlMessageBook(store, clock).waiting(READER)] == [
            "Your flight CA1234 leaves at 08:15 from terminal 3."
        ]
        assert lamps == [(ROOM, True)]
        store.dispose()
    finally:
        server.stop()


# ---------------------------------------------------------------- the log while the database is away


def test_the_training_pbx_says_once_that_the_shared_park_area_is_away_not_twice_a_second(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A console in training mode with the database file gone: the shared park area's round (every
    0.5 s) logged a whole traceback each time, 150 lines a second into console.log, which then
    rotates away what the operator's outage looked like. One line while away, one when it is back."""
    import logging

    from db.shared_parks import SqlSharedParks
    from hardware.training_pbx import TrainingPbx
    from switchboard.clock import SystemClock, zone_named

    db = tmp_path / "console.db"
    store = Store(sqlite_url(db))
    store.migrate()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    pbx = TrainingPbx(clock, ["301", "302"], traffic=False)
    pbx.share_parks(SqlSharedParks(store, clock, "Console 1"))
    pbx.start(lambda _event: None, threaded=False)
    pbx.pump()
    kept = tmp_path / "kept.db"
    db.rename(kept)  # the file is away (moved by someone), the console runs on
    with caplog.at_level(logging.INFO, logger="hardware"):
        deadline = time.monotonic() + 3.2  # six rounds of the park area
        while time.monotonic() < deadline:
            pbx.pump()
            time.sleep(0.05)
        away = [r for r in caplog.records if r.name.startswith("hardware.training")]
        assert len(away) == 1, [r.getMessage()[:120] for r in away]
        assert away[0].exc_info is None and "park" in away[0].getMessage()
        assert str(db) in away[0].getMessage()  # names the database
        kept.rename(db)  # put back: the same file, the same console
        deadline = time.monotonic() + 1.2
        while time.monotonic() < deadline:
            pbx.pump()
            time.sleep(0.05)
        said = [r.getMessage() for r in caplog.records if r.name.startswith("hardware.training")]
        assert said[1:] == ["training PBX: shared park area updated again"], said
    store.dispose()


@pytest.mark.slow
def test_the_console_with_postgresql_stopped_mid_shift_says_it_in_the_lamp_and_banner_not_in_boxes(
    tmp_path: Path,
) -> None:
    """``main.py`` as a hotel starts it (training PBX, the demo hotel on PostgreSQL), the server
    stopped 12 s in and the picture taken at 30 s: the console keeps running, every refresh that
    found the database away went to the lamp and banner (``ui.crash_guard: database away``), no
    box was opened ("not done" or "unexpected error" in the log are the guard's boxes), no traceback.
    The picture (shot.png) shows DATABASE: AWAY and the banner naming the server."""
    import os
    import subprocess
    import sys

    from tests.wakeup_outage_lab import ROOT, PausablePostgres

    pg = PausablePostgres()
    pg.start()
    try:
        url = pg.new_database()
        shot = tmp_path / "shot.png"
        console = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--data-dir",
                str(tmp_path),
                "--settings",
                str(tmp_path / "console.ini"),
                "--database",
                url,
                "--timezone",
                "Asia/Shanghai",
                "--screenshot",
                str(shot),
                "--wait",
                "30",
            ],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(12)
        assert console.poll() is None
        pg.pause()
        _, err = console.communicate(timeout=90)
        assert console.returncode == 0, err[-2000:]
    finally:
        if console.poll() is None:
            console.kill()
        pg.stop()
    assert shot.stat().st_size > 10_000
    log = (tmp_path / "console.log").read_text(encoding="utf-8")
    database = url.rsplit("/", 1)[1]
    assert (
        f"ui.crash_guard: database away: storage.unreachable {{'where': '127.0.0.1:{pg.port}/{database}'"
        in log
    )
    assert "unexpected error" not in log and "not done:" not in log
    assert "Traceback" not in log


def _start_console(data: Path, shot: Path) -> subprocess.CompletedProcess[str]:
    import os
    import sys

    from tests.wakeup_outage_lab import ROOT

    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(data),
            "--settings",
            str(data / "console.ini"),
            "--timezone",
            "Asia/Shanghai",
            "--screenshot",
            str(shot),
            "--wait",
            "2",
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_next_start_after_the_database_file_was_deleted_does_not_begin_an_empty_hotel(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    first = _start_console(data, tmp_path / "first.png")
    assert first.returncode == 0, first.stderr[-2000:]
    db = next(data.glob("*.db"))
    store = Store(sqlite_url(db))
    SqlLogbook(store, FakeClock(EVENING)).write(LogCategory.OTHER, "room 0815 wake-up moved to 05:30", LIN)
    store.dispose()
    for extra in ("", "-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)  # deleted from the file manager, the console closed
    second = _start_console(data, tmp_path / "second.png")
    said = second.stderr + (data / "console.log").read_text(encoding="utf-8")
    assert not db.exists(), f"a new {db.name} was made (start exit {second.returncode})"
    assert str(db) in said and ("deleted" in said or "missing" in said)


def test_the_messages_page_on_a_full_disk_and_a_deleted_file_keeps_the_message_and_says_which(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """SQLite on a small disk (a 4 MB tmpfs): a full disk, then the file deleted. Each time the
    message typed stays in the fields and the sentence under them says what is wrong, each its
    own; once space is freed the same page saves it, no restart."""
    import errno
    import os

    from ui.messages_page import MessagesPage

    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], check=True)
    try:
        db = disk / "console.db"
        store = Store(sqlite_url(db))
        store.migrate()
        clock = FakeClock(EVENING)
        with store.unit() as s:
            s.add(RoomRow(number=ROOM, floor=8, room_type="TWIN", extension=ROOM))
        SqlFrontOffice(store, clock).check_in(
            CheckIn(room=ROOM, name="Wang Fang", departure=date(2027, 3, 1)), LIN
        )
        page = MessagesPage(SqlMessageBook(store, clock), clock, lambda: LIN)
        qtbot.addWidget(page)
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, bytes(4096))
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)
        typed = "Your driver waits at the north entrance. " * 9  # pages the file has no room for
        said: list[str] = []
        for n in range(30):  # free pages inside the file may take a message or two first
            page.room.setText(ROOM)
            page.caller_name.setText("Beijing Taxi")
            page.text.setText(f"{n} {typed}"[:400])
            page.take()
            if page.text.text():
                said.append(page.message.text())
                break
        assert said, "every message was saved on a full disk"
        assert "is full" in said[0] and str(db) in said[0], said
        assert page.room.text() == ROOM and page.caller_name.text() == "Beijing Taxi"
        kept = page.text.text().strip()
        filler.unlink()  # the administrator frees space; the console is not restarted
        page.take()
        assert page.text.text() == "" and ROOM in page.message.text()
        assert kept in [m.text for m in SqlMessageBook(store, clock).waiting(READER)]
        db.unlink()  # and then someone deletes the file
        page.room.setText(ROOM)
        page.caller_name.setText("Beijing Taxi")
        page.text.setText("The driver has left.")
        page.take()
        assert page.text.text() == "The driver has left."
        deleted = page.message.text()
        assert str(db) in deleted and deleted != said[0] and "deleted" in deleted, deleted
        assert not db.exists()
        store.dispose()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_call_answered_while_the_database_is_away_shows_its_number_and_that_guest_data_is_unavailable(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """F5 on room 338 with the database away left the caller panel at "No call" (the look-up
    raised and the panel was never drawn), so the operator had no screen pop and no word why."""
    from db.callers import SqlCallers
    from tests.wakeup_lab import hotel_with_guests
    from ui.caller_panel import CallerPanel

    db = tmp_path / "console.db"
    store = Store(sqlite_url(db))
    store.migrate()
    clock = FakeClock(EVENING)
    room, extension = hotel_with_guests(store, clock, 1)[0]
    panel = CallerPanel(SqlCallers(store, clock), clock)
    qtbot.addWidget(panel)
    panel.show_call("c1", extension)
    assert room in panel.title.text() and panel.info is not None and panel.info.is_guest  # while it is there
    guest = panel.info.guest_name
    db.rename(tmp_path / "elsewhere.db")
    panel.show_call("c2", extension)
    assert panel.call_id == "c2"
    assert extension in panel.title.text() and guest not in panel.title.text()
    assert "Guest data unavailable" in panel.details.text(), panel.details.text()
    assert panel.greeting.isHidden()  # no greeting made up without the guest's language and name
    panel.caller_gone("c2")  # the caller hangs up: the panel lets go as for any call
    assert extension in panel.details.text() and panel.title.text() == "No call"
    store.dispose()


def test_the_wake_up_pages_round_waits_while_the_database_is_away_and_goes_on_when_it_is_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The wake-up page checks for escalated calls every 5 s from a timer; with the database away
    that round raised each time (an error in the Qt event loop), for as long as the outage lasted."""
    from db.wakeup_book import SqlWakeUpBook
    from tests.wakeup_lab import DESK, hotel_with_guests
    from ui.wakeup_page import WakeUpPage

    db = tmp_path / "console.db"
    store = Store(sqlite_url(db))
    store.migrate()
    clock = FakeClock(EVENING)
    room, _extension = hotel_with_guests(store, clock, 1)[0]
    book = SqlWakeUpBook(store, clock)
    page = WakeUpPage(book, lambda: LIN, clock.now)
    qtbot.addWidget(page)
    db.rename(tmp_path / "elsewhere.db")
    page.check_due()  # away: nothing raised, the list as it was
    assert page.model.rowCount() == 0
    (tmp_path / "elsewhere.db").rename(db)
    book.book_due(room, clock.now() + timedelta(hours=1), DESK)
    page.check_due()  # back: the next round reads again
    assert page.model.rowCount() == 1
    store.dispose()


def test_with_nobody_signed_in_a_call_waiting_for_a_person_still_shows_its_room_and_no_guest(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Reads of the wake-up list need a role, and between two operators nobody is signed in; the band
    for a call nobody answered must still show it (room and time, no name) and the console beep."""
    from db.wakeup_book import SqlWakeUpBook
    from switchboard.hotel import Actor
    from switchboard.wakeup_status import WakeUpStatus
    from tests.wakeup_lab import DESK, hotel_with_guests
    from ui.wakeup_page import WakeUpPage

    store = Store(sqlite_url(tmp_path / "console.db"))
    store.migrate()
    clock = FakeClock(EVENING)
    room, _extension = hotel_with_guests(store, clock, 1)[0]
    book = SqlWakeUpBook(store, clock)
    call = book.book_due(room, clock.now() + timedelta(minutes=1), DESK)
    guest = next(c.guest for c in book.upcoming(DESK) if c.id == call.id)
    clock.advance(timedelta(minutes=2))
    assert [w.id for w in book.escalate_due()] == [call.id]  # no dialler: on the manual list
    nobody = Actor(user="?", position="Console 1")
    page = WakeUpPage(book, lambda: nobody, clock.now)
    qtbot.addWidget(page)
    waiting: list[list[str]] = []
    page.waiting_for_a_person.connect(waiting.append)
    page.refresh()
    cells = [
        str(page.model.index(r, c).data())
        for r in range(page.model.rowCount())
        for c in range(page.model.columnCount())
    ]
    assert page.model.rowCount() == 1 and room in cells  # only the call waiting, to act on once signed in
    assert not any(guest in cell for cell in cells), cells
    assert "sign in" in page.message.text().lower()
    assert not page.urgent.isHidden()
    said = page.urgent_text.text()
    assert room in said and "1 more" not in said and guest not in said, said
    assert waiting[-1] == [room]
    assert [c.status for c in book.needing_a_person()] == [WakeUpStatus.MANUAL]
    store.dispose()
