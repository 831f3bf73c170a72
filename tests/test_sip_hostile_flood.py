"""Ten thousand malformed and foreign datagrams at the ringing front and at the lamps' watcher (raw UDP,
seeded): afterwards the position still registers, takes a call from sipp through Kamailio and lights the
lamps of a real call correctly, with the same threads, no call offered and no lamp changed by the flood.

Half the datagrams are well-formed requests from 127.0.0.2, which is not the PBX: INVITEs to the operator
(RFC 3261 §24.2 F1) and NOTIFYs carrying the real subscription's Call-ID and tags with a "confirmed" body.
The other half come from the PBX's own address, each broken in one of the ways the fuzz test checks."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from switchboard.pbx import CallOffered, CallState, LampChanged, LampState, LinkStateChanged
from tests.sip_hostile import SAMPLES, invite_to, malformed, raw_socket, running_position
from tests.sip_lab import BaresipPhone, KamailioLab
from tests.test_sip_position import OPERATOR, Console, sipp_calling

pytestmark = [pytest.mark.sip, pytest.mark.slow]

DATAGRAMS = 10_000
SEED = 4235


def forged_notify(console: Console, n: int) -> bytes:
    blf = console.position._lamps._blf
    assert blf is not None
    sub = blf._subs["1802"]
    data = SAMPLES["kamailio_notify_early.sip"].replace(b"<state>early</state>", b"<state>confirmed</state>")
    data = data.replace(b"6c1e0f0e3b2a4d5c8e7f9a0b1c2d3e4f", sub.call_id.encode())
    data = data.replace(b"tag=ab12cd34ef", f"tag={sub.from_tag}".encode())
    data = data.replace(b"tag=a6a1c5f6-0b1e", f"tag={sub.to_tag}".encode())
    return data.replace(b"CSeq: 3 NOTIFY", f"CSeq: {1000 + n} NOTIFY".encode())


def drain(console: Console) -> None:
    while not console.events.empty():
        console.seen.append(console.events.get_nowait())


def lamp(console: Console, ext: str, state: LampState, timeout: float = 10.0) -> None:
    console.wait(LampChanged, lambda e: e.extension == ext and e.state is state, timeout)


def registered_again(kamailio: KamailioLab, console: Console) -> None:
    """The PBX forgets the console; asked to register at once, it is in the PBX's location table again."""
    kamailio.rpc("ul.rm", "location", f"s:{OPERATOR}")  # s: keeps kamcmd from sending a number
    assert f"sip:{OPERATOR}@" not in kamailio.rpc("ul.dump")
    front = console.position._front
    assert front is not None
    console.position._commands.put(front.registration.register_now)
    deadline = time.monotonic() + 5
    while f"sip:{OPERATOR}@" not in kamailio.rpc("ul.dump"):
        assert time.monotonic() < deadline, "the console did not register again"
        time.sleep(0.1)


def test_ten_thousand_hostile_datagrams_and_the_position_still_works(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], tmp_path: Path
) -> None:
    with running_position(kamailio) as console:
        a = baresip_phone("1801")
        b = baresip_phone("1802", auto_answer=False)
        console.position.watch(["1801", "1802"])
        lamp(console, "1801", LampState.IDLE)
        lamp(console, "1802", LampState.IDLE)
        guard = console.position.guard
        blf = console.position._lamps._blf
        front = console.position._front
        assert guard is not None and blf is not None and front is not None
        threads = {t for t in threading.enumerate() if t.name in ("sip-position", "sip-blf")}
        assert len(threads) == 2
        rng = random.Random(SEED)
        targets = [("127.0.0.1", front.port), ("127.0.0.1", blf._port)]
        foreign: list[tuple[bytes, tuple[str, int]]] = []
        broken: list[tuple[bytes, tuple[str, int]]] = []
        for n in range(DATAGRAMS // 2):
            to = targets[n % 2]
            if to is targets[0]:
                foreign.append((invite_to(OPERATOR, kamailio.domain, f"flood{n}"), to))
            else:
                foreign.append((forged_notify(console, n), to))
            broken.append((malformed(rng), targets[rng.randrange(2)]))
        time.sleep(0.5)
        drain(console)
        console.seen.clear()  # what came before the flood
        before = guard.refused + guard.rejected
        with closing(raw_socket()) as stranger, closing(raw_socket("127.0.0.1")) as pbx_host:
            for n, ((f_data, f_to), (b_data, b_to)) in enumerate(zip(foreign, broken, strict=True)):
                stranger.sendto(f_data, f_to)
                pbx_host.sendto(b_data, b_to)
                if n % 100 == 99:
                    # What is measured is the reading, not the kernel's buffers: at most 400 datagrams
                    # ahead of what the position has read (waiting at most 2 s for it each time).
                    caught_up = time.monotonic() + 2.0
                    while guard.refused + guard.rejected - before < 2 * (n + 1) - 400:
                        if time.monotonic() > caught_up:
                            break
                        time.sleep(0.001)
        deadline = time.monotonic() + 10
        while guard.refused + guard.rejected - before < DATAGRAMS * 0.95 and time.monotonic() < deadline:
            time.sleep(0.1)
        counted = guard.refused + guard.rejected - before
        assert counted >= DATAGRAMS * 0.95, (guard.refused, guard.rejected)  # read and refused, not lost
        assert guard.refused >= DATAGRAMS // 2 * 0.95
        time.sleep(0.5)
        drain(console)
        assert not any(isinstance(e, CallOffered) for e in console.seen)
        assert not any(isinstance(e, LampChanged) for e in console.seen)
        assert not any(isinstance(e, LinkStateChanged) and "restarted" in e.detail for e in console.seen)
        assert {t for t in threading.enumerate() if t.name in ("sip-position", "sip-blf")} == threads
        assert front.calls == {}
        # Still registers.
        registered_again(kamailio, console)
        # Takes a call from sipp through Kamailio.
        with sipp_calling(kamailio, tmp_path / "sipp", calls=1, hold_ms=500):
            offer = console.offered("sipp", timeout=10)
            console.position.answer(offer.call_id)
            console.state(offer.call_id, CallState.CONNECTED)
        # Lights the lamps of a real call correctly.
        a.dial("1802")
        lamp(console, "1802", LampState.RINGING)
        b.accept()
        lamp(console, "1802", LampState.BUSY)
        lamp(console, "1801", LampState.BUSY)
        a.hangup()
        lamp(console, "1802", LampState.IDLE)
        lamp(console, "1801", LampState.IDLE)
