"""Figures for the shift report, read in one transaction."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.call_records import DUE, REFUSED
from db.emergencies import emergency_lines
from db.logbook import SqlLogbook
from db.privacy import mask_text, private_guests
from db.rows import (
    CallRecordRow,
    DndRow,
    HandoverItemRow,
    HandoverRow,
    LogbookEntryRow,
    MessageRow,
    ShiftRow,
    SignInRow,
    UserRow,
    WakeUpAttemptRow,
    WakeUpRow,
)
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.hotel import Actor
from switchboard.shift_figures import ANSWER_BUCKETS, THREE_RINGS_S, LogLine, ShiftFigures, WakeUpLine
from switchboard.wakeup_status import OPEN, WakeUpStatus

LATE_MESSAGE = timedelta(minutes=30)


class SqlShiftStats:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def figures(self, title: str, since: datetime, until: datetime, actor: Actor) -> ShiftFigures:
        """The report's figures, for those who print shift reports (its logbook lines need
        ``read_logbook`` too)."""
        require(actor, Permission.PRINT_REPORTS)
        zone = since.tzinfo
        open_ids = {e.id for e in SqlLogbook(self._store, self._clock).open_follow_ups(actor)}
        with self._store.read() as s:
            calls = s.execute(
                select(
                    CallRecordRow.started_at,
                    CallRecordRow.answered_at,
                    CallRecordRow.ring_seconds,
                    CallRecordRow.abandoned,
                    CallRecordRow.category,
                ).where(
                    CallRecordRow.source == "console",
                    CallRecordRow.started_at >= since,
                    CallRecordRow.started_at < until,
                )
            ).all()
            answered = [c for c in calls if c.answered_at is not None]
            waits = [c.ring_seconds for c in answered]
            buckets = [0] * (len(ANSWER_BUCKETS) + 1)
            for w in waits:
                buckets[next((i for i, b in enumerate(ANSWER_BUCKETS) if w <= b), len(ANSWER_BUCKETS))] += 1
            per_hour: Counter[str] = Counter()
            for c in calls:
                per_hour[c.started_at.astimezone(zone).strftime("%H:00")] += 1
            hours = []
            at = since.replace(minute=0, second=0, microsecond=0)
            while at < until:
                label = at.astimezone(zone).strftime("%H:00")
                hours.append((label, per_hour.get(label, 0)))
                at += timedelta(hours=1)
            categories = Counter(c.category for c in calls if c.category)

            wakeups = s.execute(
                select(
                    WakeUpRow.id,
                    WakeUpRow.status,
                    WakeUpRow.attempts,
                    WakeUpRow.due_at,
                    WakeUpRow.room_number,
                    WakeUpRow.handled_by,
                    WakeUpRow.outcome,
                ).where(WakeUpRow.due_at >= since, WakeUpRow.due_at < until)
            ).all()
            wakeup_log = self._wakeup_log(s, [w for w in wakeups if w.attempts > 1 or w.handled_by], zone)
            statuses = Counter(w.status for w in wakeups)
            messages = s.execute(
                select(MessageRow.taken_at, MessageRow.delivered_at).where(
                    MessageRow.taken_at >= since, MessageRow.taken_at < until
                )
            ).all()
            entries = list(
                s.scalars(
                    select(LogbookEntryRow)
                    .where(LogbookEntryRow.created_at >= since, LogbookEntryRow.created_at < until)
                    .order_by(LogbookEntryRow.created_at)
                )
            )
            operators = sorted(
                set(
                    s.scalars(
                        select(UserRow.display_name)
                        .join(SignInRow, SignInRow.user_id == UserRow.id)
                        .where(SignInRow.signed_in_at < until)
                        .where((SignInRow.signed_out_at.is_(None)) | (SignInRow.signed_out_at > since))
                    )
                )
            )
            handover = s.scalars(
                select(HandoverRow)
                .join(ShiftRow, ShiftRow.id == HandoverRow.from_shift_id)
                .where(ShiftRow.starts_at >= since - timedelta(hours=1), ShiftRow.starts_at < until)
                .order_by(HandoverRow.composed_at.desc())
            ).first()
            items: tuple[tuple[str, str, str], ...] = ()
            private = private_guests(s)  # a privacy guest's name never printed beside their room
            if handover is not None:
                items = tuple(
                    (i.kind, mask_text(i.text, "", private), i.acknowledged_by)
                    for i in s.scalars(
                        select(HandoverItemRow)
                        .where(HandoverItemRow.handover_id == handover.id)
                        .order_by(HandoverItemRow.id)
                    )
                )
            log_lines = tuple(
                LogLine(
                    e.created_at.astimezone(zone),
                    e.author,
                    e.category,
                    e.room_number,
                    mask_text(e.text, e.room_number, private),
                    e.id in open_ids,
                )
                for e in entries
            )
            handover_ack = handover.acknowledged_by if handover is not None else ""
            dnd_set = (
                s.scalar(
                    select(func.count())
                    .select_from(DndRow)
                    .where(DndRow.set_at >= since, DndRow.set_at < until)
                )
                or 0
            )
            dnd_cleared = (
                s.scalar(
                    select(func.count())
                    .select_from(DndRow)
                    .where(DndRow.cleared_at >= since, DndRow.cleared_at < until)
                )
                or 0
            )
            room_calls = s.execute(
                select(CallRecordRow.charge_cents, CallRecordRow.posting).where(
                    CallRecordRow.source == "smdr",
                    CallRecordRow.direction == "out",
                    CallRecordRow.room_number != "",
                    CallRecordRow.started_at >= since,
                    CallRecordRow.started_at < until,
                )
            ).all()
        open_statuses = {st.value for st in OPEN}
        return ShiftFigures(
            title=title,
            since=since,
            until=until,
            operators=tuple(operators),
            calls_offered=len(calls),
            calls_answered=len(answered),
            calls_abandoned=sum(1 for c in calls if c.abandoned),
            answered_within_three_rings=sum(1 for w in waits if w <= THREE_RINGS_S),
            answer_buckets=tuple(buckets),
            mean_answer_s=sum(waits) / len(waits) if waits else 0.0,
            calls_per_hour=tuple(hours),
            categories=tuple(categories.most_common()),
            wakeups_booked=len(wakeups),
            wakeups_confirmed=statuses[WakeUpStatus.CONFIRMED.value],
            wakeups_retried=sum(1 for w in wakeups if w.attempts > 1),
            wakeups_escalated=statuses[WakeUpStatus.ESCALATED.value] + statuses[WakeUpStatus.HANDLED.value],
            wakeups_open=sum(n for st, n in statuses.items() if st in open_statuses),
            dnd_set=int(dnd_set),
            dnd_cleared=int(dnd_cleared),
            messages_taken=len(messages),
            messages_delivered_late=sum(
                1 for m in messages if m.delivered_at and m.delivered_at - m.taken_at > LATE_MESSAGE
            ),
            messages_undelivered=sum(1 for m in messages if m.delivered_at is None),
            logbook_entries=len(entries),
            open_follow_ups=sum(1 for line in log_lines if line.open_follow_up),
            log=log_lines,
            handover_items=items,
            handover_acknowledged_by=handover_ack,
            wakeup_log=wakeup_log,
            room_calls_out=len(room_calls),
            room_charges_cents=sum(c.charge_cents for c in room_calls),
            charges_not_posted=sum(1 for c in room_calls if c.posting in (DUE, REFUSED)),
            emergencies=emergency_lines(self._store, self._clock, since, until),
        )

    @staticmethod
    def _wakeup_log(s: Session, calls: list[Any], zone: tzinfo | None) -> tuple[WakeUpLine, ...]:
        """Every attempt of the calls that needed more than one, or a person: when, and how it ended."""
        tried: dict[int, list[tuple[datetime, str]]] = {}
        if calls:
            for a in s.scalars(
                select(WakeUpAttemptRow)
                .where(WakeUpAttemptRow.wakeup_id.in_([c.id for c in calls]))
                .order_by(WakeUpAttemptRow.wakeup_id, WakeUpAttemptRow.attempt_no)
            ):
                tried.setdefault(a.wakeup_id, []).append((a.started_at.astimezone(zone), a.result))
        return tuple(
            WakeUpLine(
                c.due_at.astimezone(zone),
                c.room_number,
                tuple(tried.get(c.id, ())),
                c.status,
                c.handled_by,
                c.outcome,
            )
            for c in sorted(calls, key=lambda c: (c.due_at, c.room_number))
        )
