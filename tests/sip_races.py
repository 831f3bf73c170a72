"""A caller written rule by rule from RFC 3261 on one UDP socket, through Kamailio, for races that need
exact timing (a CANCEL a few milliseconds before or after the operator answers), which sipp cannot aim.

INVITE (§8.1.1), CANCEL with the INVITE's branch, Request-URI, Call-ID, From, To and CSeq number (§9.1),
ACK for a final non-2xx hop by hop with the INVITE's branch (§17.1.1.3), ACK and BYE for a 2xx along the
route set, Record-Route reversed (§12.1.2, §13.2.2.4), and 200 for any BYE that reaches it (§15.1.2)."""

from __future__ import annotations

import queue
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field

from hardware.sip import sip_message as sm
from hardware.sip.sip_message import SipMessage
from hardware.sip.sip_reader import read
from tests.sip_lab import KamailioLab

SDP_TYPE = ("Content-Type", "application/sdp")


def sdp(port: int) -> bytes:
    """A PCMU offer or answer (RFC 4566, RFC 3551 payload type 0); nothing listens on its RTP port."""
    return (
        f"v=0\r\no=- {port} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        f"m=audio {port + 10000 if port < 55000 else port - 10000} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
    ).encode()


@dataclass
class Attempt:
    call_id: str
    branch: str
    tag: str
    uri: str
    finals: list[int] = field(default_factory=list)  # every final answer to the INVITE, in order
    answered: SipMessage | None = None
    cancelled: bool = False
    bye_answered: threading.Event = field(default_factory=threading.Event)


class RawCaller:
    def __init__(self, lab: KamailioLab, user: str = "1299") -> None:
        self.lab = lab
        self.user = user
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.attempts: dict[str, Attempt] = {}
        self.finals: queue.Queue[tuple[str, int]] = queue.Queue()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, name="raw-caller", daemon=True)
        self._reader.start()

    def close(self) -> None:
        self._stop.set()
        self._reader.join(2)
        self.sock.close()

    def _send(self, message: SipMessage) -> None:
        self.sock.sendto(message.encode(), ("127.0.0.1", self.lab.port))

    def _common(self, attempt: Attempt, cseq: str, to: str, via_branch: str) -> list[tuple[str, str]]:
        return [
            ("Via", f"SIP/2.0/UDP 127.0.0.1:{self.port};branch={via_branch}"),
            ("Max-Forwards", "70"),
            ("From", f'"Room {self.user}" <sip:{self.user}@{self.lab.domain}>;tag={attempt.tag}'),
            ("To", to),
            ("Call-ID", attempt.call_id),
            ("CSeq", cseq),
        ]

    def invite(self, number: str) -> Attempt:
        attempt = Attempt(uuid.uuid4().hex, sm.branch(), sm.new_tag(), f"sip:{number}@{self.lab.domain}")
        self.attempts[attempt.call_id] = attempt
        body = (
            b"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            b"m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
        )
        headers = self._common(attempt, "1 INVITE", f"<{attempt.uri}>", attempt.branch)
        headers += [
            ("Contact", f"<sip:{self.user}@127.0.0.1:{self.port}>"),
            ("Content-Type", "application/sdp"),
        ]
        self._send(SipMessage(f"INVITE {attempt.uri} SIP/2.0", headers, body))
        return attempt

    def cancel(self, attempt: Attempt) -> None:
        attempt.cancelled = True
        headers = self._common(attempt, "1 CANCEL", f"<{attempt.uri}>", attempt.branch)
        self._send(SipMessage(f"CANCEL {attempt.uri} SIP/2.0", headers))

    def _in_dialog(self, attempt: Attempt, method: str, cseq: int) -> SipMessage:
        ok = attempt.answered
        assert ok is not None
        headers = self._common(attempt, f"{cseq} {method}", ok.get("to"), sm.branch())
        headers[1:1] = [("Route", route) for route in reversed(ok.all("record-route"))]
        return SipMessage(f"{method} {sm.uri_of(ok.get('contact'))} SIP/2.0", headers)

    def hang_up(self, attempt: Attempt) -> None:
        self._send(self._in_dialog(attempt, "BYE", 2))

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(65535)
            except (TimeoutError, OSError):
                continue
            message = read(data)
            if not isinstance(message, SipMessage):
                continue
            attempt = self.attempts.get(message.get("call-id"))
            if message.is_request:
                if message.method == "BYE":
                    self._send(sm.response(message, 200, "OK"))
                elif message.method == "INVITE" and attempt is not None:  # a re-INVITE (hold, retrieve)
                    extra = [("Contact", f"<sip:{self.user}@127.0.0.1:{self.port}>"), SDP_TYPE]
                    self._send(sm.response(message, 200, "OK", extra=extra, body=sdp(self.port)))
                continue
            if attempt is None or message.status < 200:
                continue
            if message.cseq_method == "BYE":
                attempt.bye_answered.set()
            if message.cseq_method != "INVITE":
                continue
            first = not attempt.finals
            attempt.finals.append(message.status)
            if message.status < 300:
                attempt.answered = message
                self._send(self._in_dialog(attempt, "ACK", 1))
            else:
                headers = self._common(attempt, "1 ACK", message.get("to"), attempt.branch)
                self._send(SipMessage(f"ACK {attempt.uri} SIP/2.0", headers))
            if first:
                self.finals.put((attempt.call_id, message.status))


class RawRoom:
    """A registered room telephone that answers each INVITE as told: "busy" (486), "answer" (180, then 200
    after ``answer_after`` s), "ring" (180 and nothing more until a CANCEL: 487). Counts how calls ended."""

    def __init__(self, lab: KamailioLab, ext: str, mode: str, answer_after: float = 0.2) -> None:
        self.lab, self.ext, self.mode, self.answer_after = lab, ext, mode, answer_after
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.contact = f"<sip:{ext}@127.0.0.1:{self.port}>"
        self.ringing: dict[str, tuple[SipMessage, str, float]] = {}  # Call-ID -> (INVITE, to-tag, answer at)
        self.talking: set[str] = set()
        self.ended: queue.Queue[tuple[str, str]] = queue.Queue()  # (Call-ID, how: bye / cancel / busy)
        self.registered = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"raw-room-{ext}", daemon=True)
        self._thread.start()
        self._register()
        assert self.registered.wait(5), "the raw room did not register"

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()

    def _to_pbx(self, message: SipMessage) -> None:
        self.sock.sendto(message.encode(), ("127.0.0.1", self.lab.port))

    def _register(self) -> None:
        domain = self.lab.domain
        self._to_pbx(
            SipMessage(
                f"REGISTER sip:{domain} SIP/2.0",
                [
                    ("Via", f"SIP/2.0/UDP 127.0.0.1:{self.port};branch={sm.branch()}"),
                    ("Max-Forwards", "70"),
                    ("From", f"<sip:{self.ext}@{domain}>;tag={sm.new_tag()}"),
                    ("To", f"<sip:{self.ext}@{domain}>"),
                    ("Call-ID", uuid.uuid4().hex),
                    ("CSeq", "1 REGISTER"),
                    ("Contact", self.contact),
                    ("Expires", "300"),
                ],
            )
        )

    def _run(self) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            for call_id, (invite, tag, due) in list(self.ringing.items()):
                if self.mode == "answer" and now >= due:
                    del self.ringing[call_id]
                    self.talking.add(call_id)
                    extra = [("Contact", self.contact), SDP_TYPE]
                    self._to_pbx(sm.response(invite, 200, "OK", to_tag=tag, extra=extra, body=sdp(self.port)))
            try:
                data = self.sock.recv(65535)
            except (TimeoutError, OSError):
                continue
            message = read(data)
            if isinstance(message, SipMessage):
                self._handle(message)

    def _handle(self, message: SipMessage) -> None:
        call_id = message.get("call-id")
        if not message.is_request:
            if message.cseq_method == "REGISTER" and 200 <= message.status < 300:
                self.registered.set()
            return
        if message.method == "INVITE" and sm.tag_of(message.get("to")):
            extra = [("Contact", self.contact), SDP_TYPE]
            self._to_pbx(sm.response(message, 200, "OK", extra=extra, body=sdp(self.port)))
        elif message.method == "INVITE" and call_id not in self.ringing and call_id not in self.talking:
            tag = sm.new_tag()
            if self.mode == "busy":
                self._to_pbx(sm.response(message, 486, "Busy Here", to_tag=tag))
                self.ended.put((call_id, "busy"))
                return
            self._to_pbx(sm.response(message, 180, "Ringing", to_tag=tag, extra=[("Contact", self.contact)]))
            self.ringing[call_id] = (message, tag, time.monotonic() + self.answer_after)
        elif message.method == "CANCEL":
            self._to_pbx(sm.response(message, 200, "OK"))
            pending = self.ringing.pop(call_id, None)
            if pending is not None:
                self._to_pbx(sm.response(pending[0], 487, "Request Terminated", to_tag=pending[1]))
                self.ended.put((call_id, "cancel"))
        elif message.method == "BYE":
            self._to_pbx(sm.response(message, 200, "OK"))
            if call_id in self.talking:
                self.talking.discard(call_id)
                self.ended.put((call_id, "bye"))
