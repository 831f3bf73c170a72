"""Message-waiting lamps on the room telephones (RFC 3842), PUBLISHed to the PBX's presence server.

A guest message taken at the console lights the room's lamp: the console PUBLISHes a
``message-summary`` state for the room's extension, and the PBX NOTIFYs the telephone that subscribed
to it. A publication lives only as long as its Expires, so each lit lamp is refreshed (SIP-If-Match)
at half its lifetime; turning the lamp off publishes "Messages-Waiting: no". Digest challenges are
answered. Runs in the position's SIP thread: ``poll()`` never blocks.
"""

from __future__ import annotations

import logging
import select
import socket
import time
from dataclasses import dataclass

from hardware.sip import sip_message as sm
from hardware.sip.sip_guard import SipGuard, ipv4_of
from hardware.sip.sip_message import SipMessage
from hardware.sip.sip_reader import MAX_DATAGRAM, parse

log = logging.getLogger(__name__)

EXPIRES = 3600


@dataclass
class _Lamp:
    extension: str
    on: bool
    call_id: str
    cseq: int = 0
    etag: str = ""
    due: float = 0.0
    tried_auth: bool = False
    sent_at: float | None = None


class MessageLamps:
    def __init__(
        self, server: str, host: str, *, user: str, password: str = "", guard: SipGuard | None = None
    ) -> None:
        name, _, port = server.partition(":")
        self.server = (ipv4_of(name), int(port or 5060))  # looked up once, not per PUBLISH
        self.domain = server
        self.user = user
        self.password = password
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)  # a burst waits, is not dropped
        self.sock.bind((host, 0))
        self.port = int(self.sock.getsockname()[1])
        self.lamps: dict[str, _Lamp] = {}
        self._by_call: dict[str, _Lamp] = {}
        self.guard = guard

    def set(self, extension: str, on: bool) -> None:
        lamp = self.lamps.get(extension)
        if lamp is None:
            lamp = _Lamp(extension, on, sm.new_tag() + "@mwi")
            self.lamps[extension] = lamp
            self._by_call[lamp.call_id] = lamp
        lamp.on, lamp.etag, lamp.tried_auth = on, "", False  # a new state is a fresh publication
        self._publish(lamp)

    def poll(self) -> None:
        now = time.monotonic()
        for lamp in list(self.lamps.values()):
            if lamp.on and lamp.due and now >= lamp.due:
                self._publish(lamp)
            elif lamp.sent_at is not None and now - lamp.sent_at > 4.0:  # no answer: try again later
                lamp.sent_at, lamp.due = None, now + 10.0
                log.warning("message lamp of %s: no answer from the PBX", lamp.extension)
        for _ in range(64):  # bounded: a flood on this socket must not hold the SIP thread here
            if not select.select([self.sock], [], [], 0)[0]:
                return
            try:
                data, source = self.sock.recvfrom(MAX_DATAGRAM + 1)
            except OSError:
                return
            if self.guard is not None and not self.guard.trusts((str(source[0]), int(source[1]))):
                self.guard.bad(data, (str(source[0]), int(source[1])), "not the PBX", foreign=True)
                continue
            message = parse(data)
            if message is not None and not message.is_request:
                self._answered(message)

    def close(self) -> None:
        self.sock.close()

    def _publish(self, lamp: _Lamp, auth: tuple[str, str] | None = None) -> None:
        lamp.cseq += 1
        lamp.sent_at = time.monotonic()
        lamp.due = 0.0
        account = f"sip:{lamp.extension}@{self.domain}"
        body = (
            f"Messages-Waiting: {'yes' if lamp.on else 'no'}\r\nMessage-Account: {account}\r\n"
            f"Voice-Message: {1 if lamp.on else 0}/0 (0/0)\r\n"
        ).encode()
        request = SipMessage(
            f"PUBLISH {account} SIP/2.0",
            [
                ("Via", f"SIP/2.0/UDP {self.sock.getsockname()[0]}:{self.port};rport;branch={sm.branch()}"),
                ("Max-Forwards", "70"),
                ("From", f"<sip:{self.user}@{self.domain}>;tag={lamp.call_id[:8]}"),
                ("To", f"<{account}>"),
                ("Call-ID", lamp.call_id),
                ("CSeq", f"{lamp.cseq} PUBLISH"),
                ("Event", "message-summary"),
                ("Expires", str(EXPIRES)),
                ("Content-Type", "application/simple-message-summary"),
            ],
            body,
        )
        if lamp.etag:
            request.headers.append(("SIP-If-Match", lamp.etag))
        if auth is not None:
            request.headers.append(auth)
        self.sock.sendto(request.encode(), self.server)

    def _answered(self, message: SipMessage) -> None:
        lamp = self._by_call.get(message.get("call-id"))
        code = message.status
        if lamp is None or code < 200:
            return
        lamp.sent_at = None
        if 200 <= code < 300:
            lamp.etag = message.get("sip-etag")
            granted = message.get("expires")
            expires = int(granted) if granted.isdigit() else EXPIRES
            lamp.due = time.monotonic() + max(expires * 0.5, 5.0) if lamp.on else 0.0
            lamp.tried_auth = False
        elif code in (401, 407) and self.password and not lamp.tried_auth:
            lamp.tried_auth = True
            challenge = message.get("www-authenticate" if code == 401 else "proxy-authenticate")
            value = sm.digest(
                challenge,
                method="PUBLISH",
                uri=f"sip:{lamp.extension}@{self.domain}",
                user=self.user,
                password=self.password,
                proxy=code == 407,
            )
            self._publish(lamp, ("Authorization" if code == 401 else "Proxy-Authorization", value))
        elif code == 412 and lamp.etag:  # the PBX forgot our publication (restart): publish afresh
            lamp.etag = ""
            self._publish(lamp)
        else:
            log.warning("message lamp of %s refused by the PBX: %s", lamp.extension, message.start)
            lamp.due = time.monotonic() + 60.0 if lamp.on else 0.0
