"""A console's parts for tests of one wiring module: the context the composition root builds (training
PBX without traffic, the given store and clock) and an empty main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.context import Console
from db.store import Store
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard.clock import FakeClock
from switchboard.settings import ConsoleSettings
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.main_window import MainWindow


def console_and_window(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    folder: Path,
    settings: ConsoleSettings | None = None,
) -> tuple[Console, MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chosen = settings or ConsoleSettings()
    console = Console(
        app,
        chosen,
        folder / f"{chosen.position}.ini",
        folder,
        clock,
        store,
        UserDirectory(store, clock),
        TrainingPbx(clock, [], traffic=False),
        EventBridge(),
        "en",
        True,
    )
    console.headless = True  # no dialler process for a test
    lamps = LampField(BlfModel())
    where = chosen.position
    window = MainWindow(clock, lamp_field=lamps, training=True, hotel="", user_name="", position=where)
    qtbot.addWidget(window)
    return console, window
