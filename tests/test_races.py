"""Two positions acting on the same thing at the same moment, 100 rounds each, on SQLite
and on the real PostgreSQL: the database settles every race (no duplicate, no lost update),
and whatever a position is refused is a ``ConsoleError`` with a message key, never a raw
database error.

Each position is its own ``Store`` (its own engine and connection pool, as two consoles
are) driven from its own thread; a barrier starts both actions of a round together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import WAKEUP_OPEN, AuditRow, DndRow, LogbookEntryRow, MessageRow, RoomRow, ShiftRow, WakeUpRow
from db.store import Store, sqlite_url
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import ConflictError, ConsoleError, InputError
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Housekeeping, Role
from switchboard.wakeup_status import OPEN
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

ROUNDS = 100
ROOM = "1203"
POSITIONS = (
    Actor(user="lin", position="Console 1", role=Role.ADMINISTRATOR),
    Actor(user="chen", position="Console 2", role=Role.ADMINISTRATOR),
)


@dataclass
class Hotel:
    stores: tuple[Store, Store]
    clock: FakeClock


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hotel(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hotel]:
    """One room with a guest in house, and two positions on the same database."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "console.db")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    first, second = Store(url), Store(url)
    first.migrate()
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE))
    with first.unit() as s:
        s.add(RoomRow(number=ROOM, floor=12, room_type="KING", extension=ROOM))
    SqlFrontOffice(first, clock).check_in(
        CheckIn(room=ROOM, name="Zhang Wei", departure=date(2027, 6, 1)), POSITIONS[0]
    )
    yield Hotel((first, second), clock)
    first.dispose()
    second.dispose()


@dataclass
class Round:
    outcomes: tuple[str, str]  # "ok" or the message key of the ConsoleError each position got
    errors: tuple[BaseException | None, BaseException | None]


def race(
    rounds: int,
    prepare: Callable[[int], Any],
    act: Callable[[int, int, Any], object],
    after: Callable[[int], None] = lambda _r: None,
) -> list[Round]:
    """Both positions ``act(position, round, prepared)`` at once, ``rounds`` times.

    ``prepare`` runs before each round and ``after`` once both acted; any error that is not a
    ``ConsoleError`` fails the test with the round it happened in.
    """
    start, done = threading.Barrier(2, timeout=60), threading.Barrier(2, timeout=60)
    prepared: dict[int, Any] = {}
    outcomes: list[list[tuple[str, BaseException | None]]] = [[], []]
    failures: list[str] = []

    def position(n: int) -> None:
        for r in range(rounds):
            try:
                if n == 0:
                    prepared[r] = prepare(r)
                start.wait()
                try:
                    act(n, r, prepared[r])
                    outcomes[n].append(("ok", None))
                except ConsoleError as exc:
                    outcomes[n].append((exc.key, exc))
                done.wait()
                if n == 0:
                    after(r)
            except threading.BrokenBarrierError:
                return
            except BaseException as exc:  # a raw error: the test fails, naming it
                failures.append(f"position {n + 1}, round {r}: {type(exc).__name__}: {exc}")
                start.abort()
                done.abort()
                return

    threads = [threading.Thread(target=position, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not failures, failures
    assert len(outcomes[0]) == len(outcomes[1]) == rounds
    return [Round((a[0], b[0]), (a[1], b[1])) for a, b in zip(outcomes[0], outcomes[1], strict=True)]


def test_the_index_knows_the_open_statuses() -> None:
    """The partial unique index lists the open statuses by value: it must list exactly these."""
    assert {s.strip(" '") for s in WAKEUP_OPEN.strip("()").split(",")} == {s.value for s in OPEN}


def test_booking_the_same_room_and_minute_at_once_gives_one_wake_up(hotel: Hotel) -> None:
    from db.wakeup_book import SqlWakeUpBook

    books = [SqlWakeUpBook(store, hotel.clock) for store in hotel.stores]
    first_due = datetime(2026, 11, 21, 5, 0, tzinfo=HOTEL_ZONE)

    def book(n: int, r: int, _: object) -> object:
        return books[n].book_due(ROOM, first_due + timedelta(minutes=r), POSITIONS[n])

    results = race(ROUNDS, lambda r: None, book)
    for r, result in enumerate(results):
        assert sorted(result.outcomes) == ["ok", "wakeup.duplicate"], (r, result)
        refused = next(e for e in result.errors if e is not None)
        assert isinstance(refused, InputError)
        assert refused.args_map["room"] == ROOM
        assert refused.args_map["time"] == f"{first_due + timedelta(minutes=r):%H:%M}"
    with hotel.stores[0].read() as s:
        dues = list(s.scalars(select(WakeUpRow.due_at).where(WakeUpRow.room_number == ROOM)))
    assert len(dues) == ROUNDS
    assert sorted(dues) == [first_due + timedelta(minutes=r) for r in range(ROUNDS)]


def test_the_first_entry_of_a_shift_from_two_positions_makes_one_shift(hotel: Hotel) -> None:
    books = [SqlLogbook(store, hotel.clock) for store in hotel.stores]
    entry_ids: list[list[int]] = [[], []]

    def next_shift(r: int) -> None:  # each round a day later: a shift nobody has written in yet
        hotel.clock.set(datetime(2026, 12, 1, 10, 0, tzinfo=HOTEL_ZONE) + timedelta(days=r))

    def write(n: int, r: int, _: object) -> object:
        entry = books[n].write(LogCategory.OTHER, f"round {r} from {POSITIONS[n].position}", POSITIONS[n])
        entry_ids[n].append(entry.id)
        return entry

    results = race(ROUNDS, next_shift, write)
    assert all(result.outcomes == ("ok", "ok") for result in results)
    with hotel.stores[0].read() as s:
        shifts = list(s.scalars(select(ShiftRow)))
        assert len(shifts) == ROUNDS
        assert len({(row.business_date, row.kind) for row in shifts}) == ROUNDS
        for one, two in zip(entry_ids[0], entry_ids[1], strict=True):
            first, second = s.get(LogbookEntryRow, one), s.get(LogbookEntryRow, two)
            assert first is not None and second is not None
            assert first.shift_id == second.shift_id is not None


def _recorder(into: list[tuple[str, bool]]) -> Callable[[str, bool], None]:
    return lambda extension, on: into.append((extension, on))


def _dnd_state(store: Store) -> tuple[bool, int]:
    with store.read() as s:
        room = s.scalars(select(RoomRow).where(RoomRow.number == ROOM)).one()
        open_periods = s.scalar(
            select(func.count())
            .select_from(DndRow)
            .where(DndRow.room_id == room.id, DndRow.cleared_at.is_(None))
        )
        return room.dnd, int(open_periods or 0)


def test_dnd_on_and_off_at_once_keeps_the_flag_and_its_period_together(hotel: Hotel) -> None:
    told: list[list[tuple[str, bool]]] = [[], []]
    offices = [
        SqlFrontOffice(store, hotel.clock, on_dnd=_recorder(told[n])) for n, store in enumerate(hotel.stores)
    ]
    broken: list[str] = []

    def switch(n: int, r: int, _: object) -> object:
        on = (n + r) % 2 == 0  # one switches on while the other switches off; who does which alternates
        offices[n].set_dnd(ROOM, on, POSITIONS[n])
        return None

    def check(r: int) -> None:
        hotel.clock.advance(60)
        flag, periods = _dnd_state(hotel.stores[0])
        if periods > 1 or flag != (periods == 1):
            broken.append(f"round {r}: dnd={flag} with {periods} open periods")

    results = race(ROUNDS, lambda r: None, switch, check)
    assert not broken, broken
    for result in results:
        for key in result.outcomes:
            assert key in ("ok", "edit.conflict"), result
    assert sum(key == "ok" for result in results for key in result.outcomes) >= ROUNDS
    # The PBX heard of every real change and of nothing else: ons and offs alternate from off.
    heard = told[0] + told[1]
    ons, offs = heard.count((ROOM, True)), heard.count((ROOM, False))
    assert ons + offs == len(heard) and ons >= 1
    assert ons - offs == int(_dnd_state(hotel.stores[0])[0])


def test_delivering_the_same_message_twice_delivers_it_once(hotel: Hotel) -> None:
    lamps: list[tuple[str, bool]] = []
    books = [
        SqlMessageBook(store, hotel.clock, lambda ext, on: lamps.append((ext, on))) for store in hotel.stores
    ]
    hows = ("phone", "slip")

    def take(r: int) -> tuple[int, int]:
        message = books[0].take(ROOM, "Mr. Zhou", "", f"Please call back ({r})", POSITIONS[0])
        return message.id, message.version

    def deliver(n: int, r: int, message: tuple[int, int]) -> object:
        return books[n].deliver(message[0], message[1], POSITIONS[n], hows[n])

    results = race(ROUNDS, take, deliver)
    for r, result in enumerate(results):
        assert sorted(result.outcomes)[1] == "ok" and result.outcomes.count("ok") == 1, (r, result)
        refused = next(e for e in result.errors if e is not None)
        assert isinstance(refused, ConflictError | InputError)
        assert refused.key in ("message.changed", "message.delivered", "edit.conflict")
    with hotel.stores[0].read() as s:
        delivered = list(s.scalars(select(MessageRow)))
        assert len(delivered) == ROUNDS and all(m.delivered_at is not None for m in delivered)
        deliveries = s.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.action == "message.deliver")
        )
        assert deliveries == ROUNDS
        for message, result in zip(sorted(delivered, key=lambda m: m.id), results, strict=True):
            winner = result.outcomes.index("ok")
            assert message.delivered_by == POSITIONS[winner].user
            assert message.delivery == hows[winner]
        room = s.scalars(select(RoomRow).where(RoomRow.number == ROOM)).one()
        assert room.message_lamp is False  # every message delivered: the lamp is off
    assert lamps == [(ROOM, True), (ROOM, False)] * ROUNDS


def test_editing_the_same_room_at_once_overwrites_nothing(hotel: Hotel) -> None:
    from db.room_states import RoomStates

    boards = [SqlRoomBoard(store, hotel.clock) for store in hotel.stores]
    states = [RoomStates(store, hotel.clock) for store in hotel.stores]
    wanted = (Housekeeping.DIRTY, Housekeeping.INSPECTED)
    start_version = next(v for v in boards[0].rooms(READER) if v.number == ROOM).version

    def seen(_r: int) -> int:  # both positions have the room on screen as it is now
        return next(v for v in boards[0].rooms(READER) if v.number == ROOM).version

    def edit(n: int, r: int, version: int) -> object:
        states[n].set_housekeeping(ROOM, wanted[n], POSITIONS[n], version=version)
        return None

    results = race(ROUNDS, seen, edit)
    winners = []
    for r, result in enumerate(results):
        assert result.outcomes.count("ok") == 1, (r, result)
        refused = next(e for e in result.errors if e is not None)
        assert isinstance(refused, ConflictError) and refused.key in ("room.changed", "edit.conflict")
        winners.append(result.outcomes.index("ok"))
    room = next(v for v in boards[0].rooms(READER) if v.number == ROOM)
    assert room.version == start_version + ROUNDS  # every saved edit counted, none lost
    assert room.housekeeping == wanted[winners[-1]].value
    with hotel.stores[0].read() as s:
        audited = list(
            s.scalars(
                select(AuditRow.actor).where(AuditRow.action == "room.housekeeping").order_by(AuditRow.id)
            )
        )
    assert audited == [POSITIONS[w].user for w in winners]
