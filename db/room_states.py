"""Room states that every source can change: do-not-disturb (with an end time), the
message lamp, housekeeping, class of service, whereabouts, and messages from the PMS.

A base of the front office, so the PBX hears about DND and message lamps after the
commit, on every telephone of the room, whoever made the change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from db.audit import audit, changed
from db.message_book import SqlMessageBook  # it lights the lamp after its commit
from db.rooms import LampSwitch, find_room, guest_in
from db.rows import DndRow, ExtensionRow, MessageRow, RoomRow, StayRow, WhereaboutsRow
from db.store import Store
from switchboard.auth import Permission, is_link, require
from switchboard.clock import Clock
from switchboard.errors import ConflictError, InputError, NotFound
from switchboard.hotel import Actor, Housekeeping, StayStatus, clean_text
from switchboard.input_checks import time_in_range


def phones_of(s: Session, room: RoomRow) -> tuple[str, ...]:
    """Every telephone of a room: a suite has several, and DND and the message lamp go to all."""
    numbers = [room.extension, *s.scalars(select(ExtensionRow.number).where(ExtensionRow.room_id == room.id))]
    return tuple(dict.fromkeys(n for n in numbers if n))


HousekeepingNews = Callable[[str, Housekeeping, bool], None]  # (room, status, occupied)


class RoomStates:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        on_dnd: LampSwitch | None = None,
        on_lamp: LampSwitch | None = None,
        on_housekeeping: HousekeepingNews | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._on_dnd = on_dnd or (lambda _e, _on: None)
        self._on_lamp = on_lamp or (lambda _e, _on: None)
        # a person changed a room's status here: the PMS hears it (FIAS RE RS) after the commit
        self._on_housekeeping = on_housekeeping or (lambda _r, _s, _o: None)
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

    def set_dnd(self, room: str, on: bool, actor: Actor, until: datetime | None = None) -> None:
        require(actor, Permission.SET_DND)
        now = self._clock.now()
        if until is not None and (until.tzinfo is None or until <= now):
            raise InputError(
                "dnd.until", "A DND end time must be later today or after", until=str(until)[:16]
            )
        if until is not None:
            time_in_range(until, now, "DND end")
        with self._store.unit() as s:
            row = find_room(s, room, lock=True)  # the flag and the open period are decided together
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
            phones = phones_of(s, row)
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
                room = s.get(RoomRow, period.room_id, with_for_update=True)
                s.refresh(period)  # read again under the room's lock: a position may have just changed it
                if period.cleared_at is not None or period.until is None or period.until > now:
                    continue
                period.cleared_at, period.cleared_by = now, link.user
                if room is not None and room.dnd:
                    room.dnd = False
                    rooms += [(room.number, phone) for phone in phones_of(s, room)]
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

    def set_housekeeping(
        self, room: str, status: Housekeeping, actor: Actor, *, version: int | None = None
    ) -> None:
        """``version`` is the room as the person saw it (``RoomView.version``): a room changed since
        then is a ``ConflictError``, never overwritten; links that only pass the news leave it out."""
        require(actor, Permission.SET_ROOM_STATE)
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            if version is not None and row.version != version:
                raise ConflictError(
                    "room.changed", "Someone else changed this room just now", room=row.number
                )
            row.housekeeping = status.value
            if version is not None:
                flag_modified(row, "housekeeping")  # saved even when unchanged: the version moves on
            audit(s, actor, now, "room.housekeeping", "room", row.number, status=status.value)
            changed(s, actor, now, "room", row.number)
            number, occupied = row.number, guest_in(s, row) is not None
        if not is_link(actor):  # news from the PMS itself is not sent back to it
            self._on_housekeeping(number, status, occupied)

    def set_class_of_service(self, room: str, level: int, actor: Actor) -> None:
        require(actor, Permission.SET_ROOM_STATE)
        if not 0 <= level <= 9:
            raise InputError("room.cos", f"Class of service {level} is not 0-9", level=level)
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            row.class_of_service = level
            audit(s, actor, now, "room.cos", "room", row.number, level=level)

    def set_whereabouts(self, room: str, text: str, until: datetime, actor: Actor) -> None:
        """ "At the pool until 15:00": shown in the screen pop until then."""
        require(actor, Permission.TAKE_MESSAGES)
        now = self._clock.now()
        note = clean_text(text, limit=400, what="whereabouts", required=True)
        if until is None:  # whereabouts always end (the board shows until when); open-ended news is a message
            raise InputError("whereabouts.no_end", "Whereabouts need the time they end")
        if until.tzinfo is None or until <= now:
            raise InputError(
                "whereabouts.until", "The end time must be later than now", until=str(until)[:16]
            )
        time_in_range(until, now, "whereabouts end")
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
        require(actor, Permission.TAKE_MESSAGES)
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            was, row.message_lamp = row.message_lamp, on
            audit(s, actor, now, "lamp.on" if on else "lamp.off", "room", row.number)
            changed(s, actor, now, "room", row.number)
            phones = phones_of(s, row)
        if was != on:
            for phone in phones:
                self._on_lamp(phone, on)

    def take_message(
        self,
        room: str,
        sender: str,
        text: str,
        actor: Actor,
        callback: str = "",
        reservation: str = "",
        message_id: str = "",
    ) -> int:
        """A message from the PMS or the front desk: the same book the operator writes in. ``message_id``
        is the PMS's number for it (FIAS MI), kept so its delivery can be told back (XD)."""
        book = SqlMessageBook(self._store, self._clock, self._on_lamp)
        taken = book.take(room, sender or "PMS", callback, text, actor).id
        number = clean_text(message_id, limit=20, what="PMS message number")
        if number:
            with self._store.unit() as s:
                row = s.get(MessageRow, taken)
                if row is not None:
                    row.pms_id = number
        return taken
