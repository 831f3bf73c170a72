"""Kamailio restarted while the console has a call talking and one ringing.

The operator sees the PBX down within 2 s of it stopping and up again once the console has registered
anew. The talking call keeps its audio (RTP runs between the telephones, not through the PBX) and ends
cleanly when the room hangs up (its BYE is record-routed through the restarted PBX, which routes it
without state). The call that was ringing is cleared: the restarted PBX has lost its transaction. The lamps
subscribe afresh within 2 s (not at their next refresh) and follow a call between telephones registered
with the restarted PBX. A new call then rings and is answered."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from switchboard.pbx import CallEnded, LampChanged, LampState, LinkStateChanged, LinkStatus
from tests.sip_hostile import running_position
from tests.sip_lab import BaresipPhone, KamailioLab
from tests.test_sip_position import answered, room_calls_console

pytestmark = [pytest.mark.sip, pytest.mark.slow]


def test_a_pbx_restart_during_calls(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone]
) -> None:
    with running_position(kamailio) as console:
        console.position.watch(["1964", "1965"])
        console.wait(LampChanged, lambda e: e.extension == "1965" and e.state is LampState.IDLE, timeout=10)
        blf = console.position._lamps._blf
        assert blf is not None
        subscribed = {ext: blf._subs[ext].call_id for ext in ("1964", "1965")}
        talker = baresip_phone("1961")
        talking = room_calls_console(talker, console)
        answered(talker, console, talking)
        waiter = baresip_phone("1962", auto_answer=False)
        ringing = room_calls_console(waiter, console)

        def heard() -> int:
            """Frames of call audio the operator's port has heard (the port itself is never held here:
            a pjsua2 object that outlives the library aborts the process)."""
            headset = console.position.headset
            assert headset is not None
            return int(headset.frames_heard)

        time.sleep(2.0)  # the PBX answers the console's probes: no false alarm while it runs
        while not console.events.empty():
            console.seen.append(console.events.get_nowait())
        assert not any(isinstance(e, LinkStateChanged) and e.status is LinkStatus.DOWN for e in console.seen)
        kamailio.stop()
        stopped = time.monotonic()
        down = console.wait(LinkStateChanged, lambda e: e.status is LinkStatus.DOWN, timeout=5)
        assert time.monotonic() - stopped < 2.0, down
        assert down.detail == f"no answer from the PBX at {kamailio.domain}"
        time.sleep(1.0)
        kamailio.start()
        started = time.monotonic()
        console.wait(LinkStateChanged, lambda e: e.status is LinkStatus.UP, timeout=5)
        assert time.monotonic() - started < 2.0
        cleared = console.wait(CallEnded, lambda e: e.call_id == ringing.call_id, timeout=2)
        # The lamps subscribe afresh at once, not at their next refresh: the PBX forgot them.
        while any(blf._subs[ext].call_id in ("", subscribed[ext]) for ext in subscribed):
            assert time.monotonic() - started < 2.0, "the lamps did not subscribe again within 2 s"
            time.sleep(0.05)
        assert "PBX" in cleared.reason
        front = console.position._front
        assert front is not None and all(c.handed_over for c in front.calls.values())
        before = heard()
        time.sleep(1.0)
        assert heard() > before + 20  # the talking call's audio never stopped
        talker.hangup()
        console.wait(CallEnded, lambda e: e.call_id == talking.call_id, timeout=10)
        fresh = baresip_phone("1963")
        offer = room_calls_console(fresh, console)
        answered(fresh, console, offer)
        # The lamps follow a call between two telephones that registered with the restarted PBX.
        caller, room = baresip_phone("1964"), baresip_phone("1965", auto_answer=False)
        caller.dial("1965")
        console.wait(LampChanged, lambda e: e.extension == "1965" and e.state is LampState.RINGING, timeout=5)
        room.accept()
        console.wait(LampChanged, lambda e: e.extension == "1965" and e.state is LampState.BUSY, timeout=5)
