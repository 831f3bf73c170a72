"""FIAS records: ``RI|FFdata|FFdata|…|`` with repeated fields kept in order.

Field order carries meaning in one place (a room move sends ``GS`` right after
each room field), so a record keeps its fields as a tuple of pairs, not a dict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from switchboard.errors import InputError

# The site's code page; extended characters are site-configured, UTF-8 is a safe default
# and errors are replaced so a stray byte never loses the record around it.
DEFAULT_ENCODING = "utf-8"


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
    return (rec.kind + "|" + "".join(p + "|" for p in pieces)).encode(encoding, errors="replace")


def _clean(value: str) -> str:
    # '|' and control bytes would break the frame; they never belong in a field.
    return "".join(ch for ch in value if ch != "|" and (ord(ch) >= 32 or ch in "\r\n") and ord(ch) != 127)
