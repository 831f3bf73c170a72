"""Tried from outside, as a hotel lives it: two positions (or a position and the PMS) acting on the
same room at the same moment, on SQLite and PostgreSQL, and while PostgreSQL stops and starts again.

Real PostgreSQL (each race on a fresh database of the session's server; the outage on a server of
the test's own, stopped with ``pg_ctl``) and real SQLite files. Each position is its own ``Store``;
a barrier starts both actions of a round together. Whatever a position is refused must be a
``ConsoleError`` with a key, never a raw driver error; the database must hold one of each thing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.pms_wakeups import SqlPmsWakeUps
from db.rows import DndRow, RoomRow, WakeUpRow
from db.store import Store, Timeouts, sqlite_url
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_groups import SqlWakeUpGroups
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import ConsoleError
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role
from switchboard.wakeup_groups import GroupKind
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

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
    texts = [e.text for e in books[0].recent(READER, limit=1000)]
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
    assert books[0].waiting(READER) == []
    assert lamps == [(ROOM, True), (ROOM, False)] * ROUNDS


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
