"""The main window shell, the sign-in and first-administrator dialogs, on offscreen Qt."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from db.store import Store
from db.users import UserDirectory
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.main_window import MainWindow
from ui.signin_dialog import FirstAdministratorDialog, SignInDialog

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def window(qtbot: QtBot, *, training: bool = True) -> MainWindow:
    w = MainWindow(
        FakeClock(AT),
        lamp_field=LampField(BlfModel()),
        training=training,
        hotel="Grand Harbour Hotel",
        user_name="Lin",
        position="Console 1",
    )
    qtbot.addWidget(w)
    return w


def test_training_banner_shows_only_in_training(qtbot: QtBot) -> None:
    w = window(qtbot)
    w.show()
    assert w.banner.isVisible()
    assert "TRAINING" in w.banner.text()
    real = window(qtbot, training=False)
    real.show()
    assert not real.banner.isVisible()


def test_status_bar_shows_each_link(qtbot: QtBot) -> None:
    w = window(qtbot)
    w.on_event(LinkStateChanged(LinkName.PMS, LinkStatus.DOWN, AT, "no answer from PMS for 60 s"))
    w.on_event(LinkStateChanged(LinkName.PBX, LinkStatus.TRAINING, AT))
    assert "PMS: DOWN" in w.links[LinkName.PMS].text()
    assert w.links[LinkName.PMS].toolTip() == "no answer from PMS for 60 s\nClick for the link monitor"
    assert "PBX: training" in w.links[LinkName.PBX].text()
    assert "SMDR: off" in w.links[LinkName.SMDR].text()
    assert w.clock_label.text() == "2026-11-20 22:00:00"


def test_pages_are_reached_by_key_and_listed_in_the_key_sheet(qtbot: QtBot) -> None:
    w = window(qtbot)
    rooms = QLabel("rooms page")
    w.add_page(rooms, "Rooms", "Ctrl+2")
    w.add_key("F5", "Answer the next call")
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    assert w.pages.currentIndex() == 0
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.currentWidget() is rooms
    sheet = w.key_sheet_text()
    assert "Rooms" in sheet and "Ctrl+2" in sheet and "Answer the next call" in sheet
    assert [a.text() for a in w.go_menu.actions()] == ["Lamp field", "Rooms"]


def test_attendant_panels_stack_in_the_left_column(qtbot: QtBot) -> None:
    w = window(qtbot)
    w.add_attendant_panel(QLabel("queue"), 2)
    w.add_attendant_panel(QLabel("caller"))
    assert w.attendant.count() == 2


def test_sign_in_refuses_a_wrong_password_calmly_then_accepts(qtbot: QtBot, sqlite_store: Store) -> None:
    users = UserDirectory(sqlite_store, FakeClock(AT))
    users.create("lin", "林小红", Role.OPERATOR, "night-shift-1", Actor.link("test"))
    dialog = SignInDialog(lambda u, p: users.authenticate(u, p, "Console 1"))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClicks(dialog.username, "lin")
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.password.text() == ""
    assert dialog.user is None
    qtbot.keyClicks(dialog.password, "night-shift-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.user is not None and dialog.user.role is Role.OPERATOR
    assert dialog.result() == 1


def test_first_administrator_chooses_a_password(qtbot: QtBot, sqlite_store: Store) -> None:
    users = UserDirectory(sqlite_store, FakeClock(AT))
    assert users.needs_first_administrator()

    def create(username: str, name: str, password: str):  # type: ignore[no-untyped-def]
        return users.create(username, name, Role.ADMINISTRATOR, password, Actor.link("first start"))

    dialog = FirstAdministratorDialog(create)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("Chen Jing")
    dialog.password.setText("short")
    dialog.repeat.setText("other")
    dialog._try()
    assert dialog.message.text() == "The two passwords are not the same."
    dialog.repeat.setText("short")
    dialog._try()
    assert dialog.message.text() == "The password needs at least 8 characters."
    assert users.needs_first_administrator()
    dialog.password.setText("harbour-admin-26")
    dialog.repeat.setText("harbour-admin-26")
    dialog._try()
    assert dialog.user is not None and dialog.user.role is Role.ADMINISTRATOR
    assert not users.needs_first_administrator()
    assert users.authenticate("admin", "harbour-admin-26").display_name == "Chen Jing"


def test_an_uncaught_error_is_logged_and_shown_calmly(
    qtbot: QtBot,
    tmp_path,
    caplog,  # type: ignore[no-untyped-def]
) -> None:
    from switchboard.errors import InputError
    from ui.crash_guard import CrashGuard

    guard = CrashGuard(tmp_path / "console.log")
    try:
        raise KeyError("room_id")
    except KeyError as exc:
        guard.handle(type(exc), exc, exc.__traceback__)
    assert "written in the log" in guard.shown[-1]
    assert str(tmp_path / "console.log") in guard.shown[-1]
    assert "KeyError" not in guard.shown[-1]
    assert any("unexpected error" in r.message and r.exc_info for r in caplog.records)
    guard.handle(InputError, InputError("room.invalid", "Not a room number: '99x'", room="99x"), None)
    assert guard.shown[-1] == "There is no room 99x."
    assert guard._box is not None
    guard._box.close()


def test_an_alarm_band_stays_until_cleared(qtbot: QtBot) -> None:
    w = window(qtbot)
    w.show()
    w.show_alarm("WAKE-UP DUE, call by hand now: 1203")
    assert w.alarm.isVisible() and "1203" in w.alarm.text()
    w.clear_alarm()
    assert not w.alarm.isVisible()
