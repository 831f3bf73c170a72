"""What an INVITE's From says of the caller, through the rig (the position on the lab's Kamailio, INVITEs sent
from the PBX's address to the front, as the outsider's round 3 does): names are shown in any script but
with no bidirectional embedding, override or isolate (issue 16's promise: an entry never displays as
something it is not), and a caller number that is not in ASCII digits is shown as given but never dialled,
transferred to, camped on or found as a room (issue 15, outsider round 3)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from db.callers import SqlCallers
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from hardware.sip.caller_id import dialable, is_room_number, shown, shown_number
from switchboard.clock import FakeClock
from switchboard.hotel import BIDI_CONTROLS
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    FailureReason,
)
from switchboard.screen_pop import CallerKind
from tests.reader import READER
from tests.sip_outsider_attacker import Attacker, Invite, LoopbackCapture, header, status_of
from tests.sip_outsider_rig import PBX, Rig, rig
from tests.sip_outsider_round3 import response_to
from tests.test_outsider_sip_round3 import ack_and_bye
from tests.test_sip_position import OPERATOR

__all__ = ["rig"]

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def offer_from(r: Rig, pbx: Attacker, from_value: str, caller: str = "1299") -> tuple[Invite, CallOffered]:
    """An INVITE from the PBX to the front whose From is ``from_value`` (UTF-8, as RFC 3261 §25.1 allows)."""
    invite = Invite(f"{OPERATOR}@{r.lab.domain}", pbx.host, pbx.port, caller=caller)
    lines = [f"From: {from_value};tag={invite.tag}" if x.startswith("From:") else x for x in invite.lines()]
    r.console.seen.clear()
    pbx.send(invite.build(lines), r.front())
    offer = r.console.wait(CallOffered, timeout=3)
    return invite, offer


def refused_at_once(r: Rig, pbx: Attacker, from_value: str) -> Invite:
    """An INVITE whose From the line's pjsip cannot parse: 400 within a second, never offered."""
    invite = Invite(f"{OPERATOR}@{r.lab.domain}", pbx.host, pbx.port)
    lines = [f"From: {from_value};tag={invite.tag}" if x.startswith("From:") else x for x in invite.lines()]
    r.console.seen.clear()
    pbx.send(invite.build(lines), r.front())
    final = pbx.final(invite.call_id, 1.0)
    assert status_of(final) == 400, final[:200]
    r.drain(0.3)
    return invite


def cancel(r: Rig, pbx: Attacker, invite: Invite, from_value: str, call_id: str) -> None:
    lines = [f"From: {from_value};tag={invite.tag}" if x.startswith("From:") else x for x in invite.lines()]
    lines = [
        x.replace("CSeq: 314159 INVITE", "CSeq: 314159 CANCEL") for x in lines if "Content-Type" not in x
    ]
    pbx.send(invite.build(lines, body="").replace(b"INVITE sip:", b"CANCEL sip:", 1), r.front())
    r.console.wait(CallEnded, lambda e: e.call_id == call_id, timeout=3)


@pytest.mark.sip
def test_bidi_controls_in_a_caller_s_name_never_reach_the_queue_and_arabic_and_hebrew_stay_readable(
    rig: Callable[..., Rig],
) -> None:
    """Each embedding (U+202A, U+202B), pop (U+202C), override (U+202D, U+202E) and isolate (U+2066-U+2069) in
    a display name from the PBX, quoted or not, is gone from CallOffered.caller_name; the text around it
    stays, in its own script. Names in Arabic and Hebrew with the marks RLM and LRM (which move no run of
    text, and such names need) are offered exactly as sent, and a number with an override in it is never
    offered as the number it would display as: the line's pjsip cannot read that From, so it is refused."""
    r = rig()
    pbx = r.attacker(PBX)
    names = {
        '"Ali\u202eecnarF" <sip:1299@127.0.0.1>': "AliecnarF",
        '"\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i" <sip:1299@127.0.0.1>': "abcdefghi",
        "Room\u202e 1299 <sip:1299@127.0.0.1>": "Room 1299",
        '"\u2067exe.txt\u2069 Guest" <sip:1299@127.0.0.1>': "exe.txt Guest",
        '"\u200fمحمد علي" <sip:1299@127.0.0.1>': "\u200fمحمد علي",
        '"שלום\u200e 1299" <sip:1299@127.0.0.1>': "שלום\u200e 1299",
        '"总机 \u202e测试" <sip:1299@127.0.0.1>': "总机 测试",
    }
    for sent, expected in names.items():
        invite, offer = offer_from(r, pbx, sent)
        assert offer.caller_name == expected, (sent, offer)
        assert not set(offer.caller_name + offer.caller) & BIDI_CONTROLS, offer
        assert offer.caller == "1299" and offer.kind is CallKind.ROOM
        cancel(r, pbx, invite, sent, offer.call_id)
    invite = refused_at_once(r, pbx, '"Guest" <sip:12\u202e99@127.0.0.1>')
    failed = r.console.wait(CallFailed, timeout=2)
    assert "12\ufffd99" in failed.detail and "\u202e" not in failed.detail, failed
    assert not r.offered(), invite


@pytest.mark.sip
@pytest.mark.parametrize("digits", [ARABIC_INDIC, FULLWIDTH], ids=["arabic-indic", "fullwidth"])
def test_a_caller_number_in_other_digits_is_shown_but_never_dialled_transferred_to_or_camped_on(
    rig: Callable[..., Rig], digits: dict[int, str]
) -> None:
    """From: <sip:١٢٩٩@...> reads as 1299 to int() and str.isdigit(). The line's pjsip cannot read that From,
    so the call is refused at once (400) and never offered, neither as room 1299's nor at all
    (test_sip_line_handover.py). A transfer, a consultation or a camp-on to that number is refused
    (NOT_FOUND) with the caller still connected and no REFER or INVITE leaving the line, and dialling it is
    refused too; the ASCII number of the same room is still dialled (the control)."""
    capture = LoopbackCapture()
    try:
        r = rig()
        pbx = r.attacker(PBX)
        number = "1299".translate(digits)
        refused_at_once(r, pbx, f'"Guest" <sip:{number}@127.0.0.1>')
        assert not r.offered(), r.console.seen
        pbx.answers(0.3)
        # the commands are tried on a call from 1299 with that number as their target, as typed
        invite, offer = offer_from(r, pbx, '"Room 1299" <sip:1299@127.0.0.1>')
        r.console.position.answer(offer.call_id)
        got = pbx.answers(1.5)
        assert 200 in {status_of(d) for d in got if header(d, "Call-ID") == invite.call_id}, got
        ack_and_bye(pbx, invite, got)
        r.console.state(offer.call_id, CallState.CONNECTED)
        r.console.seen.clear()
        mark = len(capture.seen)
        position = r.console.position
        position.blind_transfer(offer.call_id, number)
        position.camp_on(offer.call_id, number, 5.0)
        consult_id = position.consult(offer.call_id, number)
        dialled = position.dial(number)
        r.drain(1.5)
        failed = {e.call_id: e for e in r.console.seen if isinstance(e, CallFailed)}
        assert failed[offer.call_id].reason is FailureReason.NOT_FOUND, failed
        assert (
            len([e for e in r.console.seen if isinstance(e, CallFailed) and e.call_id == offer.call_id]) == 2
        )
        assert failed[consult_id].reason is FailureReason.NOT_FOUND
        assert failed[dialled].reason is FailureReason.NOT_FOUND
        ended = {e.call_id for e in r.console.seen if isinstance(e, CallEnded)}
        assert ended == {consult_id, dialled}, r.console.seen
        moved = [
            e
            for e in r.console.seen
            if isinstance(e, CallStateChanged)
            and e.call_id == offer.call_id
            and e.state is not CallState.CONNECTED
        ]
        assert not moved, moved
        assert position._line is not None
        line_port = position._line.port  # other tests on this machine use the loopback too
        sent_out = [
            d.data[:60]
            for d in capture.seen[mark:]
            if d.src[1] == line_port
            and d.data.startswith((b"INVITE ", b"REFER "))
            and header(d.data, "Call-ID") != invite.call_id
        ]
        assert not sent_out, sent_out
        # The control: the same room's number in ASCII digits is dialled (an INVITE leaves the line).
        control = position.dial("1299")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not any(
            d.data.startswith(b"INVITE sip:1299@") for d in capture.seen[mark:]
        ):
            time.sleep(0.05)
        assert any(d.data.startswith(b"INVITE sip:1299@") for d in capture.seen[mark:])
        position.release(control)
        position.release(offer.call_id)
        r.console.wait(CallEnded, lambda e: e.call_id == offer.call_id, timeout=5)
        ok = next(d for d in got if status_of(d) == 200 and header(d, "Call-ID") == invite.call_id)
        line = header(ok, "Contact").partition("@")[2].partition(">")[0].split(";")[0].partition(":")
        for data in pbx.answers(1.0):
            if data.startswith(b"BYE "):
                pbx.send(response_to(data, 200, "OK"), (line[0], int(line[2])))
    finally:
        capture.close()


def test_the_caller_rules_alone() -> None:
    """The same rules without the lab: what is a number, what a room's, what is shown."""
    for text in ("١٢٩٩", "１２９９", "1299\n", "12 99", "", "12\u202e99", "²", "sip:1299@x"):
        assert not dialable(text) and not is_room_number(text), text
    assert dialable("1299") and dialable("+8610*1#") and is_room_number("1299")
    assert not is_room_number("123456") and not is_room_number("+1299")
    assert shown("a\u202eb\u2067c\u200fd\td\u2028e", 120) == "abc\u200fd d e"
    assert shown("x" * 500, 120) == "x" * 120
    assert shown_number("١٢٩٩") == "١٢٩٩" and shown_number("12\u200b99") == "12\ufffd99"


def test_the_screen_pop_finds_no_room_for_a_number_in_other_digits(sqlite_store: Store) -> None:
    """db.callers looks a caller up by the exact text: the room's extension in Arabic-Indic or fullwidth
    digits is an outside caller, with no room or guest on the screen; in ASCII digits it is the room."""
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    seed_demo_hotel(sqlite_store, clock)
    room = SqlRoomBoard(sqlite_store, clock).rooms(READER)[0].number
    callers = SqlCallers(sqlite_store, clock)
    assert callers.who(room).kind is CallerKind.ROOM
    for digits in (ARABIC_INDIC, FULLWIDTH):
        info = callers.who(room.translate(digits))
        assert info.kind is CallerKind.OUTSIDE and not info.room and not info.guest_name, info
