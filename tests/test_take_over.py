"""Handing over and signing out as a night shift ends: everything read is acknowledged in one action
(each item still audited), long notes and logbook entries are read whole, the last operator's screen
is hidden after sign-out, and quitting with calls waiting is asked, with the call keys still alive."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.room_states import RoomStates
from db.rows import AuditRow
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from tests.reader import READER
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.handover_dialog import HandOverDialog, TakeOverDialog
from ui.logbook_page import ENTRY_COLUMN, LogbookPage
from ui.main_window import MainWindow

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
EARLY = Actor(user="frontdesk", position="Console 1", role=Role.OPERATOR)
LONG_NOTE = (
    "Room 1208 reported water dripping from the ceiling at 03:10; engineering (Mr. Zhou, ext 8300) "
    "moved the guest's luggage and put a bucket down. The guest does not want to change rooms before "
    "breakfast. Ask housekeeping to check the room below (1108) at 07:30 and tell the duty manager."
)


def test_acknowledge_everything_read_in_one_action(qtbot: QtBot, store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 7, 20, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    SqlLogbook(store, clock).write(LogCategory.MAINTENANCE, "Lift 2 stuck at 5F", NIGHT, follow_up=True)
    RoomStates(store, clock).set_dnd("1208", True, NIGHT, datetime(2026, 11, 21, 11, 0, tzinfo=ZONE))
    book = SqlHandovers(store, clock)
    out = HandOverDialog(book, shift_at(clock.now()), lambda: NIGHT)
    qtbot.addWidget(out)
    assert not out.isModal()
    assert out.note.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth
    out.note.setPlainText(LONG_NOTE)
    out.compose()
    assert out.handover is not None and len(out.handover.items) >= 4
    dnd = [
        out.items.item(i).text()
        for i in range(out.items.count())
        if "1208 on DND" in out.items.item(i).text()
    ]
    assert dnd == ["DND: room 1208 on DND until 11-21 11:00"]  # the handover says when DND ends
    clock.advance(timedelta(minutes=15))
    take = TakeOverDialog(book, out.handover, lambda: EARLY)
    qtbot.addWidget(take)
    take.resize(600, 500)
    take.show()
    assert not take.isModal()
    # The long note is read whole: the list wraps it on several lines and never scrolls sideways.
    assert take.items.wordWrap() and take.items.item(0).text().endswith("tell the duty manager.")
    assert take.items.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    note_height = take.items.visualItemRect(take.items.item(0)).height()
    assert note_height > 2 * take.items.fontMetrics().height()

    acknowledge_all = take.findChild(QPushButton, "takeoverAcknowledgeAll")
    assert acknowledge_all is not None
    qtbot.mouseClick(acknowledge_all, Qt.MouseButton.LeftButton)
    latest = book.latest(READER)
    assert latest is not None and not latest.pending and latest.acknowledged_by == "frontdesk"
    assert take.result() == take.DialogCode.Accepted
    with store.read() as s:
        acks = list(s.scalars(select(AuditRow).where(AuditRow.action == "handover.acknowledge")))
    assert len(acks) == len(latest.items)  # one audit row per item, all in one action


def test_the_author_cannot_acknowledge_and_nothing_half_done(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 7, 20, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    book = SqlHandovers(sqlite_store, clock)
    handover = book.compose(shift_at(clock.now()), "Quiet night", NIGHT)
    take = TakeOverDialog(book, handover, lambda: NIGHT)
    qtbot.addWidget(take)
    take.acknowledge_all()
    assert "incoming operator" in take.message.text()
    latest = book.latest(READER)
    assert latest is not None and len(latest.pending) == len(latest.items)
    take.acknowledge()  # nothing ticked
    assert "Tick the items" in take.message.text()


def test_logbook_entries_wrap_without_a_horizontal_scrollbar(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, 20, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    log = SqlLogbook(sqlite_store, clock)
    log.write(LogCategory.MAINTENANCE, LONG_NOTE, NIGHT, room="1208")
    page = LogbookPage(log, lambda: NIGHT, clock.now)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitUntil(lambda: page.view.rowHeight(0) > 0)
    assert page.view.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not page.view.horizontalScrollBar().isVisible()
    viewport = page.view.viewport().width()
    right = page.view.columnViewportPosition(page.model.columnCount() - 1) + page.view.columnWidth(
        page.model.columnCount() - 1
    )
    assert right <= viewport + 1  # every column fits in the page
    assert page.view.rowHeight(0) > 2 * page.view.fontMetrics().height()  # the entry wraps
    assert page.model.index(0, ENTRY_COLUMN).data() == LONG_NOTE


def _window(qtbot: QtBot) -> MainWindow:
    clock = FakeClock(datetime(2026, 11, 21, 7, 20, tzinfo=ZONE))
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="H", user_name="op", position="C1"
    )
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def test_sign_out_hides_the_last_operators_screen(qtbot: QtBot) -> None:
    window = _window(qtbot)
    assert window.pages.isVisible() and not window.covered
    window.show_alarm("WAKE-UP NEEDS A PERSON: room 1208")
    window.cover(True)
    assert window.covered and not window.pages.isVisible() and not window.attendant.isVisible()
    assert window.alarm.isVisible()  # what must not be missed stays in sight
    window.cover(False)
    assert window.pages.isVisible()


def test_quit_with_calls_waiting_asks_and_call_keys_still_work(qtbot: QtBot) -> None:
    window = _window(qtbot)
    answered: list[int] = []
    answer = QAction(window)  # as the queue's call keys are made
    answer.setShortcut(QKeySequence("F5"))
    answer.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    answer.triggered.connect(lambda: answered.append(1))
    window.addAction(answer)
    waiting = [2]
    window.calls_waiting = lambda: waiting[0]
    window.close()
    assert window.isVisible()
    band = window.quit_question
    assert band is not None and band.isVisible() and "2 call(s)" in band.text.text()
    assert band.window() is window  # a band in the window, not a box over it
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F5)  # the call keys still work
    assert answered == [1]
    qtbot.mouseClick(band.stay_button, Qt.MouseButton.LeftButton)
    assert window.isVisible() and not band.isVisible()
    window.close()
    assert band.isVisible()
    qtbot.mouseClick(band.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_quit_with_no_calls_does_not_ask(qtbot: QtBot) -> None:
    window = _window(qtbot)
    window.close()
    assert not window.isVisible() and window.quit_question is None
