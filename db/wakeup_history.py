"""Wake-up calls of a period whatever became of them (confirmed, escalated, handled, cancelled or
still open), with every attempt: the morning audit and the printed morning-call list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from db.privacy import mask_text, private_guests
from db.rows import GuestRow, RoomRow, StayRow, WakeUpAttemptRow, WakeUpRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import AttemptView, WakeUpView
from switchboard.hotel import Actor
from switchboard.wakeup_history import WakeUpRecord
from switchboard.wakeup_status import WakeUpStatus

MAX_CALLS = 5000  # a day of a large hotel; the list is bounded whatever the period asked


class SqlWakeUpHistory:
    """Implements ``switchboard.wakeup_history.WakeUpHistory`` over the database."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def between(self, since: datetime, until: datetime, actor: Actor) -> Sequence[WakeUpRecord]:
        """Every call due in [since, until), in order of time and room."""
        require(actor, Permission.READ_WAKEUPS)
        zone = self._clock.now().tzinfo
        with self._store.read() as s:
            rows = list(
                s.execute(
                    select(WakeUpRow, GuestRow.name, RoomRow.extension, StayRow.privacy)
                    .outerjoin(StayRow, StayRow.id == WakeUpRow.stay_id)
                    .outerjoin(GuestRow, GuestRow.id == StayRow.guest_id)
                    .outerjoin(RoomRow, RoomRow.number == WakeUpRow.room_number)
                    .where(WakeUpRow.due_at >= since, WakeUpRow.due_at < until)
                    .order_by(WakeUpRow.due_at, WakeUpRow.room_number)
                    .limit(MAX_CALLS)
                )
            )
            ids = [row.id for row, *_rest in rows]
            masked = private_guests(s) if ids else {}  # a note may name a privacy guest
            attempts: dict[int, list[AttemptView]] = {}
            for a in s.scalars(
                select(WakeUpAttemptRow)
                .where(WakeUpAttemptRow.wakeup_id.in_(ids))
                .order_by(WakeUpAttemptRow.wakeup_id, WakeUpAttemptRow.attempt_no)
            ):
                attempts.setdefault(a.wakeup_id, []).append(
                    AttemptView(a.attempt_no, a.started_at.astimezone(zone), a.result, a.detail)
                )
            return [
                WakeUpRecord(
                    WakeUpView(
                        row.id,
                        row.room_number,
                        row.due_at.astimezone(zone),
                        WakeUpStatus(row.status),
                        "" if private else (name or ""),
                        mask_text(row.note, row.room_number, masked),
                        row.booked_by,
                        row.attempts,
                        row.version,
                        row.language,
                        row.repeat,
                        row.outcome,
                        row.handled_by,
                        extension or row.room_number,
                    ),
                    tuple(attempts.get(row.id, ())),
                    bool(private),
                )
                for row, name, extension, private in rows
            ]
