"""A guest-room telephone that answers wake-up calls and keeps each call's dialog, so a test can forge what
a foreign host would send into it (tests/test_wakeup_line_gate.py).

One UDP socket on 127.0.0.1 behind the lab's Kamailio: it answers every INVITE with 200 and an offer's
answer (RFC 3264; PCMU, RFC 3551 table 4), keeps the dialog as a UAS builds it (RFC 3261 §12.1.1: the
Call-ID, both tags, the caller's Contact as the remote target, the Record-Route set in order), presses a key
in it on request as SIP INFO (application/dtmf-relay, as the lab's sipp rooms do) through the route set, and
answers 200 to a BYE. ``forged_bye`` is the BYE that the room itself would send, built from those values,
for a test to send from any socket straight to the line.
"""

from __future__ import annotations

import re
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field

SDP = (
    "v=0\r\no=room 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    "m=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
)


def header(message: str, name: str) -> str:
    values = headers(message, name)
    return values[0] if values else ""


def headers(message: str, name: str) -> list[str]:
    found = []
    for line in message.split("\r\n\r\n", 1)[0].split("\r\n")[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            found.append(value.strip())
    return found


def _uri(value: str) -> str:
    match = re.search(r"<([^>]*)>", value)
    return match.group(1) if match else value.split(";", 1)[0]


def _hostport(uri: str) -> tuple[str, int]:
    match = re.search(r"@?([0-9.]+):(\d+)", uri.split("sip:", 1)[-1])
    assert match, uri
    return match.group(1), int(match.group(2))


@dataclass
class RoomCall:
    extension: str
    call_id: str
    caller: str  # the line's From, with its tag
    callee: str  # the INVITE's To, with the tag this room gave it
    target: str  # the line's Contact URI
    routes: list[str]
    cseq: int = 10
    acked: bool = False
    ended: bool = False
    answers: list[str] = field(default_factory=list)  # responses to this room's requests in the call


class GateRoom:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.media = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # takes the line's RTP
        self.media.bind(("127.0.0.1", 0))
        self.calls: dict[str, RoomCall] = {}
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()
        self.media.close()

    def call_to(self, extension: str, timeout: float = 20) -> RoomCall:
        """The call ringing ``extension``, once the line has acknowledged the answer."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for call in self.calls.values():
                    if call.extension == extension and call.acked:
                        return call
            time.sleep(0.05)
        raise TimeoutError(f"no wake-up call answered at {extension}")

    def press(self, call: RoomCall, key: str) -> None:
        """The guest presses ``key``: INFO inside the dialog, through the PBX (the route set)."""
        call.cseq += 1
        body = f"Signal={key}\r\nDuration=160\r\n"
        request = (
            f"INFO {call.target} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{self.port};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport\r\n"
            + "".join(f"Route: {route}\r\n" for route in call.routes)
            + f"Max-Forwards: 70\r\nFrom: {call.callee}\r\nTo: {call.caller}\r\nCall-ID: {call.call_id}\r\n"
            f"CSeq: {call.cseq} INFO\r\nContact: <sip:{call.extension}@127.0.0.1:{self.port}>\r\n"
            f"Content-Type: application/dtmf-relay\r\nContent-Length: {len(body)}\r\n\r\n{body}"
        )
        first = call.routes[0] if call.routes else f"<{call.target}>"
        self.sock.sendto(request.encode(), _hostport(_uri(first)))

    @staticmethod
    def forged_bye(call: RoomCall, source: tuple[str, int]) -> bytes:
        """The BYE this room would send to end ``call``, as if sent from ``source`` straight to the line."""
        return (
            f"BYE {call.target} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {source[0]}:{source[1]};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport\r\n"
            f"Max-Forwards: 70\r\nFrom: {call.callee}\r\nTo: {call.caller}\r\nCall-ID: {call.call_id}\r\n"
            f"CSeq: {call.cseq + 1} BYE\r\nContent-Length: 0\r\n\r\n"
        ).encode()

    def _read(self) -> None:
        while not self._stop:
            try:
                data, peer = self.sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            text = data.decode(errors="replace")
            with self._lock:
                call = self.calls.get(header(text, "Call-ID"))
                if text.startswith("SIP/2.0"):
                    if call is not None:
                        call.answers.append(text.split("\r\n", 1)[0])
                elif text.startswith("INVITE ") and call is None:
                    self._answer_invite(text, peer)
                elif text.startswith("ACK ") and call is not None:
                    call.acked = True
                elif text.startswith("BYE "):
                    if call is not None:
                        call.ended = True
                    self._reply(text, "200 OK", peer, header(text, "To"))
                elif not text.startswith("ACK "):
                    self._reply(text, "200 OK", peer, header(text, "To"))

    def _answer_invite(self, invite: str, peer: tuple[str, int]) -> None:
        extension = invite.split(" ", 2)[1].split("sip:", 1)[-1].split("@", 1)[0]
        callee = header(invite, "To") + f";tag={uuid.uuid4().hex[:10]}"
        routes = [r.strip() for value in headers(invite, "Record-Route") for r in value.split(",")]
        call = RoomCall(
            extension, header(invite, "Call-ID"), header(invite, "From"), callee,
            _uri(header(invite, "Contact")), routes,
        )  # fmt: skip
        self.calls[call.call_id] = call
        body = SDP.format(port=self.media.getsockname()[1])
        self._reply(
            invite,
            "200 OK",
            peer,
            callee,
            "".join(f"Record-Route: {r}\r\n" for r in headers(invite, "Record-Route"))
            + f"Contact: <sip:{extension}@127.0.0.1:{self.port}>\r\nContent-Type: application/sdp\r\n",
            body,
        )

    def _reply(
        self, request: str, status: str, peer: tuple[str, int], to: str, extra: str = "", body: str = ""
    ) -> None:
        reply = (
            f"SIP/2.0 {status}\r\n"
            + "".join(f"Via: {v}\r\n" for v in headers(request, "Via"))
            + f"From: {header(request, 'From')}\r\nTo: {to}\r\nCall-ID: {header(request, 'Call-ID')}\r\n"
            f"CSeq: {header(request, 'CSeq')}\r\n{extra}Content-Length: {len(body)}\r\n\r\n{body}"
        )
        self.sock.sendto(reply.encode(), peer)
