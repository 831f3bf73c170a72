"""The demo hotel: size and content an operator would recognise."""

from __future__ import annotations

from sqlalchemy import func, select

from db.rows import ExtensionRow, GuestRow, RoomRow, StayRow, UserRow
from db.seed import is_empty, seed_demo_hotel
from db.store import Store
from switchboard import demo_hotel
from switchboard.clock import FakeClock


def test_demo_hotel_has_about_700_rooms_on_18_floors() -> None:
    rooms = demo_hotel.rooms()
    assert 690 <= len(rooms) <= 710
    assert len({r.floor for r in rooms}) == 18
    departments = {e.department for e in demo_hotel.extensions() if e.department}
    assert {
        "front_desk",
        "housekeeping",
        "engineering",
        "restaurants",
        "concierge",
        "security",
        "duty_manager",
    } <= departments


def test_seed_loads_rooms_guests_and_demo_users(store: Store, clock: FakeClock) -> None:
    assert is_empty(store)
    seed_demo_hotel(store, clock)
    assert not is_empty(store)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(RoomRow)) == len(demo_hotel.rooms())
        assert s.scalar(select(func.count()).select_from(ExtensionRow)) == len(demo_hotel.extensions())
        names = set(s.scalars(select(GuestRow.name)))
        assert {"张伟", "Smith, John", "Al-Rashid, Omar"} <= names
        vips = s.scalar(select(func.count()).select_from(GuestRow).where(GuestRow.vip_level > 0))
        assert vips >= 5
        statuses = set(s.scalars(select(StayRow.status)))
        assert statuses == {"in_house", "expected"}
        assert s.scalar(select(func.count()).select_from(UserRow)) == 4
