"""Evacuation roll-calls in the database: which rooms, where each stands, who started and stopped it.

One roll-call runs at a time (a unique flag, so two duty managers starting one at once get one).
The rooms are the occupied rooms of the house, a floor or a wing at the moment it starts. A privacy guest's
name is not written beside the room: the board says a guest is there, and how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db.audit import audit, changed
from db.rows import GuestRow, RollCallRoomRow, RollCallRow, RoomRow, StayRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import InputError, NotFound
from switchboard.hotel import Actor, StayStatus, check_wing
from switchboard.roll_call import RETRY_AFTER, RollCallRoom, RoomAnswer, Scope, answer_for, due_again
from switchboard.wakeup_plan import CallResult

TOPIC = "rollcall"


@dataclass(frozen=True, slots=True)
class RollCall:
    id: int
    scope: Scope
    floor: int | None
    wing: str | None
    started_at: datetime
    started_by: str
    stopped_at: datetime | None


def _room(row: RollCallRoomRow) -> RollCallRoom:
    return RollCallRoom(
        row.id,
        row.room_number,
        row.extension,
        row.floor,
        row.guests,
        row.language,
        RoomAnswer(row.answer),
        row.attempts,
        row.last_at,
        row.wing,
    )


def _call(row: RollCallRow) -> RollCall:
    return RollCall(
        row.id, Scope(row.scope), row.floor, row.wing, row.started_at, row.started_by, row.stopped_at
    )


class SqlRollCalls:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def start(
        self, scope: Scope, actor: Actor, floor: int | None = None, wing: str | None = None
    ) -> RollCall:
        require(actor, Permission.EVACUATE)
        if scope is Scope.FLOOR and floor is None:
            raise InputError("rollcall.floor", "Say which floor")
        wing = check_wing(wing) if scope is Scope.WING else None
        if scope is Scope.WING and wing is None:
            raise InputError("rollcall.wing", "Say which wing")
        now = self._clock.now()
        try:
            with self._store.unit() as s:
                call = RollCallRow(
                    scope=scope.value,
                    floor=floor if scope is Scope.FLOOR else None,
                    wing=wing,
                    started_at=now,
                    started_by=actor.user,
                    stopped_by="",
                    running=True,
                )
                s.add(call)
                s.flush()
                query = (
                    select(RoomRow, StayRow, GuestRow)
                    .join(StayRow, StayRow.room_id == RoomRow.id)
                    .join(GuestRow, GuestRow.id == StayRow.guest_id)
                    .where(StayRow.status == StayStatus.IN_HOUSE.value)
                    .order_by(RoomRow.number, StayRow.id)
                )
                if scope is Scope.FLOOR:
                    query = query.where(RoomRow.floor == floor)
                elif scope is Scope.WING:
                    query = query.where(RoomRow.wing == wing)
                rooms: dict[int, RollCallRoomRow] = {}
                for room, stay, guest in s.execute(query):
                    who = "(privacy)" if stay.privacy else f"{guest.title} {guest.name}".strip()
                    row = rooms.get(room.id)
                    if row is None:
                        rooms[room.id] = RollCallRoomRow(
                            roll_call_id=call.id,
                            room_number=room.number,
                            extension=room.extension,
                            floor=room.floor,
                            wing=room.wing,
                            guests=who[:400],
                            language=guest.language or "en",
                            answer=RoomAnswer.WAITING.value,
                            attempts=0,
                            detail="",
                        )
                    else:
                        row.guests = f"{row.guests}, {who}"[:400]
                s.add_all(rooms.values())
                audit(
                    s,
                    actor,
                    now,
                    "rollcall.started",
                    "rollcall",
                    call.id,
                    scope=scope.value,
                    rooms=len(rooms),
                    **({"wing": wing} if wing else {}),
                )
                changed(s, actor, now, TOPIC, call.id)
                return _call(call)
        except IntegrityError:
            raise InputError("rollcall.running", "A roll-call is already running") from None

    def running(self) -> RollCall | None:
        with self._store.read() as s:
            row = s.scalars(select(RollCallRow).where(RollCallRow.running.is_(True))).first()
            return _call(row) if row is not None else None

    def running_id(self) -> int | None:
        found = self.running()
        return found.id if found is not None else None

    def latest(self) -> RollCall | None:
        with self._store.read() as s:
            row = s.scalars(select(RollCallRow).order_by(RollCallRow.id.desc())).first()
            return _call(row) if row is not None else None

    def rooms(self, roll_call_id: int) -> Sequence[RollCallRoom]:
        with self._store.read() as s:
            rows = s.scalars(select(RollCallRoomRow).where(RollCallRoomRow.roll_call_id == roll_call_id))
            return [_room(r) for r in rows]

    def claim(
        self, roll_call_id: int, count: int, retry_after: timedelta = RETRY_AFTER
    ) -> list[RollCallRoom]:
        """Up to ``count`` rooms to ring now, marked as being called (never rung first, then the oldest)."""
        if count <= 0:
            return []
        now = self._clock.now()
        with self._store.unit() as s:
            rows = list(
                s.scalars(select(RollCallRoomRow).where(RollCallRoomRow.roll_call_id == roll_call_id))
            )
            due = [r for r in rows if due_again(_room(r), now, retry_after)]
            due.sort(key=lambda r: (r.attempts, r.last_at or now, r.room_number))
            taken = due[:count]
            for row in taken:
                row.answer = RoomAnswer.CALLING.value
                row.attempts += 1
                row.last_at = now
            if taken:
                s.flush()
            return [_room(r) for r in taken]

    def record(self, room_id: int, result: CallResult, detail: str = "") -> RollCallRoom:
        """The end of one call to a room (from the lines)."""
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.get(RollCallRoomRow, room_id)
            if row is None:
                raise NotFound("rollcall.room", "That roll-call room does not exist")
            row.answer = answer_for(result).value
            row.last_at = now
            row.detail = detail[:200]
            changed(s, Actor.link("roll-call"), now, TOPIC, row.roll_call_id)
            return _room(row)

    def stop(self, actor: Actor) -> RollCall | None:
        require(actor, Permission.EVACUATE)
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.scalars(select(RollCallRow).where(RollCallRow.running.is_(True))).first()
            if row is None:
                return None
            row.running = None
            row.stopped_at = now
            row.stopped_by = actor.user
            audit(s, actor, now, "rollcall.stopped", "rollcall", row.id)
            changed(s, actor, now, TOPIC, row.id)
            return _call(row)
