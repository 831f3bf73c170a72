"""Several operator positions on one operator number, each a pjsua2 position in its own process,
against Kamailio: the PBX rings every registered position at once (parallel forking), each call is
answered by exactly one position however fast they all press F5, and it leaves the others' queues
at once ("answered elsewhere", from the PBX's CANCEL with Reason cause=200)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import Store
from tests.positions_lab import Position, answered_once
from tests.sip_lab import KamailioLab, run_sipp_calls

pytestmark = [pytest.mark.sip, pytest.mark.postgres]


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


def test_two_positions_share_the_queue_and_each_call_is_answered_once(
    lab: KamailioLab, database: str, tmp_path: Path
) -> None:
    positions = [Position(f"P{i}", lab, database, answer=True) for i in (1, 2)]
    try:
        for p in positions:
            p.wait("link", status="up")
        result = run_sipp_calls(lab.domain, "9", tmp_path / "sipp", calls=30, rate=3, limit=8, hold_ms=400)
        assert result.ok, result.stdout[-2000:]
        time.sleep(1.0)
        names = {e["name"] for p in positions for e in p.of("offered")}
        assert len(names) == 30
        winners, gone_ms = answered_once(positions, names)
        assert set(winners.values()) == {"P1", "P2"}  # both positions took calls
        assert max(gone_ms) < 1000 and sorted(gone_ms)[int(len(gone_ms) * 0.99)] < 200, gone_ms
    finally:
        for p in positions:
            p.stop()


def test_a_call_answered_at_one_position_leaves_the_one_that_did_not_answer(
    lab: KamailioLab, database: str, tmp_path: Path
) -> None:
    watcher = Position("Watcher", lab, database, answer=False)
    answerer = Position("Answerer", lab, database, answer=True)
    try:
        for p in (watcher, answerer):
            p.wait("link", status="up")
        result = run_sipp_calls(lab.domain, "9", tmp_path / "sipp", calls=5, rate=2, limit=5, hold_ms=300)
        assert result.ok, result.stdout[-2000:]
        time.sleep(0.5)
        names = {e["name"] for e in answerer.of("offered")}
        assert len(names) == 5
        winners, _ = answered_once([watcher, answerer], names)
        assert set(winners.values()) == {"Answerer"}
    finally:
        for p in (watcher, answerer):
            p.stop()
