"""A guest moving to another room, and what follows them under the rules the database keeps: one
open wake-up per room and minute, one open DND period per room."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.room_states import LampSwitch, RoomStates, phones_of
from db.rooms import find_room, stay_of
from db.rows import DndRow, MessageRow, RoomMoveRow, StayRow, WakeUpRow
from switchboard.auth import Permission, require
from switchboard.errors import ConflictError, InputError
from switchboard.hotel import Actor, Housekeeping, Occupancy, Stay, StayStatus
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


def changed_rows(result: Any) -> CursorResult[Any]:
    """An UPDATE's result, which knows how many rows it changed."""
    return cast("CursorResult[Any]", result)


class RoomMoves(RoomStates):
    """A base of the front office: the stay moved to another room, with what follows it."""

    def move_room(self, from_room: str, to_room: str, reservation: str, actor: Actor) -> Stay:
        """The stay, its open wake-ups, messages, whereabouts and DND go to the new room."""
        require(actor, Permission.MANAGE_STAYS)
        now = self._clock.now()
        with self._store.unit() as s:
            old = find_room(s, from_room, lock=True)
            new = find_room(s, to_room, lock=True)
            if old.id == new.id:
                raise InputError("move.same", "The guest is already in that room", room=new.number)
            if new.occupancy == Occupancy.OUT_OF_ORDER.value:
                raise InputError("move.out_of_order", f"Room {new.number} is out of order", room=new.number)
            row = self._in_house(s, old, reservation)
            row.room_id = new.id
            carry_wakeups(s, row.id, new.number)
            waiting = changed_rows(
                s.execute(update(MessageRow).where(MessageRow.stay_id == row.id).values(room_id=new.id))
            ).rowcount
            undelivered = (
                s.scalar(
                    select(MessageRow.id).where(
                        MessageRow.stay_id == row.id, MessageRow.delivered_at.is_(None)
                    )
                )
                is not None
            )
            s.add(
                RoomMoveRow(stay_id=row.id, from_room=old.number, to_room=new.number, at=now, by=actor.user)
            )
            left = s.scalar(
                select(StayRow.id).where(
                    StayRow.room_id == old.id,
                    StayRow.status == StayStatus.IN_HOUSE.value,
                    StayRow.id != row.id,
                )
            )
            carry_dnd = old.dnd
            new.occupancy = Occupancy.OCCUPIED.value
            new.dnd = new.dnd or carry_dnd
            new.message_lamp = new.message_lamp or undelivered
            switches: list[tuple[LampSwitch, str, bool]] = []
            if carry_dnd:
                switches += [(self._on_dnd, phone, True) for phone in phones_of(s, new)]
            if undelivered:
                switches += [(self._on_lamp, phone, True) for phone in phones_of(s, new)]
            if left is None:
                old.occupancy, old.housekeeping = Occupancy.VACANT.value, Housekeeping.DIRTY.value
                if old.dnd:
                    switches += [(self._on_dnd, phone, False) for phone in phones_of(s, old)]
                if old.message_lamp:
                    switches += [(self._on_lamp, phone, False) for phone in phones_of(s, old)]
                old.dnd = old.message_lamp = False
                move_dnd_periods(s, old.id, new.id, now, actor.user)
            audit(
                s,
                actor,
                now,
                "stay.move",
                "stay",
                row.id,
                from_room=old.number,
                to_room=new.number,
                messages=waiting,
            )
            changed(s, actor, now, "room", old.number)
            changed(s, actor, now, "room", new.number)
            stay = stay_of(s, row)
        for switch, extension, on in switches:
            switch(extension, on)
        return stay
