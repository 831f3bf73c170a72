"""A position on break (Ctrl+B): over SIP its operator contact leaves the PBX's registrations, so
Kamailio forks calls to the operator number only to the positions still working, and rings it again
when it comes back; each position's state is in the database for every other position's status bar."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.position_states import SqlPositionStates
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.positions import PositionState
from tests.positions_lab import Position, answered_once
from tests.sip_lab import KamailioLab, run_sipp_calls


@pytest.fixture
def database(pg_url: str) -> str:
    store = Store(pg_url)
    store.migrate()
    store.dispose()
    return pg_url


@pytest.fixture
def lab() -> Iterator[KamailioLab]:
    kamailio = KamailioLab()
    kamailio.start()
    try:
        yield kamailio
    finally:
        kamailio.close()


def contacts(lab: KamailioLab, extension: str) -> int:
    """How many contacts Kamailio's location table holds for the extension (kamcmd ul.lookup)."""
    return len(re.findall(r"Address:", lab.rpc("ul.lookup", "location", f"s:{extension}")))


def wait_contacts(lab: KamailioLab, extension: str, count: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while contacts(lab, extension) != count:
        assert time.monotonic() < deadline, lab.rpc("ul.lookup", "location", f"s:{extension}")
        time.sleep(0.05)


@pytest.mark.sip
@pytest.mark.postgres
def test_a_position_on_break_is_not_rung_and_is_rung_again_when_back(
    lab: KamailioLab, database: str, tmp_path: Path
) -> None:
    working = Position("Working", lab, database, answer=True)
    resting = Position("Resting", lab, database, answer=True)
    try:
        for p in (working, resting):
            p.wait("link", status="up")
        wait_contacts(lab, "9", 2)
        resting.send("break")
        wait_contacts(lab, "9", 1)
        result = run_sipp_calls(lab.domain, "9", tmp_path / "on-break", calls=8, rate=4, limit=8, hold_ms=300)
        assert result.ok, result.stdout[-2000:]
        time.sleep(0.5)
        names = {e["name"] for e in working.of("offered")}
        assert len(names) == 8
        assert resting.of("offered") == []  # never rang on the position on break
        winners, _ = answered_once([working], names)
        assert set(winners.values()) == {"Working"}
        assert working.of("link", status="down") == [] and resting.of("link", status="down") == []

        for p in (working, resting):
            p.events.clear()  # sipp names its calls "Load 1", "Load 2" ... again
        resting.send("back")
        wait_contacts(lab, "9", 2)
        result = run_sipp_calls(lab.domain, "9", tmp_path / "back", calls=6, rate=3, limit=6, hold_ms=300)
        assert result.ok, result.stdout[-2000:]
        time.sleep(0.5)
        again = {e["name"] for e in resting.of("offered")}
        assert len(again) == 6  # every call rang on it again
        winners, _ = answered_once([working, resting], again)
        assert len(winners) == 6
    finally:
        for p in (working, resting):
            p.stop()


@pytest.mark.postgres
def test_every_position_reads_who_is_on_break(pg_url: str) -> None:
    store = Store(pg_url)
    try:
        store.migrate()
        clock = FakeClock(datetime(2026, 12, 5, 2, 0, tzinfo=UTC))
        one, two = SqlPositionStates(store, clock, "Console 1"), SqlPositionStates(store, clock, "Console 2")
        one.set(PositionState.SIGNED_IN, "lin")
        two.set(PositionState.SIGNED_IN, "chen")
        two.set(PositionState.ON_BREAK, "chen")
        seen = {s.position: (s.state, s.operator) for s in one.all()}
        assert seen == {
            "Console 1": (PositionState.SIGNED_IN, "lin"),
            "Console 2": (PositionState.ON_BREAK, "chen"),
        }
        assert one.state_of("Console 3") is PositionState.SIGNED_OUT
        two.set(PositionState.SIGNED_OUT, "chen")
        assert one.state_of("Console 2") is PositionState.SIGNED_OUT
    finally:
        store.dispose()
