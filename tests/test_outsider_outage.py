"""Tried from outside, as a hotel lives it: two positions (or a position and the PMS) acting on the
same room at the same moment, the SQLite file deleted while positions are saving, and the messages
page saving while PostgreSQL is stopped.

Real PostgreSQL (each race on a fresh database of the session's server; the outage on a server of
the test's own, stopped with ``pg_ctl``) and real SQLite files. Each position is its own ``Store``;
a barrier starts both actions of a round together. Whatever a position is refused must be a
``ConsoleError`` with a key, never a raw driver error; the database must hold one of each thing.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.rows import DndRow, RoomRow, WakeUpRow
from db.store import Store, Timeouts, sqlite_url
from db.wakeup_book import SqlPmsWakeUps, SqlWakeUpBook
from db.wakeup_groups import SqlWakeUpGroups
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import ConsoleError, DatabaseUnavailable
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role
from switchboard.wakeup_groups import GroupKind
from tests.conftest import HOTEL_ZONE
from tests.pg_server import PostgresServer

ROUNDS = 50
ROOM = "0815"
LIN = Actor(user="lin", position="Console 1", role=Role.ADMINISTRATOR)
CHEN = Actor(user="chen", position="Console 2", role=Role.ADMINISTRATOR)
PMS = Actor(user="pms", position="PMS link", role=Role.ADMINISTRATOR)
EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=HOTEL_ZONE)


def _hotel(url: str) -> tuple[Store, Store, FakeClock]:
    one, two = Store(url), Store(url)
    one.migrate()
    clock = FakeClock(EVENING)
    with one.unit() as s:
        s.add(RoomRow(number=ROOM, floor=8, room_type="TWIN", extension=ROOM))
        s.add(RoomRow(number="0816", floor=8, room_type="TWIN", extension="0816"))
    front = SqlFrontOffice(one, clock)
    front.check_in(CheckIn(room=ROOM, name="Wang Fang", departure=date(2027, 3, 1)), LIN)
    front.check_in(CheckIn(room="0816", name="Li Na", departure=date(2027, 3, 1)), LIN)
    return one, two, clock


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hotel(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store, FakeClock]]:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "hotel.db")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    one, two, clock = _hotel(url)
    yield one, two, clock
    one.dispose()
    two.dispose()


def at_once(
    rounds: int, first: Callable[[int], object], second: Callable[[int], object]
) -> list[tuple[str, str]]:
    """Each round both actions start together; returns ("ok" or the ConsoleError key) per side.

    Anything that is not a ``ConsoleError`` is collected and fails the test with its round."""
    barrier = threading.Barrier(2, timeout=60)
    outcomes: list[list[str]] = [[], []]
    raw: list[str] = []

    def side(n: int, act: Callable[[int], object]) -> None:
        for r in range(rounds):
            try:
                barrier.wait()
                try:
                    act(r)
                    outcomes[n].append("ok")
                except ConsoleError as exc:
                    assert exc.key and exc.message, exc
                    outcomes[n].append(exc.key)
                barrier.wait()
            except threading.BrokenBarrierError:
                return
            except BaseException as exc:
                raw.append(f"side {n + 1}, round {r}: {type(exc).__name__}: {exc}")
                barrier.abort()
                return

    threads = [
        threading.Thread(target=side, args=(0, first)),
        threading.Thread(target=side, args=(1, second)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not raw, raw
    assert len(outcomes[0]) == len(outcomes[1]) == rounds
    return list(zip(outcomes[0], outcomes[1], strict=True))


def _open_wakeups(store: Store, room: str) -> list[datetime]:
    with store.read() as s:
        return sorted(
            s.scalars(
                select(WakeUpRow.due_at).where(WakeUpRow.room_number == room, WakeUpRow.status == "booked")
            )
        )


# ---------------------------------------------------------------- races


def test_the_operator_and_the_pms_booking_the_same_minute_make_one_call(
    hotel: tuple[Store, Store, FakeClock],
) -> None:
    """The guest rings the operator and the front desk at once for 06:xx: the console books the
    clock time, the PMS sends it as naive hotel time (FIAS WR). One call, one clear refusal."""
    one, two, clock = hotel
    console, pms = SqlWakeUpBook(one, clock), SqlPmsWakeUps(two, clock)
    first = datetime(2026, 11, 21, 5, 0)

    def by_console(r: int) -> object:
        return console.book(ROOM, (first + timedelta(minutes=r)).time(), LIN)

    def by_pms(r: int) -> object:
        return pms.book(ROOM, first + timedelta(minutes=r), PMS)

    results = at_once(ROUNDS, by_console, by_pms)
    for r, pair in enumerate(results):
        assert sorted(pair) == ["ok", "wakeup.duplicate"], (r, pair)
    assert len(_open_wakeups(one, ROOM)) == ROUNDS


@pytest.mark.xfail(
    strict=True,
    reason="defect: the unique open wake-up is per room and exact due time, not per minute; a FIAS WR "
    "with seconds (TI070030, passed whole by switchboard/fias/front_desk.py) beside a console booking "
    "of 07:00 books two calls in the same minute and the guest is rung twice",
)
def test_two_bookings_in_the_same_minute_a_few_seconds_apart_make_one_call(
    hotel: tuple[Store, Store, FakeClock],
) -> None:
    """The unique rule is per room and *minute*: 05:00:00 from one position and 05:00:30 from the
    other (the PMS sends seconds, FIAS TI is HHMMSS) must not ring the guest twice."""
    one, two, clock = hotel
    books = SqlWakeUpBook(one, clock), SqlWakeUpBook(two, clock)
    first = datetime(2026, 11, 21, 5, 0, tzinfo=HOTEL_ZONE)

    results = at_once(
        ROUNDS,
        lambda r: books[0].book_due(ROOM, first + timedelta(minutes=r), LIN),
        lambda r: books[1].book_due(ROOM, first + timedelta(minutes=r, seconds=30), CHEN, source="pms"),
    )
    dues = _open_wakeups(one, ROOM)
    assert len({d.replace(second=0) for d in dues}) == ROUNDS
    assert len(dues) == ROUNDS, f"{len(dues)} calls booked for {ROUNDS} minutes"
    for r, pair in enumerate(results):
        assert sorted(pair) == ["ok", "wakeup.duplicate"], (r, pair)


def test_a_group_wake_up_and_a_single_booking_of_one_of_its_rooms_at_once(
    hotel: tuple[Store, Store, FakeClock],
) -> None:
    one, two, clock = hotel
    groups, single = SqlWakeUpGroups(one, clock), SqlWakeUpBook(two, clock)
    first = datetime(2026, 11, 21, 5, 0, tzinfo=HOTEL_ZONE)
    told: list[tuple[str, ...]] = []

    def group(r: int) -> object:
        result = groups.book(GroupKind.ROOMS, f"0816 {ROOM}", first + timedelta(minutes=r), LIN)
        told.append(result.already_booked)
        return result

    results = at_once(ROUNDS, group, lambda r: single.book_due(ROOM, first + timedelta(minutes=r), CHEN))
    assert len(_open_wakeups(one, ROOM)) == ROUNDS
    assert len(_open_wakeups(one, "0816")) == ROUNDS
    for r, pair in enumerate(results):
        assert pair[0] == "ok", (r, pair)
        # either the single booking won and the group names the room as already booked, or the
        # group won and the single booking is refused as a duplicate
        assert (pair[1] == "ok") == (told[r] == (ROOM,)), (r, pair, told[r])
        assert pair[1] in ("ok", "wakeup.duplicate"), (r, pair)


def test_dnd_switched_on_from_two_positions_at_once_is_one_period_and_one_word_to_the_pbx(
    hotel: tuple[Store, Store, FakeClock],
) -> None:
    one, two, clock = hotel
    heard: list[tuple[str, bool]] = []
    offices = [
        SqlFrontOffice(store, clock, on_dnd=lambda ext, on: heard.append((ext, on))) for store in (one, two)
    ]
    bad: list[str] = []

    def check(r: int) -> None:
        with one.read() as s:
            room = s.scalars(select(RoomRow).where(RoomRow.number == ROOM)).one()
            flag = room.dnd
            periods = s.scalar(
                select(func.count())
                .select_from(DndRow)
                .where(DndRow.room_id == room.id, DndRow.cleared_at.is_(None))
            )
        if not flag or periods != 1:
            bad.append(f"round {r}: dnd={flag} open periods={periods}")

    for r in range(ROUNDS):
        results = at_once(
            1, lambda _: offices[0].set_dnd(ROOM, True, LIN), lambda _: offices[1].set_dnd(ROOM, True, CHEN)
        )
        assert all(k in ("ok", "edit.conflict") for k in results[0]), results
        check(r)
        offices[0].set_dnd(ROOM, False, LIN)
        clock.advance(60)
    assert not bad, bad
    assert heard == [(ROOM, True), (ROOM, False)] * ROUNDS  # told once on, once off, each round


def _write(book: SqlLogbook, category: LogCategory, text: str, actor: Actor, _round: int) -> object:
    return book.write(category, text, actor)


def _deliver(book: SqlMessageBook, message: int, version: int, actor: Actor, how: str, _round: int) -> object:
    return book.deliver(message, version, actor, how)


def test_the_first_logbook_entries_of_a_new_shift_from_two_positions_are_both_kept(
    hotel: tuple[Store, Store, FakeClock],
) -> None:
    """At 07:00 the night's last entry and the morning's first are written by two positions at once."""
    one, two, clock = hotel
    books = SqlLogbook(one, clock), SqlLogbook(two, clock)
    for r in range(ROUNDS):
        clock.set(datetime(2026, 11, 22, 7, 0, tzinfo=HOTEL_ZONE) + timedelta(days=r))
        results = at_once(
            1,
            partial(_write, books[0], LogCategory.OTHER, f"day {r} lin", LIN),
            partial(_write, books[1], LogCategory.GUEST_REQUEST, f"day {r} chen", CHEN),
        )
        assert results == [("ok", "ok")], (r, results)
    texts = [e.text for e in books[0].recent(limit=1000)]
    assert sorted(texts) == sorted([f"day {r} {who}" for r in range(ROUNDS) for who in ("lin", "chen")])


def test_delivering_a_message_from_two_positions_lights_the_lamp_out_once(
    hotel: tuple[Store, Store, FakeClock],
) -> None:
    one, two, clock = hotel
    lamps: list[tuple[str, bool]] = []
    books = [SqlMessageBook(store, clock, lambda ext, on: lamps.append((ext, on))) for store in (one, two)]
    for r in range(ROUNDS):
        taken = books[0].take(ROOM, "Mr. Sun", "", f"taxi at 7 ({r})", LIN)
        results = at_once(
            1,
            partial(_deliver, books[0], taken.id, taken.version, LIN, "phone"),
            partial(_deliver, books[1], taken.id, taken.version, CHEN, "slip"),
        )
        assert sorted(results[0])[1] == "ok" and results[0].count("ok") == 1, (r, results)
    assert books[0].waiting() == []
    assert lamps == [(ROOM, True), (ROOM, False)] * ROUNDS


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
        assert [m.text for m in SqlMessageBook(store, clock).waiting()] == [
            "Your flight CA1234 leaves at 08:15 from terminal 3."
        ]
        assert lamps == [(ROOM, True)]
        store.dispose()
    finally:
        server.stop()


# ---------------------------------------------------------------- the dialler, PostgreSQL stopped


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="defect: the dialler's journal is a copy of the book taken once a minute "
    "(switchboard/wakeup_journal.py REFRESH_EVERY, hardware/wakeup/journalled.py); a wake-up booked "
    "after the last copy and falling due during an outage is not rung until the database is back "
    "(here 20 s late, as late as the outage is long)",
)
def test_a_wake_up_booked_a_minute_before_the_database_stops_still_rings_during_the_outage(
    tmp_path: Path,
) -> None:
    """Training lines. The dialler copies the book at its start; the front desk books one more
    room for the same minute 10 s later; PostgreSQL stops 12 s before that minute and is away 32 s.
    Both rooms must be rung at their time, during the outage, once each; the dialler stays up and
    logs why; after the database is back the book holds each call once with its attempts."""
    import signal

    from switchboard.clock import SystemClock, zone_named
    from tests.wakeup_lab import attempts_by_wakeup, book_all, hotel_with_guests, wakeups
    from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until, start_dialler, wait_for

    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url, timeouts=Timeouts(connect=2.0, statement=2.0))
    store.migrate()
    rooms = [r for r, _ in hotel_with_guests(store, clock, 2)]
    settings = tmp_path / "console.ini"
    settings.write_text(
        "[wakeup]\nattempts = 1\nring_seconds = 2\nlisten_seconds = 2\nlines = 2\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    due = next_minute(clock, 40)
    sleep_until(clock, due - timedelta(seconds=36))  # its copy each minute then falls after the due time
    early = book_all(store, clock, rooms[:1], due)
    dialler = start_dialler(settings, url, data, tmp_path / "dialler.stderr")
    try:
        assert wait_for(lambda: (data / "wakeup-journal.json").exists(), 15)
        late = book_all(store, clock, rooms[1:2], due)  # booked by phone at the front desk just now
        sleep_until(clock, due - timedelta(seconds=12))
        pg.pause()
        sleep_until(clock, due + timedelta(seconds=20))
        assert dialler.poll() is None  # the dialler does not exit because the database is away
        pg.resume()
        resumed = clock.now()
        assert wait_for(
            lambda: all(w.status in ("confirmed", "escalated") for w in wakeups(store).values()), 40
        )
        dialler.send_signal(signal.SIGTERM)
        assert dialler.wait(timeout=30) == 0
        calls, attempts = wakeups(store), attempts_by_wakeup(store)
    finally:
        if dialler.poll() is None:
            dialler.kill()
            dialler.wait()
        store.dispose()
        pg.stop()
    log = (data / "dialler.log").read_text()
    assert "the database cannot be reached" in log and "dialler stopped (SIGTERM)" in log
    assert "Traceback" not in log
    assert len(calls) == 2
    assert len(attempts[early[0]]) == 1 and attempts[early[0]][0].started_at < resumed
    assert len(attempts.get(late[0], [])) == 1, attempts
    first = attempts[late[0]][0].started_at
    assert first < resumed, (
        f"room {rooms[1]} due {due:%H:%M:%S} first rung at {first:%H:%M:%S}, after the outage"
    )


@pytest.mark.slow
def test_a_dialler_that_starts_while_the_database_is_away_and_is_killed_rings_on_time_once_it_is_back(
    tmp_path: Path,
) -> None:
    """After a power cut the dialler's machine is up before the database server: the dialler starts
    with no journal, is killed (SIGKILL) and started again while PostgreSQL is still down. It stays
    up, says so, and rings the room due a few seconds after the database is back on time, once."""
    import signal

    from switchboard.clock import SystemClock, zone_named
    from tests.wakeup_lab import attempts_by_wakeup, book_all, hotel_with_guests, wakeups
    from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until, start_dialler, wait_for

    pg = PausablePostgres()
    pg.start()
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = pg.new_database()
    store = Store(url, timeouts=Timeouts(connect=2.0, statement=2.0))
    store.migrate()
    room = hotel_with_guests(store, clock, 1)[0][0]
    settings = tmp_path / "console.ini"
    settings.write_text(
        "[wakeup]\nattempts = 1\nring_seconds = 2\nlisten_seconds = 2\nlines = 2\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    due = next_minute(clock, 30)
    booked = book_all(store, clock, [room], due)[0]
    pg.pause()
    processes = [start_dialler(settings, url, data, tmp_path / "dialler.stderr")]
    try:
        time.sleep(6)
        assert processes[0].poll() is None
        processes[0].send_signal(signal.SIGKILL)
        processes[0].wait()
        processes.append(start_dialler(settings, url, data, tmp_path / "dialler.stderr"))
        time.sleep(6)
        assert processes[1].poll() is None  # still up, the database still away
        sleep_until(clock, due - timedelta(seconds=10))
        pg.resume()
        assert wait_for(lambda: wakeups(store)[booked].status in ("confirmed", "escalated"), 40)
        processes[1].send_signal(signal.SIGTERM)
        assert processes[1].wait(timeout=30) == 0
        attempts = attempts_by_wakeup(store)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        store.dispose()
        pg.stop()
    assert len(attempts[booked]) == 1, attempts
    late = (attempts[booked][0].started_at - due).total_seconds()
    assert 0 <= late < 1.5, f"rung {late:.1f} s past its time"
    log = (data / "dialler.log").read_text()
    assert log.count("the database cannot be reached at start") >= 2, log
    assert "dialler stopped (SIGTERM)" in log and "Traceback" not in log


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


@pytest.mark.xfail(
    strict=True,
    reason="defect: a console started after its SQLite file was deleted makes a new empty database in "
    "its place and runs on it, the night's wake-ups, messages and logbook silently gone (the start in "
    "console/ does not tell a first start from a deleted file)",
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
        assert kept in [m.text for m in SqlMessageBook(store, clock).waiting()]
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


@pytest.mark.postgres
def test_two_positions_booking_while_postgresql_stops_and_starts_again_get_clear_refusals_and_one_call(
    tmp_path: Path,
) -> None:
    """The same race as above, 50 rounds, with the server stopped at round 20 (while the other
    position books) and started again at round 35: every refusal is a ConsoleError (the database
    away, or the other position's booking), never a raw driver error; no minute holds two calls,
    and the minutes someone was told are booked are in the book."""
    from tests.wakeup_outage_lab import PausablePostgres

    pg = PausablePostgres()
    pg.start()
    try:
        url = pg.new_database()
        one, two, clock = _hotel(url)
        one.dispose()
        two.dispose()  # two positions as a hotel sets them: time-outs of a few seconds
        one, two = (Store(url, timeouts=Timeouts(connect=2.0, statement=2.0)) for _ in range(2))
        books = SqlWakeUpBook(one, clock), SqlWakeUpBook(two, clock)
        first = datetime(2026, 11, 21, 5, 0, tzinfo=HOTEL_ZONE)

        def position_one(r: int) -> object:
            if r == 20:
                pg.pause()
            if r == 35:
                pg.resume()
            return books[0].book_due(ROOM, first + timedelta(minutes=r), LIN)

        results = at_once(
            ROUNDS, position_one, lambda r: books[1].book_due(ROOM, first + timedelta(minutes=r), CHEN)
        )
        dues = _open_wakeups(one, ROOM)
        one.dispose()
        two.dispose()
    finally:
        pg.stop()
    allowed = {"ok", "wakeup.duplicate", "storage.unreachable", "storage.timeout"}
    told_booked = []
    for r, pair in enumerate(results):
        assert set(pair) <= allowed, (r, pair)
        assert pair.count("ok") <= 1, (r, pair)
        if "ok" in pair:
            told_booked.append(first + timedelta(minutes=r))
        elif r not in range(20, 36):
            raise AssertionError((r, pair))  # with the server up, one of the two books it
    assert all(pair == ("storage.unreachable",) * 2 for pair in results[21:35]), results[21:35]
    assert len(dues) == len(set(dues))  # never two calls in a minute
    assert set(told_booked) <= set(dues)  # every booking a position was told of is there
