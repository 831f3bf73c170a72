"""FIAS records: ``RI|FFdata|FFdata|…|`` with repeated fields kept in order.

Field order carries meaning in one place (a room move sends ``GS`` right after
each room field), so a record keeps its fields as a tuple of pairs, not a dict.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from switchboard.errors import InputError

log = logging.getLogger(__name__)

# The site's code page (``[pms] encoding``): the specification leaves extended characters to
# the site. Bytes that do not decode become U+FFFD so the record around them is kept; the
# link reports them (``undecodable``) in its monitor and log, so nothing is replaced unseen.
DEFAULT_ENCODING = "utf-8"
_PROBE = "LS|DA261121|TI063000|RN0101|"


def check_encoding(name: str) -> str:
    """The codec's canonical name; ValueError for one that is unknown or does not keep ASCII as is
    (UTF-16 and the like would turn STX, ETX and ``|`` into other bytes)."""
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        raise ValueError(f"unknown character set {name!r}") from None
    if _PROBE.encode(info.name) != _PROBE.encode("ascii") or "\x02\x03".encode(info.name) != b"\x02\x03":
        raise ValueError(f"character set {name!r} does not keep ASCII bytes as they are")
    return info.name


def undecodable(payload: bytes, encoding: str = DEFAULT_ENCODING) -> list[bytes]:
    """The byte runs of ``payload`` that are not text in ``encoding``, in order."""
    bad: list[bytes] = []
    rest = payload
    while rest and len(bad) < 64:
        try:
            rest.decode(encoding)
        except UnicodeDecodeError as exc:
            bad.append(rest[exc.start : max(exc.end, exc.start + 1)])
            rest = rest[max(exc.end, exc.start + 1) :]
        else:
            break
    return bad


@dataclass(frozen=True, slots=True)
class FiasRecord:
    kind: str
    fields: tuple[tuple[str, str], ...] = ()

    def get(self, field: str, default: str = "") -> str:
        for name, value in self.fields:
            if name == field:
                return value
        return default

    def all(self, field: str) -> list[str]:
        return [value for name, value in self.fields if name == field]

    def has(self, field: str) -> bool:
        return any(name == field for name, _ in self.fields)


def record(kind: str, *pairs: tuple[str, str], **fields: str | int) -> FiasRecord:
    """Build a record: positional pairs keep order and repeats, keywords are added after."""
    items = list(pairs) + [(name.replace("_", "#"), str(value)) for name, value in fields.items()]
    return FiasRecord(kind, tuple(items))


def stamped(kind: str, when: datetime, *pairs: tuple[str, str]) -> FiasRecord:
    return FiasRecord(kind, (("DA", when.strftime("%y%m%d")), ("TI", when.strftime("%H%M%S")), *pairs))


def parse(payload: bytes, encoding: str = DEFAULT_ENCODING) -> FiasRecord:
    """Parse the bytes between STX and ETX; raises InputError on a malformed record."""
    text = payload.decode(encoding, errors="replace")
    if len(text) < 3 or text[2] != "|" or not text[:2].isalnum():
        raise InputError("fias.bad_record", f"malformed FIAS record {text[:40]!r}", text=text[:40])
    body = text[3:]
    parts = body.split("|")
    # A well-formed record ends in '|', leaving one empty piece; tolerate its absence.
    if parts and parts[-1] == "":
        parts.pop()
    fields: list[tuple[str, str]] = []
    for part in parts:
        if len(part) < 2:
            raise InputError("fias.bad_field", f"malformed FIAS field in {text[:40]!r}", text=text[:40])
        fields.append((part[:2], part[2:]))
    return FiasRecord(text[:2], tuple(fields))


def format_record(rec: FiasRecord, encoding: str = DEFAULT_ENCODING) -> bytes:
    pieces: Iterable[str] = (name + _clean(value) for name, value in rec.fields)
    text = rec.kind + "|" + "".join(p + "|" for p in pieces)
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        log.warning(
            "FIAS %s: %r has no form in %s; sent as '?'", rec.kind, exc.object[exc.start : exc.end], encoding
        )
        return text.encode(encoding, errors="replace")


def _clean(value: str) -> str:
    # '|' and control bytes would break the frame; they never belong in a field.
    return "".join(ch for ch in value if ch != "|" and (ord(ch) >= 32 or ch in "\r\n") and ord(ch) != 127)
