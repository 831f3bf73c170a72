"""Read side for the attendant: who is calling (screen pop) and the directory's entries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from db.romanise import romanise
from db.rows import (
    ExtensionRow,
    GuestRow,
    HotelInfoRow,
    MessageRow,
    RoomRow,
    StayRow,
    WakeUpRow,
    WhereaboutsRow,
)
from db.store import Store
from switchboard.clock import Clock
from switchboard.directory import DirectoryEntry, EntryKind
from switchboard.hotel import ExtensionKind, StayStatus
from switchboard.screen_pop import CallerInfo, CallerKind
from switchboard.wakeup_status import OPEN

_OPEN_WAKEUPS = [s.value for s in OPEN]


class SqlCallers:
    """Implements ``switchboard.screen_pop.CallerLookup`` and feeds the directory."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def who(self, number: str) -> CallerInfo:
        number = number.strip()[:40]
        now = self._clock.now()
        with self._store.read() as s:
            ext = s.scalars(select(ExtensionRow).where(ExtensionRow.number == number)).first()
            if ext is None:
                return CallerInfo(number, CallerKind.OUTSIDE)
            if ext.room_id is None:
                kind = CallerKind.STAFF if ext.kind == ExtensionKind.STAFF.value else CallerKind.DEPARTMENT
                return CallerInfo(number, kind, label=ext.label, label_zh=ext.label_zh)
            room = s.get(RoomRow, ext.room_id)
            assert room is not None
            found = s.execute(
                select(StayRow, GuestRow)
                .join(GuestRow, GuestRow.id == StayRow.guest_id)
                .where(StayRow.room_id == room.id, StayRow.status == StayStatus.IN_HOUSE.value)
                .order_by(StayRow.id)
            ).first()
            messages = s.scalar(
                select(func.count())
                .select_from(MessageRow)
                .where(MessageRow.room_id == room.id, MessageRow.delivered_at.is_(None))
            )
            wakeup: datetime | None = s.scalar(
                select(func.min(WakeUpRow.due_at)).where(
                    WakeUpRow.room_number == room.number, WakeUpRow.status.in_(_OPEN_WAKEUPS)
                )
            )
            if found is None:
                return CallerInfo(number, CallerKind.ROOM, room=room.number, dnd=room.dnd)
            stay, guest = found
            where = s.scalars(
                select(WhereaboutsRow.text).where(
                    WhereaboutsRow.stay_id == stay.id,
                    WhereaboutsRow.starts_at <= now,
                    WhereaboutsRow.until > now,
                )
            ).first()
            return CallerInfo(
                number,
                CallerKind.ROOM,
                room=room.number,
                guest_name=guest.name,
                romanised=guest.romanised,
                title=guest.title,
                vip_level=guest.vip_level,
                language=guest.language,
                company=guest.company,
                companions=stay.companions,
                privacy=stay.privacy,
                privacy_note=stay.privacy_note,
                dnd=room.dnd,
                messages_waiting=int(messages or 0),
                wakeup_at=wakeup.astimezone(now.tzinfo) if wakeup else None,
                whereabouts=where or "",
            )

    def directory_entries(self) -> list[DirectoryEntry]:
        entries: list[DirectoryEntry] = []
        with self._store.read() as s:
            stays = s.execute(
                select(StayRow, GuestRow, RoomRow.number, RoomRow.extension)
                .join(GuestRow, GuestRow.id == StayRow.guest_id)
                .outerjoin(RoomRow, RoomRow.id == StayRow.room_id)
                .where(StayRow.status.in_([StayStatus.IN_HOUSE.value, StayStatus.EXPECTED.value]))
            )
            for stay, guest, room, extension in stays:
                romanised, initials = guest.romanised, guest.initials
                if not romanised:  # a name from the PMS: romanise it here
                    romanised, initials = romanise(guest.name)
                in_house = stay.status == StayStatus.IN_HOUSE.value
                if stay.privacy:
                    # Never in the operator's hands: not findable by room, no extension to ring.
                    room, extension = "", ""
                entries.append(
                    DirectoryEntry(
                        kind=EntryKind.GUEST if in_house else EntryKind.ARRIVAL,
                        name=guest.name,
                        number=(extension or "") if in_house else "",
                        room=room or "",
                        romanised=romanised,
                        initials=initials,
                        title=guest.title,
                        company=guest.company,
                        vip_level=guest.vip_level,
                        privacy=stay.privacy,
                        privacy_note=stay.privacy_note,
                        detail=stay.arrival.isoformat() if not in_house else "",
                        stay=stay.id if stay.privacy and in_house else 0,
                    )
                )
            for ext in s.scalars(select(ExtensionRow).where(ExtensionRow.room_id.is_(None))):
                kind = EntryKind.STAFF if ext.kind == ExtensionKind.STAFF.value else EntryKind.DEPARTMENT
                entries.append(
                    DirectoryEntry(kind=kind, name=ext.label, number=ext.number, detail=ext.label_zh)
                )
            for info in s.scalars(select(HotelInfoRow)):
                entries.append(
                    DirectoryEntry(
                        kind=EntryKind.INFO,
                        name=info.topic,
                        detail=f"{info.topic_zh} {info.keywords} {info.body}",
                    )
                )
        return entries
