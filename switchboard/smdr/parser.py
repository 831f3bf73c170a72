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
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import itemgetter

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
    salvaged_at: int = 0  # a bad line's record glued on behind, from this character


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
        self._learnt: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._interpret: Callable[[ProfileParser, dict[str, str], str], CallRecord | None] = (
            dialects.RULES.get(profile.dialect, interpret)
        )
        self._csv = profile.layout == "csv"
        self._fields = [(f.name, f.start, f.end or None, f.check) for f in profile.fields]
        self._names = [f.name for f in profile.fields]
        starts = [f.start for f in profile.fields]
        self._last_column = max(starts)
        self._columns: Callable[[list[str]], tuple[str, ...]] = (
            itemgetter(*starts) if len(starts) > 1 else lambda cols: (cols[starts[0]],)
        )
        self._checked = [i for i, f in enumerate(profile.fields) if f.check is not None]
        # All checks as one expression over the checked fields joined by US (a control byte, so never
        # inside a field): one match per line instead of one per field.
        self._all_checks = re.compile(
            "\x1f".join(f"(?:{profile.fields[i].check.pattern})" for i in self._checked)  # type: ignore[union-attr]
        )

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
                records.append(record)
        return records

    def explain(self, text: str) -> Reading:
        """One line, field by field (for the engineer's preview); nothing is counted. A bad line's
        reading carries the record glued behind it, if the link would read one (``salvaged_at``)."""
        if self.profile.not_calls is not None and self.profile.not_calls.search(text):
            return Reading(text, skipped=True)
        fields: tuple[tuple[str, str], ...] = ()
        try:
            values = self._split(text)
            fields = tuple(values.items())
            record = self._interpret(self, values, text)
        except (ValueError, IndexError, OverflowError, csv.Error) as exc:
            at, record = self._behind(text)
            return Reading(text, fields, record, error=str(exc), salvaged_at=at)
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
        if self._csv:
            cols = next(csv.reader([text], delimiter=p.delimiter)) if '"' in text else text.split(p.delimiter)
            if not p.min_fields <= len(cols) <= p.max_fields:
                raise BadLine(f"{len(cols)} fields, the format has {p.min_fields} to {p.max_fields}")
            if len(cols) > self._last_column:
                values = list(map(str.strip, self._columns(cols)))
            else:
                count = len(cols)
                values = [cols[start].strip() if start < count else "" for _, start, _, _ in self._fields]
        else:
            if not p.min_fields <= len(text) <= p.max_fields:
                raise BadLine(f"{len(text)} characters, the format has {p.min_fields} to {p.max_fields}")
            values = [text[start:end].strip() for _, start, end, _ in self._fields]
        if self._checked and not self._all_checks.fullmatch("\x1f".join([values[i] for i in self._checked])):
            for i in self._checked:
                name, _, _, check = self._fields[i]
                if check is not None and not check.fullmatch(values[i]):
                    raise BadLine(f"{name} {values[i]!r} does not match {check.pattern}")
        return dict(zip(self._names, values, strict=True))

    def _salvage(self, text: str, raw: bytes, why: str) -> CallRecord | None:
        """A bad line may be half a line with a whole record behind it: read that record."""
        self._reject(raw, why)
        return self._behind(text)[1]

    def _behind(self, text: str) -> tuple[int, CallRecord | None]:
        start = self.profile.record_start
        if start is None:
            return 0, None
        for tries, found in enumerate(start.finditer(text, 1)):
            if tries >= _SALVAGE_TRIES:
                break
            try:
                return found.start(), self._parse(text[found.start() :])
            except (ValueError, IndexError, OverflowError, csv.Error):
                continue
        return 0, None

    def remember(self, call_id: str, what: tuple[str, str]) -> None:
        """What a dialect learnt about a call from one of its records, for its later records."""
        if not call_id:
            return
        self._learnt.pop(call_id, None)
        self._learnt[call_id] = what
        while len(self._learnt) > _OPEN_CALLS:
            self._learnt.popitem(last=False)

    def recalled(self, call_id: str) -> tuple[str, str] | None:
        return self._learnt.get(call_id) if call_id else None

    def segment(self, call_id: str, continued: bool) -> int:
        """Segments of one call (same call id) numbered in the order they arrive."""
        if not call_id:
            return 0
        segment = self._segments.pop(call_id, 0) + 1
        if continued:
            self._segments[call_id] = segment
            while len(self._segments) > _OPEN_CALLS:
                self._segments.popitem(last=False)
        return segment

    def connection_ended(self) -> None:
        """A line or frame the connection dropped in the middle of is one bad line (never glued on)."""
        left = self._framer.cut_short()
        if left:
            self._reject(left, "cut short when the connection ended")

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
