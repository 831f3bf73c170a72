"""Charges for the PMS (PS) and its answers (PA), as a queue without I/O.

The specification allows one PS outstanding at a time: the next goes only once the
PA for the last is in. A PA that says "not now" (RY retry, BY busy, NA night audit)
puts the posting back and the queue waits a pause that doubles with each such answer,
so a PMS that is busy is never answered with a burst. During the night audit (NS…NE)
no PS goes at all. Posting numbers (P#, 1–99999999) come from ``PostingNumbers``,
which the console keeps in the database so they go on across restarts; a posting
keeps its number through its retries.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from switchboard.fias.records import FiasRecord

log = logging.getLogger(__name__)

LAST_NUMBER = 99_999_999
FIRST_PAUSE = timedelta(seconds=15)
LONGEST_PAUSE = timedelta(minutes=10)
# A night audit whose NE never came (lost with a line) must not hold the charges for ever.
LONGEST_NIGHT_AUDIT = timedelta(hours=4)
NOT_NOW = ("RY", "BY", "NA")


@dataclass(frozen=True, slots=True)
class Posting:
    """A charge for the PMS. A call (PT=C, pre-costed ``cents``) or, with ``article``, a minibar
    posting (PT=M: article ``MA`` and ``quantity`` ``M#``, ``cents`` only when the PBX prices it)."""

    room: str
    started_at: datetime
    cents: int
    digits: str = ""
    duration_s: int = 0
    call_type: str = ""
    reference: int = 0  # the console's own name for it (the call record), given back with the answer
    article: str = ""
    quantity: int = 1


class PostingNumbers(Protocol):
    def take(self) -> int:
        """The next posting number (1–99999999, after the last one taken, across restarts)."""
        ...


class CountedNumbers:
    """Posting numbers held in memory only (training mode, tests of the protocol)."""

    def __init__(self, last: int = 0) -> None:
        self.last = last

    def take(self) -> int:
        self.last = self.last % LAST_NUMBER + 1
        return self.last


@dataclass
class _Queued:
    posting: Posting
    number: int | None = None
    refusals: int = 0  # "not now" answers so far


class PostingQueue:
    def __init__(
        self,
        now: Callable[[], datetime],
        numbers: PostingNumbers,
        answer_timeout: timedelta,
        first_pause: timedelta = FIRST_PAUSE,
        longest_pause: timedelta = LONGEST_PAUSE,
    ) -> None:
        self._now = now
        self._numbers = numbers
        self._answer_timeout = answer_timeout
        self._first_pause = first_pause
        self._longest_pause = longest_pause
        self._waiting: deque[_Queued] = deque()
        self._outstanding: tuple[_Queued, datetime] | None = None
        self._not_before: datetime | None = None
        self.night_audit_since: datetime | None = None
        # Told of each posting the PMS settled: True posted, False refused for good (not "try again").
        self.on_settled: Callable[[Posting, bool], None] = lambda _posting, _posted: None

    def add(self, posting: Posting) -> None:
        self._waiting.append(_Queued(posting))

    def __len__(self) -> int:
        return len(self._waiting) + (self._outstanding is not None)

    def line_lost(self) -> None:
        """The PA may have been lost with the line: the posting goes out again, same number."""
        if self._outstanding is not None:
            self._waiting.appendleft(self._outstanding[0])
            self._outstanding = None

    def night_audit(self, running: bool) -> None:
        self.night_audit_since = self._now() if running else None

    def next_record(self) -> FiasRecord | None:
        """The PS to send now, if one may go."""
        now = self._now()
        if self._outstanding is not None:
            if now - self._outstanding[1] < self._answer_timeout:
                return None
            log.warning(
                "no PA for posting %s within %s; sending it again",
                self._outstanding[0].number,
                self._answer_timeout,
            )
            self.line_lost()
        if not self._waiting or (self._not_before is not None and now < self._not_before):
            return None
        if self.night_audit_since is not None:
            if now - self.night_audit_since < LONGEST_NIGHT_AUDIT:
                return None
            log.warning(
                "PMS night audit began %s ago and never ended; charges are posted again",
                now - self.night_audit_since,
            )
            self.night_audit_since = None
        head = self._waiting[0]
        if head.number is None:
            try:
                head.number = self._numbers.take()
            except Exception:  # the number store is away: the charge waits, nothing is lost
                log.exception("no posting number to be had; the charge waits")
                self._not_before = now + self._first_pause
                return None
        self._waiting.popleft()
        self._outstanding = (head, now)
        return posting_record(head.number, head.posting)

    def answer(self, rec: FiasRecord) -> None:
        """A PA from the PMS."""
        if self._outstanding is None or rec.get("P#") != str(self._outstanding[0].number):
            log.warning("PA for a posting not outstanding: %s", rec)
            return
        queued, _ = self._outstanding
        self._outstanding = None
        status = rec.get("AS")
        if status in NOT_NOW:
            queued.refusals += 1
            pause = min(self._first_pause * 2 ** (queued.refusals - 1), self._longest_pause)
            self._not_before = self._now() + pause
            log.info("PMS answered %s to posting %s; posted again in %s", status, queued.number, pause)
            self._waiting.appendleft(queued)
            return
        self._not_before = None
        if status == "OK":
            self.on_settled(queued.posting, True)
        else:
            log.warning("PMS refused posting %s: %s %s", queued.number, status, rec.get("CT"))
            self.on_settled(queued.posting, False)


def posting_record(number: int, posting: Posting) -> FiasRecord:
    digits = "".join(ch for ch in posting.digits if ch.isdigit())
    stamp = (
        ("P#", str(number)),
        ("DA", posting.started_at.strftime("%y%m%d")),
        ("TI", posting.started_at.strftime("%H%M%S")),
    )
    if posting.article:
        priced = (("TA", str(posting.cents)),) if posting.cents else ()
        fields = (
            ("RN", posting.room),
            ("PT", "M"),
            ("MA", posting.article[:10]),
            ("M#", str(max(1, posting.quantity))),
            *priced,
            *stamp,
        )
        return FiasRecord("PS", fields)
    d = posting.duration_s
    return FiasRecord(
        "PS",
        (
            ("RN", posting.room),
            ("PT", "C"),
            ("TA", str(posting.cents)),
            ("DD", digits),
            ("DU", f"{d // 3600:02d}{d // 60 % 60:02d}{d % 60:02d}"),
            ("PC", posting.call_type[:1]),
            *stamp,
        ),
    )
