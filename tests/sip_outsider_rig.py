"""The rig for the outsider's tests of the SIP position (test_outsider_sip*.py): the position on the lab, the
attackers it hands out (closed at teardown), and what "still serves" means after an attack: registered, a sipp
call answered, a room call answered, held and released, a lamp lit by a real call between two telephones."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from switchboard.link_monitor import LinkCounters
from switchboard.pbx import (
    CallEnded,
    CallOffered,
    CallState,
    LampChanged,
    LampState,
    LinkName,
    LinkStateChanged,
    LinkStatus,
    PbxEvent,
)
from tests.sip_hostile import running_position
from tests.sip_lab import BaresipPhone, KamailioLab, run_sipp_calls
from tests.sip_outsider_attacker import (
    Attacker,
    registered_ports,
)
from tests.test_sip_position import OPERATOR, Console

pytestmark = pytest.mark.sip

PBX = "127.0.0.1"
FOREIGN = [f"127.0.0.{n}" for n in range(2, 10)]
WATCHED = "1203"


class Rig:
    def __init__(self, lab: KamailioLab, console: Console, stack: ExitStack) -> None:
        self.lab, self.console, self.stack = lab, console, stack
        self.attackers: list[Attacker] = []

    def attacker(self, host: str = PBX) -> Attacker:
        one = Attacker(host)
        self.attackers.append(one)
        self.stack.callback(one.close)
        return one

    def front(self) -> tuple[str, int]:
        ports = registered_ports(self.lab.rpc("ul.dump"), OPERATOR)
        assert len(ports) == 1, ports
        return (PBX, ports.pop())

    def drain(self, seconds: float) -> list[PbxEvent]:
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return self.console.seen
            try:
                self.console.seen.append(self.console.events.get(timeout=min(left, 0.1)))
            except Exception:
                continue

    def offered(self) -> list[CallOffered]:
        return [e for e in self.console.seen if isinstance(e, CallOffered)]


@pytest.fixture
def rig(kamailio: KamailioLab) -> Iterator[Callable[..., Rig]]:
    with ExitStack() as stack:
        yield lambda **settings: Rig(
            kamailio, stack.enter_context(running_position(kamailio, **settings)), stack
        )


def still_serves(
    rig: Rig, baresip_phone: Callable[..., BaresipPhone], folder: Path, lamps: bool = True
) -> None:
    """Registered, a sipp call answered, a room call answered, held and released, a real call's lamp lit."""
    console, lab = rig.console, rig.lab
    assert registered_ports(lab.rpc("ul.dump"), OPERATOR), "the position is no longer registered"
    assert not any(
        isinstance(e, LinkStateChanged) and e.link is LinkName.PBX and e.status is LinkStatus.DOWN
        for e in console.seen
    )
    assert len([t for t in threading.enumerate() if t.name == "sip-position" and t.is_alive()]) == 1
    console.seen[:] = [e for e in console.seen if not isinstance(e, (CallOffered, CallEnded))]
    result: list[object] = []
    sipp = threading.Thread(
        target=lambda: result.append(
            run_sipp_calls(lab.domain, OPERATOR, folder, calls=1, limit=1, hold_ms=500)
        )
    )
    sipp.start()
    try:
        offer = console.offered("sipp", timeout=10)
        console.position.answer(offer.call_id)
        console.state(offer.call_id, CallState.CONNECTED)
        console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    finally:
        sipp.join(30)
    assert result and getattr(result[0], "ok", False), getattr(result[0], "stdout", "")[-1500:]
    room = baresip_phone("1205")
    room.dial(OPERATOR)
    offer = console.offered("1205")
    console.position.answer(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    room.wait_event("CALL_ESTABLISHED")
    console.position.hold(offer.call_id)
    console.state(offer.call_id, CallState.HELD)
    console.position.retrieve(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    console.position.release(offer.call_id)
    console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    room.wait_event("CALL_CLOSED")
    if lamps:
        target = baresip_phone(WATCHED, auto_answer=False)
        caller = baresip_phone("2001")
        caller.dial(WATCHED)
        target.wait_event("CALL_INCOMING")
        console.wait(LampChanged, lambda e: e.extension == WATCHED and e.state is LampState.RINGING)
        target.accept()
        console.wait(LampChanged, lambda e: e.extension == WATCHED and e.state is LampState.BUSY)
        caller.hangup()
        console.wait(LampChanged, lambda e: e.extension == WATCHED and e.state is LampState.IDLE)


def settle(r: Rig) -> None:
    """Wait until the lamp has been quiet for 1.5 s: ~2 s after watch() it goes UNKNOWN and back to IDLE."""
    deadline = time.monotonic() + 8
    while any(isinstance(e, LampChanged) for e in r.drain(1.5)):
        r.console.seen[:] = [e for e in r.console.seen if not isinstance(e, LampChanged)]
        assert time.monotonic() < deadline, "the lamp never settled"


def lamps_changed(r: Rig, watcher: tuple[str, int], attacks: dict[str, tuple[Attacker, bytes]]) -> dict:
    """Each NOTIFY sent in turn: the ones after which the watched lamp changed (with what it showed)."""
    changed = {}
    for name, (sender, data) in attacks.items():
        sender.send(data, watcher)
        lamps = [e for e in r.drain(0.6) if isinstance(e, LampChanged) and e.extension == WATCHED]
        if lamps:
            changed[name] = [e.state for e in lamps]
        r.console.seen[:] = [e for e in r.console.seen if not isinstance(e, LampChanged)]
    return changed


def counters(seen: list[PbxEvent]) -> LinkCounters:
    events: list[object] = list(seen)
    pbx = [e for e in events if isinstance(e, LinkCounters) and e.link is LinkName.PBX]
    assert pbx, "the position posted no LinkCounters for the PBX link"
    return pbx[-1]
