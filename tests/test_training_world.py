"""Several training positions as one switchboard: two training PBXs, each with a Store of its own on one
database (a SQLite file, a PostgreSQL database), share the calls to the operator number. A call rings on
both, is answered once (the database decides) and leaves the other queue; a call parked at one is picked
up at the other; its recall rings the position that parked it, or both when that one signs out; a
position on break is not rung; with none signed in a call goes to night service; one position invents
the callers (the lead)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.position_states import SqlPositionStates
from db.shared_parks import SqlSharedParks
from db.store import Store, sqlite_url
from db.training_calls import SqlTrainingCalls
from db.training_rows import TrainingCallRow
from hardware.training_pbx import TrafficProfile, TrainingPbx
from switchboard.clock import FakeClock
from switchboard.pbx import CallEnded, CallOffered, CallState, CallStateChanged, PbxEvent
from switchboard.positions import PositionState
from switchboard.shared_calls import NIGHT_SERVICE

EXTENSIONS = [f"1{floor}{n:02d}" for floor in range(1, 4) for n in range(1, 11)] + ["8000"]
QUIET = TrafficProfile(
    operator_calls_per_hour=0, extension_calls_per_hour=0, no_answer_share=0, start_busy_share=0
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "console.db")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    store = Store(url)
    store.migrate()
    store.dispose()
    return url


class Position:
    """One training position: its own Store on the shared database, its training PBX, its events."""

    def __init__(self, url: str, name: str, clock: FakeClock, profile: TrafficProfile = QUIET) -> None:
        self.name = name
        self.store = Store(url)
        self.states = SqlPositionStates(self.store, clock, name)
        self.states.set(PositionState.SIGNED_IN, name.lower())
        self.pbx = TrainingPbx(clock, EXTENSIONS, profile=profile, traffic=profile is not QUIET)
        self.events: list[PbxEvent] = []
        self.pbx.start(self.events.append, threaded=False)
        self.pbx.share_calls(SqlTrainingCalls(self.store, clock, name))
        self.pbx.share_parks(SqlSharedParks(self.store, clock, name))
        self.pbx.pump()

    def offered(self, caller: str = "") -> list[CallOffered]:
        return [e for e in self.events if isinstance(e, CallOffered) and (not caller or e.caller == caller)]

    def ended(self, call_id: str) -> list[str]:
        return [e.reason for e in self.events if isinstance(e, CallEnded) and e.call_id == call_id]

    def states_of(self, call_id: str) -> list[CallState]:
        return [e.state for e in self.events if isinstance(e, CallStateChanged) and e.call_id == call_id]

    def close(self) -> None:
        self.pbx.stop()
        self.store.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 5, 20, 0, tzinfo=UTC))


@pytest.fixture
def two(database: str, clock: FakeClock) -> Iterator[tuple[Position, Position]]:
    one, other = Position(database, "Console 1", clock), Position(database, "Console 2", clock)
    yield one, other
    one.close()
    other.close()


def pump_until(positions: tuple[Position, ...], check: Callable[[], object], timeout: float = 8.0) -> None:
    """Pump every position (the shared rounds run every half second of real time) until ``check``."""
    deadline = time.monotonic() + timeout
    while True:
        for p in positions:
            p.pbx.pump()
        if check():
            return
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_call_rings_on_both_positions_is_answered_once_and_leaves_the_other(
    two: tuple[Position, Position],
) -> None:
    one, other = two
    call_id = one.pbx.offer_call("1101")
    pump_until(two, lambda: one.offered("1101") and other.offered("1101"))
    assert one.offered("1101")[0].call_id == other.offered("1101")[0].call_id == call_id
    other.pbx.answer(call_id)  # both press F5 in the same moment
    one.pbx.answer(call_id)
    pump_until(two, lambda: one.ended(call_id) or other.ended(call_id))
    other.pbx.pump()
    one.pbx.pump()
    connected = [p.name for p in two if CallState.CONNECTED in p.states_of(call_id)]
    assert len(connected) == 1
    loser = one if connected == ["Console 2"] else other
    assert loser.ended(call_id) == [f"answered at {connected[0]}"]
    pump_until(two, lambda: True)
    assert [p.name for p in two if p.ended(call_id)] == [loser.name]  # the one who has it keeps it


def test_a_call_answered_at_one_leaves_the_other_queue(two: tuple[Position, Position]) -> None:
    one, other = two
    call_id = other.pbx.offer_call("1102")
    pump_until(two, lambda: one.offered("1102") and other.offered("1102"))
    one.pbx.answer(call_id)
    pump_until(two, lambda: other.ended(call_id))
    assert other.ended(call_id) == ["answered at Console 1"]
    assert one.states_of(call_id) == [CallState.CONNECTED] and one.ended(call_id) == []


def test_parked_at_one_picked_up_at_the_other_and_its_recall_rings_the_parker(
    two: tuple[Position, Position], clock: FakeClock
) -> None:
    one, other = two
    for p in two:
        p.pbx.set_parking(["7901", "7902"], 30)
    first, second = other.pbx.offer_call("1103"), other.pbx.offer_call("1104")
    pump_until(two, lambda: len(one.offered()) == 2)
    for call_id in (first, second):
        other.pbx.answer(call_id)
        other.pbx.park(call_id)
    pump_until(two, lambda: len(SqlSharedParks(one.store, clock, "x").all()) == 2)
    parks = {p.caller: p for p in SqlSharedParks(one.store, clock, "x").all()}
    assert parks["1103"].position == "Console 2"

    one.pbx.pickup_shared(parks["1103"].call_key)  # Shift+F9 at the other position
    pump_until(two, lambda: other.ended(first))
    assert other.ended(first) == ["answered at Console 1"]
    picked = [e for e in one.offered("1103") if e.recall_of == parks["1103"].where]
    assert picked and CallState.CONNECTED in one.states_of(picked[-1].call_id)

    clock.advance(31)  # the second one is parked too long: it recalls the position that parked it
    pump_until(two, lambda: any(e.recall_of for e in other.offered("1104")))
    assert [e.call_id for e in other.offered("1104") if e.recall_of] == [second]
    pump_until(two, lambda: True)
    assert [e for e in one.offered("1104") if e.recall_of] == []


def test_a_call_parked_at_a_position_that_signs_out_rings_on_both(
    two: tuple[Position, Position], clock: FakeClock
) -> None:
    one, other = two
    call_id = other.pbx.offer_call("1105")
    pump_until(two, lambda: one.offered("1105"))
    other.pbx.answer(call_id)
    other.pbx.camp_on(call_id, "1201", 300)
    pump_until(two, lambda: SqlSharedParks(one.store, clock, "x").all())
    other.pbx.hand_over_aside()  # its operator signs out; the console stays up
    pump_until(two, lambda: [e for e in one.offered("1105") if e.recall_of == "1201"])
    pump_until(two, lambda: [e for e in other.offered("1105") if e.recall_of == "1201"])
    assert other.ended(call_id) == ["answered at all positions"]
    again = next(e for e in one.offered("1105") if e.recall_of == "1201")
    assert [e.call_id for e in other.offered("1105") if e.recall_of] == [again.call_id]
    one.pbx.answer(again.call_id)
    pump_until(two, lambda: other.ended(again.call_id))
    assert other.ended(again.call_id) == ["answered at Console 1"]
    pump_until(two, lambda: not SqlSharedParks(one.store, clock, "x").all())


def test_a_position_that_closes_hands_its_parked_calls_to_the_other(database: str, clock: FakeClock) -> None:
    one, closing = Position(database, "Console 1", clock), Position(database, "Console 2", clock)
    try:
        call_id = closing.pbx.offer_call("1106")
        pump_until((one, closing), lambda: one.offered("1106"))
        closing.pbx.answer(call_id)
        closing.pbx.park(call_id)
        pump_until((one, closing), lambda: SqlSharedParks(one.store, clock, "x").all())
        closing.states.set(PositionState.SIGNED_OUT, "")  # the console quits (console/position.py first)
        closing.close()
        assert closing.ended(call_id) == ["answered at all positions"]
        pump_until((one,), lambda: [e for e in one.offered("1106") if e.recall_of == "7901"])
        assert SqlSharedParks(one.store, clock, "x").all() == []
    finally:
        one.close()


def test_a_position_on_break_is_not_rung_and_with_none_signed_in_a_call_goes_to_night_service(
    two: tuple[Position, Position],
) -> None:
    one, other = two
    one.pbx.set_break(True)
    one.states.set(PositionState.ON_BREAK, "console 1")
    call_id = other.pbx.offer_call("1107")
    pump_until(two, lambda: other.offered("1107"))
    time.sleep(1.1)  # two rounds of the shared calls
    pump_until(two, lambda: True)
    assert one.offered("1107") == []

    other.pbx.set_break(True)
    other.states.set(PositionState.ON_BREAK, "console 2")
    night = one.pbx.offer_call("1108")
    time.sleep(1.1)
    pump_until(two, lambda: True)
    assert one.offered("1108") == [] and other.offered("1108") == []
    with one.store.unit() as s:
        row = s.scalars(select(TrainingCallRow).where(TrainingCallRow.call_key == night)).one()
        assert row.taken_by == NIGHT_SERVICE
        assert (
            s.scalars(select(TrainingCallRow.taken_by).where(TrainingCallRow.call_key == call_id)).one() == ""
        )


def test_a_call_waiting_too_long_overflows_from_both(
    two: tuple[Position, Position], clock: FakeClock
) -> None:
    one, other = two
    for p in two:
        p.pbx.set_overflow("8000", 45)
    call_id = one.pbx.offer_call("1109")
    pump_until(two, lambda: other.offered("1109"))
    clock.advance(46)
    pump_until(two, lambda: one.ended(call_id) and other.ended(call_id))
    assert one.ended(call_id) == other.ended(call_id) == ["overflowed"]


def test_one_position_invents_the_callers_and_both_are_rung_with_the_same_calls(
    database: str, clock: FakeClock
) -> None:
    busy = TrafficProfile(operator_calls_per_hour=3600, extension_calls_per_hour=0, start_busy_share=0)
    one, other = Position(database, "Console 1", clock, busy), Position(database, "Console 2", clock, busy)
    try:
        leads = SqlTrainingCalls(one.store, clock, "Console 3")
        assert not leads.lead(5)  # one of the two has the lead
        for _ in range(20):
            clock.advance(1)
            pump_until((one, other), lambda: True)
            time.sleep(0.06)
        pump_until(
            (one, other), lambda: {e.call_id for e in one.offered()} == {e.call_id for e in other.offered()}
        )
        assert len(one.offered()) >= 3  # about one a second of simulated time, from one generator only
        with one.store.unit() as s:
            rows = s.scalars(select(TrainingCallRow)).all()
            assert sorted(r.call_key for r in rows) == sorted(e.call_id for e in one.offered())
    finally:
        one.close()
        other.close()
    assert leads.lead(5)  # both gave the lead up when they closed
