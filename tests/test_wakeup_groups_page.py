"""The wake-up page's group panel and personal wake-up band, driven from the keyboard on a real
(SQLite) book, with the dialler's own claim deciding what it may call."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_dialling import SqlWakeUpDialling
from db.wakeup_groups import SqlWakeUpGroups
from db.wakeup_personal import SqlPersonalWakeUps
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.wakeup_groups import GroupKind
from switchboard.wakeup_plan import CallResult, DiallingRules
from tests.test_wakeup_groups import TOUR, tour  # noqa: F401 (the fixture: a PMS group of three rooms)
from ui.wakeup_page import WakeUpPage

OP = Actor(user="op1", position="Console 1", role=Role.OPERATOR)
RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5), snooze=timedelta(minutes=10), lines=4)


def page_for(qtbot: QtBot, store: Store, clock: FakeClock) -> WakeUpPage:
    page = WakeUpPage(
        SqlWakeUpBook(store, clock),
        lambda: OP,
        clock.now,
        groups=SqlWakeUpGroups(store, clock),
        personal=SqlPersonalWakeUps(store, clock),
    )
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # the Enter shortcuts answer in an active window only
        page.show()
        page.activateWindow()
    return page


def test_a_group_is_booked_moved_and_cancelled_from_the_keyboard(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    store: Store,
    clock: FakeClock,
    tour: list[str],  # noqa: F811
) -> None:
    SqlWakeUpBook(store, clock).book_due(tour[1], clock.now() + timedelta(hours=8, minutes=30), OP)
    page = page_for(qtbot, store, clock)
    panel = page.groups
    assert panel is not None
    qtmodeltester.check(panel.model)
    panel.kind.setCurrentIndex(panel.kind.findData(GroupKind.GROUP.value))
    panel.time.setTime(QTime(6, 30))  # 22:00 now: tomorrow morning
    panel.key.setFocus()
    qtbot.keyClicks(panel.key, TOUR)
    qtbot.keyClick(panel.key, Qt.Key.Key_Return)
    assert panel.message.text() == (
        f"Booked at 06:30 on 11-21, rooms: 2. Already booked at that time, left as it was: {tour[1]}."
    )
    assert panel.model.rowCount() == 1
    [group] = panel.model.rows()
    assert [m.room for m in group.members] == [tour[0], tour[2]]
    members_cell = panel.model.data(panel.model.index(0, 3))
    assert members_cell == f"{tour[0]} booked · {tour[2]} booked"

    panel.view.selectRow(0)
    panel.move_time.setTime(QTime(6, 45))
    panel.move_time.setFocus()
    qtbot.keyClick(panel.move_time, Qt.Key.Key_Return)
    assert panel.message.text() == "Moved to 06:45 on 11-21, rooms: 2."
    [moved] = panel.model.rows()
    assert moved.due_at.strftime("%H:%M") == "06:45" and moved.id == group.id

    clock.advance(timedelta(hours=8, minutes=45))
    dialling = SqlWakeUpDialling(store, clock, RULES)
    orders = {o.room: o for o in (dialling.claim_next("line") for _ in range(3)) if o is not None}
    assert sorted(orders) == tour[:3]  # the group's two and the room's own 06:30
    dialling.finish(orders[tour[0]], CallResult.CONFIRMED)
    page.refresh()
    assert panel.model.data(panel.model.index(0, 3)) == f"{tour[0]} awake · {tour[2]} calling"

    panel.view.selectRow(0)
    panel.cancel_selected()
    assert panel.model.data(panel.model.index(0, 3)) == f"{tour[0]} awake · {tour[2]} cancelled"
    assert panel.message.text() == "Cancelled, rooms: 1."  # the one the guest confirmed stays as it was


def test_a_personal_wake_up_raises_the_band_and_marked_done_is_not_dialled(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    tour: list[str],  # noqa: F811
) -> None:
    page = page_for(qtbot, store, clock)
    band = page.personal
    assert band is not None and not band.isVisible()
    page.in_person.setChecked(True)
    page.time.setTime(QTime(22, 5))
    qtbot.keyClicks(page.room, tour[0])
    qtbot.keyClick(page.room, Qt.Key.Key_Return)
    assert page.model.data(page.model.index(0, 3)) == "booked · in person"
    clock.advance(timedelta(minutes=5))
    with qtbot.waitSignal(band.waiting) as raised:
        page.refresh()
    assert raised.args == [[tour[0]]]
    assert band.isVisible() and tour[0] in band.text.text() and "22:10" in band.text.text()
    qtbot.mouseClick(band.done, Qt.MouseButton.LeftButton)
    assert not band.isVisible()
    assert page.message.text() == f"Room {tour[0]}: called in person."
    clock.advance(timedelta(minutes=30))
    assert SqlWakeUpDialling(store, clock, RULES).claim_next("line") is None


def test_an_unmarked_personal_wake_up_leaves_the_band_when_the_dialler_takes_it(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    tour: list[str],  # noqa: F811
) -> None:
    SqlWakeUpBook(store, clock).book_due(tour[0], clock.now() + timedelta(minutes=1), OP, personal=True)
    page = page_for(qtbot, store, clock)
    clock.advance(timedelta(minutes=1))
    page.refresh()
    assert page.personal is not None and page.personal.isVisible()
    clock.advance(timedelta(minutes=5))
    order = SqlWakeUpDialling(store, clock, RULES).claim_next("line")
    assert order is not None and order.room == tour[0]
    page.refresh()
    assert not page.personal.isVisible()
    page.called_in_person()
    assert page.message.text() == "No personal wake-up is waiting."


def test_building_the_page_leaves_the_active_window_active(
    qtbot: QtBot, store: Store, clock: FakeClock
) -> None:
    """The console builds its pages with its window up (tests, a page made again). The two 'call in
    person' boxes, shown while they had no parent yet, opened as windows of their own for a moment
    and took the activation from the console: F5 and F9 (application shortcuts) then did nothing."""
    console = QWidget()
    qtbot.addWidget(console)
    with qtbot.waitActive(console):
        console.show()
        console.activateWindow()
    page = WakeUpPage(
        SqlWakeUpBook(store, clock),
        lambda: OP,
        clock.now,
        groups=SqlWakeUpGroups(store, clock),
        personal=SqlPersonalWakeUps(store, clock),
    )
    qtbot.addWidget(page)
    QCoreApplication.processEvents()
    assert page.groups is not None
    assert not page.in_person.isWindow() and not page.groups.personal.isWindow()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [console]
    assert QApplication.activeWindow() is console
