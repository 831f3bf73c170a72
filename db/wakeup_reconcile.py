"""The wake-up book as the journalled dialler sees it: the dialling steps, a copy of the calls due
soon for its journal, and the reconciliation of what it did while the database was away.

Any failure to reach the database becomes ``BookAway`` so the dialler goes on from its journal.
Reconciling a call is one transaction and can be repeated (a dialler killed between the commit and
marking the call settled in its journal tells it again): an attempt already in the book is not added
twice (the book's unique wake-up and attempt number), one left open is closed. What the consoles did
meanwhile wins: a call cancelled, moved or handled by a person keeps that status and only gains the
attempts; a call a console put on the manual list becomes confirmed if the guest did answer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy import or_, select, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.rows import ExtensionRow, RoomRow, WakeUpAttemptRow, WakeUpRow
from db.store import StorageUnavailable, Store
from db.wakeup_dialling import DIALLER, SqlWakeUpDialling, add_in_its_minute
from switchboard.clock import Clock
from switchboard.wakeup_journal import OnlineBook
from switchboard.wakeup_journal_calls import BookAway, JournalCall, key_of
from switchboard.wakeup_plan import CallResult, DiallingRules, DialOrder, NextStep
from switchboard.wakeup_status import WakeUpStatus

AWAY = (OperationalError, InterfaceError, PoolTimeout, StorageUnavailable, OSError)
ANSWER_WITHIN = 3.0  # seconds a database step may take before the dialler goes on without it
OPEN_FOR_DIALLER = (WakeUpStatus.BOOKED, WakeUpStatus.RETRY_WAIT, WakeUpStatus.DIALLING)
T = TypeVar("T")


@contextmanager
def _reaching() -> Iterator[None]:
    try:
        yield
    except AWAY as exc:
        raise BookAway(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__) from exc


def answer_within(
    step: Callable[[], T], seconds: float, stuck: Callable[[threading.Thread], None] | None = None
) -> T:
    """``step`` on a worker thread, waited for ``seconds``; ``BookAway`` when the database is away or
    silent (``stuck`` is told the thread left waiting on it)."""
    answers: list[T] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            answers.append(step())
        except BaseException as exc:  # handed to the caller's thread below
            errors.append(exc)

    # a daemon thread: one stuck in a database that never answers must not hold the dialler's exit
    worker = threading.Thread(target=work, name="wakeup-book", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if stuck is not None:
            stuck(worker)
        raise BookAway(f"the database did not answer within {seconds:g} s")
    if errors:
        with _reaching():
            raise errors[0]
    return answers[0]


class SqlDiallerBook:
    """Each step runs on a worker thread and is given ``answer_within`` seconds: a database whose
    packets are dropped does not answer, nor fail, for minutes, and a wake-up cannot wait for it. A step
    that did not answer in time is ``BookAway``; while it is still stuck every later step is too. (Should
    it commit late, the journal's own steps for the same call are reconciled over it: an attempt left open
    is closed by the journal's result, one already closed is kept.)"""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        rules: DiallingRules,
        *,
        migrate: bool = False,
        answer_within: float = ANSWER_WITHIN,
    ) -> None:
        self._store = store
        self._clock = clock
        self._book = SqlWakeUpDialling(store, clock, rules)
        self._migrated = not migrate
        self._answer_within = answer_within
        self._stuck: threading.Thread | None = None

    def _call(self, step: Callable[[], T]) -> T:
        if self._stuck is not None and self._stuck.is_alive():
            raise BookAway("the database has not answered the last step yet")
        return answer_within(step, self._answer_within, self._held)

    def _held(self, worker: threading.Thread) -> None:
        self._stuck = worker

    def ping(self) -> None:
        with _reaching():
            self._store.check()
            if not self._migrated:
                self._store.migrate()
                self._migrated = True

    # --- the dialling steps ------------------------------------------------------------------------
    def recover(self) -> int:
        return self._call(self._book.recover)

    def claim_next(self, line: str) -> DialOrder | None:
        return self._call(lambda: self._book.claim_next(line))

    def finish(self, order: DialOrder, result: CallResult, detail: str = "") -> NextStep:
        return self._call(lambda: self._book.finish(order, result, detail))

    def to_manual(self, reason: str) -> list[str]:
        return self._call(lambda: self._book.to_manual(reason))

    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None:
        self._call(lambda: self._book.beat(dialler, pbx_up, lines, busy, detail))

    # --- the journal -------------------------------------------------------------------------------
    def upcoming(self, until: datetime) -> list[JournalCall]:
        return self._call(lambda: self._copy(until))

    def reconcile(self, call: JournalCall) -> None:
        self._call(lambda: self._tell(call))

    def _copy(self, until: datetime) -> list[JournalCall]:
        with self._store.read() as s:
            s.execute(text("SELECT 1"))
            rows = s.scalars(
                select(WakeUpRow).where(
                    or_(
                        (WakeUpRow.status == WakeUpStatus.BOOKED.value) & (WakeUpRow.due_at <= until),
                        WakeUpRow.status.in_([WakeUpStatus.RETRY_WAIT.value, WakeUpStatus.DIALLING.value]),
                    )
                )
            ).all()
            rooms = {
                r.number: r
                for r in s.scalars(select(RoomRow).where(RoomRow.number.in_({r.room_number for r in rows})))
            }
            others: dict[int, str] = {}  # the first of its other phones, for a room without its own extension
            for room_id, number in s.execute(
                select(ExtensionRow.room_id, ExtensionRow.number)
                .where(ExtensionRow.room_id.in_([r.id for r in rooms.values() if not r.extension]))
                .order_by(ExtensionRow.id)
            ):
                if room_id is not None:
                    others.setdefault(room_id, number)
            out = []
            for row in rows:
                room = rooms.get(row.room_number)
                phone = (room.extension or others.get(room.id, "")) if room is not None else ""
                out.append(
                    JournalCall(
                        key=key_of(row.id),
                        wakeup_id=row.id,
                        room=row.room_number,
                        extension=phone or row.room_number,  # as claim_next dials it (phones_of)
                        language=row.language or "en",
                        due_at=row.due_at,
                        status=WakeUpStatus(row.status),
                        attempts=row.attempts,
                        next_attempt_at=row.next_attempt_at,
                        dial_at=row.dial_at,
                    )
                )
            return out

    def _tell(self, call: JournalCall) -> None:
        now = self._clock.now()
        with self._store.unit() as s:
            if call.wakeup_id is None:
                row = self._snooze_row(s, call, now)
                if row is None:
                    return
            else:
                found = s.get(WakeUpRow, call.wakeup_id)
                if found is None:
                    return
                row = found
            for attempt in call.tried:
                known = s.scalars(
                    select(WakeUpAttemptRow).where(
                        WakeUpAttemptRow.wakeup_id == row.id,
                        WakeUpAttemptRow.attempt_no == attempt.attempt_no,
                    )
                ).first()
                if known is None:
                    known = WakeUpAttemptRow(
                        wakeup_id=row.id,
                        attempt_no=attempt.attempt_no,
                        started_at=attempt.started_at,
                        line=attempt.line,
                    )
                    s.add(known)
                if known.ended_at is None and attempt.ended_at is not None:
                    known.ended_at, known.result, known.detail = (
                        attempt.ended_at,
                        attempt.result,
                        attempt.detail[:400],
                    )
            row.attempts = max(row.attempts, call.attempts)
            status = WakeUpStatus(row.status)
            ours = status in OPEN_FOR_DIALLER and row.due_at == call.due_at
            answered = status is WakeUpStatus.MANUAL and call.status is WakeUpStatus.CONFIRMED
            acted = bool(call.tried) or call.status is WakeUpStatus.MANUAL
            if acted and (ours or answered):
                row.status, row.next_attempt_at = call.status.value, call.next_attempt_at
                row.outcome = call.outcome[:40]
                row.claimed_by = "journal" if call.in_flight else ""
                row.claimed_at = (
                    call.tried[-1].started_at if call.in_flight and call.tried else row.claimed_at
                )
            if row.repeat == "daily" and any(a.attempt_no == 1 for a in call.tried):
                self._book._book_next_day(s, row, now)
            audit(
                s,
                DIALLER,
                now,
                "wakeup.reconcile",
                "wakeup",
                row.id,
                room=row.room_number,
                status=row.status,
                attempts=len(call.tried),
            )
            changed(s, DIALLER, now, "wakeup", row.id)

    def _snooze_row(self, s: Session, call: JournalCall, now: datetime) -> WakeUpRow | None:
        """The row of a snooze the guest asked for while the database was away (made once)."""
        parent = s.get(WakeUpRow, call.parent_id) if call.parent_id is not None else None
        if parent is None:
            return None
        series = parent.series_id or parent.id
        row = s.scalars(
            select(WakeUpRow).where(
                WakeUpRow.room_number == call.room,
                WakeUpRow.due_at == call.due_at,
                WakeUpRow.source == "snooze",
                WakeUpRow.series_id == series,
            )
        ).first()  # told before, and the dialler stopped before it marked the call settled
        if row is not None:
            return row
        if parent.status == WakeUpStatus.CANCELLED.value and not call.tried:
            return None  # the guest left meanwhile

        def snooze(status: WakeUpStatus, outcome: str = "") -> WakeUpRow:
            return WakeUpRow(
                stay_id=parent.stay_id,
                room_number=call.room,
                due_at=call.due_at,
                language=parent.language,
                note=parent.note,
                status=status.value,
                outcome=outcome,
                attempts=0,
                booked_at=now,
                booked_by="guest (snooze)",
                source="snooze",
                series_id=series,
            )

        row = snooze(WakeUpStatus.BOOKED)
        if not add_in_its_minute(s, row):  # the room has another call in that minute: that one rings,
            row = snooze(WakeUpStatus.CANCELLED, "duplicate")  # this one kept, settled, for its attempts
            s.add(row)
            s.flush()
        return row


def as_online_book(book: SqlDiallerBook) -> OnlineBook:
    """The journalled dialler takes an ``OnlineBook``; mypy checks here that this is one."""
    return book
