"""SIP messages from datagrams that anyone on the hotel network can send: read or rejected, never raised.

Every length is bounded (datagram, line, header count, body) and every number that SIP defines as digits
(status code, Content-Length, CSeq, Max-Forwards, Expires) must be ASCII digits within its range: Python's
``str.isdigit()`` and ``int()`` also take '²' or '١٢', which no SIP grammar does (RFC 3261 §25.1, DIGIT is
%x30-39). A header that may appear once (RFC 3261 §7.3) and appears twice makes the message ambiguous, so it
is rejected too. What is not a SIP message comes back as ``Rejected`` with a short reason for the log and the
link monitor, and, when enough of it was readable to answer a request, the message itself (for a 400).

A request over a bound (the datagram over ``MAX_DATAGRAM``, a line over ``MAX_LINE``) is not read, but when
its request line and the headers a response copies (RFC 3261 §8.2.6.2: Via, From, To, Call-ID, CSeq) can
still be read within the bounds, ``Rejected.too_large`` carries them, so the PBX can be answered 513
Message Too Large (§21.5.14) instead of retransmitting it for 32 s (§17.1.2.2). ``AnsweredOnce`` keeps
that answer to one per transaction.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from hardware.sip.sip_message import SipMessage

log = logging.getLogger(__name__)

MAX_DATAGRAM = 16384  # a NOTIFY with a few dialogs is 2 KB; pjsip's own PJSIP_MAX_PKT_LEN is 4000
MAX_LINE = 2048
MAX_HEADERS = 100
MAX_BODY = 12288

COMPACT = {
    "v": "via",
    "f": "from",
    "t": "to",
    "i": "call-id",
    "m": "contact",
    "l": "content-length",
    "c": "content-type",
    "e": "content-encoding",
    "k": "supported",
    "s": "subject",
    "o": "event",
    "u": "allow-events",
    "r": "refer-to",
    "b": "referred-by",
    "x": "session-expires",
}
# Headers whose grammar has no comma list: a second one is an error (RFC 3261 §7.3).
SINGLE = ("call-id", "cseq", "from", "to", "max-forwards", "content-length", "content-type", "expires")
# RFC 3261 §8.1.1: what every request carries; a request without one of them gets 400 (§8.2).
MANDATORY = ("Call-ID", "Via", "CSeq", "From", "To", "Max-Forwards")

_TOKEN = r"[A-Za-z0-9.!%*_+`'~-]+"
_REQUEST_LINE = re.compile(rf"({_TOKEN}) ([^ \x00-\x1f\x7f]+) SIP/2\.0", re.ASCII)
_STATUS_LINE = re.compile(r"SIP/2\.0 ([1-6][0-9]{2}) ([^\x00-\x08\x0a-\x1f\x7f]*)", re.ASCII)
_HEADER_NAME = re.compile(_TOKEN, re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_NUMBERS = {
    # header: (pattern, largest value)
    "content-length": (re.compile(r"[0-9]{1,6}", re.ASCII), MAX_BODY),
    "max-forwards": (re.compile(r"[0-9]{1,3}", re.ASCII), 255),
    "expires": (re.compile(r"[0-9]{1,10}", re.ASCII), 2**32 - 1),
    "cseq": (re.compile(r"([0-9]{1,10})[ \t]+" + _TOKEN, re.ASCII), 2**31 - 1),
}


@dataclass(frozen=True)
class Rejected:
    """Bytes that are not an acceptable SIP message; ``quiet`` for keep-alives (nothing to count)."""

    reason: str
    message: SipMessage | None = None
    quiet: bool = False
    too_large: bool = False  # over a bound; ``message``, if any, holds only what a 513 needs


def read(data: bytes) -> SipMessage | Rejected:
    """The message in one datagram, or why it is not one. Never raises."""
    try:
        return _read(data)
    except Exception as exc:  # the rules below leave nothing for this; the fuzz test holds them to it
        log.exception("SIP reader: unforeseen datagram")
        return Rejected(f"unreadable ({type(exc).__name__})")


def parse(data: bytes) -> SipMessage | None:
    """The message, or None for anything rejected (for readers that only want good messages)."""
    result = read(data)
    return result if isinstance(result, SipMessage) else None


def _read(data: bytes) -> SipMessage | Rejected:
    if len(data) > MAX_DATAGRAM:
        return _too_large(data, f"datagram of {len(data)} bytes, over {MAX_DATAGRAM}")
    if not data.strip(b"\r\n \t"):
        return Rejected("keep-alive", quiet=True)  # RFC 5626 CRLF keep-alives
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = data.partition(b"\n\n")
    if not sep:
        return Rejected("no end of the headers")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return Rejected("headers not UTF-8")
    lines = text.split("\n")
    if len(lines) > MAX_HEADERS + 1:
        return Rejected(f"more than {MAX_HEADERS} header lines")
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if any(len(line) > MAX_LINE for line in lines):
        return _too_large(data, f"a line longer than {MAX_LINE}")
    start = lines[0]
    request = _REQUEST_LINE.fullmatch(start)
    if request is None and _STATUS_LINE.fullmatch(start) is None:
        return Rejected("not a SIP start line")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if _CONTROL.search(line):
            return Rejected("control character in a header")
        if line[:1] in (" ", "\t"):
            if not headers:
                return Rejected("continuation line before any header")
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {line.strip()}")
            continue
        name, colon, value = line.partition(":")
        name = name.rstrip(" \t")
        if not colon or _HEADER_NAME.fullmatch(name) is None:
            return Rejected("not a header line")
        headers.append((COMPACT.get(name.lower(), name), value.strip(" \t")))
    message = SipMessage(start, headers, b"")
    problem = _numbers_and_singles(message)
    if problem:
        return Rejected(problem, message if request is not None else None)
    length = message.get("content-length")
    if length:
        if len(body) < int(length):
            return Rejected("body shorter than its Content-Length", message if request is not None else None)
        body = body[: int(length)]
    elif len(body) > MAX_BODY:
        return Rejected(f"body over {MAX_BODY} bytes")
    message.body = body
    if request is None and (message.cseq_number < 0 or not message.get("call-id") or not message.get("via")):
        return Rejected("response without Call-ID, CSeq or Via")
    return message


def _numbers_and_singles(message: SipMessage) -> str:
    seen: set[str] = set()
    for name, value in message.headers:
        low = name.lower()
        if low in SINGLE:
            if low in seen:
                return f"{name} twice"
            seen.add(low)
        rule = _NUMBERS.get(low)
        if rule is not None:
            pattern, largest = rule
            m = pattern.fullmatch(value)
            if m is None:
                return f"{name} is not a number in ASCII digits"
            if int(m.group(1) if m.groups() else m.group(0)) > largest:
                return f"{name} over {largest}"
    return ""


def request_problem(message: SipMessage) -> str:
    """Why a request must be answered 400 (RFC 3261 §8.2.2, §8.1.1), or "" if it may be served."""
    missing = [name for name in MANDATORY if not message.get(name)]
    if missing:
        return "missing " + ", ".join(missing)
    if message.cseq_method != message.method.upper():
        return "CSeq method differs from the request's"
    return ""


ANSWER_COPIES = ("via", "from", "to", "call-id", "cseq")  # RFC 3261 §8.2.6.2
MAX_VIAS = 16  # a 513 copies every Via; a path longer than this is no PBX's


def _too_large(data: bytes, reason: str) -> Rejected:
    """A datagram over a bound: its request line and the headers a 513 copies, if each of them can be read
    whole within the bounds (a truncated datagram's cut last line is never read); else nothing to answer."""
    head, sep, _ = data[: MAX_DATAGRAM + 1].partition(b"\r\n\r\n")
    lines = head.split(b"\n")[: MAX_HEADERS + 1]
    if not sep or len(lines) > MAX_HEADERS:
        lines = lines[:-1]  # the headers do not end within the datagram read: the last line may be cut
    lines = [line[:-1] if line.endswith(b"\r") else line for line in lines]
    if not lines or len(lines[0]) > MAX_LINE:
        return Rejected(reason, too_large=True)
    try:
        start = lines[0].decode("utf-8")
    except UnicodeDecodeError:
        return Rejected(reason, too_large=True)
    if _REQUEST_LINE.fullmatch(start) is None:
        return Rejected(reason, too_large=True)
    headers: list[tuple[str, str]] = []
    copied = False  # the line before was one of ANSWER_COPIES (a continuation of it cannot be left out)
    for raw in lines[1:]:
        if raw[:1] in (b" ", b"\t"):
            if copied:
                return Rejected(reason, too_large=True)
            continue
        name = raw.partition(b":")[0].rstrip(b" \t").decode("ascii", "replace")
        low = COMPACT.get(name.lower(), name.lower())
        copied = low in ANSWER_COPIES
        if not copied:
            continue  # the long line may be this one: a 513 does not need it
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            return Rejected(reason, too_large=True)
        if len(line) > MAX_LINE or _CONTROL.search(line) or _HEADER_NAME.fullmatch(name) is None:
            return Rejected(reason, too_large=True)
        headers.append((COMPACT.get(name.lower(), name), line.partition(":")[2].strip(" \t")))
    message = SipMessage(start, headers, b"")
    vias = len(message.all("via"))
    if (
        _numbers_and_singles(message)
        or not all(message.get(name) for name in ANSWER_COPIES)
        or message.cseq_method != message.method.upper()
        or not 0 < vias <= MAX_VIAS
    ):
        return Rejected(reason, too_large=True)
    return Rejected(reason, message, too_large=True)


class AnsweredOnce:
    """The transactions (Call-ID, top Via, CSeq) already answered 513: one answer each, the newest 256
    remembered, so a PBX that retransmits an oversized request is not answered each time."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._seen: dict[tuple[str, str, str], None] = {}

    def first(self, request: SipMessage) -> bool:
        key = (request.get("call-id"), request.get("via"), request.get("cseq"))
        if key in self._seen:
            return False
        if len(self._seen) >= self._size:
            self._seen.pop(next(iter(self._seen)))
        self._seen[key] = None
        return True
