"""A guest moved into a room that already has a wake-up at the same time and its own DND: the
rules of one open call per room and time and one open DND period per room hold, and nothing
raises; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.rows import DndRow, RoomRow, WakeUpRow
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role
from tests.conftest import HOTEL_ZONE

DESK = Actor(user="wang", position="Front desk", role=Role.ADMINISTRATOR)
DUE = datetime(2026, 11, 21, 6, 30, tzinfo=HOTEL_ZONE)


def test_a_move_into_a_room_with_the_same_wake_up_and_its_own_dnd_keeps_one_of_each(
    store: Store, clock: FakeClock
) -> None:
    with store.unit() as s:
        for number in ("1203", "1205"):
            s.add(RoomRow(number=number, floor=12, room_type="TWIN", extension=number))
    office = SqlFrontOffice(store, clock)
    book = SqlWakeUpBook(store, clock)
    for number, name, reservation in (("1203", "Zhang Wei", "R1203"), ("1205", "Li Na", "R1205")):
        office.check_in(
            CheckIn(room=number, name=name, reservation=reservation, departure=date(2026, 11, 23)), DESK
        )
        book.book_due(number, DUE, DESK)
        office.set_dnd(number, True, DESK)
    book.book_due("1203", DUE.replace(hour=7, minute=0), DESK)  # a second call of the moving guest

    office.move_room("1203", "1205", "R1203", DESK)  # Mr Zhang joins Ms Li in 1205

    with store.read() as s:
        calls = {
            (c.room_number, c.due_at.astimezone(HOTEL_ZONE).strftime("%H:%M"), c.status, c.outcome)
            for c in s.scalars(select(WakeUpRow))
        }
        assert calls == {
            ("1205", "06:30", "booked", ""),  # the room's own call rings once for both
            ("1203", "06:30", "cancelled", "duplicate"),  # the moving guest's copy, not doubled
            ("1205", "07:00", "booked", ""),  # his other call follows him
        }
        rooms = {r.number: r for r in s.scalars(select(RoomRow))}
        open_periods = [p for p in s.scalars(select(DndRow)) if p.cleared_at is None]
        assert rooms["1205"].dnd is True and rooms["1203"].dnd is False
        assert [p.room_id for p in open_periods] == [rooms["1205"].id]
