"""The journalled book's turns between the database and the journal, with a book that comes and goes
at the test's word (a fake: the real database is in test_wakeup_outage.py): it never claims from the
book while the journal holds untold steps, tells each call once, and a telling that fails leaves it
away and asking again rather than stuck away for good."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

from hardware.wakeup.journal_file import JournalFile
from hardware.wakeup.journalled import JournalledBook
from switchboard.clock import FakeClock
from switchboard.wakeup_journal_calls import BookAway, JournalCall
from switchboard.wakeup_plan import CallResult, DiallingRules, DialOrder, NextStep
from switchboard.wakeup_status import WakeUpStatus
from tests.conftest import HOTEL_ZONE

RULES = DiallingRules(attempts=2)
T0 = datetime(2026, 11, 21, 6, 30, tzinfo=HOTEL_ZONE)


class ComingAndGoingBook:
    """Answers while ``up``; otherwise every step is BookAway. Records what it was told."""

    def __init__(self, calls: list[JournalCall]) -> None:
        self.up = True
        self.calls = calls
        self.told: list[tuple[str, WakeUpStatus, int]] = []
        self.claimed: list[str] = []
        self.fail_next_telling = False

    def _check(self) -> None:
        if not self.up:
            raise BookAway("connection refused")

    def ping(self) -> None:
        self._check()

    def upcoming(self, until: datetime) -> list[JournalCall]:
        self._check()
        return [c for c in self.calls if c.status is WakeUpStatus.BOOKED]

    def reconcile(self, call: JournalCall) -> None:
        self._check()
        if self.fail_next_telling:
            self.fail_next_telling = False
            raise RuntimeError("a surprise in the database layer")
        self.told.append((call.key, call.status, len(call.tried)))
        for c in self.calls:
            if c.key == call.key:
                c.status = call.status

    def recover(self) -> int:
        self._check()
        return 0

    def claim_next(self, line: str) -> DialOrder | None:
        self._check()
        self.claimed.append(line)
        return None

    def finish(self, order: DialOrder, result: CallResult, detail: str = "") -> NextStep:
        self._check()
        return NextStep(WakeUpStatus.CONFIRMED, None)

    def to_manual(self, reason: str) -> list[str]:
        self._check()
        return []

    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None:
        self._check()


def call(wakeup_id: int) -> JournalCall:
    return JournalCall(
        f"w{wakeup_id}", wakeup_id, str(wakeup_id), str(wakeup_id), "en", T0, WakeUpStatus.BOOKED, 0
    )


def wait_back(book: JournalledBook) -> None:
    deadline = time.monotonic() + 5
    while book.away and time.monotonic() < deadline:
        book.beat("d", True, 1, 0)
        time.sleep(0.05)


def test_the_journal_is_told_once_before_the_book_is_claimed_from(tmp_path: Path) -> None:
    clock = FakeClock(T0 - timedelta(minutes=1))
    online = ComingAndGoingBook([call(1), call(2)])
    book = JournalledBook(online, JournalFile(tmp_path, RULES), clock.now)
    book.PROBE_EVERY = 0.05
    assert book.recover() == 0
    online.up = False
    clock.set(T0)
    order = book.claim_next("l1")  # the book is away: from the journal
    assert book.away and order is not None and order.wakeup_id == 1
    assert book.finish(order, CallResult.CONFIRMED).status is WakeUpStatus.CONFIRMED
    online.up, online.fail_next_telling = True, True
    deadline = time.monotonic() + 5
    while online.fail_next_telling and time.monotonic() < deadline:
        book.beat("d", True, 1, 0)
        time.sleep(0.01)
    online.up = False  # gone again at once
    assert book.away and online.told == []  # the telling failed: still away, and asked again
    online.claimed.clear()
    assert book.claim_next("l1") is not None  # call 2, from the journal still
    assert online.claimed == []
    online.up = True
    wait_back(book)
    assert not book.away
    assert [(k, s.value, n) for k, s, n in online.told] == [("w1", "confirmed", 1), ("w2", "dialling", 1)]
    book.claim_next("l1")
    assert online.claimed == ["l1"]  # only now from the book
    wait_back(book)
    assert len(online.told) == 2  # told once
    book.close()
