"""DND as the operator needs it at night: a room found by number or guest name, DND until a time in a
few keys, the wake-up that would ring through it said both ways, and the end time everywhere."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.dnd_ends import SqlDndEnds
from db.frontoffice import SqlFrontOffice
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard import demo_hotel
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from tests.reader import READER
from ui.rooms_page import RoomsPage, parse_time
from ui.wakeup_page import WakeUpPage

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)


def _page(store: Store, clock: FakeClock, book: SqlWakeUpBook) -> RoomsPage:
    return RoomsPage(
        SqlRoomBoard(store, clock),
        lambda: NIGHT,
        desk=SqlFrontOffice(store, clock),
        now=clock.now,
        dnd_ends=SqlDndEnds(store, clock).ends,
        wakeups_of=lambda number: [w.due_at for w in book.upcoming(READER) if w.room == number],
    )


def _guest_room(store: Store, clock: FakeClock, *, private: bool) -> tuple[str, str]:
    today = clock.now().date()
    for stay in demo_hotel.stays(today):
        if stay.in_house and stay.privacy is private:
            return stay.room, demo_hotel.GUESTS[stay.guest_index][0]
    raise AssertionError("the demo hotel has no such guest")


def test_dnd_until_seven_in_a_few_keys_warns_of_the_wake_up(qtbot: QtBot, store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 23, 10, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    book = SqlWakeUpBook(store, clock)
    room, _name = _guest_room(store, clock, private=False)
    book.book(room, time(6, 30), NIGHT)
    page = _page(store, clock, book)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, room)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    selected = page.selected()
    assert selected is not None and selected.number == room and page.view.hasFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_U)
    assert page.dnd_time.hasFocus()
    qtbot.keyClicks(page.dnd_time, "0700")
    qtbot.keyClick(page.dnd_time, Qt.Key.Key_Return)

    assert SqlDndEnds(store, clock).ends() == {room: datetime(2026, 11, 21, 7, 0, tzinfo=ZONE)}
    text = page.message.text()
    assert f"DND on for {room} until 07:00" in text
    assert "wake-up is booked for this room at 06:30" in text
    row = next(i for i, r in enumerate(page.model.rows()) if r.number == room)
    assert page.model.index(row, 5).data() == "DND until 07:00"

    clock.advance(timedelta(hours=8))  # 07:10: the DND ends by itself
    SqlFrontOffice(store, clock).expire_dnd()
    page.refresh()
    assert SqlDndEnds(store, clock).dnd_of(room) == (False, None)


def test_a_wake_up_for_a_dnd_room_warns(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 23, 10, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    room, _name = _guest_room(sqlite_store, clock, private=False)
    SqlFrontOffice(sqlite_store, clock).set_dnd(room, True, NIGHT, datetime(2026, 11, 21, 9, 0, tzinfo=ZONE))
    book = SqlWakeUpBook(sqlite_store, clock)
    page = WakeUpPage(book, lambda: NIGHT, clock.now, dnd_of=SqlDndEnds(sqlite_store, clock).dnd_of)
    qtbot.addWidget(page)
    page.room.setText(room)
    page.time.setTime(page.time.time().fromString("06:45", "HH:mm"))
    page.book()
    text = page.message.text()
    assert text.startswith(f"Booked: room {room} at 06:45 on 11-21")
    assert f"room {room} is on DND until 11-21 09:00" in text  # booked, and the operator is told
    assert [w.room for w in book.upcoming(READER)] == [room]


def test_a_time_already_past_is_offered_for_tomorrow_beside_the_list(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 7, 10, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    room, _name = _guest_room(sqlite_store, clock, private=False)
    book = SqlWakeUpBook(sqlite_store, clock)
    page = WakeUpPage(book, lambda: NIGHT, clock.now)
    qtbot.addWidget(page)
    page.room.setText(room)
    page.time.setTime(page.time.time().fromString("06:45", "HH:mm"))
    page.book()
    assert page.tomorrow.isVisibleTo(page) and list(book.upcoming(READER)) == []
    qtbot.mouseClick(page.tomorrow, Qt.MouseButton.LeftButton)
    assert [(w.room, f"{w.due_at:%m-%d %H:%M}") for w in book.upcoming(READER)] == [(room, "11-22 06:45")]


def test_find_a_guest_by_name_but_never_a_privacy_guest(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 23, 10, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    page = _page(sqlite_store, clock, SqlWakeUpBook(sqlite_store, clock))
    qtbot.addWidget(page)
    room, name = _guest_room(sqlite_store, clock, private=False)
    page.search.setText(name.split(",")[0][:6])
    assert room in [r.number for r in page.model.rows()]
    hidden_room, hidden_name = _guest_room(sqlite_store, clock, private=True)
    page.search.setText(hidden_name[:3])
    assert hidden_room not in [r.number for r in page.model.rows()]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0700", time(7, 0)),
        ("700", time(7, 0)),
        ("7", time(7, 0)),
        ("22:30", time(22, 30)),
        ("2230", time(22, 30)),
    ],
)
def test_times_as_operators_type_them(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "2500", "12:75", "seven", "07:00:00", "-1"])
def test_times_that_are_not_times(typed: str) -> None:
    assert parse_time(typed) is None


def test_d_on_a_room_with_a_wake_up_says_the_call_still_rings(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 23, 10, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    book = SqlWakeUpBook(sqlite_store, clock)
    room, _name = _guest_room(sqlite_store, clock, private=False)
    book.book(room, time(6, 15), NIGHT)
    page = _page(sqlite_store, clock, book)
    qtbot.addWidget(page)
    assert page.find_room(room)
    page.toggle_dnd()
    assert f"DND on for {room}" in page.message.text()
    assert "wake-up is booked for this room at 06:15 and will still ring" in page.message.text()
    page.toggle_dnd()
    assert page.message.text() == f"DND off for {room}"  # nothing to warn of when DND goes off


def test_the_rooms_keys_are_on_the_keyboard_sheet(qtbot: QtBot, sqlite_store: Store) -> None:
    from ui.blf_model import BlfModel
    from ui.blf_view import LampField
    from ui.main_window import MainWindow

    clock = FakeClock(datetime(2026, 11, 20, 23, 10, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    page = _page(sqlite_store, clock, SqlWakeUpBook(sqlite_store, clock))
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="H", user_name="op", position="C1"
    )
    qtbot.addWidget(window)
    for key, what in page.key_list():
        window.add_key(key, what)
    sheet = window.key_sheet_text()
    assert "find a room or guest" in sheet and "DND until a time" in sheet
