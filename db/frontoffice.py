"""The one path into rooms and stays: check-in, check-out, guest changes and
room moves, whoever makes them (front desk, operator, or the PMS over FIAS).

Each method is one unit of work with its audit row and change-feed row;
the PBX hears about DND and message lamps only after the commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.romanise import romanise
from db.room_board import find_room
from db.rows import (
    DndRow,
    ExtensionRow,
    GuestRow,
    MessageRow,
    RoomMoveRow,
    RoomRow,
    StayRow,
    WakeUpRow,
    WhereaboutsRow,
)
from db.store import Store
from switchboard.clock import Clock
from switchboard.errors import InputError, NotFound
from switchboard.frontoffice import CheckIn, CheckOutResult, FrontOffice, GuestChange
from switchboard.hotel import (
    Actor,
    Guest,
    Housekeeping,
    Occupancy,
    Stay,
    StayStatus,
    check_name,
    check_stay_dates,
    clean_text,
)
from switchboard.wakeup_status import CANCELLABLE, OPEN, WakeUpStatus

LampSwitch = Callable[[str, bool], None]
MESSAGES_KEPT = timedelta(days=7)  # after check-out, then purged
_CANCELLABLE = [s.value for s in CANCELLABLE]
_OPEN = [s.value for s in OPEN]


def _count(result: Any) -> CursorResult[Any]:
    """An UPDATE's result, which knows how many rows it changed."""
    return cast("CursorResult[Any]", result)


def _phones(s: Session, room: RoomRow) -> tuple[str, ...]:
    """Every telephone of a room: a suite has several, and DND and the message lamp go to all."""
    numbers = [room.extension, *s.scalars(select(ExtensionRow.number).where(ExtensionRow.room_id == room.id))]
    return tuple(dict.fromkeys(n for n in numbers if n))


def _stay(s: Session, row: StayRow) -> Stay:
    guest = s.get(GuestRow, row.guest_id)
    room = s.get(RoomRow, row.room_id) if row.room_id is not None else None
    assert guest is not None
    return Stay(
        row.id,
        row.reservation,
        room.number if room else "",
        Guest(guest.name, guest.romanised, guest.title, guest.language, guest.vip_level, guest.company),
        row.arrival,
        row.departure,
        StayStatus(row.status),
        row.companions,
        row.privacy,
        row.privacy_note,
        row.vip_note,
    )


class SqlFrontOffice:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        on_dnd: LampSwitch | None = None,
        on_lamp: LampSwitch | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._on_dnd = on_dnd or (lambda _e, _on: None)
        self._on_lamp = on_lamp or (lambda _e, _on: None)
        self._next_expiry: datetime | None = None

    # ------------------------------------------------------------ stays

    def _in_house(self, s: Session, room: RoomRow, reservation: str = "") -> StayRow:
        q = select(StayRow).where(StayRow.room_id == room.id, StayRow.status == StayStatus.IN_HOUSE.value)
        if reservation:
            q = q.where(StayRow.reservation == reservation)
        row = s.scalars(q.order_by(StayRow.id)).first()
        if row is None:
            raise NotFound("stay.none", f"No guest in house in room {room.number}", room=room.number)
        return row

    def check_in(self, request: CheckIn, actor: Actor) -> Stay:
        """Check a guest in; the same reservation checked in again (a PMS resync) updates the stay."""
        if request.reservation:
            with self._store.read() as s:
                found = s.execute(
                    select(StayRow.id, RoomRow.number)
                    .join(RoomRow, RoomRow.id == StayRow.room_id)
                    .where(
                        StayRow.reservation == request.reservation.strip(),
                        StayRow.status == StayStatus.IN_HOUSE.value,
                    )
                ).first()
            if found is not None:
                if found[1] != request.room.strip():
                    self.move_room(found[1], request.room, request.reservation.strip(), actor)
                self.mark_resent(request.room, request.reservation.strip())
                return self.change_guest(
                    GuestChange(
                        room=request.room,
                        reservation=request.reservation.strip(),
                        name=request.name,
                        title=request.title,
                        language=request.language or None,
                        vip_level=request.vip_level,
                        departure=request.departure,
                        privacy=request.privacy,
                    ),
                    actor,
                )
        now = self._clock.now()
        name = check_name(request.name)
        arrival = request.arrival or now.date()
        departure = request.departure or arrival + timedelta(days=1)
        check_stay_dates(arrival, departure)
        title = clean_text(request.title, limit=40, what="title")
        romanised, initials = romanise(request.romanised or name)
        with self._store.unit() as s:
            room = find_room(s, request.room)
            guest = GuestRow(
                name=name,
                first_name=clean_text(request.first_name, limit=80, what="first name"),
                romanised=romanised,
                initials=initials,
                title=title,
                language=(request.language or "en")[:10],
                vip_level=max(0, min(request.vip_level, 9)),
                company=clean_text(request.company, limit=200, what="company"),
            )
            s.add(guest)
            s.flush()
            row = StayRow(
                resync_mark=0,
                reservation=(request.reservation or uuid.uuid4().hex[:10]).strip()[:20],
                guest_id=guest.id,
                room_id=room.id,
                status=StayStatus.IN_HOUSE.value,
                arrival=arrival,
                departure=departure,
                companions=clean_text(request.companions, limit=400, what="companions"),
                privacy=request.privacy,
                group_code=request.group[:20],
                share=request.share,
                checked_in_at=now,
            )
            s.add(row)
            room.occupancy = Occupancy.OCCUPIED.value
            if request.class_of_service is not None:
                room.class_of_service = request.class_of_service
            s.flush()
            # Messages taken for this guest as an expected arrival now reach the room.
            waiting = _count(
                s.execute(
                    update(MessageRow)
                    .where(
                        MessageRow.stay_id.in_(
                            select(StayRow.id).where(
                                StayRow.reservation == row.reservation, StayRow.id != row.id
                            )
                        ),
                        MessageRow.delivered_at.is_(None),
                    )
                    .values(stay_id=row.id, room_id=room.id)
                )
            ).rowcount
            lamp = bool(waiting) and not room.message_lamp
            if lamp:
                room.message_lamp = True
            for expected in s.scalars(
                select(StayRow).where(
                    StayRow.reservation == row.reservation,
                    StayRow.id != row.id,
                    StayRow.status == StayStatus.EXPECTED.value,
                )
            ):
                expected.status = StayStatus.CANCELLED.value  # the expected stay became this one
            audit(s, actor, now, "stay.check_in", "stay", row.id, room=room.number)
            changed(s, actor, now, "room", room.number)
            stay, phones = _stay(s, row), _phones(s, room)
        if lamp:
            for phone in phones:
                self._on_lamp(phone, True)
        return stay

    def check_out(self, room: str, reservation: str, actor: Actor) -> CheckOutResult:
        now = self._clock.now()
        with self._store.unit() as s:
            row_room = find_room(s, room)
            row = self._in_house(s, row_room, reservation)
            row.status, row.checked_out_at = StayStatus.CHECKED_OUT.value, now
            undelivered = 0
            for m in s.scalars(select(MessageRow).where(MessageRow.stay_id == row.id)):
                m.purge_after = now + MESSAGES_KEPT
                undelivered += m.delivered_at is None
            cancelled = 0
            for w in s.scalars(
                select(WakeUpRow).where(WakeUpRow.stay_id == row.id, WakeUpRow.status.in_(_CANCELLABLE))
            ):
                w.status, w.outcome = WakeUpStatus.CANCELLED.value, "checked out"
                cancelled += 1
            others = s.scalar(
                select(StayRow.id).where(
                    StayRow.room_id == row_room.id,
                    StayRow.id != row.id,
                    StayRow.status == StayStatus.IN_HOUSE.value,
                )
            )
            dnd_off = lamp_off = False
            if others is None:  # the last guest leaves: the room is reset for the next one
                row_room.occupancy = Occupancy.VACANT.value
                row_room.housekeeping = Housekeeping.DIRTY.value
                dnd_off, lamp_off = row_room.dnd, row_room.message_lamp
                row_room.dnd = row_room.message_lamp = False
                for period in s.scalars(
                    select(DndRow).where(DndRow.room_id == row_room.id, DndRow.cleared_at.is_(None))
                ):
                    period.cleared_at, period.cleared_by = now, actor.user
            audit(
                s,
                actor,
                now,
                "stay.check_out",
                "stay",
                row.id,
                room=row_room.number,
                undelivered=undelivered,
                cancelled_wakeups=cancelled,
            )
            changed(s, actor, now, "room", row_room.number)
            result = CheckOutResult(_stay(s, row), undelivered, cancelled)
            phones = _phones(s, row_room)
        for phone in phones:
            if dnd_off:
                self._on_dnd(phone, False)
            if lamp_off:
                self._on_lamp(phone, False)
        return result

    def change_guest(self, change: GuestChange, actor: Actor) -> Stay:
        now = self._clock.now()
        with self._store.unit() as s:
            row = self._in_house(s, find_room(s, change.room), change.reservation)
            guest = s.get(GuestRow, row.guest_id)
            assert guest is not None
            if change.name is not None:
                guest.name = check_name(change.name)
                guest.romanised, guest.initials = romanise(guest.name)
            if change.title is not None:
                guest.title = clean_text(change.title, limit=40, what="title")
            if change.language is not None:
                guest.language = change.language[:10]
            if change.vip_level is not None:
                guest.vip_level = max(0, min(change.vip_level, 9))
            if change.departure is not None:
                check_stay_dates(row.arrival, change.departure)
                row.departure = change.departure
            if change.privacy is not None:
                row.privacy = change.privacy
            audit(s, actor, now, "stay.change", "stay", row.id)
            changed(s, actor, now, "stay", row.id)
            return _stay(s, row)

    def move_room(self, from_room: str, to_room: str, reservation: str, actor: Actor) -> Stay:
        """The stay, its open wake-ups, messages, whereabouts and DND go to the new room."""
        now = self._clock.now()
        with self._store.unit() as s:
            old = find_room(s, from_room)
            new = find_room(s, to_room)
            if old.id == new.id:
                raise InputError("move.same", "The guest is already in that room", room=new.number)
            if new.occupancy == Occupancy.OUT_OF_ORDER.value:
                raise InputError("move.out_of_order", f"Room {new.number} is out of order", room=new.number)
            row = self._in_house(s, old, reservation)
            row.room_id = new.id
            s.execute(
                update(WakeUpRow)
                .where(WakeUpRow.stay_id == row.id, WakeUpRow.status.in_(_OPEN))
                .values(room_number=new.number)
            )
            waiting = _count(
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
                switches += [(self._on_dnd, phone, True) for phone in _phones(s, new)]
            if undelivered:
                switches += [(self._on_lamp, phone, True) for phone in _phones(s, new)]
            if left is None:
                old.occupancy, old.housekeeping = Occupancy.VACANT.value, Housekeeping.DIRTY.value
                if old.dnd:
                    switches += [(self._on_dnd, phone, False) for phone in _phones(s, old)]
                if old.message_lamp:
                    switches += [(self._on_lamp, phone, False) for phone in _phones(s, old)]
                old.dnd = old.message_lamp = False
                for period in s.scalars(
                    select(DndRow).where(DndRow.room_id == old.id, DndRow.cleared_at.is_(None))
                ):
                    period.room_id = new.id  # the guest's DND, with who set it and when, moves along
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
            stay = _stay(s, row)
        for switch, extension, on in switches:
            switch(extension, on)
        return stay

    # ------------------------------------------------------------ room states

    def set_dnd(self, room: str, on: bool, actor: Actor, until: datetime | None = None) -> None:
        now = self._clock.now()
        if until is not None and (until.tzinfo is None or until <= now):
            raise InputError(
                "dnd.until", "A DND end time must be later today or after", until=str(until)[:16]
            )
        with self._store.unit() as s:
            row = find_room(s, room)
            was = row.dnd
            row.dnd = on
            if on and not was:
                s.add(DndRow(room_id=row.id, set_at=now, set_by=actor.user, until=until))
            elif on:
                for period in s.scalars(
                    select(DndRow).where(DndRow.room_id == row.id, DndRow.cleared_at.is_(None))
                ):
                    period.until = until
            else:
                for period in s.scalars(
                    select(DndRow).where(DndRow.room_id == row.id, DndRow.cleared_at.is_(None))
                ):
                    period.cleared_at, period.cleared_by = now, actor.user
            audit(s, actor, now, "dnd.on" if on else "dnd.off", "room", row.number, until=until)
            changed(s, actor, now, "room", row.number)
            phones = _phones(s, row)
        if was != on:
            for phone in phones:
                self._on_dnd(phone, on)

    def expire_dnd(self) -> list[str]:
        """DND periods whose end time has passed clear themselves; returns the rooms."""
        now = self._clock.now()
        rooms: list[tuple[str, str]] = []
        link = Actor.link("dnd-clock")
        with self._store.unit() as s:
            for period in s.scalars(select(DndRow).where(DndRow.cleared_at.is_(None), DndRow.until <= now)):
                room = s.get(RoomRow, period.room_id)
                period.cleared_at, period.cleared_by = now, link.user
                if room is not None and room.dnd:
                    room.dnd = False
                    rooms += [(room.number, phone) for phone in _phones(s, room)]
                    audit(s, link, now, "dnd.expired", "room", room.number)
                    changed(s, link, now, "room", room.number)
        for _number, extension in rooms:
            self._on_dnd(extension, False)
        return list(dict.fromkeys(number for number, _ext in rooms))

    def expire_dnd_if_due(self) -> list[str]:
        """``expire_dnd`` at most every 30 s (the console calls this every second)."""
        now = self._clock.now()
        if self._next_expiry is not None and now < self._next_expiry:
            return []
        self._next_expiry = now + timedelta(seconds=30)
        return self.expire_dnd()

    def set_housekeeping(self, room: str, status: Housekeeping, actor: Actor) -> None:
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            row.housekeeping = status.value
            audit(s, actor, now, "room.housekeeping", "room", row.number, status=status.value)
            changed(s, actor, now, "room", row.number)

    def set_class_of_service(self, room: str, level: int, actor: Actor) -> None:
        if not 0 <= level <= 9:
            raise InputError("room.cos", f"Class of service {level} is not 0-9", level=level)
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            row.class_of_service = level
            audit(s, actor, now, "room.cos", "room", row.number, level=level)

    def set_whereabouts(self, room: str, text: str, until: datetime, actor: Actor) -> None:
        """ "At the pool until 15:00": shown in the screen pop until then."""
        now = self._clock.now()
        note = clean_text(text, limit=400, what="whereabouts", required=True)
        if until.tzinfo is None or until <= now:
            raise InputError(
                "whereabouts.until", "The end time must be later than now", until=str(until)[:16]
            )
        with self._store.unit() as s:
            stay = self._in_house(s, find_room(s, room))
            for old in s.scalars(
                select(WhereaboutsRow).where(WhereaboutsRow.stay_id == stay.id, WhereaboutsRow.until > now)
            ):
                old.until = now  # one whereabouts at a time: the new note replaces the old
            s.add(WhereaboutsRow(stay_id=stay.id, text=note, starts_at=now, until=until, set_by=actor.user))
            audit(s, actor, now, "whereabouts.set", "stay", stay.id)
            changed(s, actor, now, "stay", stay.id)

    def purge_messages(self) -> int:
        """Messages kept past their time after check-out are deleted; returns how many."""
        now = self._clock.now()
        with self._store.unit() as s:
            old = list(s.scalars(select(MessageRow).where(MessageRow.purge_after <= now)))
            for m in old:
                s.delete(m)
            if old:
                audit(s, Actor.link("message-purge"), now, "message.purge", "message", "", count=len(old))
            return len(old)

    def set_message_lamp(self, room: str, on: bool, actor: Actor) -> None:
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            was, row.message_lamp = row.message_lamp, on
            audit(s, actor, now, "lamp.on" if on else "lamp.off", "room", row.number)
            changed(s, actor, now, "room", row.number)
            phones = _phones(s, row)
        if was != on:
            for phone in phones:
                self._on_lamp(phone, on)

    def take_message(
        self, room: str, sender: str, text: str, actor: Actor, callback: str = "", reservation: str = ""
    ) -> int:
        """A message from the PMS or the front desk: the same book the operator writes in."""
        from db.message_book import SqlMessageBook  # the message book lights the lamp after its commit

        book = SqlMessageBook(self._store, self._clock, self._on_lamp)
        return book.take(room, sender or "PMS", callback, text, actor).id

    def begin_resync(self, actor: Actor) -> None:
        """The PMS starts resending its database: every in-house stay must be resent to stay."""
        now = self._clock.now()
        with self._store.unit() as s:
            s.execute(
                update(StayRow).where(StayRow.status == StayStatus.IN_HOUSE.value).values(resync_mark=1)
            )
            audit(s, actor, now, "resync.begin", "stays", "")

    def end_resync(self, actor: Actor) -> None:
        """Stays the PMS did not resend are checked out (the PMS is the master of who is in house)."""
        with self._store.read() as s:
            stale = [
                (r.number, st.reservation)
                for st, r in s.execute(
                    select(StayRow, RoomRow)
                    .join(RoomRow, RoomRow.id == StayRow.room_id)
                    .where(StayRow.status == StayStatus.IN_HOUSE.value, StayRow.resync_mark == 1)
                )
            ]
        for number, reservation in stale:
            self.check_out(number, reservation, actor)
        now = self._clock.now()
        with self._store.unit() as s:
            audit(s, actor, now, "resync.end", "stays", "", checked_out=len(stale))

    def mark_resent(self, room: str, reservation: str) -> None:
        """During a resync: this stay was resent by the PMS, so it stays in house."""
        with self._store.unit() as s:
            q = update(StayRow).where(StayRow.status == StayStatus.IN_HOUSE.value, StayRow.resync_mark == 1)
            row_room = find_room(s, room)
            q = q.where(StayRow.room_id == row_room.id)
            if reservation:
                q = q.where(StayRow.reservation == reservation)
            s.execute(q.values(resync_mark=0))

    def departures(self, day: date) -> list[Stay]:
        with self._store.read() as s:
            rows = s.scalars(
                select(StayRow).where(StayRow.status == StayStatus.IN_HOUSE.value, StayRow.departure == day)
            )
            return [_stay(s, r) for r in rows]


def as_front_office(office: SqlFrontOffice) -> FrontOffice:
    """The FIAS link and the UI take a ``FrontOffice``; mypy checks here that this is one."""
    return office
