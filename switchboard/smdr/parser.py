"""Reading call records by a profile: bytes in whatever chunks the port delivers, records out.

Every field of every line is checked against what the profile says it may hold, so half a line
glued to the next record (noise, a reconnect) is a bad line, never a wrong call; when the profile
says how a record begins, the record behind the half line is still read. A bad line is counted
once, kept for the link monitor, logged, and the records around it are kept.
"""

from __future__ import annotations

import csv
import logging
import re
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from switchboard.smdr import dialects
from switchboard.smdr.framing import BadBytes, LengthFramer, LineFramer
from switchboard.smdr.profile import Profile
from switchboard.smdr.records import CallRecord
from switchboard.smdr.rules import BadLine, interpret

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_OPEN_CALLS = 2000  # calls whose segments are still being numbered
_SALVAGE_TRIES = 4


@dataclass(frozen=True, slots=True)
class Reading:
    """How one line reads: its fields, and the record, or why it is none."""

    line: str
    fields: tuple[tuple[str, str], ...] = ()
    record: CallRecord | None = None
    error: str = ""  # why the line is bad
    skipped: bool = False  # a line that is no call (a report header, a notice)


class ProfileParser:
    def __init__(
        self,
        profile: Profile,
        today: date | None = None,
        *,
        trunks: frozenset[str] = frozenset(),
        length_framing: bool = False,
    ) -> None:
        self.profile = profile
        self.trunks = trunks
        self.bad_lines = 0
        self.last_error = ""
        self.rejected: deque[bytes] = deque(maxlen=100)  # the latest bad lines, for the link monitor
        self._today = today  # fixed for golden files; otherwise the day the line arrives
        self._framer: LineFramer | LengthFramer = LengthFramer() if length_framing else LineFramer()
        self._segments: OrderedDict[str, int] = OrderedDict()
        self._interpret: Callable[[ProfileParser, dict[str, str], str], CallRecord | None] = (
            dialects.RULES.get(profile.dialect, interpret)
        )
        self._csv = profile.layout == "csv"
        self._fields = [(f.name, f.start, f.end or None, f.check) for f in profile.fields]

    # --- bytes in, records out -------------------------------------------------
    def feed(self, data: bytes) -> list[CallRecord]:
        records: list[CallRecord] = []
        for piece in self._framer.feed(data):
            if isinstance(piece, BadBytes):
                self._reject(piece.data, piece.why)
                continue
            text = piece.decode("utf-8", errors="replace")
            try:
                record = self._parse(text)
            except (ValueError, IndexError, OverflowError, csv.Error) as exc:
                record = self._salvage(text, piece, str(exc))
            if record is not None:
                records.append(self._numbered(record))
        return records

    def explain(self, text: str) -> Reading:
        """One line, field by field (for the engineer's preview); nothing is counted."""
        if self.profile.not_calls is not None and self.profile.not_calls.search(text):
            return Reading(text, skipped=True)
        try:
            values = self._split(text)
        except (ValueError, IndexError, csv.Error) as exc:
            return Reading(text, error=str(exc))
        fields = tuple(values.items())
        try:
            record = self._interpret(self, values, text)
        except (ValueError, IndexError, OverflowError) as exc:
            return Reading(text, fields, error=str(exc))
        return Reading(text, fields, record, skipped=record is None)

    # --- one line ----------------------------------------------------------------
    def _parse(self, text: str) -> CallRecord | None:
        if self.profile.not_calls is not None and self.profile.not_calls.search(text):
            return None
        return self._interpret(self, self._split(text), text)

    def _split(self, text: str) -> dict[str, str]:
        if _CONTROL.search(text):
            raise BadLine("control bytes inside the line")
        p = self.profile
        values: dict[str, str] = {}
        if self._csv:
            cols = next(csv.reader([text], delimiter=p.delimiter)) if '"' in text else text.split(p.delimiter)
            if not p.min_fields <= len(cols) <= p.max_fields:
                raise BadLine(f"{len(cols)} fields, the format has {p.min_fields} to {p.max_fields}")
            for name, start, _end, check in self._fields:
                value = cols[start].strip() if start < len(cols) else ""
                if check is not None and not check.fullmatch(value):
                    raise BadLine(f"{name} {value!r} does not match {check.pattern}")
                values[name] = value
        else:
            if not p.min_fields <= len(text) <= p.max_fields:
                raise BadLine(f"{len(text)} characters, the format has {p.min_fields} to {p.max_fields}")
            for name, start, end, check in self._fields:
                value = text[start:end].strip()
                if check is not None and not check.fullmatch(value):
                    raise BadLine(f"{name} {value!r} does not match {check.pattern}")
                values[name] = value
        return values

    def _salvage(self, text: str, raw: bytes, why: str) -> CallRecord | None:
        """A bad line may be half a line with a whole record behind it: read that record."""
        start = self.profile.record_start
        self._reject(raw, why)
        if start is None:
            return None
        for tries, found in enumerate(start.finditer(text, 1)):
            if tries >= _SALVAGE_TRIES:
                break
            try:
                return self._parse(text[found.start() :])
            except (ValueError, IndexError, OverflowError, csv.Error):
                continue
        return None

    def _numbered(self, record: CallRecord) -> CallRecord:
        """Segments of one call (same call id) numbered in the order they arrive."""
        if not record.call_id:
            return record
        segment = self._segments.pop(record.call_id, 0) + 1
        if record.continued:
            self._segments[record.call_id] = segment
            while len(self._segments) > _OPEN_CALLS:
                self._segments.popitem(last=False)
        return replace(record, segment=segment)

    def _reject(self, line: bytes, why: str) -> None:
        self.bad_lines += 1
        self.last_error = why
        self.rejected.append(line)
        log.warning("SMDR line skipped (%s): %r", why, line[:120])

    # --- time ---------------------------------------------------------------------
    def started(self, values: dict[str, str]) -> datetime:
        """The start of a call from its start, date and time fields; a missing year or date is
        today's (or the last one that is not in the future)."""
        p = self.profile
        today = self._today or date.today()
        if p.datetime_format is not None and "start" in values:
            at = p.datetime_format.parse(values["start"], today)
            return self._not_ahead(at, p.datetime_format.has_date, p.datetime_format.has_year)
        if p.time_format is None:
            raise BadLine("the profile has no time_format")
        at = p.time_format.parse(values.get("time", ""), today)
        has_date = p.time_format.has_date
        has_year = p.time_format.has_year
        if p.date_format is not None and values.get("date"):
            day = p.date_format.parse(values["date"], today)
            at = at.replace(year=day.year, month=day.month, day=day.day)
            has_date, has_year = True, p.date_format.has_year
        return self._not_ahead(at, has_date, has_year)

    def _not_ahead(self, at: datetime, has_date: bool, has_year: bool) -> datetime:
        if self._today is not None or (has_date and has_year):
            return at
        now = datetime.now()
        if not has_date and at > now + timedelta(minutes=5):
            return at - timedelta(days=1)  # begun before midnight, reported after
        if has_date and at > now + timedelta(days=1):
            return at.replace(year=at.year - 1)  # December's call read in January
        return at
