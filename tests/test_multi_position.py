"""Two consoles on one PostgreSQL database: each sees the other's changes within
a second, and the second of two edits to the same message gets a clear conflict."""

from __future__ import annotations

import time as wall
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from db.change_feed import SqlChangeFeed
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.errors import ConflictError
from switchboard.hotel import Actor, Role
from tests.reader import READER

ZONE = ZoneInfo("Asia/Shanghai")
ONE = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
TWO = Actor(user="chen", position="Console 2", role=Role.OPERATOR)


@pytest.mark.postgres
def test_two_positions_see_each_other_and_conflict_clearly(pg_url: str) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    first, second = Store(pg_url), Store(pg_url)  # two consoles: two engines, two connection pools
    try:
        first.migrate()
        seed_demo_hotel(first, clock)
        feed_one, feed_two = SqlChangeFeed(first, "Console 1"), SqlChangeFeed(second, "Console 2")
        room = next(r.number for r in SqlRoomBoard(first, clock).rooms(READER) if r.guest and not r.privacy)

        started = wall.perf_counter()
        SqlRoomBoard(first, clock).set_dnd(room, True, ONE)
        seen = feed_two.poll()
        while "room" not in seen.topics and wall.perf_counter() - started < 1.0:
            wall.sleep(0.05)
            seen = feed_two.poll()
        assert ("room", room) in seen.keys
        assert wall.perf_counter() - started < 1.0
        assert next(r for r in SqlRoomBoard(second, clock).rooms(READER) if r.number == room).dnd
        assert feed_one.poll().topics == frozenset()  # its own change is not news to console 1

        message = SqlMessageBook(first, clock).take(room, "Mr. Zhou", "", "Please call back", ONE)
        assert "message" in feed_two.poll().topics
        seen_by_two = SqlMessageBook(second, clock).waiting(READER)[0]
        SqlMessageBook(first, clock).deliver(message.id, message.version, ONE)
        with pytest.raises(ConflictError) as err:
            SqlMessageBook(second, clock).deliver(seen_by_two.id, seen_by_two.version, TWO)
        assert "Someone else changed this message" in str(err.value)
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.postgres
def test_two_positions_claim_a_due_wake_up_once(pg_url: str) -> None:
    from datetime import time, timedelta

    from db.wakeup_book import SqlWakeUpBook

    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))
    first, second = Store(pg_url), Store(pg_url)
    try:
        first.migrate()
        seed_demo_hotel(first, clock)
        room = next(r.number for r in SqlRoomBoard(first, clock).rooms(READER) if r.guest and not r.privacy)
        SqlWakeUpBook(first, clock).book(room, time(6, 30), ONE)
        clock.advance(timedelta(hours=9))
        claimed = [*SqlWakeUpBook(first, clock).escalate_due(), *SqlWakeUpBook(second, clock).escalate_due()]
        assert [w.room for w in claimed] == [room]  # one position put it on its manual list, not both
    finally:
        first.dispose()
        second.dispose()
