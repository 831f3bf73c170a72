"""Helpers for the outsider's third round at the SIP position (test_outsider_sip_round3.py), written from the
RFCs, not from the position's code: every socket this process holds (UDP, TCP, IPv6, as ``ss -ap`` lists
them), requests of any method and responses built from a captured request (RFC 3261 §8.1.1, §8.2.6, §12.2.1),
and the position in a process of its own that answers every call offered to it (for attacks that may abort
pjlib): ``python -m tests.sip_outsider_round3 --server 127.0.0.1:PORT``. It prints one JSON line once it is
registered (its UDP ports), then one per call offered and per call state; it ends when its stdin closes."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.sip_outsider_attacker import header

ROOT = Path(__file__).parent.parent


def own_sockets() -> list[tuple[str, str]]:
    """(table, local address) of every socket this process holds: udp, udp6, tcp, tcp6 (listening or not)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("udp", "udp6", "tcp", "tcp6", "sctp"):
        try:
            with open(f"/proc/self/net/{table}") as rows:
                lines = rows.readlines()[1:]
        except OSError:
            continue
        for row in lines:
            cols = row.split()
            if len(cols) > 9 and cols[9] in inodes:
                found.append((table, cols[1]))
    return found


def request(
    method: str,
    ruri: str,
    host: str,
    port: int,
    *,
    to: str = "",
    from_uri: str = "sip:1299@127.0.0.9",
    call_id: str = "",
    cseq: int = 1,
    extra: tuple[str, ...] = (),
    body: bytes = b"",
    content_type: str = "",
) -> bytes:
    """A request with RFC 3261 §8.1.1's six mandatory headers, sent by ``host:port``."""
    lines = [
        f"{method} {ruri} SIP/2.0",
        f"Via: SIP/2.0/UDP {host}:{port};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport",
        "Max-Forwards: 70",
        f"To: <{to or ruri}>",
        f"From: <{from_uri}>;tag={uuid.uuid4().hex[:8]}",
        f"Call-ID: {call_id or uuid.uuid4().hex + '@round3'}",
        f"CSeq: {cseq} {method}",
        f"Contact: <sip:1299@{host}:{port}>",
        *extra,
    ]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def in_dialog_request(
    invite: bytes,
    method: str,
    cseq: int,
    host: str,
    port: int,
    to_tag: str,
    *,
    extra: tuple[str, ...] = (),
    body: bytes = b"",
    content_type: str = "",
) -> bytes:
    """``method`` from the caller's side of the dialog the captured ``invite`` set up (RFC 3261 §12.2.1.1:
    the same Call-ID, From with its tag, To with the callee's tag, the CSeq one higher), via ``host:port``."""
    text = invite.decode(errors="replace")
    ruri = text.split(" ", 2)[1]
    contact = header(invite, "Contact")
    lines = [
        f"{method} {ruri} SIP/2.0",
        f"Via: SIP/2.0/UDP {host}:{port};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport",
        "Max-Forwards: 70",
        f"From: {header(invite, 'From')}",
        f"To: {header(invite, 'To')};tag={to_tag}",
        f"Call-ID: {header(invite, 'Call-ID')}",
        f"CSeq: {cseq} {method}",
        f"Contact: {contact or f'<sip:1299@{host}:{port}>'}",
        *extra,
    ]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def response_to(
    req: bytes, code: int, reason: str, *, to_tag: str = "", body: bytes = b"", content_type: str = ""
) -> bytes:
    """A response to the captured ``req`` (RFC 3261 §8.2.6.2: its Vias, From, To, Call-ID and CSeq copied;
    a To tag added), as the next hop would send it, whoever actually sends it."""
    head = req.decode(errors="replace").partition("\r\n\r\n")[0].split("\r\n")[1:]
    lines = [f"SIP/2.0 {code} {reason}"]
    for line in head:
        name = line.partition(":")[0].strip().lower()
        if name in ("via", "v", "from", "f", "call-id", "i", "cseq"):
            lines.append(line)
        elif name in ("to", "t"):
            lines.append(line + (f";tag={to_tag}" if to_tag and ";tag=" not in line else ""))
    lines.append("Contact: <sip:1210@127.0.0.7:5060>")
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def sdp(host: str, *lines: str, media: str = "m=audio 49170 RTP/AVP 0") -> bytes:
    """RFC 4566 §5's session description, PCMU by default (RFC 3551 table 4), with ``lines`` appended."""
    base = [
        "v=0",
        f"o=attacker 2890844526 2890844526 IN IP4 {host}",
        "s=-",
        f"c=IN IP4 {host}",
        "t=0 0",
        media,
        *lines,
    ]
    return ("\r\n".join(base) + "\r\n").encode()


class PositionProcess:
    """The position in a process of its own (this module's ``main``), read line by line."""

    def __init__(self, domain: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-m", "tests.sip_outsider_round3", "--server", domain],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        assert self.child.stdout is not None
        self.up: dict = {}
        while not self.up.get("up"):
            line = self.child.stdout.readline()
            assert line, f"the position process ended before it was registered: {self.child.poll()}"
            self.up = json.loads(line)
        os.set_blocking(self.child.stdout.fileno(), False)
        self.lines: list[dict] = []

    @property
    def ports(self) -> set[int]:
        return set(self.up["ports"])

    def alive(self) -> bool:
        return self.child.poll() is None

    def read(self, wait: float) -> list[dict]:
        assert self.child.stdout is not None
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            line = self.child.stdout.readline()
            if line:
                self.lines.append(json.loads(line))
            else:
                time.sleep(0.05)
        return self.lines

    def close(self) -> None:
        if self.alive():
            assert self.child.stdin is not None
            self.child.stdin.close()
            try:
                self.child.wait(10)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait(5)


@contextmanager
def position_process(domain: str) -> Iterator[PositionProcess]:
    one = PositionProcess(domain)
    try:
        yield one
    finally:
        one.close()


def main() -> int:
    from hardware.sip.position import SipPosition
    from switchboard.clock import SystemClock
    from switchboard.pbx import (
        CallEnded,
        CallFailed,
        CallOffered,
        CallState,
        CallStateChanged,
        LinkStateChanged,
        LinkStatus,
        PositionSettings,
    )
    from tests.sip_outsider_attacker import own_udp_ports

    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--keep", action="store_true", help="keep answered calls (else released at once)")
    args = parser.parse_args()
    # pjlib writes its own lines to fd 1: they go to stderr, the JSON lines to the stdout the parent reads.
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = out
    position = SipPosition(PositionSettings(server=args.server, extension="9"), SystemClock())
    told = []

    def sink(event: object) -> None:
        if isinstance(event, LinkStateChanged) and event.status is LinkStatus.UP and not told:
            told.append(True)
            print(json.dumps({"up": True, "ports": sorted(own_udp_ports())}), flush=True)
        elif isinstance(event, LinkStateChanged):
            print(json.dumps({"link": event.status.name, "detail": event.detail}), flush=True)
        elif isinstance(event, CallOffered):
            print(json.dumps({"offered": event.caller, "call": event.call_id}), flush=True)
            position.answer(event.call_id)  # the operator answers every call at once
        elif isinstance(event, CallStateChanged):
            print(json.dumps({"state": event.state.name, "call": event.call_id}), flush=True)
            if event.state is CallState.CONNECTED and not args.keep:
                position.release(event.call_id)  # and hangs up, so the four lines never fill
        elif isinstance(event, CallFailed):
            print(json.dumps({"failed": event.call_id, "detail": event.detail}), flush=True)
        elif isinstance(event, CallEnded):
            print(json.dumps({"ended": event.call_id}), flush=True)

    position.start(sink)
    position.ready.wait(10)
    for _line in sys.stdin:
        pass
    position.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
