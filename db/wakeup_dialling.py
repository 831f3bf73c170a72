"""The wake-up book as the dialler works it: claim, record, decide, recover.

Every step commits before the dialler does the next thing, so a dialler killed
at any moment leaves a book from which the next one can carry on: a claimed call
has its attempt row, and an attempt without an end is found and decided on
restart (`recover`)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.room_states import phones_of
from db.rows import DiallerBeatRow, RoomRow, StayRow, WakeUpAttemptRow, WakeUpRow, minute_of
from db.storage_faults import breaks
from db.store import Store
from switchboard.clock import Clock
from switchboard.errors import ConflictError
from switchboard.hotel import Actor
from switchboard.wakeup_plan import (
    CallResult,
    DiallingRules,
    DialOrder,
    NextStep,
    WakeUpDialling,
    after_attempt,
)
from switchboard.wakeup_status import OPEN, WakeUpStatus

DIALLER = Actor.link("wake-up dialler")


def _due(now: datetime):
    return or_(
        and_(
            WakeUpRow.status == WakeUpStatus.BOOKED.value,
            WakeUpRow.due_at <= now,
            # a personal wake-up is the operator's until its backup time, then this dialler's
            or_(WakeUpRow.dial_at.is_(None), WakeUpRow.dial_at <= now),
        ),
        and_(WakeUpRow.status == WakeUpStatus.RETRY_WAIT.value, WakeUpRow.next_attempt_at <= now),
    )


class SqlWakeUpDialling:
    def __init__(self, store: Store, clock: Clock, rules: DiallingRules) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules

    # --- claiming -------------------------------------------------------------------------
    def claim_next(self, line: str) -> DialOrder | None:
        for _ in range(3):  # a console changed the same call a moment ago: look again
            try:
                return self._claim(line)
            except ConflictError:
                continue
        return None

    def _claim(self, line: str) -> DialOrder | None:
        now = self._clock.now()
        with self._store.unit() as s:
            q = (
                select(WakeUpRow)
                .where(_due(now))
                .order_by(func.coalesce(WakeUpRow.next_attempt_at, WakeUpRow.due_at), WakeUpRow.room_number)
                .limit(1)
            )
            if s.get_bind().dialect.name == "postgresql":
                q = q.with_for_update(skip_locked=True)
            row = s.scalars(q).first()
            if row is None:
                return None
            room = s.scalars(select(RoomRow).where(RoomRow.number == row.room_number)).first()
            phones = phones_of(s, room) if room is not None else ()
            row.attempts += 1
            row.status = WakeUpStatus.DIALLING.value
            row.claimed_by, row.claimed_at = line, now
            s.add(WakeUpAttemptRow(wakeup_id=row.id, attempt_no=row.attempts, started_at=now, line=line))
            if row.attempts == 1 and row.repeat == "daily":
                self._book_next_day(s, row, now)
            audit(
                s, DIALLER, now, "wakeup.dial", "wakeup", row.id, room=row.room_number, attempt=row.attempts
            )
            changed(s, DIALLER, now, "wakeup", row.id)
            return DialOrder(
                row.id,
                row.attempts,
                row.room_number,
                phones[0] if phones else row.room_number,
                row.language or "en",
                row.due_at,
                now,
            )

    def _book_next_day(self, s: Session, row: WakeUpRow, now: datetime) -> None:
        """A daily call books tomorrow's when today's starts, while the stay lasts. A day whose minute the
        room already has another open call for (the PMS booked 22:05:40 beside the daily 22:05) is that
        call's: the guest is rung once then, and the daily goes on from the day after."""
        zone = self._clock.now().tzinfo
        series = row.series_id or row.id
        departure = s.scalar(select(StayRow.departure).where(StayRow.id == row.stay_id))
        day = row.due_at.astimezone(zone)
        while True:
            day += timedelta(days=1)
            due = day.astimezone(row.due_at.tzinfo)
            if departure is None or day.date() > departure:
                return
            there = list(
                s.scalars(
                    select(WakeUpRow).where(
                        WakeUpRow.room_number == row.room_number, WakeUpRow.due_minute == minute_of(due)
                    )
                )
            )
            if any(other.series_id == series for other in there):
                return  # booked already (told again after a restart)
            if any(WakeUpStatus(other.status) in OPEN for other in there):
                continue  # that call rings the guest this day
            if add_in_its_minute(
                s,
                WakeUpRow(
                    stay_id=row.stay_id,
                    room_number=row.room_number,
                    due_at=due,
                    repeat="daily",
                    language=row.language,
                    note=row.note,
                    status=WakeUpStatus.BOOKED.value,
                    booked_at=now,
                    booked_by=row.booked_by,
                    source=row.source,
                    series_id=series,
                ),
            ):
                return

    # --- results --------------------------------------------------------------------------
    def finish(self, order: DialOrder, result: CallResult, detail: str = "") -> NextStep:
        for attempt in range(3):
            try:
                return self._finish(order, result, detail)
            except ConflictError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _finish(self, order: DialOrder, result: CallResult, detail: str) -> NextStep:
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(WakeUpRow, order.wakeup_id)
            attempt = s.scalars(
                select(WakeUpAttemptRow).where(
                    WakeUpAttemptRow.wakeup_id == order.wakeup_id,
                    WakeUpAttemptRow.attempt_no == order.attempt_no,
                )
            ).first()
            if row is None or attempt is None:
                return NextStep(WakeUpStatus.CANCELLED, None)
            if attempt.ended_at is None:
                attempt.ended_at, attempt.result, attempt.detail = now, result.value, detail[:400]
            if row.status != WakeUpStatus.DIALLING.value or row.attempts != order.attempt_no:
                # Cancelled (check-out) or taken over by a person while it rang: only the attempt counts.
                return NextStep(WakeUpStatus(row.status), row.next_attempt_at)
            step = self._decide(s, row, order.attempt_no, attempt.started_at, result, now)
            audit(
                s, DIALLER, now, "wakeup.attempt", "wakeup", row.id, room=row.room_number, result=result.value
            )
            changed(s, DIALLER, now, "wakeup", row.id)
            return step

    def _decide(
        self,
        s: Session,
        row: WakeUpRow,
        attempt_no: int,
        started: datetime,
        result: CallResult,
        now: datetime,
    ) -> NextStep:
        step = after_attempt(self._rules, attempt_no, started, result, now)
        row.status, row.next_attempt_at, row.claimed_by = step.status.value, step.next_attempt_at, ""
        row.outcome = result.value
        if step.snooze_until is not None:  # none if the room has a call in that minute already
            add_in_its_minute(
                s,
                WakeUpRow(
                    stay_id=row.stay_id,
                    room_number=row.room_number,
                    due_at=step.snooze_until,
                    language=row.language,
                    note=row.note,
                    status=WakeUpStatus.BOOKED.value,
                    booked_at=now,
                    booked_by="guest (snooze)",
                    source="snooze",
                    series_id=row.series_id or row.id,
                ),
            )
        return step

    def recover(self) -> int:
        """Calls that were being dialled when the dialler stopped: each counts as an interrupted attempt."""
        now = self._clock.now()
        with self._store.unit() as s:
            rows = list(s.scalars(select(WakeUpRow).where(WakeUpRow.status == WakeUpStatus.DIALLING.value)))
            for row in rows:
                attempt = s.scalars(
                    select(WakeUpAttemptRow).where(
                        WakeUpAttemptRow.wakeup_id == row.id, WakeUpAttemptRow.attempt_no == row.attempts
                    )
                ).first()
                started = attempt.started_at if attempt is not None else (row.claimed_at or now)
                if attempt is not None and attempt.ended_at is None:
                    attempt.ended_at, attempt.result = now, CallResult.INTERRUPTED.value
                    attempt.detail = "the dialler stopped during the call"
                self._decide(s, row, row.attempts, started, CallResult.INTERRUPTED, now)
                audit(s, DIALLER, now, "wakeup.recover", "wakeup", row.id, room=row.room_number)
                changed(s, DIALLER, now, "wakeup", row.id)
            return len(rows)

    def to_manual(self, reason: str) -> list[str]:
        now = self._clock.now()
        try:
            with self._store.unit() as s:
                rows = list(s.scalars(select(WakeUpRow).where(_due(now))))
                for row in rows:
                    row.status, row.outcome = WakeUpStatus.MANUAL.value, reason[:40]
                    audit(
                        s, DIALLER, now, "wakeup.manual", "wakeup", row.id, room=row.room_number, why=reason
                    )
                    changed(s, DIALLER, now, "wakeup", row.id)
                return [r.room_number for r in rows]
        except ConflictError:
            return []  # a console moved them a moment earlier; they are on the list already

    # --- heartbeat ------------------------------------------------------------------------
    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None:
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(DiallerBeatRow, dialler)
            if row is None:
                row = DiallerBeatRow(name=dialler)
                s.add(row)
            row.pid, row.beat_at, row.pbx_up = os.getpid(), now, pbx_up
            row.lines, row.busy, row.detail = lines, busy, detail[:400]


def as_wake_up_dialling(book: SqlWakeUpDialling) -> WakeUpDialling:
    """The dialler takes a ``WakeUpDialling``; mypy checks here that this is one."""
    return book


def add_in_its_minute(s: Session, row: WakeUpRow) -> bool:
    """Adds an open wake-up unless its room has one in that minute already: the unique index decides,
    so a console booking the same minute this moment cannot make it two calls."""
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError as exc:
        if not breaks(exc, "uq_wakeups_open_room_due", "wakeups", "room_number", "due_minute"):
            raise
        return False
    return True
