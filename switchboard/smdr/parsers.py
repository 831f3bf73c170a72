"""Parsers for the PBX's call-record stream: Avaya IP Office CSV, Mitel 5000 columns, Asterisk cdr_csv.

Each parser takes bytes in whatever chunks the port delivers and returns the
records of the complete lines. A line that does not parse is logged and counted,
and the records around it are kept: one bad line must never cost the night's
call accounting.
"""

from __future__ import annotations

import csv
import enum
import logging
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

log = logging.getLogger(__name__)

MAX_LINE = 4096


class SmdrFormat(enum.Enum):
    AVAYA_IP_OFFICE = "avaya_ipo"
    MITEL_5000 = "mitel_5000"
    ASTERISK_CSV = "asterisk_csv"


class Direction(enum.Enum):
    INCOMING = "in"
    OUTGOING = "out"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class CallRecord:
    started_at: datetime
    extension: str
    direction: Direction
    number: str
    duration_s: int
    ring_s: int = 0
    trunk: str = ""
    call_type: str = ""
    answered: bool = True
    account: str = ""
    call_id: str = ""
    raw: str = ""  # the line as the PBX sent it


class SmdrParser:
    """Line splitting and error accounting shared by the formats."""

    def __init__(self, today: date | None = None) -> None:
        self._pending = bytearray()
        self.bad_lines = 0
        self.last_error = ""
        self.rejected: deque[bytes] = deque(maxlen=100)  # the latest bad lines, for the link monitor
        self._today = today  # fixed for golden files; otherwise the day the line arrives

    def feed(self, data: bytes) -> list[CallRecord]:
        self._pending += data
        records: list[CallRecord] = []
        while True:
            cut = self._pending.find(b"\n")
            if cut < 0:
                if len(self._pending) > MAX_LINE:
                    self._reject(bytes(self._pending[:80]), "line too long")
                    self._pending.clear()
                break
            line = bytes(self._pending[:cut]).rstrip(b"\r")
            del self._pending[: cut + 1]
            if not line.strip():
                continue
            try:
                rec = self.parse_line(line.decode("utf-8", errors="replace"))
            except (ValueError, IndexError, OverflowError, csv.Error) as exc:
                self._reject(line, str(exc))
                continue
            if rec is not None:
                records.append(rec)
        return records

    def _reject(self, line: bytes, why: str) -> None:
        self.bad_lines += 1
        self.last_error = why
        self.rejected.append(line)
        log.warning("SMDR line skipped (%s): %r", why, line[:120])

    def parse_line(self, line: str) -> CallRecord | None:
        raise NotImplementedError

    def dated(self, start: time) -> datetime:
        """A start time without a date (Mitel): today's, or yesterday's for a call begun before midnight."""
        if self._today is not None:
            return datetime.combine(self._today, start)
        now = datetime.now()
        started = datetime.combine(now.date(), start)
        return started - timedelta(days=1) if started > now + timedelta(minutes=5) else started


def _hms(text: str) -> int:
    h, m, s = text.strip().split(":")
    if not (h.isdigit() and m.isdigit() and s.isdigit()):
        raise ValueError(f"bad time {text!r}")
    return int(h) * 3600 + int(m) * 60 + int(s)


def _int(text: str) -> int:
    text = text.strip()
    return int(text) if text else 0


class AvayaIpOfficeParser(SmdrParser):
    """One CSV line per call segment; Party1Device 'E…' is the extension side."""

    def parse_line(self, line: str) -> CallRecord | None:
        cols = next(csv.reader([line]))
        if len(cols) < 17:
            raise ValueError(f"{len(cols)} columns, need 17")
        started = datetime.strptime(cols[0].strip(), "%Y/%m/%d %H:%M:%S")
        internal = cols[8].strip() == "1"
        direction = Direction.INTERNAL if internal else (
            Direction.INCOMING if cols[4].strip() == "I" else Direction.OUTGOING)
        if cols[4].strip() not in ("I", "O"):
            raise ValueError(f"bad direction {cols[4]!r}")
        p1 = cols[11].strip()
        p2 = cols[13].strip()
        caller = cols[3].strip() if direction is Direction.OUTGOING else ""
        extension = p1[1:] if p1.startswith("E") else caller
        trunk = p2[1:] if p2.startswith("T") else ""
        number = cols[3].strip() if direction is Direction.INCOMING else cols[6].strip()
        talk = _hms(cols[1])
        return CallRecord(
            started_at=started, extension=extension, direction=direction, number=number,
            duration_s=talk, ring_s=_int(cols[2]), trunk=trunk,
            call_type=direction.name.lower(),
            answered=talk > 0, account=cols[7].strip(), call_id=cols[9].strip(), raw=line,
        )


_LENGTH_PREFIX = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x84\ufffd"


class Mitel5000Parser(SmdrParser):
    """80 fixed columns; an optional 4-byte length prefix per record is stripped by the reader."""

    _INCOMING = {"IN", "DID", "O/I", "DSA"}

    def parse_line(self, line: str) -> CallRecord | None:
        # The TCP stream puts a binary length before each record; keep from the call type on.
        line = line.lstrip(_LENGTH_PREFIX).rstrip()
        if len(line) < 59:
            raise ValueError(f"{len(line)} characters, need 59")
        kind = line[0:3].strip()
        extension = line[4:9].strip()
        trunk = line[10:15].strip()
        digits = line[16:44].strip().rstrip(">")
        start = time.fromisoformat(line[45:50].strip())
        elapsed = line[51:59].strip()
        seconds = int(elapsed[2:]) if elapsed.startswith("S=") else _hms(elapsed)
        if not kind:
            raise ValueError("no call type")
        direction = Direction.INCOMING if kind in self._INCOMING else (
            Direction.INTERNAL if kind in ("NET", "CNF") else Direction.OUTGOING)
        unanswered = extension.startswith("*")
        return CallRecord(
            started_at=self.dated(start), extension="" if unanswered else extension,
            direction=direction, number=digits, duration_s=seconds, trunk=trunk, call_type=kind,
            answered=not unanswered, account=line[67:79].strip().rstrip("*"), raw=line,
        )


class AsteriskCsvParser(SmdrParser):
    """Master.csv lines from cdr_csv; rooms are the src (outgoing) or dst (incoming) extension."""

    def parse_line(self, line: str) -> CallRecord | None:
        cols = next(csv.reader([line]))
        if len(cols) < 16:
            raise ValueError(f"{len(cols)} columns, need 16")
        started = datetime.strptime(cols[9], "%Y-%m-%d %H:%M:%S")
        duration, billsec = int(cols[12]), int(cols[13])
        src, dst = cols[1], cols[2]
        channel = cols[5]
        dst_channel = cols[6]
        from_trunk = not channel.startswith(("SIP/" + src, "PJSIP/" + src))
        to_trunk = dst_channel != "" and not dst_channel.startswith(("SIP/" + dst, "PJSIP/" + dst))
        if from_trunk:
            direction, extension, number = Direction.INCOMING, dst, src
        elif to_trunk:
            direction, extension, number = Direction.OUTGOING, src, dst
        else:
            direction, extension, number = Direction.INTERNAL, src, dst
        return CallRecord(
            started_at=started, extension=extension, direction=direction, number=number, duration_s=billsec,
            ring_s=max(0, duration - billsec), trunk="", call_type=cols[3], answered=cols[14] == "ANSWERED",
            account=cols[0], call_id=cols[16] if len(cols) > 16 else "", raw=line,
        )


def parser_for(fmt: SmdrFormat, today: date | None = None) -> SmdrParser:
    classes: dict[SmdrFormat, type[SmdrParser]] = {
        SmdrFormat.AVAYA_IP_OFFICE: AvayaIpOfficeParser,
        SmdrFormat.MITEL_5000: Mitel5000Parser,
        SmdrFormat.ASTERISK_CSV: AsteriskCsvParser,
    }
    return classes[fmt](today)
