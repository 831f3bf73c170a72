"""What follows a guest to another room, under the rules the database keeps: one open
wake-up per room and minute, one open DND period per room."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.rows import DndRow, WakeUpRow
from switchboard.errors import ConflictError
from switchboard.wakeup_status import CANCELLABLE, OPEN, WakeUpStatus

_CANCELLABLE = [s.value for s in CANCELLABLE]
_OPEN = [s.value for s in OPEN]


def _hand_the_pms_its_answer(s: Session, stay_id: int, room: str) -> None:
    """A PMS wake-up of the moving guest whose minute the new room already has a call for: that call
    wakes them, so it answers the PMS (its WA, with the PMS's own time) and the copy cancelled as a
    duplicate owes none (the PMS would read DE, deleted, for a wake-up that is going to ring)."""
    moving = s.scalars(
        select(WakeUpRow).where(
            WakeUpRow.stay_id == stay_id,
            WakeUpRow.status.in_(_CANCELLABLE),
            or_(WakeUpRow.source == "pms", WakeUpRow.pms_due.is_not(None)),
        )
    )
    for call in moving:
        there = s.scalars(
            select(WakeUpRow).where(
                WakeUpRow.room_number == room,
                WakeUpRow.due_minute == call.due_minute,
                WakeUpRow.status.in_(_OPEN),
            )
        ).first()
        if there is not None and there.source != "pms" and there.pms_due is None:
            there.pms_due = call.pms_due or call.due_at
            call.pms_answer = "--"


def carry_wakeups(s: Session, stay_id: int, room: str) -> None:
    """The stay's open wake-ups go to ``room``; one the room already has at the same minute stays
    the one call, and the moving guest's copy is cancelled rather than doubled."""
    taken = select(WakeUpRow.due_minute).where(WakeUpRow.room_number == room, WakeUpRow.status.in_(_OPEN))
    _hand_the_pms_its_answer(s, stay_id, room)
    s.execute(
        update(WakeUpRow)
        .where(
            WakeUpRow.stay_id == stay_id,
            WakeUpRow.status.in_(_CANCELLABLE),
            WakeUpRow.due_minute.in_(taken),
        )
        .values(status=WakeUpStatus.CANCELLED.value, outcome="duplicate")
    )
    try:
        with s.begin_nested():
            s.execute(
                update(WakeUpRow)
                .where(WakeUpRow.stay_id == stay_id, WakeUpRow.status.in_(_OPEN))
                .values(room_number=room)
            )
    except IntegrityError as exc:  # booked there by another position this very moment
        raise ConflictError(
            "move.wakeup_clash",
            f"Room {room} has a wake-up at the same time as one of this guest's",
            room=room,
        ) from exc


def move_dnd_periods(s: Session, old_room_id: int, new_room_id: int, now: datetime, user: str) -> None:
    """The guest's open DND period, with who set it and when, moves along; if the new room has
    its own open period, that one goes on and the moving one is closed."""
    open_in_new = s.scalar(
        select(DndRow.id).where(DndRow.room_id == new_room_id, DndRow.cleared_at.is_(None))
    )
    for period in s.scalars(select(DndRow).where(DndRow.room_id == old_room_id, DndRow.cleared_at.is_(None))):
        if open_in_new is None:
            period.room_id = new_room_id
            open_in_new = period.id
        else:
            period.cleared_at, period.cleared_by = now, user
