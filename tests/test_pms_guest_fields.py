"""A GC (or a GI resent in a resync) for a guest already in house applies group (GG), arrival (GA) and
share (GS) too, not only the name fields: the spec says the fields present change (GC, p.39-47)."""

from __future__ import annotations

from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsWakeUps
from db.room_board import SqlRoomBoard
from db.rows import RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.records import FiasRecord
from tests.reader import READER


def test_gc_changes_group_arrival_and_share_of_a_guest_in_house(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy)
    with store.read() as s:
        stay = s.scalars(
            select(StayRow).join(RoomRow, RoomRow.id == StayRow.room_id).where(
                RoomRow.number == room.number, StayRow.status == "in_house"
            )
        ).one()
        reservation, departure = stay.reservation, stay.departure
    arrival = departure.replace(day=1) if departure.day > 1 else departure
    desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), lambda _r: None)
    fields = (("RN", room.number), ("G#", reservation), ("GG", "IBM2026"), ("GS", "Y"))
    fields += (("GA", f"{arrival:%y%m%d}"),)
    desk.apply(FiasRecord("GC", fields))
    with store.read() as s:
        changed = s.scalars(select(StayRow).where(StayRow.reservation == reservation)).one()
        assert (changed.group_code, changed.share) == ("IBM2026", True)
        assert changed.arrival == min(arrival, changed.departure)
    desk.apply(FiasRecord("GC", (("RN", room.number), ("G#", reservation), ("GS", "N"))))  # GG not sent: kept
    with store.read() as s:
        changed = s.scalars(select(StayRow).where(StayRow.reservation == reservation)).one()
        assert (changed.group_code, changed.share) == ("IBM2026", False)
