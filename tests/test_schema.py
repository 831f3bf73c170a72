"""The schema comes from the migrations alone, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from db.rows import Base, GuestRow, RoomRow, StayRow
from db.store import StorageUnavailable, Store
from switchboard.errors import ConflictError


def test_migrations_create_every_table(store: Store) -> None:
    tables = set(store.table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrate_twice_is_harmless(store: Store) -> None:
    store.migrate()
    assert "rooms" in store.table_names()


def test_times_come_back_aware_utc(store: Store) -> None:
    with store.unit() as s:
        guest = GuestRow(name="张伟", romanised="zhang wei", initials="zw")
        s.add(guest)
        s.flush()
        s.add(
            StayRow(
                reservation="R1",
                guest_id=guest.id,
                status="in_house",
                arrival=date(2026, 11, 20),
                departure=date(2026, 11, 22),
                checked_in_at=datetime(2026, 11, 20, 14, 0, tzinfo=UTC),
            )
        )
    with store.read() as s:
        stay = s.scalars(select(StayRow)).one()
        assert stay.checked_in_at == datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
        assert stay.checked_in_at.tzinfo is not None
        assert s.scalars(select(GuestRow)).one().name == "张伟"


def test_stale_write_is_a_conflict_not_an_overwrite(store: Store) -> None:
    with store.unit() as s:
        s.add(RoomRow(number="1203", floor=12, room_type="KING", extension="1203"))
    with store.read() as s:  # what one position has on its screen
        stale = s.scalars(select(RoomRow)).one()
        s.expunge(stale)
    with store.unit() as early:  # another position saves first
        early.scalars(select(RoomRow)).one().dnd = True
    with pytest.raises(ConflictError), store.unit() as late:
        late.merge(stale, load=False).housekeeping = "dirty"
    with store.read() as s:
        room = s.scalars(select(RoomRow)).one()
        assert room.dnd is True
        assert room.housekeeping == "clean"


def test_unreachable_database_is_a_clear_error() -> None:
    store = Store("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    with pytest.raises(StorageUnavailable) as info:
        store.check()
    assert "secret" not in str(info.value)
    assert "Cannot open the database" in str(info.value)


def test_nonsense_url_is_a_clear_error() -> None:
    with pytest.raises(StorageUnavailable):
        Store("not a url at all")
