"""Migration 0018_wings on a database with rooms, a roll-call and an emergency alarm in it, on SQLite and
PostgreSQL: the rows stay as they were with no wing, a wing can then be written, and one longer than
the column is refused by PostgreSQL (SQLite does not bound text; the service does, switchboard.hotel)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.exc import DataError

from db.store import MIGRATIONS, Store
from tests.test_races_migration import _database, _upgrade

BEFORE = "0017_wakeup_pms_due"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def before_wings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A database at the schema before 0018, with rows written in SQL as that schema has them."""
    store = _database(request, tmp_path)
    _upgrade(store, BEFORE)
    with store.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO rooms (number, floor, room_type, extension, occupancy, housekeeping, dnd,"
                " message_lamp, class_of_service, version) VALUES"
                " ('1203', 12, 'KING', '1203', 'occupied', 'clean', false, false, 3, 1),"
                " ('1230', 12, 'TWIN', '1230', 'vacant', 'clean', false, false, 3, 1)"
            )
        )
        c.execute(
            text(
                "INSERT INTO roll_calls (scope, floor, started_at, started_by, stopped_by, running)"
                " VALUES ('floor', 12, '2026-11-20 14:00:00', 'manager', '', NULL)"
            )
        )
        c.execute(
            text(
                "INSERT INTO roll_call_rooms (roll_call_id, room_number, extension, floor, guests, language,"
                " answer, attempts, detail) VALUES (1, '1203', '1203', 12, 'Ms Li', 'zh', 'leaving', 1, '')"
            )
        )
        c.execute(
            text(
                "INSERT INTO emergencies (call_key, extension, room_number, floor, number, at, source, up,"
                " occupants, acknowledged_by, acknowledged_position) VALUES"
                " ('c1', '1203', '1203', 12, '119', '2026-11-20 14:05:00', 'pbx', false, '[]', '', '')"
            )
        )
    yield store
    store.dispose()


def test_the_wing_is_added_to_rooms_roll_calls_and_alarms_that_already_hold_rows(before_wings: Store) -> None:
    store = before_wings
    _upgrade(store, "0018_wings")
    with store.engine.begin() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0018_wings"
        for table, key in (
            ("rooms", "number"),
            ("roll_calls", "scope"),
            ("roll_call_rooms", "room_number"),
            ("emergencies", "call_key"),
        ):
            rows = c.execute(text(f"SELECT {key}, wing FROM {table} ORDER BY id")).all()
            assert rows and all(wing is None for _key, wing in rows), (table, rows)
        assert c.execute(text("SELECT floor FROM roll_call_rooms")).scalar() == 12  # kept as it was
        c.execute(text("UPDATE rooms SET wing = 'East wing' WHERE number = '1203'"))
        c.execute(text("UPDATE rooms SET wing = :w WHERE number = '1230'"), {"w": "西翼" * 20})  # 40: fits
        assert dict(c.execute(text("SELECT number, wing FROM rooms")).all()) == {
            "1203": "East wing",
            "1230": "西翼" * 20,
        }
    if store.engine.dialect.name == "postgresql":
        with pytest.raises(DataError), store.engine.begin() as c:
            c.execute(text("UPDATE rooms SET wing = :w WHERE number = '1203'"), {"w": "W" * 41})


def test_the_migration_goes_down_and_up_again(before_wings: Store) -> None:
    store = before_wings
    _upgrade(store, "heads")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE)
    with store.engine.begin() as c:
        assert "wing" not in list(c.execute(text("SELECT * FROM rooms")).keys())
        assert c.execute(text("SELECT count(*) FROM rooms")).scalar() == 2
    _upgrade(store, "heads")
    with store.engine.begin() as c:
        assert "wing" in list(c.execute(text("SELECT * FROM rooms")).keys())
