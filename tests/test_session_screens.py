"""Signing in and out at a position as the composition root wires it (console/session.py): the
handover waiting at sign-in opens beside the console, sign-out covers the last operator's screen
until the next one signs in, and no box of the session is modal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from console import session
from console.context import Console
from db.lamp_field import SqlLampField
from db.seed import seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard.clock import FakeClock
from switchboard.settings import ConsoleSettings
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.handover_dialog import HandOverDialog, TakeOverDialog
from ui.main_window import MainWindow
from ui.signin_dialog import SignInDialog

ZONE = ZoneInfo("Asia/Shanghai")
W = TypeVar("W", bound=QWidget)


def _console(qtbot: QtBot, store: Store, tmp_path: Path) -> tuple[Console, MainWindow]:
    clock = FakeClock(datetime(2026, 11, 21, 7, 35, tzinfo=ZONE))
    seed_demo_hotel(store, clock, practice=True)
    field = SqlLampField(store).field_lamps()
    pbx = TrainingPbx(clock, [lamp.extension for lamp in field], traffic=False)
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="H", user_name="", position="Console 1"
    )
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    console = Console(
        app,
        ConsoleSettings(sections={}),
        tmp_path / "console.ini",
        tmp_path,
        clock,
        store,
        UserDirectory(store, clock),
        pbx,
        EventBridge(),
        "en",
        True,
    )
    return console, window


def _press_ok(qtbot: QtBot, dialog: SignInDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _shown(window: MainWindow, kind: type[W]) -> list[W]:
    return [w for w in window.findChildren(kind) if w.isVisible()]


def test_sign_in_offers_the_handover_and_sign_out_covers_the_screen(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    console, window = _console(qtbot, sqlite_store, tmp_path)
    user = console.users.authenticate("operator", "training-op", "Console 1")
    session.start_session(console, window, user)
    qtbot.waitUntil(lambda: bool(_shown(window, TakeOverDialog)))
    (take,) = _shown(window, TakeOverDialog)
    assert not take.isModal() and take.handover.composed_by == "zhou.min"
    take.acknowledge_all()
    qtbot.waitUntil(lambda: not _shown(window, TakeOverDialog))

    sign_in = session.change_operator(console, window)
    assert window.covered and console.user is None and console.sign_in_id is None
    assert sign_in.isVisible() and not sign_in.isModal()
    sign_in.username.setText("frontdesk")
    sign_in.password.setText("training-fd")
    _press_ok(qtbot, sign_in)
    qtbot.waitUntil(lambda: not window.covered)
    assert console.user is not None and console.user.username == "frontdesk"
    assert not _shown(window, SignInDialog)


def test_a_wrong_password_keeps_the_screen_covered(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> None:
    console, window = _console(qtbot, sqlite_store, tmp_path)
    session.change_operator(console, window)
    dialog = next(iter(_shown(window, SignInDialog)))
    dialog.username.setText("operator")
    dialog.password.setText("not the password")
    _press_ok(qtbot, dialog)
    assert window.covered and console.user is None and dialog.isVisible()
    dialog.close()
    window.sign_in_requested.emit()  # the cover's own button opens the sign-in again
    assert _shown(window, SignInDialog) and window.covered


def test_handing_over_opens_beside_the_console(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> None:
    console, window = _console(qtbot, sqlite_store, tmp_path)
    user = console.users.authenticate("operator", "training-op", "Console 1")
    console.user = user
    dialog = session.hand_over(console, window)
    assert isinstance(dialog, HandOverDialog) and dialog.isVisible() and not dialog.isModal()
    dialog.note.setPlainText("Quiet morning")
    dialog.compose()
    assert dialog.handover is not None and dialog.handover.composed_by == "operator"
