"""Migration 0007_race_constraints on a database that the old check-then-insert already let
races into: the duplicates are settled first (the earliest open wake-up of a room and time
stays, the others are cancelled as duplicates; the newest open DND period stays), then the
partial unique indexes hold, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.rows import DndRow, GuestRow, StayRow, UtcDateTime, WakeUpRow
from db.store import MIGRATIONS, Store, sqlite_url

DUE = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
BOOKED = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def _upgrade(store: Store, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _wakeup_row(room: str, status: str, stay_id: int) -> WakeUpRow:
    """A wake-up as the newest schema has it (after the upgrade)."""
    return WakeUpRow(
        stay_id=stay_id, room_number=room, due_at=DUE, status=status, booked_at=BOOKED, booked_by="frontdesk"
    )


def _wakeup(s: Session, room: str, status: str, stay_id: int, due: datetime = DUE) -> None:
    """A wake-up row as the schema of 0004 has it (written in SQL: the mapped row has the columns of
    every later migration, which this old database does not)."""
    s.execute(
        text(
            "INSERT INTO wakeups (stay_id, room_number, due_at, repeat, language, note, status, attempts,"
            " claimed_by, booked_at, booked_by, source, outcome, handled_by, pms_answer, version)"
            " VALUES (:stay, :room, :due, 'once', 'en', '', :status, 0, '', :booked, 'frontdesk', 'console',"
            " '', '', '', 1)"
        ).bindparams(bindparam("due", type_=UtcDateTime()), bindparam("booked", type_=UtcDateTime())),
        {
            "stay": stay_id,
            "room": room,
            "due": due,  # stored as the mapped rows store it, so the unique index compares them alike
            "status": status,
            "booked": BOOKED,
        },
    )


def _guest_in_1203(s: Session) -> tuple[int, StayRow]:
    """Room 1203 (written in SQL, as the old schema has rooms: the mapped row has later columns) with
    a guest in house; returns the room's id and the stay."""
    s.execute(
        text(
            "INSERT INTO rooms (number, floor, room_type, extension, occupancy, housekeeping, dnd,"
            " message_lamp, class_of_service, version)"
            " VALUES ('1203', 12, 'KING', '1203', 'vacant', 'clean', false, false, 3, 1)"
        )
    )
    room_id = s.execute(text("SELECT id FROM rooms WHERE number = '1203'")).scalar_one()
    guest = GuestRow(name="Zhang Wei")
    s.add(guest)
    s.flush()
    stay = StayRow(
        reservation="R1",
        guest_id=guest.id,
        room_id=room_id,
        status="in_house",
        arrival=date(2026, 11, 20),
        departure=date(2026, 11, 22),
    )
    s.add(stay)
    s.flush()
    return room_id, stay


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A database at the schema before 0007 (as a console of the last release left it)."""
    store = _database(request, tmp_path)
    _upgrade(store, "0004_call_charge_posting")
    yield store
    store.dispose()


def _database(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "sqlite":
        return Store(sqlite_url(tmp_path / "console.db"))
    return Store(request.getfixturevalue("pg_server").new_database())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def before_minutes(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A database at the schema before 0016, whose unique index held the exact due time."""
    store = _database(request, tmp_path)
    _upgrade(store, "0015_pms_message_id")
    yield store
    store.dispose()


def test_old_races_are_settled_and_the_indexes_then_hold(old_database: Store) -> None:
    raw = old_database
    with raw.unit() as s:
        room_id, stay = _guest_in_1203(s)
        for _ in range(3):  # three positions at once
            _wakeup(s, "1203", "booked", stay.id)
        _wakeup(s, "1203", "confirmed", stay.id)  # yesterday's finished call at the same time: kept
        for minute in (0, 5):
            s.add(DndRow(room_id=room_id, set_at=BOOKED.replace(minute=minute), set_by="lin"))
    _upgrade(raw, "heads")
    with raw.read() as s:
        calls = list(s.scalars(select(WakeUpRow).order_by(WakeUpRow.id)))
        assert [(c.status, c.outcome) for c in calls] == [
            ("booked", ""),
            ("cancelled", "duplicate"),
            ("cancelled", "duplicate"),
            ("confirmed", ""),
        ]
        periods = list(s.scalars(select(DndRow).order_by(DndRow.id)))
        assert [p.cleared_at is None for p in periods] == [False, True]  # the newest stays open
        stay_id = calls[0].stay_id
        room_id = periods[0].room_id
    assert stay_id is not None
    with pytest.raises(IntegrityError), raw.unit() as s:
        s.add(_wakeup_row("1203", "manual", stay_id))
    with pytest.raises(IntegrityError), raw.unit() as s:
        s.add(DndRow(room_id=room_id, set_at=BOOKED, set_by="chen"))
    with raw.unit() as s:  # a finished call and a closed period are no obstacle
        s.add(_wakeup_row("1203", "cancelled", stay_id))
        s.add(DndRow(room_id=room_id, set_at=BOOKED, set_by="chen", cleared_at=BOOKED, cleared_by="chen"))


def test_calls_in_one_minute_a_few_seconds_apart_are_settled_and_then_one_per_minute(
    before_minutes: Store,
) -> None:
    """0016: a PMS booking of 06:30:30 beside a console booking of 06:30 were two open calls; the
    earlier stays, the later is cancelled as a duplicate, and the index then holds the minute."""
    raw = before_minutes
    with raw.unit() as s:
        _room, stay = _guest_in_1203(s)
        stay_id = stay.id
        _wakeup(s, "1203", "booked", stay_id, DUE.replace(second=30))  # the PMS's, booked first
        _wakeup(s, "1203", "booked", stay_id, DUE)  # the console's: earlier in the minute, it stays
        _wakeup(s, "1203", "booked", stay_id, DUE.replace(minute=31))  # the next minute: its own call
    _upgrade(raw, "heads")
    with raw.read() as s:
        calls = [
            (c.due_at, c.due_minute, c.status, c.outcome)
            for c in s.scalars(select(WakeUpRow).order_by(WakeUpRow.id))
        ]
    assert calls == [
        (DUE.replace(second=30), DUE, "cancelled", "duplicate"),
        (DUE, DUE, "booked", ""),
        (DUE.replace(minute=31), DUE.replace(minute=31), "booked", ""),
    ]
    with pytest.raises(IntegrityError), raw.unit() as s:
        s.add(
            WakeUpRow(  # one more in the same minute, from a third position
                stay_id=stay_id,
                room_number="1203",
                due_at=DUE.replace(second=59),
                status="booked",
                booked_at=BOOKED,
                booked_by="frontdesk",
            )
        )
