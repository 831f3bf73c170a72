"""Emergency calls: raised once per call whichever position hears of it first, acknowledged once,
called out once; each written into the logbook by itself and listed for the handover and report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, not_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.chain import seal
from db.rows import EmergencyRow, ExtensionRow, GuestRow, LogbookEntryRow, RoomRow, StayRow
from db.shifts import shift_row
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import EntryKind, LogCategory
from switchboard.emergency import (
    SAME_CALL_WINDOW,
    Alarm,
    EmergencyCallEnded,
    EmergencyDialled,
    Occupant,
    Source,
)
from switchboard.emergency_dialogs import LIVE_WINDOW, UNKEYED
from switchboard.errors import InputError, NotFound
from switchboard.hotel import Actor, StayStatus
from switchboard.shift_figures import EmergencyLine
from switchboard.shifts import shift_at

TOPIC = "emergency"


def _alarm(row: EmergencyRow) -> Alarm:
    occupants = [
        Occupant(
            str(o.get("name", "")),
            str(o.get("title", "")),
            str(o.get("language", "")),
            int(o.get("vip_level", 0) or 0),
            str(o.get("party", "")),
            str(o.get("notes", "")),
            bool(o.get("privacy", False)),
        )
        for o in row.occupants or []
        if isinstance(o, dict)
    ]
    return Alarm(
        id=row.id,
        call_key=row.call_key,
        extension=row.extension,
        room=row.room_number,
        floor=row.floor,
        number=row.number,
        at=row.at,
        source=Source(row.source),
        up=row.up,
        occupants=occupants,
        acknowledged_at=row.acknowledged_at,
        acknowledged_by=row.acknowledged_by,
        escalated_at=row.escalated_at,
        wing=row.wing,
    )


def _room_of(s: Session, extension: str) -> RoomRow | None:
    room = s.scalars(select(RoomRow).where(RoomRow.extension == extension)).first()
    if room is not None:
        return room
    ext = s.scalars(select(ExtensionRow).where(ExtensionRow.number == extension)).first()
    return s.get(RoomRow, ext.room_id) if ext is not None and ext.room_id is not None else None


def _occupants(s: Session, room: RoomRow) -> list[dict[str, Any]]:
    found = s.execute(
        select(StayRow, GuestRow)
        .join(GuestRow, GuestRow.id == StayRow.guest_id)
        .where(StayRow.room_id == room.id, StayRow.status == StayStatus.IN_HOUSE.value)
        .order_by(StayRow.id)
    )
    return [
        {
            "name": guest.name,
            "title": guest.title,
            "language": guest.language,
            "vip_level": guest.vip_level,
            "party": stay.companions,
            "notes": stay.vip_note,
            "privacy": bool(stay.privacy),
        }
        for stay, guest in found
    ]


def _same_live_call(s: Session, dialled: EmergencyDialled, key: str) -> EmergencyRow | None:
    """The alarm a dialog-info without a Call-ID (its key made up) and the PBX's MESSAGE share. Keys
    that are both Call-IDs need no guessing.

    An unkeyed dialog is the call of an alarm of the same room and number whose call is still up,
    however long ago it was raised (a position started while the call went on), or, as the MESSAGE and
    the first NOTIFY come together, of any live alarm of the room and number within ``LIVE_WINDOW``.
    (``uq_emergencies_unkeyed_up`` holds the same rule for two positions raising it at once.)"""
    room = (EmergencyRow.extension == dialled.extension, EmergencyRow.number == dialled.number)
    near = and_(EmergencyRow.at >= dialled.at - LIVE_WINDOW, EmergencyRow.at <= dialled.at + LIVE_WINDOW)
    if not key.startswith(UNKEYED):  # the PBX's MESSAGE after a dialog-info that had no Call-ID
        unkeyed = EmergencyRow.call_key.startswith(UNKEYED, autoescape=True)
        return s.scalars(select(EmergencyRow).where(*room, near, unkeyed).order_by(EmergencyRow.at)).first()
    live = EmergencyRow.source.in_((Source.PBX.value, Source.LAMPS.value))
    return s.scalars(
        select(EmergencyRow)
        .where(*room, live, or_(EmergencyRow.up.is_(True), near))
        .order_by(EmergencyRow.up.desc(), EmergencyRow.at.desc())
    ).first()


def _open_unkeyed(s: Session, dialled: EmergencyDialled) -> EmergencyRow | None:
    """The unkeyed alarm of the room and number still up: the one ``uq_emergencies_unkeyed_up`` lets be."""
    return s.scalars(
        select(EmergencyRow).where(
            EmergencyRow.extension == dialled.extension[:20],
            EmergencyRow.number == dialled.number[:32],
            EmergencyRow.up.is_(True),
            EmergencyRow.call_key.startswith(UNKEYED, autoescape=True),
        )
    ).first()


class SqlEmergencies:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def raise_alarm(self, dialled: EmergencyDialled, actor: Actor) -> tuple[Alarm, bool]:
        """The alarm for this call, and whether it is new. The same call told again (by the PBX to
        another position, or by its call record afterwards) returns the alarm it already has."""
        require(actor, Permission.HANDLE_CALLS)
        key = dialled.call_key.strip()[:200]
        if not key or not dialled.extension.strip():
            raise InputError("emergency.incomplete", "An emergency call needs a call and an extension")
        now = self._clock.now()
        with self._store.unit() as s:
            row = s.scalars(select(EmergencyRow).where(EmergencyRow.call_key == key)).first()
            if row is None and dialled.source is Source.RECORDS:
                row = s.scalars(  # the live paths already raised it under the PBX's call key
                    select(EmergencyRow).where(
                        EmergencyRow.extension == dialled.extension,
                        EmergencyRow.number == dialled.number,
                        EmergencyRow.at >= dialled.at - SAME_CALL_WINDOW,
                        EmergencyRow.at <= dialled.at + SAME_CALL_WINDOW,
                    )
                ).first()
            elif row is None and dialled.source in (Source.PBX, Source.LAMPS):
                row = _same_live_call(s, dialled, key)
            if row is not None:
                if row.up and not dialled.up:
                    row.up = False
                    changed(s, actor, now, TOPIC, row.id)
                return _alarm(row), False
            room = _room_of(s, dialled.extension)
            row = EmergencyRow(
                call_key=key,
                extension=dialled.extension[:20],
                room_number=room.number if room else "",
                floor=room.floor if room else None,
                wing=room.wing if room else None,
                number=dialled.number[:32],
                at=dialled.at,
                source=dialled.source.value,
                up=dialled.up,
                occupants=_occupants(s, room) if room else [],
                acknowledged_by="",
                acknowledged_position="",
            )
            try:
                with s.begin_nested():
                    s.add(row)
                    s.flush()
            except IntegrityError:  # another position raised it in the same moment
                other = s.scalars(select(EmergencyRow).where(EmergencyRow.call_key == key)).first()
                if other is None and key.startswith(UNKEYED):  # under its own minute's key
                    other = _open_unkeyed(s, dialled)
                if other is None:
                    raise
                return _alarm(other), False
            where = f"room {row.room_number}" if row.room_number else f"extension {row.extension}"
            late = (
                " (from the call records: the live alarm missed it)"
                if dialled.source is Source.RECORDS
                else ""
            )
            self._log(s, actor, now, row.room_number, f"Emergency call: {where} dialled {row.number}{late}")
            audit(
                s, actor, now, "emergency.raised", "emergency", row.id, number=row.number, source=row.source
            )
            changed(s, actor, now, TOPIC, row.id)
            return _alarm(row), True

    def call_ended(self, over: EmergencyCallEnded, actor: Actor) -> bool:
        """The room hung up: its alarm stops saying the call is up. The call is the alarm with its
        Call-ID; without one, the alarm of the same dialog (``dialog:EXT:ID:``), or else the newest alarm
        of the room and number still up under the PBX's Call-ID (the MESSAGE raised it, the dialog-info
        joined it). True if an alarm changed; a call no alarm knows of changes nothing."""
        require(actor, Permission.HANDLE_CALLS)
        key = over.call_key.strip()[:200]
        if not key:
            return False
        up = EmergencyRow.up.is_(True)
        with self._store.unit() as s:
            if key.startswith(UNKEYED):
                row = (
                    s.scalars(
                        select(EmergencyRow).where(
                            up, EmergencyRow.call_key.startswith(key + ":", autoescape=True)
                        )
                    ).first()
                    or s.scalars(
                        select(EmergencyRow)
                        .where(
                            up,
                            EmergencyRow.extension == over.extension,
                            EmergencyRow.number == over.number,
                            EmergencyRow.at <= over.at,
                            EmergencyRow.source.in_((Source.PBX.value, Source.LAMPS.value)),
                            not_(EmergencyRow.call_key.startswith(UNKEYED, autoescape=True)),
                        )
                        .order_by(EmergencyRow.at.desc())
                    ).first()
                )
            else:
                row = s.scalars(select(EmergencyRow).where(up, EmergencyRow.call_key == key)).first()
            if row is None:
                return False
            taken = s.execute(  # one position writes it, however many saw the call end
                update(EmergencyRow).where(EmergencyRow.id == row.id, up).values(up=False)
            ).rowcount  # type: ignore[attr-defined]
            if taken:
                changed(s, actor, self._clock.now(), TOPIC, row.id)
            return bool(taken)

    def acknowledge(self, alarm_id: int, actor: Actor) -> Alarm:
        """The first person to acknowledge clears it everywhere; a later one is told who did."""
        require(actor, Permission.HANDLE_ESCALATIONS)
        now = self._clock.now()
        with self._store.unit() as s:
            taken = s.execute(
                update(EmergencyRow)
                .where(EmergencyRow.id == alarm_id, EmergencyRow.acknowledged_at.is_(None))
                .values(acknowledged_at=now, acknowledged_by=actor.user, acknowledged_position=actor.position)
            ).rowcount  # type: ignore[attr-defined]
            row = s.get(EmergencyRow, alarm_id)
            if row is None:
                raise NotFound("emergency.missing", "That emergency call does not exist")
            if taken:
                where = f"room {row.room_number}" if row.room_number else f"extension {row.extension}"
                self._log(s, actor, now, row.room_number, f"Emergency call from {where} acknowledged")
                audit(s, actor, now, "emergency.acknowledged", "emergency", row.id)
                changed(s, actor, now, TOPIC, row.id)
            return _alarm(row)

    def escalated(self, alarm_id: int, actor: Actor) -> bool:
        """Record the call-out to the duty manager and security; True for the one position that does it."""
        require(actor, Permission.HANDLE_CALLS)
        now = self._clock.now()
        with self._store.unit() as s:
            taken = s.execute(
                update(EmergencyRow)
                .where(
                    EmergencyRow.id == alarm_id,
                    EmergencyRow.escalated_at.is_(None),
                    EmergencyRow.acknowledged_at.is_(None),
                )
                .values(escalated_at=now)
            ).rowcount  # type: ignore[attr-defined]
            if taken:
                audit(s, actor, now, "emergency.escalated", "emergency", alarm_id)
                changed(s, actor, now, TOPIC, alarm_id)
            return bool(taken)

    def open_alarms(self) -> Sequence[Alarm]:
        with self._store.read() as s:
            rows = s.scalars(
                select(EmergencyRow).where(EmergencyRow.acknowledged_at.is_(None)).order_by(EmergencyRow.at)
            )
            return [_alarm(r) for r in rows]

    def between(self, since: datetime, until: datetime) -> Sequence[Alarm]:
        """Every emergency call of a period, for the handover and the shift report."""
        with self._store.read() as s:
            rows = s.scalars(
                select(EmergencyRow)
                .where(EmergencyRow.at >= since, EmergencyRow.at < until)
                .order_by(EmergencyRow.at)
            )
            return [_alarm(r) for r in rows]

    def _log(self, s: Session, actor: Actor, now: datetime, room: str, text: str) -> None:
        row = LogbookEntryRow(
            shift_id=shift_row(s, shift_at(now)).id,
            kind=EntryKind.ENTRY.value,
            created_at=now,
            author=actor.user,
            category=LogCategory.SECURITY.value,
            room_number=room,
            text=text,
            follow_up=False,
            due_at=None,
            assignee="",
            corrects_id=None,
        )
        s.add(row)
        s.flush()
        seal(s, row)
        changed(s, actor, now, "logbook", row.id)


def emergency_lines(
    store: Store, clock: Clock, since: datetime, until: datetime
) -> tuple[EmergencyLine, ...]:
    """Every emergency call of a period as the shift report and the handover list it (room and times,
    never the guests' names: the report leaves the operator's desk)."""
    return tuple(
        EmergencyLine(
            at=a.at,
            where=a.room or a.extension,
            number=a.number,
            source=a.source.value,
            acknowledged_by=a.acknowledged_by,
            acknowledged_at=a.acknowledged_at,
            called_out_at=a.escalated_at,
        )
        for a in SqlEmergencies(store, clock).between(since, until)
    )
