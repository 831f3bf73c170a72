"""A minimal dialog-event notifier, written from the specifications alone, to drive a lamp field's
subscriptions with any body at all.

- RFC 6665 §4.2.1 (the notifier accepts a SUBSCRIBE: 200 with a To tag and the granted Expires) and
  §4.2.2 (each NOTIFY in the subscription's dialog: our To tag as its From tag, the subscriber's From
  tag as its To tag, the same Call-ID, a rising CSeq, ``Event`` and ``Subscription-State``).
- RFC 3261 §8.1.1 (the mandatory headers of a request) and §8.2.6 (a response copies Via, From, To,
  Call-ID and CSeq).
- RFC 4235 §4 (``application/dialog-info+xml``; the document's ``version`` counts from 0 per
  subscription and rises with each NOTIFY).

It answers REGISTER, OPTIONS and PUBLISH with 200 too, so it can stand in for the PBX's address."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from dataclasses import dataclass, field


@dataclass
class Subscription:
    extension: str
    call_id: str
    subscriber_tag: str
    our_tag: str
    source: tuple[str, int]
    from_header: str
    cseq: int = 0
    version: int = 0
    answers: list[int] = field(default_factory=list)


def _headers(data: bytes) -> tuple[str, dict[str, str], bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("utf-8", errors="replace").split("\r\n")
    out: dict[str, str] = {}
    compact = {"v": "via", "f": "from", "t": "to", "i": "call-id", "o": "event", "l": "content-length"}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        key = compact.get(key, key)
        if key == "via" and key in out:
            out[key] += "\r\nVia: " + value.strip()
        else:
            out.setdefault(key, value.strip())
    return lines[0], out, body


def _tag(header: str) -> str:
    for part in header.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "tag":
            return value.strip()
    return ""


class DialogNotifier:
    """The PBX side of the lamp field's subscriptions, on 127.0.0.1."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port = int(self.sock.getsockname()[1])
        self.domain = f"127.0.0.1:{self.port}"
        self.subs: dict[str, Subscription] = {}  # extension -> its newest subscription
        self.subscribes: list[str] = []  # extension of each SUBSCRIBE (refreshes too)
        self.answers: dict[tuple[str, int], int] = {}  # (call-id, cseq) of our NOTIFYs -> status
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, source = self.sock.recvfrom(65535)
            except (TimeoutError, BlockingIOError):
                continue
            except OSError:
                return
            self._inbound(data, (str(source[0]), int(source[1])))

    def _inbound(self, data: bytes, source: tuple[str, int]) -> None:
        first, headers, _body = _headers(data)
        if first.startswith("SIP/2.0"):
            code = int(first.split()[1])
            number = int(headers.get("cseq", "0 X").split()[0])
            with self._lock:
                self.answers[(headers.get("call-id", ""), number)] = code
            return
        method = first.split(" ", 1)[0]
        if method == "ACK":
            return
        our_tag = uuid.uuid4().hex[:8]
        extra = ""
        if method == "SUBSCRIBE":
            uri = first.split()[1]
            extension = uri.split(":", 1)[1].split("@", 1)[0]
            call_id = headers.get("call-id", "")
            with self._lock:
                old = self.subs.get(extension)
                if old is not None and old.call_id == call_id:
                    our_tag = old.our_tag  # a refresh inside the same dialog
                else:
                    self.subs[extension] = Subscription(
                        extension,
                        call_id,
                        _tag(headers.get("from", "")),
                        our_tag,
                        source,
                        headers.get("from", ""),
                    )
                self.subscribes.append(extension)
            extra = f"Expires: 3600\r\nContact: <sip:pbx@127.0.0.1:{self.port}>\r\n"
        to = headers.get("to", "")
        if not _tag(to):
            to += f";tag={our_tag}"
        answer = (
            f"SIP/2.0 200 OK\r\nVia: {headers.get('via', '')}\r\nFrom: {headers.get('from', '')}\r\n"
            f"To: {to}\r\nCall-ID: {headers.get('call-id', '')}\r\nCSeq: {headers.get('cseq', '')}\r\n"
            f"{extra}Content-Length: 0\r\n\r\n"
        )
        self.sock.sendto(answer.encode(), source)

    def wait_subscribed(self, extension: str, timeout: float = 10.0, after: str = "") -> Subscription:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                sub = self.subs.get(extension)
            if sub is not None and sub.call_id != after:
                return sub
            time.sleep(0.02)
        raise TimeoutError(f"no SUBSCRIBE for {extension}")

    def notify(
        self,
        extension: str,
        body: bytes | str,
        *,
        state: str = "active;expires=3600",
        content_type: str = "application/dialog-info+xml",
        wait: float = 2.0,
    ) -> int | None:
        """One NOTIFY in the extension's subscription (RFC 6665 §4.2.2); the subscriber's status code."""
        sub = self.subs[extension]
        raw = body.encode() if isinstance(body, str) else body
        sub.cseq += 1
        request = (
            f"NOTIFY sip:{extension}@{sub.source[0]}:{sub.source[1]} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{self.port};branch=z9hG4bK{uuid.uuid4().hex[:12]}\r\n"
            f"Max-Forwards: 70\r\n"
            f"From: <sip:{extension}@{self.domain}>;tag={sub.our_tag}\r\n"
            f"To: {sub.from_header}\r\n"
            f"Call-ID: {sub.call_id}\r\nCSeq: {sub.cseq} NOTIFY\r\n"
            f"Contact: <sip:pbx@127.0.0.1:{self.port}>\r\n"
            f"Event: dialog\r\nSubscription-State: {state}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(raw)}\r\n\r\n"
        ).encode() + raw
        self.sock.sendto(request, sub.source)
        key = (sub.call_id, sub.cseq)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            with self._lock:
                if key in self.answers:
                    return self.answers[key]
            time.sleep(0.01)
        return None

    def next_version(self, extension: str) -> int:
        sub = self.subs[extension]
        version = sub.version
        sub.version += 1
        return version


def document(
    entity: str,
    version: int,
    dialogs: list[dict[str, str]],
    *,
    state: str = "full",
) -> str:
    """An RFC 4235 §4.1 dialog-info document; each dialog: id, call_id, direction, state, remote
    (its <remote><identity> and <target uri>), local. Shaped as RFC 4235 §4.1.6 and its examples (§5)."""
    parts = [
        '<?xml version="1.0"?>',
        f'<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="{version}" state="{state}"'
        f' entity="{entity}">',
    ]
    for d in dialogs:
        call_id = f' call-id="{d["call_id"]}"' if d.get("call_id") else ""
        direction = f' direction="{d["direction"]}"' if d.get("direction") else ""
        parts.append(f'  <dialog id="{d.get("id", "d1")}"{call_id} local-tag="ab12"{direction}>')
        parts.append(f"    <state>{d.get('state', 'confirmed')}</state>")
        if d.get("remote"):
            parts.append(
                f'    <remote><identity>{d["remote"]}</identity><target uri="{d["remote"]}"/></remote>'
            )
        if d.get("local"):
            parts.append(f"    <local><identity>{d['local']}</identity></local>")
        parts.append("  </dialog>")
    parts.append("</dialog-info>")
    return "\n".join(parts)
