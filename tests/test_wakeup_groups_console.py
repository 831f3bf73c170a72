"""The wake-up page as console/wakeups.py wires it: the backup minutes from the settings, the group
panel, and Ctrl+Shift+P marking a VIP's wake-up called from whatever page is in front."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.context import Console
from console.wakeups import build_wakeup_page
from db.store import Store
from db.users import UserDirectory
from db.wakeup_dialling import SqlWakeUpDialling
from hardware.training_pbx import TrainingPbx
from switchboard.auth import User
from switchboard.clock import FakeClock
from switchboard.hotel import Role
from switchboard.settings import ConsoleSettings
from switchboard.wakeup_plan import DiallingRules
from tests.test_wakeup_groups import tour  # noqa: F401 (the fixture: a PMS group of three rooms)
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.main_window import MainWindow

RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5), snooze=timedelta(minutes=10), lines=4)


def test_ctrl_shift_p_marks_the_vip_called_and_the_backup_minutes_come_from_the_settings(
    qtbot: QtBot,
    store: Store,
    tmp_path: Path,
    tour: list[str],  # noqa: F811
    clock: FakeClock,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = ConsoleSettings(sections={"wakeup": {"dialler": "off", "personal_backup_minutes": "2"}})
    console = Console(
        app,
        settings,
        tmp_path / "console.ini",
        tmp_path,
        clock,
        store,
        UserDirectory(store, clock),
        TrainingPbx(clock, [], traffic=False),
        EventBridge(),
        "en",
        True,
    )
    console.user = User(1, "lin", "Lin Fang", Role.OPERATOR)
    window = MainWindow(
        clock,
        lamp_field=LampField(BlfModel()),
        training=True,
        hotel="",
        user_name="lin",
        position="Console 1",
    )
    qtbot.addWidget(window)
    page = build_wakeup_page(window, console, lambda: console.actor)
    assert page.groups is not None and page.personal is not None
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    for room in tour[:2]:  # booked on the page, as the operator does: 22:01, in person
        page.time.setTime(QTime(22, 1))
        page.in_person.setChecked(True)
        qtbot.keyClicks(page.room, room)
        qtbot.keyClick(page.room, Qt.Key.Key_Return)
    first = next(w for w in page.model.rows() if w.room == tour[0])
    assert first.personal and all(w.personal for w in page.model.rows())
    clock.advance(timedelta(minutes=1))
    page.refresh()
    assert f"room {tour[0]}, {tour[1]} in person" in window.statusBar().currentMessage()

    qtbot.keyClick(
        window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert page.message.text() == f"Room {tour[0]}: called in person."
    assert [w.room for w in page.personal.due()] == [tour[1]]

    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=2) - timedelta(seconds=1))
    assert dialling.claim_next("line") is None
    clock.advance(timedelta(seconds=1))  # [wakeup] personal_backup_minutes = 2, not the default 5
    order = dialling.claim_next("line")
    assert order is not None and order.room == tour[1] and order.wakeup_id != first.id
    assert dialling.claim_next("line") is None
