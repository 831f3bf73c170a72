"""Several operator positions on one operator number, each a pjsua2 position in its own process,
against Kamailio: the PBX rings every registered position at once (parallel forking), each call is
answered by exactly one position however fast they all press F5, and it leaves the others' queues
at once ("answered elsewhere", from the PBX's CANCEL with Reason cause=200)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.sip_lab import KamailioLab, run_sipp_calls

pytestmark = [pytest.mark.sip, pytest.mark.postgres]
ROOT = Path(__file__).resolve().parent.parent


class Position:
    """A position process and the events it printed."""

    def __init__(self, name: str, lab: KamailioLab, database: str, *, answer: bool) -> None:
        self.name = name
        command = [sys.executable, "-m", "tests.position_process", "--server", lab.domain, "--name", name]
        command += ["--database", database] + (["--answer"] if answer else [])
        self.proc = subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                try:
                    self.events.append(json.loads(line))
                except ValueError:
                    pass

    def wait(self, ev: str, timeout: float = 15.0, **match: object) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in list(self.events):
                if event.get("ev") == ev and all(event.get(k) == v for k, v in match.items()):
                    return event
            time.sleep(0.02)
        raise TimeoutError(f"{self.name}: no {ev} {match}; saw {self.events[-5:]}")

    def of(self, ev: str, **match: object) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("ev") == ev and all(e.get(k) == v for k, v in match.items())]

    def stop(self) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(5)


def answered_once(positions: list[Position], names: set[str]) -> tuple[dict[str, str], list[float]]:
    """Which position answered each call, and how long after that answer it left each other position."""
    winners: dict[str, str] = {}
    gone_ms: list[float] = []
    for name in names:
        connected = [(p, p.of("state", name=name, state="connected")) for p in positions]
        takers = [(p, events[0]) for p, events in connected if events]
        assert len(takers) == 1, f"{name} answered by {[p.name for p, _ in takers]}"
        winner, at = takers[0]
        winners[name] = winner.name
        for other in positions:
            if other is winner:
                continue
            assert other.of("offered", name=name), f"{name} never rang on {other.name}"
            ended = other.of("ended", name=name)
            assert ended and ended[0]["reason"] == "answered elsewhere", (other.name, name, ended)
            gone_ms.append(max(0.0, (ended[0]["t"] - at["t"]) * 1000))
    return winners, gone_ms


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
