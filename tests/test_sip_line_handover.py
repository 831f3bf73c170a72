"""No caller is left ringing for nobody when the console's pjsua2 line cannot take a call (issues 15, 16).

Through the rig (the position on the lab's Kamailio, INVITEs sent from the PBX's address to the front, real
pjsua2 behind it): an INVITE whose From user part is not ASCII (``<sip:١٢٩٩@...>``) reads at the front but
pjsip drops it unanswered. The front asks pjsip before it offers a call and refuses it at once (400, never
offered, the operator told); and should the line still not answer a hand-over (the check switched off
here), the front answers the caller 500 within the limit, the operator is told which call, and the queue
is empty. A released hand-over answers the caller at once. Legitimate callers (a name in any script, an
escaped user part) ring and are answered, and a normal call is not touched by the limit."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest

from hardware.sip.line_leg import HANDOVER_LIMIT_S
from switchboard.pbx import CallEnded, CallFailed, CallOffered, CallState, FailureReason
from tests.sip_outsider_attacker import Attacker, Invite, header, status_of
from tests.sip_outsider_rig import PBX, Rig, rig
from tests.sip_outsider_round3 import response_to
from tests.test_outsider_sip_round3 import ack_and_bye
from tests.test_sip_position import OPERATOR

__all__ = ["rig"]

pytestmark = pytest.mark.sip

ARABIC = '"Guest" <sip:١٢٩٩@127.0.0.1>'


def send_from(r: Rig, pbx: Attacker, from_value: str) -> tuple[Invite, bytes]:
    """An INVITE from the PBX to the front whose From is ``from_value``; the datagram sent."""
    invite = Invite(f"{OPERATOR}@{r.lab.domain}", pbx.host, pbx.port)
    lines = [f"From: {from_value};tag={invite.tag}" if x.startswith("From:") else x for x in invite.lines()]
    data = invite.build(lines)
    pbx.send(data, r.front())
    return invite, data


def answered_by_line(r: Rig, pbx: Attacker, invite: Invite, offer: CallOffered) -> None:
    """The operator answers: the line's 200 reaches the caller, the call connects, then is released."""
    r.console.position.answer(offer.call_id)
    got = pbx.answers(1.5)
    assert 200 in {status_of(d) for d in got if header(d, "Call-ID") == invite.call_id}, got
    ack_and_bye(pbx, invite, got)  # the release below sends the BYE it answers
    r.console.state(offer.call_id, CallState.CONNECTED)
    r.console.position.release(offer.call_id)
    r.console.wait(CallEnded, lambda e: e.call_id == offer.call_id, timeout=5)
    for data in pbx.answers(1.0):
        assert status_of(data) < 300 or header(data, "Call-ID") != invite.call_id, data[:200]


def queue_empty(r: Rig) -> None:
    """Nothing of the call left at the desk or ringing at the front (read from the test thread: a look)."""
    position = r.console.position
    deadline = time.monotonic() + 2
    front = position._front
    assert front is not None
    while time.monotonic() < deadline and (position._desk._calls or front.calls):
        time.sleep(0.05)
    assert not position._desk._calls, position._desk._calls
    assert not front.calls, front.calls


def test_an_invite_the_line_cannot_parse_is_refused_at_once_and_legitimate_callers_still_ring(
    rig: Callable[..., Rig],
) -> None:
    """A From user part in Arabic-Indic or fullwidth digits or with an accent, or a request longer than
    pjsip reads: a final answer within a second (400 naming the header, 513 for the size), the same to a
    retransmission, no CallOffered, one CallFailed telling the operator. A quoted or unquoted Arabic name
    and an escaped user part (RFC 3261 §19.1.2) ring and are answered by the line."""
    r = rig()
    pbx = r.attacker(PBX)
    refused = {
        '"Guest" <sip:١٢٩٩@127.0.0.1>': (400, "Bad From Header"),
        '"Guest" <sip:１２９９@127.0.0.1>': (400, "Bad From Header"),
        "<sip:josé@127.0.0.1>": (400, "Bad From Header"),
    }
    for from_value, (code, reason) in refused.items():
        r.console.seen.clear()
        invite, data = send_from(r, pbx, from_value)
        final = pbx.final(invite.call_id, 1.0)
        assert status_of(final) == code and final.split(b"\r\n")[0].decode().endswith(reason), final[:200]
        assert "cannot take it" in header(final, "Warning"), final[:400]
        pbx.send(data, r.front())  # a retransmission gets the same answer, nothing rings
        assert status_of(pbx.final(invite.call_id, 1.0)) == code
        failed = r.console.wait(CallFailed, timeout=2)
        assert failed.reason is FailureReason.REJECTED and "From header" in failed.detail, failed
        r.drain(0.3)
        assert not r.offered(), r.console.seen
    # a request longer than pjsip's 4,000 bytes: 513 (RFC 3261 §21.5.14) before it rings
    invite = Invite(f"{OPERATOR}@{r.lab.domain}", pbx.host, pbx.port)
    padding = [f"X-Padding-{n}: {'x' * 200}" for n in range(20)]
    pbx.send(invite.build([*invite.lines(), *padding]), r.front())
    assert status_of(pbx.final(invite.call_id, 1.0)) == 513
    r.drain(0.3)
    assert not r.offered(), r.console.seen
    for from_value, caller, name in (
        ('"محمد علي" <sip:1299@127.0.0.1>', "1299", "محمد علي"),
        ("محمد <sip:1299@127.0.0.1>", "1299", "محمد"),
        ('"Guest" <sip:%D9%A1%D9%A2@127.0.0.1>', "%D9%A1%D9%A2", "Guest"),
    ):
        r.console.seen.clear()
        invite, _ = send_from(r, pbx, from_value)
        offer = r.console.offered(timeout=3)
        assert (offer.caller, offer.caller_name) == (caller, name), offer
        answered_by_line(r, pbx, invite, offer)
    queue_empty(r)


def test_a_hand_over_the_line_never_answers_is_answered_by_the_front_and_the_operator_is_told(
    rig: Callable[..., Rig],
) -> None:
    """With the front's check off, the Arabic-Indic From is offered; answered, pjsip drops the forwarded
    INVITE. Within the limit (2 s, plus a second for a loaded machine) the sender has 500 with a Warning,
    the operator one CallFailed naming the offered call, the call has ended and the queue is empty; the
    next normal call is answered. A retransmission of the INVITE gets the 500 again and does not ring."""
    r = rig()
    assert r.console.position._front is not None
    r.console.position._front.line_reads = lambda _d: None  # the safety net alone
    pbx = r.attacker(PBX)
    r.console.seen.clear()
    invite, data = send_from(r, pbx, ARABIC)
    offer = r.console.offered(timeout=3)
    assert offer.caller == "١٢٩٩"
    answered_at = time.monotonic()
    r.console.position.answer(offer.call_id)
    final = pbx.final(invite.call_id, HANDOVER_LIMIT_S + 1.5)
    took = time.monotonic() - answered_at
    assert status_of(final) == 500, (took, final[:200])
    assert HANDOVER_LIMIT_S - 0.2 < took < HANDOVER_LIMIT_S + 1.0, took
    assert "did not take it" in header(final, "Warning"), final[:400]
    failed = r.console.wait(CallFailed, lambda e: e.call_id == offer.call_id, timeout=2)
    assert "could not be answered" in failed.detail and "١٢٩٩" in failed.detail, failed
    r.console.wait(CallEnded, lambda e: e.call_id == offer.call_id, timeout=2)
    queue_empty(r)
    r.drain(1.0)
    assert not [e for e in r.console.seen if isinstance(e, CallFailed)], r.console.seen  # told once
    pbx.send(data, r.front())  # a retransmission (had the 500 been lost) gets it again and never rings
    assert status_of(pbx.final(invite.call_id, 1.0)) == 500
    r.drain(0.3)
    assert not r.offered(), r.console.seen
    normal, _ = send_from(r, pbx, '"Room 1299" <sip:1299@127.0.0.1>')
    answered_by_line(r, pbx, normal, r.console.offered("1299", timeout=3))
    queue_empty(r)


def test_releasing_a_hand_over_the_line_has_not_taken_answers_the_caller_at_once(
    rig: Callable[..., Rig],
) -> None:
    """The operator answers the Arabic-Indic From (check off) and releases it at once: the caller has its
    final answer (480) well before the limit, the call ends without a failure notice, the queue is empty."""
    r = rig()
    assert r.console.position._front is not None
    r.console.position._front.line_reads = lambda _d: None
    pbx = r.attacker(PBX)
    r.console.seen.clear()
    invite, _ = send_from(r, pbx, ARABIC)
    offer = r.console.offered(timeout=3)
    r.console.position.answer(offer.call_id)
    time.sleep(0.2)
    r.console.position.release(offer.call_id)
    final = pbx.final(invite.call_id, 1.0)
    assert status_of(final) == 480, final[:200]
    r.console.wait(CallEnded, lambda e: e.call_id == offer.call_id, timeout=2)
    r.drain(HANDOVER_LIMIT_S + 0.5)
    assert not [e for e in r.console.seen if isinstance(e, CallFailed)], r.console.seen
    assert not [d for d in pbx.answers(0.3) if header(d, "Call-ID") == invite.call_id and status_of(d) >= 200]
    queue_empty(r)


def test_a_normal_answered_call_runs_past_the_limit_untouched(rig: Callable[..., Rig]) -> None:
    """A call the line answers stays connected well past the limit: no failure, no final answer but the
    line's 200; released, it ends with the line's BYE."""
    r = rig()
    pbx = r.attacker(PBX)
    r.console.seen.clear()
    invite, _ = send_from(r, pbx, '"Room 1299" <sip:1299@127.0.0.1>')
    offer = r.console.offered("1299", timeout=3)
    r.console.position.answer(offer.call_id)
    got = pbx.answers(1.0)
    finals = [status_of(d) for d in got if header(d, "Call-ID") == invite.call_id and status_of(d) >= 200]
    assert finals and set(finals) == {200}, got
    ok = next(d for d in got if status_of(d) == 200)
    contact = re.search(r"<sip:([^>;]+)", header(ok, "Contact"))
    assert contact
    host, _, port = contact.group(1).rpartition("@")[2].partition(":")
    ack = (
        f"ACK sip:{contact.group(1)} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP {pbx.host}:{pbx.port};branch=z9hG4bKack{invite.tag};rport\r\n"
        f"Max-Forwards: 70\r\nFrom: {header(ok, 'From')}\r\nTo: {header(ok, 'To')}\r\n"
        f"Call-ID: {invite.call_id}\r\nCSeq: 314159 ACK\r\nContent-Length: 0\r\n\r\n"
    ).encode()
    pbx.send(ack, (host, int(port)))
    r.console.state(offer.call_id, CallState.CONNECTED)
    late = pbx.answers(HANDOVER_LIMIT_S + 1.5)
    assert not [d for d in late if status_of(d) >= 300 or d.startswith(b"BYE ")], late
    r.drain(0.2)
    assert not [e for e in r.console.seen if isinstance(e, (CallFailed, CallEnded))], r.console.seen
    r.console.position.release(offer.call_id)
    r.console.wait(CallEnded, lambda e: e.call_id == offer.call_id, timeout=5)
    byes = [d for d in pbx.answers(1.0) if d.startswith(b"BYE ")]
    assert byes, "the line did not hang up"
    pbx.send(response_to(byes[0], 200, "OK"), (host, int(port)))
    queue_empty(r)
