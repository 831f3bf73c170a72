"""The wake-up dialler's SIP lines behind the position's gate (hardware/sip/line_gate.py, no front).

The rules alone; the log of what the gates drop, bounded; and the dialler as it runs (``main.py --dialler``, a
process of its own with its line processes, so a line that aborts costs the test nothing): a foreign host's
OPTIONS and 100 INVITEs at a line's port (they used to empty pjlib's ioqueue and abort the line) leave it
alive, and wake-up calls placed after them through Kamailio are answered by a room; a BYE forged from a
foreign host with a call's Call-ID and tags does not end it, while the PBX's in-dialog traffic (the room's
key as INFO through Kamailio, the line's BYE and its answer, a BYE from the PBX's address) still works."""

from __future__ import annotations

import logging
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store, sqlite_url
from hardware.sip.line_gate import LineGate, Verdict
from hardware.sip.sip_guard import SipGuard
from hardware.wakeup.gate_log import GateLog
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_status import WakeUpStatus
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_gate_room import GateRoom
from tests.wakeup_lab import attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups

ROOT = Path(__file__).resolve().parents[1]
PBX = ("127.0.0.1", 5060)
FOREIGN = "127.0.0.2"
SDP = (
    "v=0\r\no=alice 2890844526 2890844526 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    "m=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
)


def request(
    method: str, source: tuple[str, int], port: int, *, to_tag: str = "", offer: bool = False
) -> bytes:
    """RFC 3261 §24.2 F1's INVITE (or another method) re-addressed to a line on 127.0.0.1:``port``."""
    body = SDP.format(host=source[0]) if offer else ""
    to = "<sip:wakeup@127.0.0.1>" + (f";tag={to_tag}" if to_tag else "")
    return (
        f"{method} sip:wakeup@127.0.0.1:{port} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP {source[0]}:{source[1]};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport\r\n"
        f"Max-Forwards: 70\r\nTo: {to}\r\nFrom: <sip:1299@{source[0]}>;tag={uuid.uuid4().hex[:8]}\r\n"
        f"Call-ID: {uuid.uuid4().hex}\r\nCSeq: 1 {method}\r\nContact: <sip:1299@{source[0]}:{source[1]}>\r\n"
        + ("Content-Type: application/sdp\r\n" if body else "")
        + f"Content-Length: {len(body)}\r\n\r\n{body}"
    ).encode()


def test_the_wake_up_line_s_rules() -> None:
    guard = SipGuard("127.0.0.1:5060", ["10.9.0.0/16"], SystemClock(), lambda _e: None)
    gate = LineGate(guard, None, name="wake-up line")
    foreign = ("192.0.2.7", 5060)
    # A line that only dials takes no call from anyone: 403 from the PBX and its cluster, nothing to others.
    assert gate.verdict(request("INVITE", PBX, 1), PBX, request=True) is Verdict.REFUSE
    assert gate.verdict(request("INVITE", PBX, 1), ("10.9.1.1", 5060), request=True) is Verdict.REFUSE
    assert gate.verdict(request("INVITE", foreign, 1), foreign, request=True) is Verdict.DROP
    # In its calls' dialogs only the PBX and [pbx] trusted are heard: requests and responses alike.
    assert gate.verdict(request("BYE", foreign, 1, to_tag="a1"), foreign, request=True) is Verdict.DROP
    assert gate.verdict(request("INFO", foreign, 1, to_tag="a1"), foreign, request=True) is Verdict.DROP
    assert gate.verdict(b"SIP/2.0 200 OK\r\n\r\n", foreign, request=False) is Verdict.DROP
    assert gate.verdict(request("OPTIONS", foreign, 1), foreign, request=True) is Verdict.DROP
    assert gate.verdict(request("BYE", PBX, 1, to_tag="a1"), PBX, request=True) is Verdict.PASS
    assert gate.verdict(request("INVITE", PBX, 1, to_tag="a1"), PBX, request=True) is Verdict.PASS
    assert (
        gate.verdict(request("INFO", PBX, 1, to_tag="a1"), ("10.9.1.1", 5070), request=True) is Verdict.PASS
    )
    assert guard.refused == 5 and guard.rejected == 2


def test_the_gates_counts_reach_the_log_at_a_bounded_rate(caplog: pytest.LogCaptureFixture) -> None:
    gates = GateLog(logging.getLogger("test.gates"))
    with caplog.at_level(logging.WARNING, logger="test.gates"):
        for n in range(1, 301):  # a flood: the line reports once a second, 300 s of it
            gates.counts(0, n * 40, 1, "127.0.0.2:5060 not the PBX (wake-up line)")
        assert len(caplog.records) == 1  # the first at once
        gates.EVERY = 0.0
        gates.flush()
        assert len(caplog.records) == 2 and "12000 datagrams" in caplog.records[-1].getMessage()
        gates.flush(force=True)
        gates.stopped(0)
        assert len(caplog.records) == 2  # nothing new to say
        gates.counts(1, 3, 0, "")
        gates.stopped(1)
        assert len(caplog.records) == 3 and "wake-up line 1's gate" in caplog.records[-1].getMessage()


def _start_dialler(settings: Path, url: str, data: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *(sys.executable, str(ROOT / "main.py"), "--dialler", "--settings", str(settings)),
            *("--database", url, "--data-dir", str(data), "--timezone", "Asia/Shanghai"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(what: str, check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _answers(sock: socket.socket, seconds: float) -> list[bytes]:
    got, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            got.append(sock.recv(65535))
        except TimeoutError:
            pass
    return got


@pytest.mark.sip
def test_a_foreign_host_neither_stops_nor_hangs_up_the_dialler_s_lines(
    kamailio: KamailioLab, tmp_path: Path
) -> None:
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = sqlite_url(tmp_path / "hotel.db")
    store = Store(url)
    store.migrate()
    (held, held_ext), (ended, ended_ext) = hotel_with_guests(store, clock, 2)
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pbx]\nmode = sip\nserver = {kamailio.domain}\ntrusted = 10.9.0.0/16\n\n"
        "[wakeup]\nattempts = 1\nring_seconds = 20\nlisten_seconds = 20\nlines = 4\n",
        encoding="utf-8",
    )
    log_file = tmp_path / "data" / "dialler.log"
    room = GateRoom()
    foreign = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    foreign.bind((FOREIGN, 0))
    foreign.settimeout(0.1)
    pbx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # another socket on the PBX's address
    pbx.bind(("127.0.0.1", 0))
    pbx.settimeout(0.1)
    dialler = _start_dialler(settings, url, tmp_path / "data")
    try:
        register(kamailio.domain, held_ext, room.port)
        register(kamailio.domain, ended_ext, room.port)
        log = lambda: log_file.read_text(encoding="utf-8") if log_file.exists() else ""  # noqa: E731
        _wait_for("the line to be ready", lambda: "is ready on SIP port" in log(), 30)
        port = int(re.findall(r"wake-up line 0 is ready on SIP port (\d+)", log())[0])
        line = ("127.0.0.1", port)
        me = foreign.getsockname()

        foreign.sendto(request("OPTIONS", me, port), line)
        for _ in range(100):
            foreign.sendto(request("INVITE", me, port, offer=True), line)
            time.sleep(0.002)
        pbx.sendto(request("INVITE", pbx.getsockname(), port, offer=True), line)
        assert _answers(foreign, 1.0) == []  # not a word to a foreign host
        assert [a.split(b"\r\n", 1)[0] for a in _answers(pbx, 0.5)] == [b"SIP/2.0 403 Forbidden"]

        # After the flood, two wake-ups through Kamailio, answered by the room.
        book_all(store, clock, [held, ended], clock.now() + timedelta(seconds=1))
        kept, hung_up = room.call_to(held_ext), room.call_to(ended_ext)
        foreign.sendto(room.forged_bye(kept, me), line)  # what the room would send, from elsewhere
        assert _answers(foreign, 1.0) == []
        room.press(kept, "1")  # the guest is still there, and presses 1
        pbx.sendto(room.forged_bye(hung_up, pbx.getsockname()), line)  # the PBX's address is heard
        assert any(a.startswith(b"SIP/2.0 200 ") for a in _answers(pbx, 1.0))
        _wait_for(
            "both wake-ups to end",
            lambda: (
                {w.status for w in wakeups(store).values()}
                == {WakeUpStatus.CONFIRMED.value, WakeUpStatus.ESCALATED.value}
            ),
            30,
        )
        assert kept.ended  # the line hung up once the key was heard, through Kamailio
    finally:
        dialler.send_signal(signal.SIGTERM)
        code = dialler.wait(timeout=30)
        room.close()
        foreign.close()
        pbx.close()
    assert code == 0
    calls = {w.room_number: w for w in wakeups(store).values()}
    attempts = attempts_by_wakeup(store)
    tried_held, tried_ended = attempts[calls[held].id], attempts[calls[ended].id]
    assert [a.result for a in tried_held] == ["confirmed"], tried_held
    assert tried_held[0].detail.startswith("key 1 after ")
    assert [(a.result, a.detail) for a in tried_ended] == [
        ("no_key", "the guest hung up without pressing a key")
    ]
    text = log_file.read_text(encoding="utf-8")
    assert "stopped (rc" not in text  # the line process was never lost
    assert len(re.findall(r"wake-up line \d is ready", text)) == 1
    counts = [
        (int(a), int(b)) for a, b in re.findall(r"line 0's gate has dropped (\d+) .*? and (\d+) ", text)
    ]
    # 100 INVITEs, the OPTIONS and the BYE from the foreign host; the PBX's new INVITE; once at first, and
    # the totals when the line closed: a few lines, however long the flood
    assert counts and counts[-1] == (102, 1) and len(counts) <= 3, counts
