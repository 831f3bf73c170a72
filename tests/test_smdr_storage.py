"""Call records in the database, SQLite and PostgreSQL: the key never joins two different records,
a record the PBX repeats is stored once (the database's unique key decides, also between two
positions at once), an Avaya call's segments are listed together, system-made calls are not charged."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.call_records import SqlCallRecords, record_key
from db.rows import CallRecordRow, RoomRow
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import SmdrFormat, parser_for

DATA = Path(__file__).parent / "data" / "smdr"
RULE = ChargeRule(Tariff(100, 60))


@pytest.fixture
def rooms(store: Store) -> Store:
    with store.unit() as s:
        for number in ("4750", "203", "207"):
            s.add(RoomRow(number=number, floor=2, room_type="King", extension=number, occupancy="occupied"))
    return store


def _rows(store: Store) -> list[CallRecordRow]:
    with store.read() as s:
        rows = list(s.scalars(select(CallRecordRow).where(CallRecordRow.source == "smdr")))
        s.expunge_all()
        return rows


def test_two_segments_of_one_call_are_two_records_listed_together(rooms: Store, clock: FakeClock) -> None:
    parser = parser_for(SmdrFormat.AVAYA_IP_OFFICE, date(2026, 11, 20))
    records = parser.feed((DATA / "avaya_ipo_examples.txt").read_bytes())
    first, second = (r for r in records if r.call_id == "1000014160")
    assert record_key(first) != record_key(second)
    calls = SqlCallRecords(rooms, clock, RULE)
    stored = calls.store(records)
    assert (stored.new, stored.repeated) == (len(records), 0)
    segments = calls.segments("1000014160")
    assert [(s.segment, s.room, s.talk_s, s.hold_s) for s in segments] == [
        (1, "4750", 13, 11),
        (2, "", 21, 0),
    ]


def test_a_repeated_record_is_stored_once_even_from_two_positions(rooms: Store, clock: FakeClock) -> None:
    records = parser_for(SmdrFormat.AVAYA_IP_OFFICE, date(2026, 11, 20)).feed(
        (DATA / "avaya_ipo_targeting.txt").read_bytes()
    )
    positions = [SqlCallRecords(rooms, clock, RULE) for _ in range(2)]
    go = threading.Barrier(2)
    results = []

    def store(calls: SqlCallRecords) -> None:
        go.wait()
        results.append(calls.store(records))

    threads = [threading.Thread(target=store, args=(calls,)) for calls in positions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sum(r.new for r in results) == len(records) == len(_rows(rooms))
    again = SqlCallRecords(rooms, clock, RULE).store(records)
    assert (again.new, again.repeated, again.charges) == (0, len(records), ())


def test_a_system_made_call_costs_the_room_nothing(rooms: Store, clock: FakeClock) -> None:
    records = parser_for(SmdrFormat.AVAYA_IP_OFFICE, date(2026, 11, 20)).feed(
        (DATA / "avaya_ipo_targeting.txt").read_bytes()
    )
    stored = SqlCallRecords(rooms, clock, RULE).store(records)
    assert stored.charges == ()
    twin = next(r for r in _rows(rooms) if r.system_made == "U MT")
    assert (twin.room_number, twin.direction, twin.charge_cents, twin.posting) == ("203", "out", 0, "")
