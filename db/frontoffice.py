"""The one path into rooms and stays: check-in, check-out, guest changes and
room moves, whoever makes them (front desk, operator, or the PMS over FIAS).

Each method is one unit of work with its audit row and change-feed row;
the PBX hears about DND and message lamps only after the commit.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select, update

from db.audit import audit, changed
from db.romanise import romanise
from db.room_moves import RoomMoves, changed_rows
from db.room_states import phones_of
from db.rooms import find_room, stay_of
from db.rows import (
    DndRow,
    GuestRow,
    MessageRow,
    RoomRow,
    StayRow,
    WakeUpRow,
)
from switchboard import input_checks
from switchboard.auth import Permission, require
from switchboard.frontoffice import CheckIn, CheckOutResult, FrontOffice, GuestChange
from switchboard.hotel import (
    Actor,
    Housekeeping,
    Occupancy,
    Stay,
    StayStatus,
    check_name,
    check_stay_dates,
    clean_text,
)
from switchboard.wakeup_status import CANCELLABLE, OPEN, WakeUpStatus

MESSAGES_KEPT = timedelta(days=7)  # after check-out, then purged
_CANCELLABLE = [s.value for s in CANCELLABLE]
_OPEN = [s.value for s in OPEN]


class SqlFrontOffice(RoomMoves):
    """Check-in, check-out, guest changes and resync; room moves come from ``RoomMoves`` and the room
    states from ``RoomStates``."""

    def check_in(self, request: CheckIn, actor: Actor) -> Stay:
        """Check a guest in; the same reservation checked in again (a PMS resync) updates the stay."""
        require(actor, Permission.MANAGE_STAYS)
        request = input_checks.check_in_request(request, self._clock.now().date())
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
                        first_name=request.first_name or None,
                        title=request.title,
                        language=request.language or None,
                        vip_level=request.vip_level,
                        departure=request.departure,
                        privacy=request.privacy,
                        group=request.group or None,
                        arrival=request.arrival,
                        share=request.share,  # a GI is the whole guest: GS not sent is the default, N
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
            waiting = changed_rows(
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
            stay, phones = stay_of(s, row), phones_of(s, room)
        if lamp:
            for phone in phones:
                self._on_lamp(phone, True)
        return stay

    def check_out(self, room: str, reservation: str, actor: Actor) -> CheckOutResult:
        require(actor, Permission.MANAGE_STAYS)
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
            result = CheckOutResult(stay_of(s, row), undelivered, cancelled)
            phones = phones_of(s, row_room)
        for phone in phones:
            if dnd_off:
                self._on_dnd(phone, False)
            if lamp_off:
                self._on_lamp(phone, False)
        return result

    def change_guest(self, change: GuestChange, actor: Actor) -> Stay:
        require(actor, Permission.MANAGE_STAYS)
        change = input_checks.guest_change(change, self._clock.now().date())
        now = self._clock.now()
        with self._store.unit() as s:
            row = self._in_house(s, find_room(s, change.room), change.reservation)
            guest = s.get(GuestRow, row.guest_id)
            assert guest is not None
            if change.name is not None:
                guest.name = check_name(change.name)
                guest.romanised, guest.initials = romanise(guest.name)
            if change.first_name is not None:  # FIAS GF in a GC or a resent GI, or the console's own edit
                guest.first_name = clean_text(change.first_name, limit=80, what="first name")
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
            if change.group is not None:  # FIAS GG/GA/GS in a GC or a resent GI
                row.group_code = change.group
            if change.arrival is not None and change.arrival <= row.departure:
                row.arrival = change.arrival
            if change.share is not None:
                row.share = change.share
            # During a resync the PMS resends guests already in house as changes: the stay was resent
            # and must not be checked out at its end (a change made at the console meanwhile keeps it too).
            row.resync_mark = 0
            audit(s, actor, now, "stay.change", "stay", row.id)
            changed(s, actor, now, "stay", row.id)
            return stay_of(s, row)

    # ------------------------------------------------------------ room states

    def begin_resync(self, actor: Actor) -> None:
        """The PMS starts resending its database: every in-house stay must be resent to stay."""
        require(actor, Permission.MANAGE_STAYS)
        now = self._clock.now()
        with self._store.unit() as s:
            s.execute(
                update(StayRow).where(StayRow.status == StayStatus.IN_HOUSE.value).values(resync_mark=1)
            )
            audit(s, actor, now, "resync.begin", "stays", "")

    def end_resync(self, actor: Actor) -> None:
        """Stays the PMS did not resend are checked out (the PMS is the master of who is in house)."""
        require(actor, Permission.MANAGE_STAYS)
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
            return [stay_of(s, r) for r in rows]


def as_front_office(office: SqlFrontOffice) -> FrontOffice:
    """The FIAS link and the UI take a ``FrontOffice``; mypy checks here that this is one."""
    return office
