"""Races at the console, looped with seeded timing offsets through Kamailio: afterwards no front entry,
desk call or pjsua2 line is left over, and the caller got one consistent final answer.

CANCEL at the moment of answering: the caller cancels from 10 ms before to 15 ms after the operator
presses answer. RFC 3261 §9.2: a CANCEL that finds the INVITE still pending ends it with 487; one that
comes after the 2xx changes nothing, and the caller then ends the call with BYE (§15). Either way the
caller never sees a 487 followed by a 200. Then a BYE crossing the operator's hold (re-INVITE), the caller
hanging up during an announced-transfer consultation, and a consulted room that answers 486 or never
answers. SIP_RACE_LOOPS sets the number of rounds of each (200 by default), SIP_CONSULT_LOOPS those of
the consulted room (200 by default)."""

from __future__ import annotations

import os
import queue
import random
import time

import pytest

from switchboard.pbx import CallEnded, CallFailed, CallState, FailureReason
from tests.sip_hostile import running_position
from tests.sip_lab import KamailioLab
from tests.sip_races import Attempt, RawCaller, RawRoom
from tests.test_sip_position import OPERATOR, Console

pytestmark = [pytest.mark.sip, pytest.mark.slow]

LOOPS = int(os.environ.get("SIP_RACE_LOOPS", "200"))
CONSULT_LOOPS = int(os.environ.get("SIP_CONSULT_LOOPS", "200"))
SEED = int(os.environ.get("SIP_RACE_SEED", "3261"))


def left_over(console: Console) -> tuple[int, int, int]:
    """(front entries, desk calls, pjsua2 lines), read in the SIP thread."""
    got: queue.Queue[tuple[int, int, int]] = queue.Queue()
    position = console.position

    def count() -> None:
        front, line = position._front, position._line
        got.put(
            (len(front.calls) if front else -1, len(position._desk._calls), len(line.calls) if line else -1)
        )

    position._commands.put(count)
    return got.get(timeout=5)


def line_free(console: Console, needed: int = 2, timeout: float = 5.0) -> None:
    """Waits until the pjsua2 line could take ``needed`` more calls. A consulted room that refuses at
    once makes a round so short that the sockets of the last rounds' calls are still closing, and the
    line refuses a call then (``hardware.sip.rtp_handles``; tests/test_sip_consult_sockets.py); this
    race is about the room's answer, so each round starts with sockets to spare."""
    got: queue.Queue[int] = queue.Queue()
    position = console.position
    deadline = time.monotonic() + timeout
    while True:
        position._commands.put(lambda: got.put(position._line.free() if position._line else -1))
        free = got.get(timeout=5)
        if free >= needed:
            return
        assert time.monotonic() < deadline, f"the line has {free} calls free"
        time.sleep(0.02)


def settled(console: Console, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while (counts := left_over(console)) != (0, 0, 0):
        assert time.monotonic() < deadline, f"left over (front, desk, lines): {counts}"
        time.sleep(0.05)


def test_cancel_at_the_moment_of_answering_leaves_nothing_behind(kamailio: KamailioLab) -> None:
    rng = random.Random(SEED)
    outcomes = {200: 0, 487: 0}
    with running_position(kamailio) as console:
        caller = RawCaller(kamailio)
        try:
            for round_no in range(LOOPS):
                offset = rng.uniform(-0.010, 0.015)
                attempt = caller.invite(OPERATOR)
                offer = console.offered("1299", timeout=5)
                if offset < 0:
                    caller.cancel(attempt)
                    time.sleep(-offset)
                    console.position.answer(offer.call_id)
                else:
                    console.position.answer(offer.call_id)
                    time.sleep(offset)
                    caller.cancel(attempt)
                call_id, final = caller.finals.get(timeout=5)
                assert call_id == attempt.call_id
                assert final in (200, 487), (round_no, offset, final)
                outcomes[final] += 1
                if final == 200:
                    caller.hang_up(attempt)  # it had cancelled: it ends the call it got
                    assert attempt.bye_answered.wait(5), (round_no, offset)
                console.wait(CallEnded, lambda e, o=offer: e.call_id == o.call_id, timeout=5)
                settled(console)
                time.sleep(0.1)  # late answers and retransmissions of this round arrive here
                assert len(set(attempt.finals)) == 1, (round_no, offset, attempt.finals)  # never 487 then 200
                console.seen.clear()
        finally:
            caller.close()
        settled(console)
    print(
        f"cancel at answer: {LOOPS} rounds, answered then hung up {outcomes[200]}, cancelled {outcomes[487]}"
    )
    assert outcomes[487] > 0 and outcomes[200] > 0  # the offsets did reach both sides of the race


def connected_call(console: Console, caller: RawCaller) -> tuple[Attempt, str]:
    """A call from the raw caller that the operator answered and talks to."""
    line_free(console, needed=1)
    attempt = caller.invite(OPERATOR)
    offer = console.offered(caller.user, timeout=5)
    console.position.answer(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    call_id, final = caller.finals.get(timeout=5)
    assert (call_id, final) == (attempt.call_id, 200)
    return attempt, offer.call_id


def ended(console: Console, *call_ids: str) -> None:
    for call_id in call_ids:
        console.wait(CallEnded, lambda e, c=call_id: e.call_id == c, timeout=10)


def test_bye_during_a_reinvite_leaves_nothing_behind(kamailio: KamailioLab) -> None:
    """The caller hangs up from 5 ms before to 20 ms after the operator's hold sends its re-INVITE."""
    rng = random.Random(SEED + 1)
    with running_position(kamailio) as console:
        caller = RawCaller(kamailio, "1297")
        try:
            for round_no in range(LOOPS):
                attempt, call_id = connected_call(console, caller)
                offset = rng.uniform(-0.005, 0.020)
                if offset < 0:
                    caller.hang_up(attempt)
                    time.sleep(-offset)
                    console.position.hold(call_id)
                else:
                    console.position.hold(call_id)
                    time.sleep(offset)
                    caller.hang_up(attempt)
                assert attempt.bye_answered.wait(5), (round_no, offset)
                ended(console, call_id)
                settled(console)
                console.seen.clear()
        finally:
            caller.close()


def test_the_caller_hangs_up_during_a_consultation(kamailio: KamailioLab) -> None:
    """The room answers the consultation after 100 ms; the held caller hangs up 0 to 300 ms after it
    began. The consultation is the operator's to end; afterwards both legs are gone everywhere."""
    rng = random.Random(SEED + 2)
    room = RawRoom(kamailio, "1296", "answer", answer_after=0.1)
    with running_position(kamailio) as console:
        caller = RawCaller(kamailio, "1294")
        try:
            for round_no in range(LOOPS):
                attempt, call_id = connected_call(console, caller)
                consult_id = console.position.consult(call_id, room.ext)
                offset = rng.uniform(0.0, 0.3)
                time.sleep(offset)
                caller.hang_up(attempt)
                assert attempt.bye_answered.wait(5), (round_no, offset)
                ended(console, call_id)
                console.position.release(consult_id)
                ended(console, consult_id)
                _, how = room.ended.get(timeout=5)
                assert how in ("bye", "cancel"), (round_no, offset, how)
                settled(console)
                console.seen.clear()
        finally:
            caller.close()
            room.close()


@pytest.mark.parametrize("mode", ["busy", "ring"])
def test_a_consulted_room_that_is_busy_or_never_answers(kamailio: KamailioLab, mode: str) -> None:
    """busy: the room answers 486 while the caller hangs up 0 to 50 ms after the consultation began;
    ring: it never answers, the operator gives up 0 to 300 ms in and the caller hangs up as well."""
    rng = random.Random(SEED + 3)
    room = RawRoom(kamailio, "1295", mode)
    with running_position(kamailio) as console:
        caller = RawCaller(kamailio, "1293")
        try:
            for round_no in range(CONSULT_LOOPS):
                line_free(console)
                attempt, call_id = connected_call(console, caller)
                consult_id = console.position.consult(call_id, room.ext)
                if mode == "busy":
                    time.sleep(rng.uniform(0.0, 0.05))
                    caller.hang_up(attempt)
                    failed = console.wait(CallFailed, lambda e, c=consult_id: e.call_id == c, timeout=10)
                    assert failed.reason is FailureReason.BUSY, (round_no, failed)
                else:
                    time.sleep(rng.uniform(0.0, 0.3))
                    console.position.release(consult_id)
                    caller.hang_up(attempt)
                assert attempt.bye_answered.wait(5), round_no
                ended(console, call_id, consult_id)
                assert room.ended.get(timeout=5)[1] == ("busy" if mode == "busy" else "cancel"), round_no
                settled(console)
                console.seen.clear()
        finally:
            caller.close()
            room.close()
