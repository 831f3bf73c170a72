"""Roll-call for one wing (issue 19): the book takes the occupied rooms of that wing only (a duty manager
only, the wing named and bounded), the page offers the hotel's wings and starts one, the board and
its CSV name each room's wing; on the lab (Kamailio, sipp room phones) only that wing's telephones ring,
checked against the INVITEs Kamailio saw."""

from __future__ import annotations

import csv
import io
import re
import time
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.roll_call_board import SqlRollCallBoard
from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.rows import RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from db.users import UserDirectory
from hardware.wakeup.lines import SipLines
from hardware.wakeup.roll_caller import RollCaller
from switchboard.clock import FakeClock, SystemClock
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role, StayStatus
from switchboard.roll_call import RoomAnswer, Scope
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import RoomBank, hotel_with_guests, register
from ui.roll_call_page import RollCallPage

MANAGER = Actor(user="manager", position="Console 1", role=Role.DUTY_MANAGER)
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
EAST, WEST = "East wing", "West wing"  # the demo hotel's (switchboard/demo_hotel.py)


def occupied_by_wing(store: Store) -> dict[str, dict[str, tuple[int, str]]]:
    """wing -> room number -> (floor, extension), for the rooms with a guest in house."""
    with store.read() as s:
        found = s.execute(
            select(RoomRow.number, RoomRow.floor, RoomRow.wing, RoomRow.extension)
            .join(StayRow, StayRow.room_id == RoomRow.id)
            .where(StayRow.status == StayStatus.IN_HOUSE.value)
        ).all()
    out: dict[str, dict[str, tuple[int, str]]] = {}
    for number, floor, wing, extension in found:
        out.setdefault(wing or "", {})[number] = (floor, extension)
    return out


def test_a_roll_call_for_a_wing_takes_that_wings_occupied_rooms_only(store: Store, clock: FakeClock) -> None:
    seed_demo_hotel(store, clock)
    book = SqlRollCalls(store, clock)
    assert SqlRoomBoard(store, clock).wings() == [EAST, WEST]
    occupied = occupied_by_wing(store)
    assert set(occupied) == {EAST, WEST}  # guests in both wings
    floors_of_west = {floor for floor, _ext in occupied[WEST].values()}
    assert floors_of_west & {floor for floor, _ext in occupied[EAST].values()}  # and wings share floors
    with pytest.raises(PermissionDenied):  # the service decides who may, not the page
        book.start(Scope.WING, DESK, wing=WEST)
    with pytest.raises(InputError) as no_wing:
        book.start(Scope.WING, MANAGER)
    assert no_wing.value.key == "rollcall.wing"
    with pytest.raises(InputError):
        book.start(Scope.WING, MANAGER, wing="W" * 41)
    assert book.running() is None  # nothing started by the refusals
    call = book.start(Scope.WING, MANAGER, wing=f"  {WEST} ")
    assert (call.scope, call.wing, call.floor) == (Scope.WING, WEST, None)
    rooms = book.rooms(call.id)
    assert {r.room for r in rooms} == set(occupied[WEST])
    assert {r.wing for r in rooms} == {WEST}
    assert book.stop(MANAGER) is not None
    house = book.start(Scope.HOUSE, MANAGER)
    assert house.wing is None
    assert {r.room: r.wing for r in book.rooms(house.id)} == {
        number: wing for wing, rooms_ in occupied.items() for number in rooms_
    }


def test_the_page_offers_the_wings_and_the_board_names_them(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    seed_demo_hotel(store, clock)
    board = SqlRoomBoard(store, clock)
    book = SqlRollCalls(store, clock)
    page = RollCallPage(
        book,
        SqlRollCallBoard(store).stamp,
        UserDirectory(store, clock),
        lambda: "manager",
        "Console 1",
        clock.now,
        "Harbour Hotel",
        board.floors(),
        board.wings(),
    )
    qtbot.addWidget(page)
    page.ask_start()
    offered = [page.scope.itemText(i) for i in range(page.scope.count())]
    assert offered[-2:] == [EAST, WEST]
    page.scope.setCurrentIndex(page.scope.findData(WEST))
    page.password.setText("training-dm")  # the demo duty manager's (db/seed.py)
    with qtbot.waitSignal(page.started, timeout=2000):
        page.confirm()
    assert page.head is not None and page.head.scope is Scope.WING and page.head.wing == WEST
    assert page.scope_text() == WEST and page.subtitle().startswith(WEST)
    assert page.write_csv(tmp_path / "board.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "board.csv").read_text(encoding="utf-8-sig"))))
    wing_column = rows[0].index(QCoreApplication.translate("RollCallPrint", "Wing"))
    assert {row[0] for row in rows[1:]} == set(occupied_by_wing(store)[WEST])
    assert {row[wing_column] for row in rows[1:]} == {WEST}
    assert WEST in page.html()


@pytest.mark.sip
@pytest.mark.slow
@pytest.mark.beside
def test_on_the_lab_a_wing_roll_call_rings_only_that_wings_occupied_rooms(
    kamailio: KamailioLab, tmp_path: Path
) -> None:
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    hotel_with_guests(store, clock, 6)  # the demo guests and six more, on the first floor's East side
    occupied = occupied_by_wing(store)
    book = SqlRollCalls(store, clock)
    bank = RoomBank("confirm", tmp_path / "rooms")  # every telephone answers and presses 1
    lines = SipLines(kamailio.domain, 8, host="127.0.0.1")
    try:
        for rooms in occupied.values():  # every occupied room's telephone could ring
            for _floor, extension in rooms.values():
                register(kamailio.domain, extension, bank.port)
        call = book.start(Scope.WING, MANAGER, wing=EAST)
        caller = RollCaller(book, lines, clock, ring_s=4.0, listen_s=6.0)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            caller.turn()
            caller.take(lines.results(0.2))
            if all(r.answer is RoomAnswer.LEAVING for r in book.rooms(call.id)):
                break
        book.stop(MANAGER)
    finally:
        lines.close()
        bank.close()
    final = book.rooms(call.id)
    assert {r.room for r in final} == set(occupied[EAST])
    assert all(r.answer is RoomAnswer.LEAVING and r.attempts == 1 for r in final), final
    invites = Counter(re.findall(r"REQ INVITE sip:(\d+)@", kamailio.log_path.read_text()))
    assert invites == Counter({extension: 1 for _floor, extension in occupied[EAST].values()})
    west = {extension for _floor, extension in occupied[WEST].values()}
    assert west and not west & set(invites)  # the West wing's telephones never rang
    store.dispose()
