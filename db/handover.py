"""Composing a handover from what is open now, and its acknowledgement item by item."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.dnd_ends import dnd_ends_by_room_id
from db.emergencies import SqlEmergencies
from db.logbook import SqlLogbook
from db.privacy import mask_text, private_guests
from db.rows import (
    GuestRow,
    HandoverItemRow,
    HandoverRow,
    MessageRow,
    RoomRow,
    ShiftRow,
    StayRow,
    TimedDutyRow,
    WakeUpRow,
)
from db.shifts import shift_row
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.errors import InputError, NotFound
from switchboard.handover import Handover, HandoverItem, ItemKind, item_line
from switchboard.hotel import Actor, StayStatus, clean_text
from switchboard.shifts import ShiftSlot, next_shift
from switchboard.wakeup_status import OPEN, WakeUpStatus

_OPEN = [s.value for s in OPEN]


class SqlHandovers:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def compose(self, outgoing: ShiftSlot, note: str, actor: Actor) -> Handover:
        require(actor, Permission.WRITE_LOGBOOK)
        now = self._clock.now()
        text = clean_text(note, limit=4000, what="handover note")
        incoming = next_shift(outgoing)
        zone = now.tzinfo
        items: list[tuple[ItemKind, str, str]] = []
        if text:
            items.append((ItemKind.NOTE, "", text))
        follow_ups = SqlLogbook(self._store, self._clock).open_follow_ups(actor)
        with self._store.unit() as s:
            for w in s.scalars(
                select(WakeUpRow)
                .where(WakeUpRow.status.in_(_OPEN), WakeUpRow.due_at < incoming.ends_at)
                .order_by(WakeUpRow.due_at)
            ):
                status = WakeUpStatus(w.status)
                kind = (
                    ItemKind.WAKEUP_ESCALATED
                    if status in (WakeUpStatus.ESCALATED, WakeUpStatus.MANUAL)
                    else ItemKind.WAKEUP_DUE
                )
                at = f"{w.due_at.astimezone(zone):%H:%M}"
                line = item_line(kind, time=at, room=w.room_number, status=w.status, attempts=str(w.attempts))
                items.append((kind, str(w.id), line))
            for e in follow_ups:
                due = f"{e.due_at:%m-%d %H:%M}" if e.due_at else ""
                line = item_line(ItemKind.FOLLOW_UP, room=e.room, text=e.text, due=due)
                items.append((ItemKind.FOLLOW_UP, str(e.id), line))
            for m, number in s.execute(
                select(MessageRow, RoomRow.number)
                .outerjoin(RoomRow, RoomRow.id == MessageRow.room_id)
                .where(MessageRow.delivered_at.is_(None))
                .order_by(MessageRow.taken_at)
            ):
                items.append(
                    (
                        ItemKind.MESSAGE,
                        str(m.id),
                        item_line(
                            ItemKind.MESSAGE,
                            room=number or "?",
                            sender=m.sender,
                            time=f"{m.taken_at.astimezone(zone):%H:%M}",
                        ),
                    )
                )
            ends = dnd_ends_by_room_id(s)
            for dnd_room in s.scalars(select(RoomRow).where(RoomRow.dnd.is_(True)).order_by(RoomRow.number)):
                end = ends.get(dnd_room.id)
                dnd_end = f"{end.astimezone(zone):%m-%d %H:%M}" if end else ""
                items.append(
                    (
                        ItemKind.DND,
                        dnd_room.number,
                        item_line(ItemKind.DND, room=dnd_room.number, until=dnd_end),
                    )
                )
            until = incoming.ends_at.date()
            for stay, guest, number in s.execute(
                select(StayRow, GuestRow, RoomRow.number)
                .join(GuestRow, GuestRow.id == StayRow.guest_id)
                .outerjoin(RoomRow, RoomRow.id == StayRow.room_id)
                .where(
                    StayRow.status == StayStatus.EXPECTED.value,
                    GuestRow.vip_level > 0,
                    StayRow.arrival <= until,
                )
                .order_by(GuestRow.vip_level.desc())
            ):
                items.append(
                    (
                        ItemKind.VIP_ARRIVAL,
                        stay.reservation,
                        item_line(
                            ItemKind.VIP_ARRIVAL,
                            level=str(guest.vip_level),
                            name=f"{guest.name} {guest.title}".strip(),
                            room="-" if stay.privacy else number or "-",  # name without room
                            date=f"{stay.arrival:%m-%d}",
                        ),
                    )
                )
            for duty in s.scalars(
                select(TimedDutyRow)
                .where(TimedDutyRow.active.is_(True), TimedDutyRow.shift_kind == incoming.kind.value)
                .order_by(TimedDutyRow.time_of_day)
            ):
                line = item_line(ItemKind.TIMED_DUTY, time=duty.time_of_day, name=duty.name)
                items.append((ItemKind.TIMED_DUTY, str(duty.id), line))
            shift_end = max(outgoing.ends_at, now + timedelta(seconds=1))  # composed late: all the same
            for alarm in SqlEmergencies(self._store, self._clock).between(outgoing.starts_at, shift_end):
                by = alarm.acknowledged_by or "nobody"
                at = f"{alarm.at.astimezone(zone):%H:%M:%S}"
                place = alarm.room or alarm.extension
                line = item_line(ItemKind.EMERGENCY, time=at, place=place, number=alarm.number, by=by)
                items.append((ItemKind.EMERGENCY, str(alarm.id), line))
            from_row = shift_row(s, outgoing)
            to_row = shift_row(s, incoming)
            handover = HandoverRow(
                from_shift_id=from_row.id,
                to_shift_id=to_row.id,
                composed_at=now,
                composed_by=actor.user,
                note=text,
            )
            s.add(handover)
            s.flush()
            for kind, ref, line in items:
                s.add(HandoverItemRow(handover_id=handover.id, kind=kind.value, ref=ref, text=line))
            audit(s, actor, now, "handover.compose", "handover", handover.id, items=len(items))
            changed(s, actor, now, "handover", handover.id)
            handover_id = handover.id
        return self.get(handover_id, actor)

    def get(self, handover_id: int, actor: Actor) -> Handover:
        """One handover by its number: the logbook's read, as ``latest`` and ``unacknowledged``."""
        require(actor, Permission.READ_LOGBOOK)
        with self._store.read() as s:
            row = s.get(HandoverRow, handover_id)
            if row is None:
                raise NotFound("handover.missing", "That handover does not exist")
            return self._view(s, row)

    def _view(self, s: Session, row: HandoverRow) -> Handover:
        zone = self._clock.now().tzinfo
        shift = s.get(ShiftRow, row.from_shift_id)
        label = f"{shift.business_date:%Y-%m-%d} {shift.kind}" if shift else ""
        duty_names = {str(d.id): d.name_zh for d in s.scalars(select(TimedDutyRow))}
        masked = private_guests(s)  # a note may name a privacy guest beside their room
        items = tuple(
            HandoverItem(
                i.id,
                ItemKind(i.kind),
                i.ref,
                mask_text(i.text, "", masked),
                i.acknowledged_by,
                i.acknowledged_at.astimezone(zone) if i.acknowledged_at else None,
                duty_names.get(i.ref, "") if i.kind == ItemKind.TIMED_DUTY.value else "",
            )
            for i in s.scalars(
                select(HandoverItemRow)
                .where(HandoverItemRow.handover_id == row.id)
                .order_by(HandoverItemRow.id)
            )
        )
        return Handover(
            row.id,
            label,
            row.composed_at.astimezone(zone),
            row.composed_by,
            items,
            row.acknowledged_by,
            row.acknowledged_at.astimezone(zone) if row.acknowledged_at else None,
        )

    def acknowledge(self, item_id: int, actor: Actor) -> Handover:
        require(actor, Permission.WRITE_LOGBOOK)
        now = self._clock.now()
        with self._store.unit() as s:
            item = s.get(HandoverItemRow, item_id)
            if item is None:
                raise NotFound("handover.missing", "That handover item does not exist")
            handover = s.get(HandoverRow, item.handover_id)
            assert handover is not None
            if handover.composed_by == actor.user:
                raise InputError(
                    "handover.own", "The incoming operator acknowledges a handover, not its author"
                )
            if item.acknowledged_at is None:
                item.acknowledged_at, item.acknowledged_by = now, actor.user
                audit(s, actor, now, "handover.acknowledge", "handover_item", item.id)
            s.flush()
            pending = s.scalar(
                select(HandoverItemRow.id).where(
                    HandoverItemRow.handover_id == handover.id, HandoverItemRow.acknowledged_at.is_(None)
                )
            )
            if pending is None and handover.acknowledged_at is None:
                handover.acknowledged_at, handover.acknowledged_by = now, actor.user
                audit(s, actor, now, "handover.acknowledged", "handover", handover.id)
            handover_id = handover.id
        return self.get(handover_id, actor)

    def acknowledge_all(self, item_ids: Sequence[int], actor: Actor) -> Handover:
        """The items the incoming operator has read, acknowledged in one action: one audit row each,
        one transaction (all or none)."""
        require(actor, Permission.WRITE_LOGBOOK)
        if not item_ids:
            raise InputError("handover.none", "Tick the items you have read first")
        now = self._clock.now()
        with self._store.unit() as s:
            items = [s.get(HandoverItemRow, i) for i in item_ids]
            if any(i is None for i in items) or len({i.handover_id for i in items if i}) != 1:
                raise NotFound("handover.missing", "That handover item does not exist")
            handover = s.get(HandoverRow, items[0].handover_id if items[0] else 0)
            assert handover is not None
            if handover.composed_by == actor.user:
                raise InputError(
                    "handover.own", "The incoming operator acknowledges a handover, not its author"
                )
            for item in items:
                if item is not None and item.acknowledged_at is None:
                    item.acknowledged_at, item.acknowledged_by = now, actor.user
                    audit(s, actor, now, "handover.acknowledge", "handover_item", item.id)
            s.flush()
            self._close_if_done(s, handover, actor, now)
            handover_id = handover.id
        return self.get(handover_id, actor)

    @staticmethod
    def _close_if_done(s: Session, handover: HandoverRow, actor: Actor, now: datetime) -> None:
        pending = s.scalar(
            select(HandoverItemRow.id).where(
                HandoverItemRow.handover_id == handover.id, HandoverItemRow.acknowledged_at.is_(None)
            )
        )
        if pending is None and handover.acknowledged_at is None:
            handover.acknowledged_at, handover.acknowledged_by = now, actor.user
            audit(s, actor, now, "handover.acknowledged", "handover", handover.id)

    def unacknowledged(self, actor: Actor) -> Sequence[Handover]:
        """Handovers with an item nobody has acknowledged (the duty manager's list)."""
        require(actor, Permission.READ_LOGBOOK)
        with self._store.read() as s:
            rows = s.scalars(
                select(HandoverRow)
                .where(HandoverRow.acknowledged_at.is_(None))
                .order_by(HandoverRow.composed_at)
            )
            return [self._view(s, r) for r in rows]

    def latest(self, actor: Actor) -> Handover | None:
        require(actor, Permission.READ_LOGBOOK)
        with self._store.read() as s:
            row = s.scalars(select(HandoverRow).order_by(HandoverRow.composed_at.desc())).first()
            return self._view(s, row) if row else None
