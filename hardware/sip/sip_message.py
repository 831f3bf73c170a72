"""Just enough SIP text handling for the ringing front: a message as start line,
headers and body, rebuilt, answered, and a digest (RFC 2617, MD5) answer to a
401/407 challenge. Header order is kept, because a proxy in the middle must not
reorder Via or Record-Route. Reading bytes from the network is ``sip_reader``'s
job; every accessor here is safe on a message built from anything."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field

_STATUS = re.compile(r"SIP/2\.0 ([1-6][0-9][0-9])(?: .*)?", re.ASCII | re.DOTALL)
_CSEQ = re.compile(r"([0-9]{1,10})[ \t]+([A-Za-z]+)", re.ASCII)
_PORT = re.compile(r"[0-9]{1,5}", re.ASCII)


@dataclass
class SipMessage:
    start: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    @property
    def is_request(self) -> bool:
        return not self.start.startswith("SIP/2.0")

    @property
    def method(self) -> str:
        return self.start.split(" ", 1)[0] if self.is_request else self.cseq_method

    @property
    def status(self) -> int:
        """The status code of a response; 0 for a request or a status line that is not one."""
        m = _STATUS.fullmatch(self.start)
        return int(m.group(1)) if m else 0

    @property
    def cseq_method(self) -> str:
        m = _CSEQ.fullmatch(self.get("cseq"))
        return m.group(2).upper() if m else ""

    @property
    def cseq_number(self) -> int:
        """The CSeq sequence number; -1 when the header is absent or not ASCII digits."""
        m = _CSEQ.fullmatch(self.get("cseq"))
        return int(m.group(1)) if m else -1

    @property
    def uri(self) -> str:
        parts = self.start.split(" ")
        return parts[1] if self.is_request and len(parts) == 3 else ""

    def get(self, name: str) -> str:
        """The first value of a header ("" if absent)."""
        name = name.lower()
        return next((v for n, v in self.headers if n.lower() == name), "")

    def all(self, name: str) -> list[str]:
        name = name.lower()
        return [v for n, v in self.headers if n.lower() == name]

    def set(self, name: str, value: str) -> None:
        for i, (n, _) in enumerate(self.headers):
            if n.lower() == name.lower():
                self.headers[i] = (n, value)
                return
        self.headers.append((name, value))

    def remove_first(self, name: str) -> str:
        for i, (n, v) in enumerate(self.headers):
            if n.lower() == name.lower():
                del self.headers[i]
                return v
        return ""

    def encode(self) -> bytes:
        lines = [self.start]
        lines += [f"{n}: {v}" for n, v in self.headers if n.lower() != "content-length"]
        lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


def tag_of(value: str) -> str:
    m = re.search(r";\s*tag=([^;>\s]+)", value)
    return m.group(1) if m else ""


def uri_of(value: str) -> str:
    """The URI inside a From/To/Contact value."""
    m = re.search(r"<([^>]*)>", value)
    return m.group(1) if m else value.split(";", 1)[0].strip()


def user_of(value: str) -> str:
    uri = uri_of(value)
    m = re.match(r"(?:sips?|tel):([^@;]+)", uri)
    return m.group(1) if m else ""


def display_of(value: str) -> str:
    m = re.match(r'\s*"([^"]*)"', value)
    if m:
        return m.group(1)
    before = value.split("<", 1)[0].strip()
    return before if "<" in value else ""


def via_address(via: str) -> tuple[str, int]:
    """Where a response for this Via goes: received/rport if present, else sent-by."""
    sent_by = via.split()[1].split(";", 1)[0] if len(via.split()) > 1 else ""
    host, _, port = sent_by.partition(":")
    params = dict(re.findall(r";\s*(\w+)=([^;\s]+)", via))
    host = params.get("received", host)
    port = params.get("rport", port)
    return host, port_number(port, 5060)


def port_number(text: str, default: int) -> int:
    """A port written in ASCII digits (1–65535), else ``default``."""
    if _PORT.fullmatch(text) and 0 < int(text) < 65536:
        return int(text)
    return default


def branch() -> str:
    return "z9hG4bK" + uuid.uuid4().hex[:16]


def new_tag() -> str:
    return uuid.uuid4().hex[:12]


def response(
    request: SipMessage,
    code: int,
    reason: str,
    *,
    to_tag: str = "",
    extra: list[tuple[str, str]] | None = None,
    body: bytes = b"",
) -> SipMessage:
    """A response that copies what RFC 3261 §8.2.6 says to copy."""
    headers: list[tuple[str, str]] = []
    for name, value in request.headers:
        low = name.lower()
        if low == "to" and to_tag and not tag_of(value):
            value = f"{value};tag={to_tag}"
        if low in ("via", "from", "to", "call-id", "cseq") or (low == "record-route" and code > 100):
            headers.append((name, value))
    headers += extra or []
    return SipMessage(f"SIP/2.0 {code} {reason}", headers, body)


def digest(challenge: str, *, method: str, uri: str, user: str, password: str, proxy: bool) -> str:
    """The Authorization (or Proxy-Authorization) value answering ``challenge``."""
    params = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge))
    realm, nonce = params.get("realm", ""), params.get("nonce", "")
    ha1 = hashlib.md5(f"{user}:{realm}:{password}".encode()).hexdigest()
    ha2 = hashlib.md5(f"{method}:{uri}".encode()).hexdigest()
    extra = ""
    if "auth" in params.get("qop", "").split(","):
        cnonce = uuid.uuid4().hex[:8]
        answer = hashlib.md5(f"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}".encode()).hexdigest()
        extra = f', qop=auth, nc=00000001, cnonce="{cnonce}"'
    else:
        answer = hashlib.md5(f"{ha1}:{nonce}:{ha2}".encode()).hexdigest()
    opaque = f', opaque="{params["opaque"]}"' if "opaque" in params else ""
    return (
        f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
        f'response="{answer}", algorithm=MD5{extra}{opaque}'
    )
