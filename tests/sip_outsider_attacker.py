"""An attacker on the hotel network, written from the RFCs and not from the position's code.

It finds the position's UDP sockets as a port scan would (every UDP socket this test process has bound that
the attacker did not open itself, and the Contact the position registered, from Kamailio's ``ul.dump``),
and it
listens on the loopback as a host on the same LAN segment can (an AF_PACKET capture: root in the test
container) to learn a real subscription's Call-ID, tags, CSeq and dialog-info version from Kamailio's NOTIFYs.

Messages: the INVITE is RFC 3261 §24.2 F1 (Alice to Bob) re-addressed, its offer RFC 4566 §5 with the
payload types of RFC 3551 table 4 (0 PCMU); the NOTIFY body is RFC 4235 §4.1's dialog-info with one
``confirmed`` dialog. Every header the attack breaks is named in the test that breaks it.
"""

from __future__ import annotations

import os
import re
import socket
import struct
import threading
import time
import uuid
from dataclasses import dataclass, field

ETH_P_ALL = 0x0003
PACKET_OUTGOING = (
    4  # linux/if_packet.h: the copy of a looped-back datagram as it left; the other copy arrives
)
MANDATORY = ("Call-ID", "Via", "CSeq", "From", "To", "Max-Forwards")  # RFC 3261 §8.1.1

# RFC 4566 §5 session description with a PCMU audio stream (RFC 3551 table 4, payload type 0).
PCMU_SDP = (
    "v=0\r\no=alice 2890844526 2890844526 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    "m=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
)
# RFC 7587 §7: opus alone; RFC 4566 §5 with only a video stream (RFC 3551 table 5, 31 H261).
OPUS_SDP = (
    "v=0\r\no=alice 2890844526 2890844526 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    "m=audio 54312 RTP/AVP 101\r\na=rtpmap:101 opus/48000/2\r\n"
)
VIDEO_SDP = (
    "v=0\r\no=alice 2890844526 2890844526 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    "m=video 51372 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n"
)
# RFC 4235 §4.1 (the example's shape: one dialog of the entity, state confirmed).
DIALOG_INFO = (
    '<?xml version="1.0"?>\r\n'
    '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="{version}" state="full" '
    'entity="{entity}">\r\n'
    '  <dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" direction="recipient">\r\n'
    "    <state>confirmed</state>\r\n  </dialog>\r\n</dialog-info>\r\n"
)


def header(message: bytes | str, name: str) -> str:
    text = message.decode(errors="replace") if isinstance(message, bytes) else message
    for line in text.split("\r\n")[1:]:
        if not line:
            break
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return ""


def status_of(data: bytes) -> int:
    match = re.match(rb"SIP/2\.0 ([1-6][0-9][0-9]) ", data)
    return int(match.group(1)) if match else 0


@dataclass
class Invite:
    """An INVITE as a list of header lines, so that an attack can drop, replace or repeat any of them."""

    target: str  # user@host:port of the Request-URI
    host: str
    port: int
    sdp: str = PCMU_SDP
    call_id: str = field(default_factory=lambda: uuid.uuid4().hex + "@attacker")
    caller: str = "1299"
    branch: str = field(default_factory=lambda: "z9hG4bK" + uuid.uuid4().hex[:12])
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    def lines(self) -> list[str]:
        return [
            f"Via: SIP/2.0/UDP {self.host}:{self.port};branch={self.branch};rport",
            "Max-Forwards: 70",
            f"To: <sip:{self.target}>",
            f'From: "Room {self.caller}" <sip:{self.caller}@{self.host}>;tag={self.tag}',
            f"Call-ID: {self.call_id}",
            "CSeq: 314159 INVITE",
            f"Contact: <sip:{self.caller}@{self.host}:{self.port}>",
            "Content-Type: application/sdp",
        ]

    def build(
        self, lines: list[str] | None = None, body: str | None = None, length: str | None = None
    ) -> bytes:
        sdp = (self.sdp if body is None else body).format(host=self.host)
        head = list(self.lines() if lines is None else lines)
        if not any(line.lower().startswith("content-length:") for line in head):
            head.append(f"Content-Length: {len(sdp.encode()) if length is None else length}")
        return (f"INVITE sip:{self.target} SIP/2.0\r\n" + "\r\n".join(head) + "\r\n\r\n" + sdp).encode()

    def without(self, name: str) -> bytes:
        return self.build([line for line in self.lines() if not line.lower().startswith(name.lower() + ":")])

    def replacing(self, name: str, value: str) -> bytes:
        lines = [*self.lines(), "Content-Length: 0"] if name == "Content-Length" else self.lines()
        fixed = [
            f"{name}: {value}" if line.lower().startswith(name.lower() + ":") else line for line in lines
        ]
        if name == "Expires":
            fixed.append(f"Expires: {value}")
        return self.build(fixed)


class Attacker:
    """One UDP socket on ``host`` (127.0.0.1 is the PBX's address, 127.0.0.2..9 foreign hosts)."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
        self.sock.bind((host, 0))
        self.port = self.sock.getsockname()[1]
        self.sock.settimeout(0.05)

    def close(self) -> None:
        self.sock.close()

    def invite(self, target: str, sdp: str = PCMU_SDP) -> Invite:
        return Invite(target, self.host, self.port, sdp)

    def send(self, data: bytes, to: tuple[str, int]) -> None:
        self.sock.sendto(data, to)

    def answers(self, wait: float) -> list[bytes]:
        got: list[bytes] = []
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                got.append(self.sock.recv(65535))
            except TimeoutError:
                continue
        return got

    def final(self, call_id: str, timeout: float) -> bytes:
        """The first final response for ``call_id`` (b"" if none came within ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data = self.sock.recv(65535)
            except TimeoutError:
                continue
            if header(data, "Call-ID") == call_id and status_of(data) >= 200:
                return data
        return b""


def own_udp_ports(exclude: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """The ports of every UDP socket this process holds (as ``ss -uap`` lists them), minus ``exclude``."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/self/net/udp",):
        with open(table) as rows:
            for row in rows.readlines()[1:]:
                cols = row.split()
                if cols[9] in inodes:
                    port = int(cols[1].split(":")[1], 16)
                    if port not in exclude:
                        ports.add(port)
    return ports


def registered_ports(ul_dump: str, extension: str) -> set[int]:
    """The ports of the Contacts ``extension`` registered, read from ``kamcmd ul.dump``."""
    return {int(p) for p in re.findall(rf"sip:{re.escape(extension)}@127\.0\.0\.1:(\d+)", ul_dump)}


def line_port(ports: set[int], front: int, pbx: Attacker) -> int:
    """pjsua2's own SIP port: of the position's sockets other than the front, the one that answers the PBX's
    OPTIONS with 200 (RFC 3261 §11.2: a UA answers OPTIONS as it would an INVITE)."""
    found = []
    for port in sorted(ports - {front}):
        pbx.send(
            Invite(f"9@127.0.0.1:{port}", pbx.host, pbx.port).build(body="").replace(b"INVITE", b"OPTIONS"),
            ("127.0.0.1", port),
        )
        if any(status_of(d) == 200 for d in pbx.answers(0.4)):
            found.append(port)
    assert len(found) == 1, found
    return found[0]


@dataclass(frozen=True)
class Datagram:
    src: tuple[str, int]
    dst: tuple[str, int]
    data: bytes


class LoopbackCapture:
    """Every UDP datagram on ``lo`` while running (one copy of each: the arriving one)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        self.sock.bind(("lo", 0))
        self.sock.settimeout(0.2)
        self.seen: list[Datagram] = []
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="attacker-capture", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()

    def _run(self) -> None:
        while not self._stop:
            try:
                frame, where = self.sock.recvfrom(70000)
            except (TimeoutError, OSError):
                continue
            if where[2] == PACKET_OUTGOING or len(frame) < 42 or frame[12:14] != b"\x08\x00":
                continue
            ip = frame[14:]
            ihl = (ip[0] & 0x0F) * 4
            if ip[9] != 17:
                continue
            src, dst = socket.inet_ntoa(ip[12:16]), socket.inet_ntoa(ip[16:20])
            sport, dport, length = struct.unpack("!HHH", ip[ihl : ihl + 6])
            payload = ip[ihl + 8 : ihl + length]
            with self._lock:
                self.seen.append(Datagram((src, sport), (dst, dport), payload))

    def notifies(self, entity_user: str) -> list[Datagram]:
        """The dialog-event NOTIFYs about ``entity_user`` (RFC 4235 §3.2: its From is the watched URI)."""
        with self._lock:
            seen = list(self.seen)
        return [
            d
            for d in seen
            if d.data.startswith(b"NOTIFY ")
            and header(d.data, "Event").lower().startswith("dialog")
            and f"sip:{entity_user}@" in header(d.data, "From")
        ]


def notify_like(real: bytes, *, cseq: int, version: int, from_tag: str = "", to_tag: str = "") -> bytes:
    """``real`` NOTIFY sent again with another CSeq, a confirmed dialog at ``version``, tags replaced."""
    text = real.decode(errors="replace")
    head = text.partition("\r\n\r\n")[0].split("\r\n")
    entity = re.search(r'entity="([^"]+)"', text)
    body = DIALOG_INFO.format(version=version, entity=entity.group(1) if entity else "sip:x@127.0.0.1")
    out = []
    for line in head:
        name = line.partition(":")[0].strip().lower()
        if name in ("cseq",):
            line = f"CSeq: {cseq} NOTIFY"
        elif name in ("content-length", "l"):
            continue
        elif name in ("from", "f") and from_tag:
            line = re.sub(r";tag=[^;>\s]+", f";tag={from_tag}", line)
        elif name in ("to", "t") and to_tag:
            line = re.sub(r";tag=[^;>\s]+", f";tag={to_tag}", line)
        elif name in ("via", "v"):
            line = re.sub(r"branch=[^;\s]+", f"branch=z9hG4bK{uuid.uuid4().hex[:12]}", line)
        out.append(line)
    out.append(f"Content-Length: {len(body.encode())}")
    return ("\r\n".join(out) + "\r\n\r\n" + body).encode()


def dialog_version(notify: bytes) -> int:
    match = re.search(rb'<dialog-info[^>]*\sversion="(\d+)"', notify)
    return int(match.group(1)) if match else 0


def in_dialog(
    request: bytes, method: str, cseq: int, via_host: str, via_port: int, to_tag: str = ""
) -> bytes:
    """``method`` in the dialog (or transaction) of the captured ``request``: RFC 3261 §9.1 for CANCEL (same
    Request-URI, Call-ID, From, To and CSeq number), §15.1.1 for BYE (the To with the callee's tag)."""
    text = request.decode(errors="replace")
    start, _, rest = text.partition("\r\n")
    head = rest.partition("\r\n\r\n")[0].split("\r\n")
    keep = {"from": "From", "f": "From", "to": "To", "t": "To", "call-id": "Call-ID", "i": "Call-ID"}
    lines = [f"Via: SIP/2.0/UDP {via_host}:{via_port};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport"]
    if method == "CANCEL":
        lines = [next(line for line in head if line.partition(":")[0].strip().lower() in ("via", "v"))]
    for line in head:
        name = line.partition(":")[0].strip().lower()
        if name in keep:
            value = line.partition(":")[2].strip()
            if keep[name] == "To" and to_tag and ";tag=" not in value:
                value += f";tag={to_tag}"
            lines.append(f"{keep[name]}: {value}")
    lines += ["Max-Forwards: 70", f"CSeq: {cseq} {method}", "Content-Length: 0"]
    return (f"{method} {start.split(' ')[1]} SIP/2.0\r\n" + "\r\n".join(lines) + "\r\n\r\n").encode()
