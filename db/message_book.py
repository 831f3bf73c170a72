"""Messages for guests: taken at the console, the room's message lamp on while
any wait, off when the last is delivered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import func, select

from db.audit import audit, changed
from db.privacy import mask_text, private_guests, shown_guest, stay_guest
from db.rooms import LampSwitch, find_room, guest_in
from db.rows import GuestRow, MessageRow, RoomRow, StayRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import MessageView
from switchboard.errors import ConflictError, InputError, NotFound
from switchboard.hotel import Actor, StayStatus, check_name, clean_text

DELIVERY = ("phone", "slip", "screen")


PmsDelivered = Callable[[str, str, str], None]  # (room, reservation, PMS message number)


class SqlMessageBook:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        on_lamp: LampSwitch | None = None,
        on_pms_delivered: PmsDelivered | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._on_lamp = on_lamp
        # a message the PMS sent, delivered here: (room, reservation, PMS number) for its XD
        self._on_pms_delivered = on_pms_delivered

    def _view(self, row: MessageRow, room: str, guest: str) -> MessageView:
        zone = self._clock.now().tzinfo
        return MessageView(
            row.id,
            room,
            guest,
            row.sender,
            row.callback,
            row.text,
            row.taken_at.astimezone(zone),
            row.taken_by,
            row.delivered_at.astimezone(zone) if row.delivered_at else None,
            row.version,
        )

    def take(self, room: str, sender: str, callback: str, text: str, actor: Actor) -> MessageView:
        require(actor, Permission.TAKE_MESSAGES)
        now = self._clock.now()
        who = check_name(sender, "caller's name")
        number = clean_text(callback, limit=40, what="call-back number")
        body = clean_text(text, limit=2000, what="message", required=True)
        with self._store.unit() as s:
            row_room = find_room(s, room, lock=True)  # the lamp is decided with the room's messages
            in_house = guest_in(s, row_room)
            found = (in_house[0].id, in_house[1].name) if in_house is not None else None
            if found is None:
                # An expected arrival: the message waits (no lamp) and reaches the room at check-in.
                arriving = guest_in(s, row_room, StayStatus.EXPECTED)
                expected = (arriving[0].id, arriving[1].name) if arriving is not None else None
                if expected is not None:
                    row = MessageRow(
                        stay_id=expected[0],
                        room_id=None,
                        sender=who,
                        callback=number,
                        text=body,
                        taken_at=now,
                        taken_by=actor.user,
                        status="waiting_arrival",
                    )
                    s.add(row)
                    s.flush()
                    audit(
                        s, actor, now, "message.take", "message", row.id, room=row_room.number, arrival=True
                    )
                    changed(s, actor, now, "message", row.id)
                    return self._view(
                        row,
                        row_room.number,
                        shown_guest(expected[1], arriving is None or arriving[0].privacy),
                    )
            if found is None:
                raise InputError(
                    "message.no_guest", f"Room {row_room.number} has no guest in house", room=row_room.number
                )
            stay_id, guest = found
            row = MessageRow(
                stay_id=stay_id,
                room_id=row_room.id,
                sender=who,
                callback=number,
                text=body,
                taken_at=now,
                taken_by=actor.user,
            )
            s.add(row)
            lamp_was = row_room.message_lamp
            row_room.message_lamp = True
            s.flush()
            audit(s, actor, now, "message.take", "message", row.id, room=row_room.number)
            changed(s, actor, now, "message", row.id)
            view = self._view(
                row, row_room.number, shown_guest(guest, in_house[0].privacy if in_house else True)
            )
            extension = row_room.extension
        if not lamp_was and self._on_lamp is not None:
            self._on_lamp(extension, True)
        return view

    def deliver(self, message_id: int, version: int, actor: Actor, how: str = "phone") -> MessageView:
        """Delivered by phone, by slip under the door, or on the guest's TV screen."""
        require(actor, Permission.TAKE_MESSAGES)
        if how not in DELIVERY:
            raise InputError("message.how", f"Unknown delivery {how!r}", how=how)
        now = self._clock.now()
        with self._store.unit() as s:
            # Locked until the commit: a second position delivering the same message waits, then sees
            # it delivered; the room is locked too, so its lamp follows every message left waiting.
            row = s.get(MessageRow, message_id, with_for_update=True)
            if row is None:
                raise NotFound("message.missing", "That message no longer exists")
            if row.room_id is not None:
                s.get(RoomRow, row.room_id, with_for_update=True)
            if row.version != version:
                raise ConflictError("message.changed", "Someone else changed this message just now")
            if row.delivered_at is not None:
                raise InputError("message.delivered", "This message was already delivered")
            row.delivered_at, row.delivered_by, row.delivery, row.status = (
                now,
                actor.user,
                how,
                "delivered",
            )
            room = s.get(RoomRow, row.room_id) if row.room_id is not None else None
            s.flush()
            left = s.scalar(
                select(func.count())
                .select_from(MessageRow)
                .where(MessageRow.room_id == row.room_id, MessageRow.delivered_at.is_(None))
            )
            lamp_off = room is not None and not left
            if room is not None and lamp_off:
                room.message_lamp = False
            audit(s, actor, now, "message.deliver", "message", row.id)
            changed(s, actor, now, "message", row.id)
            view = self._view(row, room.number if room else "", stay_guest(s, row.stay_id))
            extension = room.extension if room else ""
            stay = s.get(StayRow, row.stay_id) if row.pms_id and row.stay_id is not None else None
            told = (room.number if room else "", stay.reservation if stay else "", row.pms_id)
        if lamp_off and self._on_lamp is not None:
            self._on_lamp(extension, False)
        if told[2] and self._on_pms_delivered is not None:
            self._on_pms_delivered(*told)
        return view

    def waiting(self, actor: Actor) -> Sequence[MessageView]:
        require(actor, Permission.READ_MESSAGES)
        with self._store.read() as s:
            rows = s.execute(
                select(MessageRow, RoomRow.number, GuestRow.name, StayRow.privacy)
                .outerjoin(RoomRow, RoomRow.id == MessageRow.room_id)
                .outerjoin(StayRow, StayRow.id == MessageRow.stay_id)
                .outerjoin(GuestRow, GuestRow.id == StayRow.guest_id)
                .where(MessageRow.delivered_at.is_(None))
                .order_by(MessageRow.taken_at)
            )
            found = list(rows)
            masked = private_guests(s) if found else {}  # the text may name a privacy guest
            return [
                replace(
                    self._view(row, room or "", shown_guest(guest, private)),
                    text=mask_text(row.text, room or "", masked),
                )
                for row, room, guest, private in found
            ]
