"""Busy-lamp field over SIP: one UDP socket SUBSCRIBEs `Event: dialog` for every watched extension.

A small client of our own rather than pjsua: pjsua2 2.15 has no dialog-event API, caps nothing useful for
2,000 subscriptions, and re-subscribes with the wrong event after a failure (pjsip bug #4302). Here a refresh
that gets 481 or no answer (the server restarted and forgot us) starts a fresh subscription.

Only the PBX is heard, and a NOTIFY changes a lamp only inside its own subscription: the Call-ID and both
tags of the subscription's dialog, a CSeq above the last one, a dialog-info version above the last one
(RFC 4235 §4.1), and a document whose entity is the subscribed extension. The thread is supervised: if it
dies it is started again, the subscriptions kept.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hardware.sip import sip_message as sm
from hardware.sip.sip_guard import SipGuard, ipv4_of
from hardware.sip.sip_message import SipMessage
from hardware.sip.sip_reader import MAX_DATAGRAM, AnsweredOnce, Rejected, read, request_problem
from hardware.sip.supervised import Supervised
from switchboard.clock import Clock
from switchboard.dialoginfo import DialogInfo, names_extension, parse_dialog_info
from switchboard.pbx import LampChanged, LampState

log = logging.getLogger(__name__)

LampSink = Callable[[LampChanged], None]
DialogSink = Callable[[str, DialogInfo], None]  # each new document of an extension (emergency calls)
# SUBSCRIBEs are pipelined: up to _WINDOW await their answers at once, and each answer lets the next one
# go. 2,000 extensions subscribe in a few seconds without one burst overflowing the server's socket.
_WINDOW = 100
_ANSWER_WAIT_S = 3.0
_SCAN_S = 0.02  # how often the due list is looked at when no answer asks for it sooner
_DRAIN = 256
RECEIVE_BUFFER = 1 << 20  # datagrams read in one go before the due list is looked at again


@dataclass
class _Subscription:
    extension: str
    call_id: str = ""
    from_tag: str = ""
    to_tag: str = ""
    cseq: int = 0
    due: float = 0.0  # when to send the next (re)SUBSCRIBE
    waiting_since: float | None = None
    auth: str = ""
    lamp: LampState = LampState.UNKNOWN
    tried_auth: bool = field(default=False)
    remote_cseq: int | None = None  # the last NOTIFY's CSeq in this subscription
    version: int | None = None  # the last dialog-info version applied in this subscription


class BlfWatcher:
    """Watches extensions on a SIP server; lamp changes go to `sink` from the watcher's own thread."""

    def __init__(
        self,
        server: str,
        clock: Clock,
        *,
        user: str = "console",
        password: str = "",
        expires: int = 300,
        realm_domain: str | None = None,
        guard: SipGuard | None = None,
        died: Callable[[str], None] = lambda _why: None,
        dialogs: DialogSink = lambda _ext, _info: None,
    ) -> None:
        host, _, port = server.partition(":")
        self._server = (ipv4_of(host), int(port or 5060))  # looked up once, not per SUBSCRIBE
        self._domain = realm_domain or server  # with the port: the server knows itself as host:port
        self._clock = clock
        self._user = user
        self._password = password
        self._expires = expires
        self._subs: dict[str, _Subscription] = {}
        self._by_call: dict[str, _Subscription] = {}
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        # Room for the NOTIFY burst that answers 2,000 subscriptions (the kernel caps it at rmem_max).
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        self._sock.bind(("127.0.0.1" if host.startswith("127.") else "0.0.0.0", 0))
        self._sock.settimeout(0.02)
        self._port = int(self._sock.getsockname()[1])
        self._sink: LampSink | None = None
        self._stop = threading.Event()
        self._guard = guard or SipGuard(server, (), clock, lambda _e: None)
        self._too_large = AnsweredOnce()  # one 513 per oversized NOTIFY transaction
        self._died = died
        self._dialogs = dialogs
        self._supervisor: Supervised | None = None
        self._next_scan = 0.0
        self._renew = False

    def watch(self, extensions: Iterable[str]) -> None:
        """Replace the watched set; new extensions subscribe soon, dropped ones simply stop refreshing."""
        wanted = list(dict.fromkeys(extensions))
        with self._lock:
            self._subs = {e: self._subs.get(e) or _Subscription(e) for e in wanted}

    def start(self, sink: LampSink) -> None:
        self._sink = sink
        self._supervisor = Supervised("sip-blf", self._run, died=self._died)
        self._supervisor.start()

    def stop(self) -> None:
        self._stop.set()
        if self._supervisor is not None:
            self._supervisor.stop(5)
        self._sock.close()

    def renew(self) -> None:
        """Subscribe every extension afresh soon (the PBX was away and may have forgotten them all);
        from any thread. Lamps keep what they show until the new subscriptions' first NOTIFYs."""
        self._renew = True

    def lamp(self, extension: str) -> LampState:
        sub = self._subs.get(extension)
        return sub.lamp if sub else LampState.UNKNOWN

    # --- the watcher thread ---

    def _run(self) -> None:
        self._next_scan = 0.0
        while not self._stop.is_set():
            now = time.monotonic()
            if self._renew:
                self._renew = False
                with self._lock:
                    subs = list(self._subs.values())
                for sub in subs:
                    self._forget(sub)
                log.info("BLF: the PBX was away, %d extensions subscribe afresh", len(subs))
            if now >= self._next_scan:
                self._next_scan = now + _SCAN_S
                try:
                    self._send_due(now)
                except OSError as exc:
                    log.warning("BLF: cannot send: %s", exc)
            if not self._drain():
                return

    def _drain(self) -> bool:
        """Read what has arrived (waiting a moment for the first); False once the socket is closed."""
        self._sock.settimeout(_SCAN_S / 2)
        try:
            for _ in range(_DRAIN):
                try:
                    data, source = self._sock.recvfrom(MAX_DATAGRAM + 1)
                except (TimeoutError, BlockingIOError):
                    return True
                except OSError:
                    if self._stop.is_set():
                        return False
                    time.sleep(0.05)
                    return True
                self.inbound(data, (str(source[0]), int(source[1])))
                self._sock.settimeout(0.0)
            return True
        finally:
            if not self._stop.is_set():
                try:
                    self._sock.settimeout(_SCAN_S / 2)
                except OSError:
                    pass

    def inbound(self, data: bytes, source: tuple[str, int]) -> None:
        """One datagram; nothing in it can stop the lamps."""
        try:
            if not self._guard.trusts(source):
                self._guard.bad(data, source, "not the PBX", foreign=True)
                return
            message = read(data)
            if isinstance(message, Rejected):
                if not message.quiet:
                    self._guard.bad(data, source, message.reason, foreign=False)
                request = message.message
                answer = message.too_large and request is not None and request.method != "ACK"
                if answer and request is not None and self._too_large.first(request):
                    self._reply(request, 513, "Message Too Large", source)  # to the PBX address it came from
                return
            self._guard.good()
            self._handle(message, source)
        except Exception:  # one bad packet must never stop the lamps
            log.exception("BLF: could not handle a datagram from %s", source)
        finally:
            self._guard.publish()

    def _send_due(self, now: float) -> None:
        with self._lock:
            subs = list(self._subs.values())
        waiting = 0
        due: list[_Subscription] = []
        for sub in subs:
            if sub.waiting_since is not None:
                if now - sub.waiting_since <= _ANSWER_WAIT_S:
                    waiting += 1
                    continue
                log.info("BLF: no answer for %s, subscribing afresh", sub.extension)
                self._forget(sub)
            if sub.due <= now:
                due.append(sub)
        for sub in due[: max(_WINDOW - waiting, 0)]:
            self._subscribe(sub, now)

    def _forget(self, sub: _Subscription) -> None:
        self._by_call.pop(sub.call_id, None)
        sub.call_id = sub.to_tag = sub.auth = ""
        sub.remote_cseq = sub.version = None
        sub.waiting_since = None
        sub.tried_auth = False
        sub.due = 0.0

    def _subscribe(self, sub: _Subscription, now: float) -> None:
        if not sub.call_id:
            sub.call_id = uuid.uuid4().hex
            sub.from_tag = uuid.uuid4().hex[:10]
            sub.cseq = 0
            self._by_call[sub.call_id] = sub
        sub.cseq += 1
        sub.waiting_since = now
        host, port = self._server
        to = f"<sip:{sub.extension}@{self._domain}>" + (f";tag={sub.to_tag}" if sub.to_tag else "")
        msg = (
            f"SUBSCRIBE sip:{sub.extension}@{self._domain} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{self._port};rport;branch=z9hG4bK{uuid.uuid4().hex[:12]}\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:{self._user}@{self._domain}>;tag={sub.from_tag}\r\nTo: {to}\r\n"
            f"Call-ID: {sub.call_id}\r\nCSeq: {sub.cseq} SUBSCRIBE\r\n"
            f"Contact: <sip:{self._user}@127.0.0.1:{self._port}>\r\n"
            f"Event: dialog\r\nAccept: application/dialog-info+xml\r\nExpires: {self._expires}\r\n"
            f"{sub.auth}Content-Length: 0\r\n\r\n"
        )
        self._guard.out()
        self._sock.sendto(msg.encode(), (host, port))

    def _handle(self, message: SipMessage, source: tuple[str, int]) -> None:
        sub = self._by_call.get(message.get("call-id"))
        if not message.is_request:
            if sub is not None and message.cseq_method == "SUBSCRIBE" and message.cseq_number == sub.cseq:
                self._answered(sub, message.status, message)
            return
        if message.method == "ACK":
            return
        problem = request_problem(message)
        if problem:
            self._guard.bad(message.encode(), source, problem, foreign=False)
            self._reply(message, 400, "Bad Request", source)
            return
        if message.method != "NOTIFY" or sub is None or not self._ours(sub, message):
            self._reply(message, 481, "Subscription Does Not Exist", source)
            return
        cseq = message.cseq_number
        if sub.remote_cseq is not None and cseq < sub.remote_cseq:
            self._reply(message, 500, "Server Internal Error", source)  # out of order (RFC 3261 §12.2.2)
            return
        repeated = cseq == sub.remote_cseq
        sub.remote_cseq = cseq
        self._reply(message, 200, "OK", source)
        if not repeated:  # a retransmission is answered again, never applied twice
            self._notified(sub, message, source)

    def _ours(self, sub: _Subscription, message: SipMessage) -> bool:
        """A NOTIFY of this subscription's dialog: our From tag as its To tag, the notifier's tag as its From
        tag once known (RFC 6665 §4.1.3), and the dialog event package."""
        if sm.tag_of(message.get("to")) != sub.from_tag:
            return False
        notifier = sm.tag_of(message.get("from"))
        if not notifier or (sub.to_tag and notifier != sub.to_tag):
            return False
        return message.get("event").split(";", 1)[0].strip().lower() == "dialog"

    def _answered(self, sub: _Subscription, code: int, message: SipMessage) -> None:
        if code < 200:
            return
        sub.waiting_since = None
        self._next_scan = 0.0  # a place in the window is free: the next SUBSCRIBE goes at once
        if 200 <= code < 300:
            sub.to_tag = sm.tag_of(message.get("to")) or sub.to_tag
            granted = message.get("expires")  # ASCII digits, or absent: the reader saw to it
            expires = int(granted) if granted else self._expires
            sub.due = time.monotonic() + max(expires * 0.5, 1.0)
            sub.tried_auth = False
        elif code in (401, 407) and self._password and not sub.tried_auth:
            sub.tried_auth = True
            challenge = message.get("www-authenticate" if code == 401 else "proxy-authenticate")
            sub.auth = self._authorization(code, challenge, sub.extension)
            sub.due = 0.0
        else:
            log.warning("BLF: SUBSCRIBE for %s refused with %d", sub.extension, code)
            self._forget(sub)
            sub.due = time.monotonic() + (2.0 if code == 481 else 30.0)
            if code != 481:
                self._emit(sub, LampState.UNKNOWN)

    def _authorization(self, code: int, challenge: str, ext: str) -> str:
        name = "Authorization" if code == 401 else "Proxy-Authorization"
        value = sm.digest(
            challenge,
            method="SUBSCRIBE",
            uri=f"sip:{ext}@{self._domain}",
            user=self._user,
            password=self._password,
            proxy=code == 407,
        )
        return f"{name}: {value}\r\n"

    def _notified(self, sub: _Subscription, message: SipMessage, source: tuple[str, int]) -> None:
        if not sub.to_tag:
            sub.to_tag = sm.tag_of(
                message.get("from")
            )  # a NOTIFY may come before the 200 (RFC 6665 §4.1.2.4)
        if message.body.strip():
            info = parse_dialog_info(message.body)  # logs why a body is not read
            if info is None:
                self._guard.bad(message.encode(), source, "dialog-info not read", foreign=False)
            elif not names_extension(info, sub.extension):  # another telephone's state: not this lamp's
                log.warning(
                    "BLF: dialog-info for %r in the subscription of %s ignored",
                    info.entity[:60],
                    sub.extension,
                )
                self._guard.bad(message.encode(), source, "dialog-info for another entity", foreign=False)
            elif self._newer(sub, info.version):
                self._emit(sub, info.lamp)
                self._dialogs(sub.extension, info)
        if message.get("subscription-state").lower().startswith("terminated"):
            # The server ended it (expiry, restart, shutdown): subscribe afresh shortly, never go dark.
            self._forget(sub)
            sub.due = time.monotonic() + 1.0

    @staticmethod
    def _newer(sub: _Subscription, version: int | None) -> bool:
        """RFC 4235 §4.1: each document of a subscription has a higher version; an older one is stale."""
        if version is None:
            return True
        if sub.version is not None and version <= sub.version:
            log.info(
                "BLF: stale dialog-info version %d for %s (have %d)", version, sub.extension, sub.version
            )
            return False
        sub.version = version
        return True

    def _emit(self, sub: _Subscription, lamp: LampState) -> None:
        if lamp is sub.lamp:
            return
        sub.lamp = lamp
        if self._sink is not None:
            self._sink(LampChanged(sub.extension, lamp, self._clock.now()))

    def _reply(self, request: SipMessage, code: int, reason: str, to: tuple[str, int]) -> None:
        self._guard.out()
        self._sock.sendto(sm.response(request, code, reason).encode(), to)
