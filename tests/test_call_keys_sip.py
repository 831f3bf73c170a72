"""Park in SIP mode as in training mode: the console's slots (set by the console after checking them
against the extension plan) and a recall to the console when a parked call is left too long. Real
Kamailio and a baresip room phone on loopback; the console side is ``SipPosition``."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from switchboard.pbx import CallOffered, CallState
from tests.sip_lab import BaresipPhone, KamailioLab
from tests.test_sip_position import Console, answered, console_on, room_calls_console

pytestmark = pytest.mark.sip
__all__ = ["console_on"]  # the fixture, shared with the position's own tests


def test_a_parked_call_takes_the_consoles_slot_and_recalls_to_the_console(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    console.position.set_parking(["7901", "7902"], 3.0)
    caller = baresip_phone("1501")
    offer = room_calls_console(caller, console)
    answered(caller, console, offer)
    console.position.park(offer.call_id)
    started = time.monotonic()
    assert console.state(offer.call_id, CallState.PARKED).peer == "7901"
    recall = console.wait(CallOffered, lambda e: e.call_id == offer.call_id, timeout=10)
    assert recall.recall_of == "7901" and time.monotonic() - started >= 2.9
    # the caller waited on the console's line all along: answering the recall talks to them again
    console.position.answer(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    # parked again, picked up before the recall time: no recall comes
    console.position.park(offer.call_id)
    assert console.state(offer.call_id, CallState.PARKED).peer == "7901"
    assert console.position.pickup("7901") == offer.call_id
    console.state(offer.call_id, CallState.CONNECTED)
    time.sleep(3.5)
    assert not [e for e in console.seen if isinstance(e, CallOffered) and e.call_id == offer.call_id]
    while not console.events.empty():
        event = console.events.get_nowait()
        assert not (isinstance(event, CallOffered) and event.call_id == offer.call_id), event
    console.position.release(offer.call_id)
    caller.wait_event("CALL_CLOSED")
