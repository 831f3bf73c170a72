"""The gate in front of the console's pjsua2 line (hardware/sip/line_gate.py) and the line's refusals.

The rules alone with a real ``SipGuard``; the line behind its gate in real pjsua2 with real sockets (a process
of its own, tests/line_gate_peer.py, since what it is tried with used to abort the process); and a late-offer
call (RFC 3261 §13.2.1) from sipp through Kamailio, answered by the operator, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hardware.sip.line_gate import LineGate, Verdict
from hardware.sip.sip_guard import SipGuard
from switchboard.clock import SystemClock
from switchboard.link_monitor import LinkCounters, RawFrame
from switchboard.pbx import CallEnded, CallState
from tests.sip_hostile import running_position
from tests.sip_lab import KamailioLab
from tests.sip_lab.sipp import LATE_OFFER, run_sipp_calls
from tests.test_sip_position import OPERATOR

PBX = ("127.0.0.1", 5060)
FRONT = ("192.0.2.10", 40000)  # the console's own address: not the PBX's


def _request(method: str, *, to_tag: str = "", extra: str = "") -> bytes:
    to = "<sip:9@192.0.2.10>" + (f";tag={to_tag}" if to_tag else "")
    return (
        f"{method} sip:9@192.0.2.10:40002 SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK776asdhds\r\n"
        "Max-Forwards: 70\r\n"
        f"To: {to}\r\n"
        "From: <sip:1299@127.0.0.1>;tag=1928301774\r\n"
        "Call-ID: a84b4c76e66710@pc33.atlanta.com\r\n"
        f"CSeq: 314159 {method}\r\n"
        f"{extra}Content-Length: 0\r\n\r\n"
    ).encode()


def test_the_gate_s_rules() -> None:
    seen: list[object] = []
    guard = SipGuard("127.0.0.1", ["10.9.0.0/16"], SystemClock(), seen.append)
    gate = LineGate(guard, FRONT)
    # Only the PBX (and [pbx] trusted) and the front by its exact address and port.
    assert gate.verdict(_request("OPTIONS"), ("127.0.0.2", 5060), request=True) is Verdict.DROP
    assert gate.verdict(_request("OPTIONS"), (FRONT[0], FRONT[1] + 1), request=True) is Verdict.DROP
    assert gate.verdict(_request("BYE", to_tag="x1"), ("10.8.0.1", 5060), request=True) is Verdict.DROP
    assert gate.verdict(b"SIP/2.0 200 OK\r\n\r\n", ("127.0.0.2", 5060), request=False) is Verdict.DROP
    assert guard.refused == 4 and guard.rejected == 0
    assert gate.verdict(_request("OPTIONS"), PBX, request=True) is Verdict.PASS
    assert gate.verdict(_request("BYE", to_tag="x1"), ("10.9.3.4", 5060), request=True) is Verdict.PASS
    # A new call only from the front, which hands over the calls the operator answers; a re-INVITE in a
    # dialog (To tag) comes from the PBX.
    assert gate.verdict(_request("INVITE"), FRONT, request=True) is Verdict.PASS
    assert gate.verdict(_request("INVITE"), PBX, request=True) is Verdict.REFUSE
    assert gate.verdict(_request("INVITE", to_tag="x1"), PBX, request=True) is Verdict.PASS
    # What the project's reader does not take as SIP does not reach pjsua either (RFC 3261 §25.1 DIGIT).
    bad = _request("OPTIONS").replace(b"Max-Forwards: 70", "Max-Forwards: ٧٠".encode())
    assert gate.verdict(bad, PBX, request=True) is Verdict.DROP
    assert guard.refused == 4 and guard.rejected == 2
    guard.publish(force=True)
    frames = [e for e in seen if isinstance(e, RawFrame)]
    assert frames and all(f.bad for f in frames) and b"(line)" in frames[0].data
    assert [e for e in seen if isinstance(e, LinkCounters)][-1].errors == 6


@pytest.mark.sip
def test_the_line_behind_its_gate_in_real_pjsua2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.line_gate_peer"],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout)
    # A foreign host hears nothing from the line, and 100 INVITEs from it take no media sockets (they
    # used to empty pjlib's ioqueue and abort the process); each is counted for the link monitor.
    assert got["foreign OPTIONS"] == [] and got["foreign INVITEs"] == []
    assert got["refused"] >= 101
    assert 200 in got["PBX OPTIONS"]
    assert got["PBX new INVITE"] == [403]
    assert got["rejected"] == 1
    # Refused by the desk, with an offer and without one (the late offer used to abort the process in
    # pjsip_rx_data_free_cloned when refused inside pjsua2's onIncomingCall).
    assert 480 in got["front INVITE refused"] and 200 not in got["front INVITE refused"]
    assert 480 in got["front late offer refused"] and 200 not in got["front late offer refused"]
    # Answered: the 200 carries the line's offer (RFC 3264 §4).
    assert 200 in got["front late offer answered"] and got["answer carries an offer"]
    assert len(got["asked"]) == 3, got["asked"]


@pytest.mark.sip
def test_a_late_offer_call_is_answered_by_the_operator(kamailio: KamailioLab, tmp_path: Path) -> None:
    with running_position(kamailio) as console:
        result: list[object] = []
        sipp = threading.Thread(
            target=lambda: result.append(
                run_sipp_calls(
                    kamailio.domain, OPERATOR, tmp_path, calls=1, limit=1, hold_ms=800, scenario=LATE_OFFER
                )
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
