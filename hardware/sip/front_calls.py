"""The ringing front's own state: its UDP socket and registration at the PBX, the calls waiting at
it (``WaitingCall``), and the final answers it gives them, kept for the INVITE's retransmissions.

``RingingFront`` (``ringing_front.py``) reads the socket and decides what each request and each of
the line's answers means.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from hardware.sip import sip_message as sm
from hardware.sip.front_registration import FrontRegistration
from hardware.sip.line_leg import HANDOVER_LIMIT_S, Unreadable
from hardware.sip.sip_guard import SipGuard, ipv4_of
from hardware.sip.sip_message import SipMessage
from hardware.sip.sip_reader import AnsweredOnce
from switchboard.clock import SystemClock


@dataclass
class WaitingCall:
    """An INVITE ringing at the front."""

    sip_call_id: str
    invite: SipMessage
    to_tag: str
    arrived: float
    caller: str
    caller_name: str
    called: str
    forward_branch: str = ""  # set once handed over to pjsua
    handed_over: bool = False
    answered: bool = False  # pjsua's 2xx went upstream
    last: bytes = b""  # our last response, for INVITE retransmissions
    upstream: tuple[str, int] = ("", 0)
    forwarded_to: tuple[str, int] = ("", 0)
    forwarded: SipMessage | None = field(default=None, repr=False)
    forgotten: bool = False  # the console is done with it; kept only to ACK pjsua's final answer
    handed_at: float = 0.0  # monotonic time of the hand-over
    line_heard: bool = False  # the line answered the hand-over (100 Trying or a final answer)
    ended: bool = False  # the caller has a final answer from the front


class FrontCalls:
    """The socket, the registration and the calls waiting; every answer leaves through ``_sendto``."""

    def __init__(
        self,
        server: str,
        extension: str,
        *,
        username: str = "",
        password: str = "",
        local_port: int = 0,
        expires: int = 60,  # short: after a PBX restart (registrations lost) calls reach us within 30 s
        guard: SipGuard | None = None,
        max_ringing: int = 100,
    ) -> None:
        host, _, port = server.partition(":")
        self.server = (ipv4_of(host), int(port or 5060))  # looked up once: never a DNS wait per packet
        self.domain = server
        self.extension = extension
        self.username = username or extension
        self.password = password
        self.expires = expires
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)  # a burst waits, is not dropped
        self.host = (
            "127.0.0.1" if host.startswith("127.") or host == "localhost" else _local_address(self.server)
        )
        self.sock.bind((self.host, local_port))
        self.port = int(self.sock.getsockname()[1])
        self.guard = guard or SipGuard(server, (), SystemClock(), lambda _e: None)
        self.max_ringing = max_ringing
        self.calls: dict[str, WaitingCall] = {}
        self.on_offered: Callable[[WaitingCall], None] = lambda _c: None
        self.on_gone: Callable[[WaitingCall, str], None] = lambda _c, _r: None
        self.on_handover_failed: Callable[[WaitingCall, int, str], None] = lambda _c, _n, _r: None
        self.on_refused: Callable[[WaitingCall, int, str], None] = lambda _c, _n, _r: None
        self.on_lost: Callable[[WaitingCall, str], None] = lambda _c, _r: None  # the line never took it
        self.line_reads: Callable[[bytes], Unreadable | None] = lambda _d: None  # why its pjsip drops it
        self.handover_limit_s = HANDOVER_LIMIT_S
        self.on_message: Callable[[SipMessage], None] = lambda _m: None  # the PBX's word (emergency calls)
        self.codecs: set[str] = set()  # what the console's line speaks (sdp_offer names); empty: not checked
        self._refused: dict[str, bytes] = {}  # Call-ID -> our refusal, for retransmitted INVITEs (bounded)
        self._too_large = AnsweredOnce()
        self.registration = FrontRegistration(
            self.domain,
            extension,
            self.contact,
            (self.host, self.port),
            username=self.username,
            password=password,
            expires=expires,
            send=lambda data: self._sendto(data, self.server),
        )
        self.registration.on_back = self._pbx_back
        self.on_pbx_back: Callable[[], None] = lambda: None  # the lamps subscribe again

    @property
    def contact(self) -> str:
        return f"sip:{self.extension}@{self.host}:{self.port}"

    def _pbx_back(self, silent_s: float) -> None:
        """The PBX was silent and answers again: if it restarted, the calls ringing here are no longer
        in its transactions and would ring for nobody. They end (503 to a PBX that still has them, so it
        can route the caller elsewhere); calls the line has answered run on, their dialogs record-routed."""
        for call in list(self.calls.values()):
            if not call.handed_over and not call.answered:
                self._answer_upstream(call, 503, "Service Unavailable")
                self.on_gone(call, f"the PBX was away {silent_s:.0f} s")
        self.on_pbx_back()

    def close(self) -> None:
        for call in list(self.calls.values()):
            if not call.answered and not call.ended:
                self._answer_upstream(call, 480, "Temporarily Unavailable")
        self.registration.leave()
        self.sock.close()

    def _refuse_new(self, call: WaitingCall, code: int, reason: str, warning: str, why: str) -> None:
        """A final refusal at once for an INVITE the line could never answer, before it rings: 488 for an
        offer it cannot answer (RFC 3261 §21.4.26; Warning 304 no audio at all, 305 no format in common,
        §20.43), 400 or 513 for a request its pjsip would drop unread (Warning 399). Kept for the INVITE's
        retransmissions."""
        answer = sm.response(
            call.invite, code, reason, to_tag=call.to_tag, extra=[("Warning", warning)]
        ).encode()
        self._keep_refusal(call.sip_call_id, answer)
        self._sendto(answer, call.upstream)
        self.on_refused(call, code, why)

    def _keep_refusal(self, sip_call_id: str, answer: bytes) -> None:
        if len(self._refused) >= 256:
            self._refused.pop(next(iter(self._refused)))
        self._refused[sip_call_id] = answer

    def _answer_upstream(
        self, call: WaitingCall, code: int, reason: str, extra: list[tuple[str, str]] | None = None
    ) -> None:
        call.last = sm.response(call.invite, code, reason, to_tag=call.to_tag, extra=extra).encode()
        call.ended = call.ended or code >= 200
        self._sendto(call.last, call.upstream)

    def _send(self, message: SipMessage, to: tuple[str, int]) -> None:
        self._sendto(message.encode(), to)

    def _sendto(self, data: bytes, to: tuple[str, int]) -> None:
        self.guard.out()
        self.sock.sendto(data, to)


def _local_address(server: tuple[str, int]) -> str:
    """The address this machine uses towards the PBX (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(server)
        return str(probe.getsockname()[0])
    except OSError:
        return "0.0.0.0"
    finally:
        probe.close()
