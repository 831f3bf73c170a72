"""What an attacker or a broken device on the hotel network sends the position: raw UDP from an address that
is not the PBX (127.0.0.2 on the loopback, where the lab's Kamailio is 127.0.0.1), and datagrams broken in
the ways the fuzz test checks one by one, made from the real messages in tests/data/sip (SOURCES.md)."""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hardware.sip.position import SipPosition
from switchboard.clock import SystemClock
from switchboard.pbx import LinkStateChanged, LinkStatus, PositionSettings
from tests.sip_lab import KamailioLab
from tests.test_sip_position import OPERATOR, Console

SAMPLES = {p.name: p.read_bytes() for p in sorted((Path(__file__).parent / "data" / "sip").glob("*.sip"))}
FOREIGN = "127.0.0.2"


def raw_socket(host: str = FOREIGN) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    sock.settimeout(2.0)
    return sock


def invite_to(
    extension: str, domain: str, call_id: str, *, via_host: str = FOREIGN, via_port: int = 5060
) -> bytes:
    """RFC 3261 §24.2 F1 (with RFC 4317's offer) re-addressed to the console, as a spoofer would send it."""
    data = SAMPLES["rfc3261_invite_f1.sip"]
    data = data.replace(b"INVITE sip:bob@biloxi.com", f"INVITE sip:{extension}@{domain}".encode(), 1)
    data = data.replace(b"To: Bob <sip:bob@biloxi.com>", f"To: <sip:{extension}@{domain}>".encode(), 1)
    data = data.replace(b"Call-ID: a84b4c76e66710", f"Call-ID: {call_id}".encode(), 1)
    return data.replace(b"pc33.atlanta.com;branch", f"{via_host}:{via_port};branch".encode(), 1)


def without(data: bytes, header: str) -> bytes:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = [
        line for line in head.split(b"\r\n") if not line.lower().startswith(header.lower().encode() + b":")
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def replaced(data: bytes, header: str, line: bytes) -> bytes:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = [
        line if old.lower().startswith(header.lower().encode() + b":") else old for old in head.split(b"\r\n")
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def malformed(rng: random.Random) -> bytes:
    """One datagram that no rule lets through: each kind of damage the reader must refuse."""
    name = rng.choice(list(SAMPLES))
    data = SAMPLES[name]
    kind = rng.randrange(8)
    if kind == 0:
        return replaced(data, "CSeq", "CSeq: ²7 INVITE".encode())
    if kind == 1:
        return replaced(data, "Content-Length", "Content-Length: ١٢".encode())
    if kind == 2:
        line = data.split(b"\r\n")[rng.randrange(1, 5)]
        return data.replace(line, line + b"\r\n" + line, 1) if b"Via" not in line else data + b"\x00" * 20000
    if kind == 3:
        body = data.partition(b"\r\n\r\n")[2]
        if body:
            return data[: len(data) - rng.randint(1, len(body))]
        return replaced(data, "Content-Length", b"Content-Length: 40")
    if kind == 4:
        return replaced(data, "Max-Forwards", b"Max-Forwards: 0x46")
    if kind == 5:
        return b"\xff\xfe" + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600)))
    if kind == 6:
        return replaced(data, "From", b"From: " + b"A" * 5000)
    return data.replace(b"\r\n", "\r\nX-\u00e9: 1\r\n".encode(), 1)  # a header name that is not a token


@contextmanager
def running_position(lab: KamailioLab, **settings: object) -> Iterator[Console]:
    """The position registered on the lab with these PositionSettings fields; stopped afterwards."""
    position = SipPosition(
        PositionSettings(server=lab.domain, extension=OPERATOR, **settings),  # type: ignore[arg-type]
        SystemClock(),
    )
    console = Console(position)
    position.start(console.events.put)
    try:
        assert position.ready.wait(10)
        link = console.wait(LinkStateChanged, lambda e: e.status is not LinkStatus.CONNECTING)
        assert link.status is LinkStatus.UP, link.detail
        yield console
    finally:
        position.stop()
