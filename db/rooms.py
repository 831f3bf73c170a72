"""Finding a room and who stays in it: the lookups every desk service starts from."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.rows import ExtensionRow, GuestRow, RoomRow, StayRow
from db.store import Store
from switchboard.errors import InputError
from switchboard.hotel import Guest, Stay, StayStatus, check_room_number

LampSwitch = Callable[[str, bool], None]  # (extension, on): tells the PBX after commit


def find_room(s: Session, number: str, *, lock: bool = False) -> RoomRow:
    """The room; ``lock`` holds its row until the commit (``FOR UPDATE`` on PostgreSQL; on SQLite the
    unit of work holds the file's write lock already), so two positions deciding on the room's state
    take turns instead of each acting on what the other is changing."""
    value = check_room_number(number)
    query = select(RoomRow).where(RoomRow.number == value)
    room = s.scalars(query.with_for_update() if lock else query).first()
    if room is None:
        raise InputError("room.invalid", f"Not a room number: {value!r}", room=value)
    return room


def guest_in(
    s: Session, room: RoomRow, status: StayStatus = StayStatus.IN_HOUSE
) -> tuple[StayRow, GuestRow] | None:
    """The (first) stay with ``status`` in ``room`` and its guest, if there is one."""
    found = s.execute(
        select(StayRow, GuestRow)
        .join(GuestRow, GuestRow.id == StayRow.guest_id)
        .where(StayRow.room_id == room.id, StayRow.status == status.value)
        .order_by(StayRow.id)
    ).first()
    return (found[0], found[1]) if found is not None else None


class SqlRoomOfExtension:
    """Which room a telephone belongs to (a suite has several)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def room_of(self, extension: str) -> str:
        with self._store.read() as s:
            number = s.scalars(select(RoomRow.number).where(RoomRow.extension == extension)).first()
            if number is None:
                number = s.scalars(
                    select(RoomRow.number)
                    .join(ExtensionRow, ExtensionRow.room_id == RoomRow.id)
                    .where(ExtensionRow.number == extension)
                ).first()
            return number or ""


def stay_of(s: Session, row: StayRow) -> Stay:
    """The stay as the pages and the PMS link see it."""
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
