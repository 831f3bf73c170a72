"""A failure that escapes every guard ends the ``sip-position`` or ``sip-blf`` thread: it is started again
within 2 s, the calls and subscriptions it held are kept, and the operator is told once.

The failure is injected as an exception that is not an ``Exception`` (nothing in the loops catches it), raised
inside the thread itself, which is how any escaped error ends a thread."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

import pytest

from hardware.sip.blf import BlfWatcher
from switchboard.clock import FakeClock
from switchboard.pbx import CallEnded, CallState, LampChanged, LampState, LinkStateChanged, LinkStatus
from tests.sip_hostile import running_position
from tests.sip_lab import BaresipPhone, KamailioLab
from tests.test_sip_blf import call_and_watch, wait_lamp
from tests.test_sip_position import Console, answered, room_calls_console

pytestmark = pytest.mark.sip


class Injected(BaseException):
    """Stands for whatever escaped: no handler in the position catches it."""


def threads_named(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name and t.is_alive()]


def test_the_sip_thread_dies_and_is_back_within_2_s_with_its_calls(
    kamailio: KamailioLab,
    baresip_phone: Callable[..., BaresipPhone],
) -> None:
    with running_position(kamailio) as console:
        calls_survive_a_restart(console, baresip_phone)


def calls_survive_a_restart(console: Console, baresip_phone: Callable[..., BaresipPhone]) -> None:
    room = baresip_phone("1205")
    talking = room_calls_console(room, console)
    answered(room, console, talking)
    other = baresip_phone("1206")
    waiting = room_calls_console(other, console)
    [before] = threads_named("sip-position")

    def die() -> None:
        raise Injected("injected failure")

    console.position._commands.put(die)
    started = time.monotonic()
    told = console.wait(LinkStateChanged, lambda e: "restarted" in e.detail, timeout=2.0)
    assert "Injected" in told.detail and told.status is LinkStatus.UP
    while not [t for t in threads_named("sip-position") if t is not before]:
        assert time.monotonic() - started < 2.0, "no new sip-position thread within 2 s"
        time.sleep(0.02)
    assert not before.is_alive()
    # The talking call is still the operator's: hold and retrieve go through pjsua2 in the new thread.
    console.position.hold(talking.call_id)
    console.state(talking.call_id, CallState.HELD)
    console.position.retrieve(talking.call_id)
    console.state(talking.call_id, CallState.CONNECTED)
    # The waiting call still rings at the front and is answered.
    console.position.answer(waiting.call_id)
    console.state(waiting.call_id, CallState.CONNECTED)
    other.wait_event("CALL_ESTABLISHED")
    # The room hangs up: pjsua2's callback reaches the console from the new thread.
    room.hangup()
    console.wait(CallEnded, lambda e: e.call_id == talking.call_id)
    # A new call after the restart rings and is answered.
    third = baresip_phone("1207")
    offer = room_calls_console(third, console)
    answered(third, console, offer)
    # Told once.
    assert not any(isinstance(e, LinkStateChanged) and "restarted" in e.detail for e in console.seen)
    assert len(threads_named("sip-position")) == 1


def test_the_lamps_thread_dies_and_is_back_with_its_subscriptions(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], clock: FakeClock
) -> None:
    seen: queue.Queue[LampChanged] = queue.Queue()
    deaths: list[str] = []
    watcher = BlfWatcher(kamailio.domain, clock, expires=20, died=deaths.append)
    watcher.watch(["1203"])
    watcher.start(seen.put)
    try:
        wait_lamp(seen, "1203", LampState.IDLE)
        call_id = watcher._subs["1203"].call_id
        [before] = threads_named("sip-blf")
        sender = watcher._send_due

        def once(_now: float) -> None:
            watcher._send_due = sender  # type: ignore[method-assign]
            raise Injected("injected failure")

        watcher._send_due = once  # type: ignore[method-assign]
        started = time.monotonic()
        while not [t for t in threads_named("sip-blf") if t is not before]:
            assert time.monotonic() - started < 2.0, "no new sip-blf thread within 2 s"
            time.sleep(0.02)
        assert len(deaths) == 1 and "Injected" in deaths[0]
        assert watcher._subs["1203"].call_id == call_id  # the same subscription, not a new one
        room = baresip_phone("1203", auto_answer=False)
        caller = baresip_phone("2001")
        call_and_watch(caller, room, seen)
        assert len(deaths) == 1
    finally:
        watcher.stop()
