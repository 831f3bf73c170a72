"""What the console tells the PMS of its own: a room's maid status set at the console, as FIAS RE with
RS (1/2 dirty, 3/4 clean, 5/6 inspected: vacant/occupied), news from the PMS never sent back, a role
without the right refused with nothing sent; a PMS message delivered at the console, as XD with its MI."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
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
from switchboard.hotel import Actor, Housekeeping, Role
from tests.reader import READER
from ui.rooms_page import RoomsPage

DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)


def test_a_status_set_on_the_rooms_page_goes_to_the_pms(qtbot: QtBot, store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    sent: list[FiasRecord] = []
    pms = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), sent.append)
    office = SqlFrontOffice(store, clock, on_housekeeping=pms.housekeeping_changed)
    actor = [DESK]
    page = RoomsPage(SqlRoomBoard(store, clock), lambda: actor[0], desk=office, now=clock.now)
    qtbot.addWidget(page)
    rooms = SqlRoomBoard(store, clock).rooms(READER)
    let = next(r for r in rooms if r.guest)
    page.find_room(let.number)
    page.room_status.setCurrentIndex(page.room_status.findData(Housekeeping.CLEAN.value))
    page.set_room_status()
    assert [(r.kind, r.get("RN"), r.get("RS")) for r in sent] == [("RE", let.number, "4")]  # clean, occupied
    now = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.number == let.number)
    assert now.housekeeping == "clean"
    # the PMS's own news is applied, not echoed back
    office.set_housekeeping(let.number, Housekeeping.DIRTY, Actor.link("PMS"))
    assert len(sent) == 1
    # an operator may not set it: the service says so, nothing goes to the PMS
    actor[0] = NIGHT
    page.find_room(let.number)
    page.set_room_status()
    assert len(sent) == 1 and page.message.text()


def test_a_pms_message_delivered_at_the_console_is_told_back_as_xd(store: Store, clock: FakeClock) -> None:
    from db.message_book import SqlMessageBook

    seed_demo_hotel(store, clock)
    sent: list[FiasRecord] = []
    pms = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), sent.append)
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    with store.read() as s:
        reservation = s.scalars(
            select(StayRow.reservation).join(RoomRow, RoomRow.id == StayRow.room_id).where(
                RoomRow.number == room.number, StayRow.status == "in_house"
            )
        ).first()
    assert reservation
    fields = (("RN", room.number), ("G#", reservation), ("MI", "4711"), ("MT", "Call home"))
    pms.apply(FiasRecord("XL", fields))
    book = SqlMessageBook(store, clock, on_pms_delivered=pms.message_retrieved)
    waiting = next(m for m in book.waiting(READER) if m.room == room.number and "Call home" in m.text)
    book.deliver(waiting.id, waiting.version, DESK, "slip")
    told = [r for r in sent if r.kind == "XD"]
    assert [(r.get("RN"), r.get("G#"), r.get("MI")) for r in told] == [(room.number, reservation, "4711")]
    # a message taken at the console has no PMS number: nothing is told
    own = book.take(room.number, "Mr Li", "", "Please call", DESK)
    book.deliver(own.id, own.version, DESK, "phone")
    assert len([r for r in sent if r.kind == "XD"]) == 1
