"""The console's pjsua2 line behind its gate, in a process of its own, because what it is tried with used to
abort the whole process (pjlib's and pjsip's assertions): ``python -m tests.line_gate_peer``. Real pjsua2,
real UDP sockets on the loopback: 127.0.0.1 is the PBX and the ringing front (the front by exact port),
127.0.0.2 a foreign host. It prints one JSON line: the status codes each step got back, the Call-IDs the
line's listener was asked about, the guard's counts; a crash shows as the exit code.

Messages: OPTIONS and INVITE as RFC 3261 §24.2 F1 re-addressed, the offer RFC 4566 §5 with PCMU (RFC 3551
table 4); the late offer is RFC 3261 §13.2.1's INVITE without a body.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import time
import uuid

from hardware.sip.console_line import Line, LineCall
from hardware.sip.sip_guard import SipGuard
from switchboard.clock import SystemClock

SDP = (
    "v=0\r\no=alice 2890844526 2890844526 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    "m=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
)
PBX = "127.0.0.1"
FOREIGN = "127.0.0.2"


class Listener:
    """The desk's part: answers the Call-IDs in ``accept``, refuses the others."""

    def __init__(self) -> None:
        self.accept: set[str] = set()
        self.asked: list[str] = []

    def incoming(self, call: LineCall, sip_call_id: str) -> bool:
        self.asked.append(sip_call_id)
        return sip_call_id in self.accept

    def line_state(self, call: LineCall, state: int, code: int, reason: str) -> None:
        pass

    def line_transfer(self, call: LineCall, code: int, final: bool) -> None:
        pass


class Peer:
    def __init__(self, host: str) -> None:
        self.host = host
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 0))
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]

    def request(self, method: str, port: int, *, offer: bool = True, call_id: str = "") -> str:
        call_id = call_id or uuid.uuid4().hex
        body = SDP.format(host=self.host) if offer and method == "INVITE" else ""
        lines = [
            f"{method} sip:9@127.0.0.1:{port} SIP/2.0",
            f"Via: SIP/2.0/UDP {self.host}:{self.port};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport",
            "Max-Forwards: 70",
            "To: <sip:9@127.0.0.1>",
            f"From: <sip:1299@{self.host}>;tag={uuid.uuid4().hex[:8]}",
            f"Call-ID: {call_id}",
            f"CSeq: 1 {method}",
            f"Contact: <sip:1299@{self.host}:{self.port}>",
        ]
        if body:
            lines.append("Content-Type: application/sdp")
        lines.append(f"Content-Length: {len(body.encode())}")
        self.sock.sendto(("\r\n".join(lines) + "\r\n\r\n" + body).encode(), ("127.0.0.1", port))
        return call_id

    def answers(self) -> list[bytes]:
        got = []
        while True:
            try:
                got.append(self.sock.recv(65535))
            except BlockingIOError:
                return got


def codes(data: list[bytes]) -> list[int]:
    found = (re.match(rb"SIP/2\.0 ([1-6][0-9]{2}) ", d) for d in data)
    return [int(m.group(1)) for m in found if m]


def main() -> int:
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # pjlib's own log lines go to fd 1: keep them off the JSON line
    listener = Listener()
    guard = SipGuard(PBX, [], SystemClock(), lambda _event: None)
    pbx, foreign, front = Peer(PBX), Peer(FOREIGN), Peer(PBX)
    line = Line(f"{PBX}:5999", "9", "9", "", PBX, listener)
    line.admit_only(guard, (front.host, front.port))
    got: dict[str, object] = {}

    def step(name: str, peer: Peer, seconds: float = 0.6) -> list[bytes]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            line.pump(5)
        data = peer.answers()
        got[name] = codes(data)
        return data

    foreign.request("OPTIONS", line.port)
    step("foreign OPTIONS", foreign)
    for _ in range(100):  # far more than pjlib's ioqueue has handles for media sockets
        foreign.request("INVITE", line.port)
        line.pump(1)
        time.sleep(0.002)
    step("foreign INVITEs", foreign)
    pbx.request("OPTIONS", line.port)
    step("PBX OPTIONS", pbx)
    pbx.request("INVITE", line.port)
    step("PBX new INVITE", pbx)
    front.request("INVITE", line.port)
    step("front INVITE refused", front)
    front.request("INVITE", line.port, offer=False)
    step("front late offer refused", front)
    accepted = uuid.uuid4().hex
    listener.accept.add(accepted)
    front.request("INVITE", line.port, offer=False, call_id=accepted)
    data = step("front late offer answered", front)
    oks = [d for d in data if d.startswith(b"SIP/2.0 200 ")]
    got["answer carries an offer"] = bool(oks) and b"m=audio" in oks[0]
    got["asked"] = listener.asked
    got["refused"], got["rejected"] = guard.refused, guard.rejected
    line.shutdown()
    out.write(json.dumps(got) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
