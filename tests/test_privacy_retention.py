"""The retention job purges what is past its time, audits itself, and touches nothing else:
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.retention import PURGED_NAME, RetentionPolicy, SqlRetention, masked
from db.room_board import SqlRoomBoard
from db.rows import AuditRow, CallRecordRow, GuestRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import InputError, PermissionDenied
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
ADMIN = Actor(user="chief", position="Office", role=Role.ADMINISTRATOR)
# a raw call-record line as the reader keeps it; only its going matters here
RAW = '"","1203","8613800138000","from-internal","","SIP/1203-0001","SIP/trunk-0002","Dial","SIP/trunk",'


def test_masked_numbers_keep_extensions() -> None:
    assert masked("8613800138000") == "861380013****"
    assert masked("861380013****") == "861380013****"
    assert masked("1203") == "1203"
    with pytest.raises(InputError):
        RetentionPolicy(guest_days=0)


def test_guest_data_and_call_numbers_go_after_their_time(store: Store) -> None:
    clock = FakeClock(NOW)
    seed_demo_hotel(store, clock)
    front = SqlFrontOffice(store, clock)
    room = next(
        r.number for r in SqlRoomBoard(store, clock).rooms(READER) if not r.guest and r.occupancy == "vacant"
    )
    front.check_in(CheckIn(room=room, name="Leaving-Soon", title="Mr", company="ACME"), DESK)
    message = SqlMessageBook(store, clock).take(room, "Ms Wu", "13900000000", "Call me", OP)
    SqlMessageBook(store, clock).deliver(message.id, message.version, OP)
    front.set_whereabouts(room, "At the gym", NOW + timedelta(hours=1), OP)
    SqlLogbook(store, clock).write(LogCategory.OTHER, "Leaving-Soon asked for a taxi", OP, room=room)
    with store.unit() as s:
        s.add(CallRecordRow(source="smdr", called="8613800138000", room_number=room, started_at=NOW, raw=RAW))
    front.check_out(room, "", DESK)
    in_house_before = {r.number: r.guest for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest}
    retention = SqlRetention(store, clock, RetentionPolicy(guest_days=365, call_number_days=90))
    with pytest.raises(PermissionDenied):
        retention.purge(OP)

    clock.advance(timedelta(days=100))
    first = retention.purge()
    assert (first.guests, first.call_records) == (0, 1)
    with store.read() as s:
        call = s.scalars(select(CallRecordRow)).one()
        assert (call.called, call.raw, call.room_number) == ("861380013****", "", room)
        assert s.scalars(select(GuestRow).where(GuestRow.name == "Leaving-Soon")).one().company == "ACME"

    clock.advance(timedelta(days=270))
    second = retention.purge(ADMIN)
    assert (second.guests, second.whereabouts, second.messages, second.call_records) == (1, 1, 1, 0)
    with store.read() as s:
        assert s.scalars(select(GuestRow).where(GuestRow.name == "Leaving-Soon")).first() is None
        stay = s.scalars(select(StayRow).where(StayRow.reservation != "").order_by(StayRow.id.desc())).first()
        assert stay is not None
        purged = s.get(GuestRow, stay.guest_id)
        assert purged is not None and (purged.name, purged.company, purged.title) == (PURGED_NAME, "", "")
        audits = [
            (a.actor, a.detail)
            for a in s.scalars(select(AuditRow).where(AuditRow.action == "retention.purge"))
        ]
    assert [a[0] for a in audits] == ["link:retention", "chief"]
    assert audits[1][1]["guests"] == 1 and audits[1][1]["guest_days"] == 365
    # guests still in house keep everything; the logbook is evidence and stays as written
    assert {r.number: r.guest for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest} == in_house_before
    assert any("Leaving-Soon" in e.text for e in SqlLogbook(store, clock).recent(READER))
    third = retention.purge()
    assert (third.guests, third.whereabouts, third.messages, third.call_records) == (0, 0, 0, 0)


def test_the_policy_comes_from_the_retention_section() -> None:
    assert RetentionPolicy.from_section({"guest_days": "30", "call_number_days": "7"}) == RetentionPolicy(
        30, 7
    )
    assert RetentionPolicy.from_section({}) == RetentionPolicy()
    with pytest.raises(InputError):
        RetentionPolicy.from_section({"guest_days": "forever"})
