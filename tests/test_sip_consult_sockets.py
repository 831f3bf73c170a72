"""Consultations a room refuses, one after another on the same held caller: the line never runs out of
audio sockets (pjlib aborted the process after some 30 of them a second), refuses a consultation with a
reason while the last ones' sockets are closing, and the process's open UDP sockets come back to where
they were."""

from __future__ import annotations

import os
import time

import pytest

from hardware.sip.console_line import SOCKETS_CLOSING
from switchboard.pbx import CallEnded, CallFailed, FailureReason
from tests.sip_hostile import running_position
from tests.sip_lab import KamailioLab
from tests.sip_races import RawCaller, RawRoom
from tests.test_sip_position import Console
from tests.test_sip_races import connected_call, line_free, settled

pytestmark = [pytest.mark.sip, pytest.mark.slow]

ROUNDS = 300
BURST = 100


def udp_sockets() -> int:
    """UDP sockets this process holds open (pjsua2's SIP and RTP/RTCP ones among them)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed since listed
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    count = 0
    for table in ("/proc/self/net/udp", "/proc/self/net/udp6"):
        with open(table) as rows:
            next(rows)
            count += sum(1 for row in rows if row.split()[9] in inodes)
    return count


def back_to(expected: int, timeout: float = 5.0) -> int:
    deadline = time.monotonic() + timeout
    while (now := udp_sockets()) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return now


def consult_refused(console: Console, call_id: str, room: RawRoom) -> bool:
    """One consultation of the busy room: True if the room refused it, False if the line did."""
    consult_id = console.position.consult(call_id, room.ext)
    failed = console.wait(CallFailed, lambda e: e.call_id == consult_id, timeout=10)
    console.wait(CallEnded, lambda e: e.call_id == consult_id, timeout=10)
    console.seen.clear()
    if failed.reason is FailureReason.BUSY:
        assert room.ended.get(timeout=5)[1] == "busy"
        return True
    assert (failed.reason, failed.detail) == (FailureReason.OTHER, SOCKETS_CLOSING), failed
    return False


def test_refused_consultations_leave_no_socket_behind(kamailio: KamailioLab) -> None:
    room = RawRoom(kamailio, "1292", "busy")
    with running_position(kamailio) as console:
        caller = RawCaller(kamailio, "1291")
        try:
            attempt, call_id = connected_call(console, caller)
            time.sleep(0.2)  # the caller's own sockets are open
            start = udp_sockets()
            for round_no in range(ROUNDS):  # each as soon as the line can take it: all reach the room
                line_free(console, needed=1)
                assert consult_refused(console, call_id, room), round_no
            assert back_to(start) == start  # nothing left open by 300 consultations
            # As fast as the operator's commands come: the line refuses some while sockets are closing.
            by_room = sum(consult_refused(console, call_id, room) for _ in range(BURST))
            print(f"{ROUNDS} consultations refused by the room, then {by_room} of {BURST} at once")
            assert 0 < by_room < BURST
            assert back_to(start) == start
            line_free(console, needed=3)  # every handle back: the held caller's line and three more
            caller.hang_up(attempt)
            assert attempt.bye_answered.wait(5)
            console.wait(CallEnded, lambda e: e.call_id == call_id, timeout=10)
            settled(console)
        finally:
            caller.close()
            room.close()
