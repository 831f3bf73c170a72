"""The console settings dialog: the PMS link's address, framing and code page ([pms] encoding) are
set there, a code page the link could not speak is refused in the dialog, other keys are kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from switchboard.settings import ConsoleSettings
from ui.settings_dialog import SettingsDialog


def test_the_pms_code_page_is_chosen_and_checked(qtbot: QtBot) -> None:
    stored = ConsoleSettings(sections={"pms": {"url": "socket://pms:5010", "baud": "9600"}})
    dialog = SettingsDialog(stored)
    qtbot.addWidget(dialog)
    assert dialog.pms_encoding.currentText() == "utf-8" and not dialog.pms_serial.isChecked()
    dialog.pms_encoding.setCurrentText("utf-16")  # would turn STX, ETX and | into other bytes
    dialog.accept()
    assert dialog.result() == 0 and "ASCII" in dialog.problem.text()
    dialog.pms_encoding.setCurrentText("gb18030")
    dialog.pms_serial.setChecked(True)
    dialog.accept()
    assert dialog.result() == 1
    pms = dialog.chosen().section("pms")
    assert pms == {"url": "socket://pms:5010", "baud": "9600", "serial_framing": "yes", "encoding": "gb18030"}
