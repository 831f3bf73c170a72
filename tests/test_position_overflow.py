"""Overflow: a call that waits at the positions past ``[attendant] overflow_s`` is offered to the
overflow destination (the front desk) by the positions: each answers its branch 302 Moved Temporarily
with the front desk's Contact, the lab's Kamailio follows the redirect (failure_route with
uac_redirect), and the call leaves every position's queue as "overflowed". The caller is sipp; the
front desk a raw telephone that answers 486, so the caller's 486 proves where the call went."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import Store
from tests.positions_lab import Position
from tests.sip_lab import KamailioLab, run_sipp_calls
from tests.sip_lab.ports import free_port
from tests.sip_lab.raw_phone import RawPhone

pytestmark = [pytest.mark.sip, pytest.mark.postgres]

REFUSED = Path(__file__).parent / "sip_lab" / "uac_refused.xml"
OVERFLOW_S = 2.0


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


def call_refused(lab: KamailioLab, run_dir: Path, calls: int) -> subprocess.CompletedProcess[str]:
    """sipp calls to the operator number, each expected to end 486 (from the front desk)."""
    run_dir.mkdir(parents=True, exist_ok=True)
    command = ["sipp", lab.domain, "-sf", str(REFUSED), "-s", "9", "-i", "127.0.0.1"]
    command += ["-p", str(free_port(both=False)), "-m", str(calls), "-r", "2", "-l", str(calls)]
    command += ["-recv_timeout", "15000", "-nostdin", "-trace_err"]
    return subprocess.run(command, cwd=run_dir, capture_output=True, text=True, timeout=60)


def test_a_call_waiting_too_long_goes_to_the_front_desk_and_leaves_every_queue(
    lab: KamailioLab, database: str, tmp_path: Path
) -> None:
    front_desk = RawPhone("8000", lab.port)
    front_desk.register()
    overflow = ("--overflow-to", "8000", "--overflow-s", str(OVERFLOW_S))
    positions = [Position(f"P{i}", lab, database, answer=False, extra=overflow) for i in (1, 2)]
    try:
        for p in positions:
            p.wait("link", status="up")
        result = call_refused(lab, tmp_path / "sipp", calls=3)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-1000:]
        assert len(front_desk.received) == 3
        assert all(uri.startswith("sip:8000@127.0.0.1") for uri in front_desk.received)
        for p in positions:
            offered = {e["name"]: e["t"] for e in p.of("offered")}
            assert len(offered) == 3, p.name
            for name, at in offered.items():
                ended = p.of("ended", name=name)
                assert ended and ended[0]["reason"] == "overflowed", (p.name, name, ended)
                waited = ended[0]["t"] - at
                # measured from the offer's print, a few ms after the INVITE reached the position
                assert OVERFLOW_S - 0.05 <= waited < OVERFLOW_S + 1.0, (p.name, name, waited)
            assert p.of("state", state="connected") == []
        log = lab.log_path.read_text(errors="replace")
        assert log.count("OVERFLOW ") == 3
    finally:
        for p in positions:
            p.stop()
        front_desk.close()


def test_a_call_answered_in_time_does_not_overflow(lab: KamailioLab, database: str, tmp_path: Path) -> None:
    front_desk = RawPhone("8000", lab.port)
    front_desk.register()
    position = Position(
        "P1", lab, database, answer=True, extra=("--overflow-to", "8000", "--overflow-s", "2")
    )
    try:
        position.wait("link", status="up")
        result = run_sipp_calls(lab.domain, "9", tmp_path / "sipp", calls=2, rate=2, limit=2, hold_ms=3000)
        assert result.ok, result.stdout[-2000:]
        time.sleep(0.5)
        assert len(position.of("state", state="connected")) == 2
        assert front_desk.received == []
        assert [e for e in position.of("ended") if e["reason"] == "overflowed"] == []
    finally:
        position.stop()
        front_desk.close()
