"""Rooms, DND, wake-ups, messages and the logbook: the services on SQLite and
PostgreSQL, and the pages driven as an operator would."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.callers import SqlCallers
from db.hotel_info import SqlHotelInfo
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import AuditRow, DndRow, MessageRow, WakeUpRow
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.directory import Directory
from switchboard.errors import ConflictError, InputError, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.wakeup_status import WakeUpStatus
from tests.reader import READER
from ui.hotel_info_page import HotelInfoPage
from ui.logbook_page import LogbookPage
from ui.messages_page import MessagesPage
from ui.rooms_page import RoomsPage
from ui.wakeup_page import WakeUpPage

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)


@pytest.fixture
def hotel(store: Store) -> tuple[Store, FakeClock, str, str]:
    """The demo hotel; returns a let room and an empty one."""
    clock = FakeClock(AT)
    seed_demo_hotel(store, clock)
    rooms = SqlRoomBoard(store, clock).rooms(READER)
    let = next(r.number for r in rooms if r.guest and not r.privacy)
    empty = next(r.number for r in rooms if not r.guest and r.occupancy == "vacant")
    return store, clock, let, empty


def test_dnd_is_kept_with_who_and_when_and_tells_the_pbx(hotel: tuple[Store, FakeClock, str, str]) -> None:
    store, clock, room, _empty = hotel
    told: list[tuple[str, bool]] = []
    board = SqlRoomBoard(store, clock, lambda ext, on: told.append((ext, on)))
    assert board.set_dnd(room, True, OP).dnd
    clock.advance(600)
    assert not board.set_dnd(room, False, OP).dnd
    assert told == [(room, True), (room, False)]
    with store.read() as s:
        period = s.scalars(select(DndRow)).one()
        assert period.set_by == "lin" and period.cleared_by == "lin"
        assert (period.cleared_at - period.set_at) == timedelta(minutes=10)
    with pytest.raises(InputError, match="Not a room number"):
        board.set_dnd("99x", True, OP)


def test_wake_up_booked_for_tomorrow_never_doubled_and_due_to_a_person(
    hotel: tuple[Store, FakeClock, str, str],
) -> None:
    store, clock, room, empty = hotel
    book = SqlWakeUpBook(store, clock)
    call = book.book(room, time(6, 30), OP, "second call in 5 min")
    assert call.due_at == datetime(2026, 11, 21, 6, 30, tzinfo=AT.tzinfo)
    with pytest.raises(InputError, match="already has a wake-up"):
        book.book(room, time(6, 30), OP)
    with pytest.raises(InputError, match="no guest in house"):
        book.book(empty, time(7, 0), OP)
    with pytest.raises(InputError):
        book.book("1", time(7, 0), OP)
    assert book.escalate_due() == []
    clock.set(datetime(2026, 11, 21, 6, 30, 5, tzinfo=AT.tzinfo))
    due = book.escalate_due()
    assert [w.room for w in due] == [room]
    assert book.escalate_due() == []  # once only
    manual = book.upcoming(READER)[0]
    assert manual.status is WakeUpStatus.MANUAL
    with pytest.raises(ConflictError):
        book.mark_done(manual.id, manual.version - 1, OP)
    assert book.mark_done(manual.id, manual.version, OP).status is WakeUpStatus.HANDLED
    assert book.upcoming(READER) == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(WakeUpRow)) == 1
        actions = set(s.scalars(select(AuditRow.action)))
    assert {"wakeup.book", "wakeup.manual", "wakeup.done"} <= actions


def test_cancelling_a_wake_up_changed_elsewhere_is_a_conflict(
    hotel: tuple[Store, FakeClock, str, str],
) -> None:
    store, clock, room, _ = hotel
    book = SqlWakeUpBook(store, clock)
    call = book.book(room, time(7, 0), OP)
    assert book.cancel(call.id, call.version, OP).status is WakeUpStatus.CANCELLED
    with pytest.raises(ConflictError):
        book.cancel(call.id, call.version, OP)


def test_message_lamp_on_while_messages_wait(hotel: tuple[Store, FakeClock, str, str]) -> None:
    store, clock, room, empty = hotel
    lamps: list[tuple[str, bool]] = []
    book = SqlMessageBook(store, clock, lambda ext, on: lamps.append((ext, on)))
    first = book.take(room, "Mr. Chen 陈先生", "+86 138 0000 0000", "Please call back", OP)
    book.take(room, "محمد", "", "سأتصل لاحقا 🙂", OP)
    assert lamps == [(room, True)]
    assert SqlCallers(store, clock).who(room).messages_waiting == 2
    with pytest.raises(InputError):
        book.take(room, "x" * 5000, "", "text", OP)
    with pytest.raises(InputError):
        book.take(room, "Someone", "", "   ", OP)
    with pytest.raises(InputError, match="no guest"):
        book.take(empty, "Someone", "", "hello", OP)
    book.deliver(first.id, first.version, OP)
    assert lamps == [(room, True)]
    second = book.waiting(READER)[0]
    assert second.sender == "محمد" and second.text == "سأتصل لاحقا 🙂"
    book.deliver(second.id, second.version, OP)
    assert lamps == [(room, True), (room, False)]
    with pytest.raises(ConflictError):
        book.deliver(second.id, second.version, OP)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(MessageRow)) == 2


def test_logbook_keeps_entries_and_refuses_bad_ones(hotel: tuple[Store, FakeClock, str, str]) -> None:
    store, clock, room, _ = hotel
    log = SqlLogbook(store, clock)
    log.write(LogCategory.MAINTENANCE, "Air-con noisy\x07 in room", OP, room, follow_up=True)
    clock.advance(60)
    log.write(LogCategory.OTHER, "Lobby quiet", OP)
    entries = log.recent(READER)
    assert [e.text for e in entries] == ["Lobby quiet", "Air-con noisy in room"]
    assert entries[1].room == room and entries[1].follow_up
    with pytest.raises(InputError):
        log.write(LogCategory.OTHER, "", OP)
    with pytest.raises(InputError):
        log.write(LogCategory.OTHER, "text", OP, room="0000")
    assert len(log.recent(READER)) == 2


def test_pages_by_keyboard(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    board = SqlRoomBoard(sqlite_store, clock)
    room = next(r.number for r in board.rooms(READER) if r.guest and not r.privacy)
    rooms = RoomsPage(board, lambda: OP)
    wakeups = WakeUpPage(SqlWakeUpBook(sqlite_store, clock), lambda: OP, clock.now)
    messages = MessagesPage(SqlMessageBook(sqlite_store, clock), clock, lambda: OP)
    logbook = LogbookPage(SqlLogbook(sqlite_store, clock), lambda: OP, clock.now)
    for page in (rooms, wakeups, messages, logbook):
        qtbot.addWidget(page)

    rooms.floor.setCurrentIndex(rooms.floor.findData(int(room[:-2])))
    row = next(i for i, r in enumerate(rooms.model.rows()) if r.number == room)
    rooms.select_row(row)
    rooms.toggle_dnd()
    assert rooms.message.text() == f"DND on for {room}"
    assert rooms.selected() is not None and rooms.selected().dnd  # type: ignore[union-attr]

    qtbot.keyClicks(wakeups.room, room)
    wakeups.time.setTime(wakeups.time.time().fromString("06:45", "HH:mm"))
    qtbot.keyClick(wakeups.room, Qt.Key.Key_Return)
    assert wakeups.message.text() == f"Booked: room {room} at 06:45 on 11-21"  # booked at 22:00: tomorrow
    assert wakeups.model.rowCount() == 1
    qtbot.keyClicks(wakeups.room, "12x")
    qtbot.keyClick(wakeups.room, Qt.Key.Key_Return)
    assert "no room" in wakeups.message.text().lower() or "not a room" in wakeups.message.text().lower()
    assert wakeups.model.rowCount() == 1
    clock.set(datetime(2026, 11, 21, 6, 46, tzinfo=AT.tzinfo))
    with qtbot.waitSignal(wakeups.due) as due:
        wakeups.check_due()
    assert due.args == [[room]]
    assert wakeups.model.data(wakeups.model.index(0, 3)) == "DUE: call the room now"
    with qtbot.waitSignal(wakeups.waiting_for_a_person) as cleared:
        wakeups.view.selectRow(0)
        woken = wakeups.findChild(QPushButton, "wakeupWoken")
        assert woken is not None and wakeups.urgent.isVisibleTo(wakeups)
        qtbot.mouseClick(woken, Qt.MouseButton.LeftButton)
    assert cleared.args == [[]]  # handled: nobody needs to act any more

    messages.prefill(room=room, sender="Ms. Brown")
    qtbot.keyClicks(messages.text, "Please call the concierge")
    qtbot.keyClick(messages.text, Qt.Key.Key_Return)
    assert messages.model.rowCount() == 1
    messages.view.selectRow(0)
    messages.deliver_selected()
    assert messages.model.rowCount() == 0

    qtbot.keyClicks(logbook.text, f"Guest in {room} reported a leaking tap")
    logbook.room.setText(room)
    logbook.write()
    qtbot.waitUntil(lambda: logbook.model.rowCount() == 1)  # read again off the GUI thread
    logbook.write()  # empty now: refused with a message, nothing written
    assert logbook.model.rowCount() == 1
    assert logbook.message.text() != "Written."


def test_hotel_information_is_searchable_by_all_and_edited_by_duty_managers(
    qtbot: QtBot, store: Store
) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(store, clock)
    book = SqlHotelInfo(store, clock)
    directory = Directory(SqlCallers(store, clock).directory_entries())
    for typed in ("shuttle", "jichang", "机场"):
        assert directory.search(typed)[0].name == "Airport shuttle"
    page = next(p for p in book.pages() if p.topic == "Airport shuttle")
    with pytest.raises(PermissionDenied):
        book.save(page.id, page.version, page.topic, page.topic_zh, "changed", "", "", OP)
    manager = Actor(user="wang", position="Office", role=Role.DUTY_MANAGER)
    saved = book.save(
        page.id, page.version, page.topic, page.topic_zh, "Every 30 minutes now", "", "airport", manager
    )
    assert saved.body == "Every 30 minutes now" and saved.updated_by == "wang"
    with pytest.raises(ConflictError):
        book.save(page.id, page.version, page.topic, "", "stale edit", "", "", manager)

    operator_view = HotelInfoPage(book, lambda: OP)
    qtbot.addWidget(operator_view)
    assert operator_view.topic.isReadOnly() and not operator_view.save_button.isVisibleTo(operator_view)
    manager_view = HotelInfoPage(book, lambda: manager)
    qtbot.addWidget(manager_view)
    manager_view._new()
    manager_view.topic.setText("Laundry")
    manager_view.body.setPlainText("Same-day laundry if collected before 10:00, ext 8021.")
    manager_view.save()
    assert manager_view.message.text() == "Saved."
    assert any(p.topic == "Laundry" for p in book.pages())
