"""Busy-lamp field over SIP: one UDP socket SUBSCRIBEs `Event: dialog` for every watched extension.

A small client of our own rather than pjsua: pjsua2 2.15 has no dialog-event API, caps nothing useful for
2,000 subscriptions, and re-subscribes with the wrong event after a failure (pjsip bug #4302). Here a refresh
that gets 481 or no answer (the server restarted and forgot us) starts a fresh subscription.
"""

from __future__ import annotations

import hashlib
import logging
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from switchboard.clock import Clock
from switchboard.dialoginfo import parse_dialog_info
from switchboard.pbx import LampChanged, LampState

log = logging.getLogger(__name__)

LampSink = Callable[[LampChanged], None]
_BATCH = 100  # SUBSCRIBEs per tick, so 2,000 extensions do not flood the server in one burst
_ANSWER_WAIT_S = 3.0


def _header(msg: str, name: str) -> str:
    m = re.search(rf"(?im)^{name}\s*:\s*(.*)$", msg)
    return m.group(1).strip() if m else ""


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
    ) -> None:
        host, _, port = server.partition(":")
        self._server = (host, int(port or 5060))
        self._domain = realm_domain or server  # with the port: the server knows itself as host:port
        self._clock = clock
        self._user = user
        self._password = password
        self._expires = expires
        self._subs: dict[str, _Subscription] = {}
        self._by_call: dict[str, _Subscription] = {}
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1" if host.startswith("127.") else "0.0.0.0", 0))
        self._sock.settimeout(0.02)
        self._port = int(self._sock.getsockname()[1])
        self._sink: LampSink | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, extensions: Iterable[str]) -> None:
        """Replace the watched set; new extensions subscribe soon, dropped ones simply stop refreshing."""
        wanted = list(dict.fromkeys(extensions))
        with self._lock:
            self._subs = {e: self._subs.get(e) or _Subscription(e) for e in wanted}

    def start(self, sink: LampSink) -> None:
        self._sink = sink
        self._thread = threading.Thread(target=self._run, name="sip-blf", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self._sock.close()

    def lamp(self, extension: str) -> LampState:
        sub = self._subs.get(extension)
        return sub.lamp if sub else LampState.UNKNOWN

    # --- the watcher thread ---

    def _run(self) -> None:
        while not self._stop.is_set():
            self._send_due()
            try:
                data, _ = self._sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                self._handle(data.decode("utf-8", errors="replace"))
            except Exception:  # one bad packet must never stop the lamps
                log.exception("BLF: could not handle a SIP message")

    def _send_due(self) -> None:
        now = time.monotonic()
        with self._lock:
            subs = list(self._subs.values())
        sent = 0
        for sub in subs:
            if sub.waiting_since is not None and now - sub.waiting_since > _ANSWER_WAIT_S:
                log.info("BLF: no answer for %s, subscribing afresh", sub.extension)
                self._forget(sub)
            if sub.waiting_since is None and sub.due <= now and sent < _BATCH:
                self._subscribe(sub, now)
                sent += 1

    def _forget(self, sub: _Subscription) -> None:
        self._by_call.pop(sub.call_id, None)
        sub.call_id = sub.to_tag = sub.auth = ""
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
        self._sock.sendto(msg.encode(), (host, port))

    def _handle(self, msg: str) -> None:
        first = msg.split("\r\n", 1)[0]
        sub = self._by_call.get(_header(msg, "Call-ID"))
        if first.startswith("NOTIFY"):
            self._reply_ok(msg)
            if sub is not None:
                self._notified(sub, msg)
        elif first.startswith("SIP/2.0") and sub is not None and "SUBSCRIBE" in _header(msg, "CSeq"):
            self._answered(sub, int(first.split()[1]), msg)

    def _answered(self, sub: _Subscription, code: int, msg: str) -> None:
        if code < 200:
            return
        sub.waiting_since = None
        if 200 <= code < 300:
            m = re.search(r";\s*tag=([^;>\s]+)", _header(msg, "To"))
            sub.to_tag = m.group(1) if m else sub.to_tag
            granted = _header(msg, "Expires")
            expires = int(granted) if granted.isdigit() else self._expires
            sub.due = time.monotonic() + max(expires * 0.5, 1.0)
            sub.tried_auth = False
        elif code in (401, 407) and self._password and not sub.tried_auth:
            sub.tried_auth = True
            sub.auth = self._authorization(code, msg, sub.extension)
            sub.due = 0.0
        else:
            log.warning("BLF: SUBSCRIBE for %s refused with %d", sub.extension, code)
            self._forget(sub)
            sub.due = time.monotonic() + (2.0 if code == 481 else 30.0)
            if code != 481:
                self._emit(sub, LampState.UNKNOWN)

    def _authorization(self, code: int, msg: str, ext: str) -> str:
        challenge = _header(msg, "WWW-Authenticate" if code == 401 else "Proxy-Authenticate")
        params = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge))
        realm, nonce = params.get("realm", ""), params.get("nonce", "")
        uri = f"sip:{ext}@{self._domain}"
        ha1 = hashlib.md5(f"{self._user}:{realm}:{self._password}".encode()).hexdigest()
        ha2 = hashlib.md5(f"SUBSCRIBE:{uri}".encode()).hexdigest()
        name = "Authorization" if code == 401 else "Proxy-Authorization"
        qop = params.get("qop", "")
        if "auth" in qop.split(","):
            cnonce = uuid.uuid4().hex[:8]
            resp = hashlib.md5(f"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}".encode()).hexdigest()
            extra = f', qop=auth, nc=00000001, cnonce="{cnonce}"'
        else:
            resp = hashlib.md5(f"{ha1}:{nonce}:{ha2}".encode()).hexdigest()
            extra = ""
        return (
            f'{name}: Digest username="{self._user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
            f'response="{resp}", algorithm=MD5{extra}\r\n'
        )

    def _notified(self, sub: _Subscription, msg: str) -> None:
        m = re.search(r";\s*tag=([^;>\s]+)", _header(msg, "From"))
        if m and not sub.to_tag:
            sub.to_tag = m.group(1)
        body = msg.split("\r\n\r\n", 1)[1] if "\r\n\r\n" in msg else ""
        if body.strip():
            info = parse_dialog_info(body.encode())
            if info is not None:
                self._emit(sub, info.lamp)
        if _header(msg, "Subscription-State").lower().startswith("terminated"):
            # The server ended it (expiry, restart, shutdown): subscribe afresh shortly, never go dark.
            self._forget(sub)
            sub.due = time.monotonic() + 1.0

    def _emit(self, sub: _Subscription, lamp: LampState) -> None:
        if lamp is sub.lamp:
            return
        sub.lamp = lamp
        if self._sink is not None:
            self._sink(LampChanged(sub.extension, lamp, self._clock.now()))

    def _reply_ok(self, req: str) -> None:
        head = req.split("\r\n\r\n", 1)[0].split("\r\n")
        keep = [h for h in head[1:] if re.match(r"(?i)^(via|from|to|call-id|cseq)\s*:", h)]
        self._sock.sendto(
            ("SIP/2.0 200 OK\r\n" + "\r\n".join(keep) + "\r\nContent-Length: 0\r\n\r\n").encode(),
            self._server,
        )
