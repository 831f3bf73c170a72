"""The settings dialogs and saving what they chose."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from console.context import Console
from switchboard import settings as console_settings
from switchboard.settings import ConsoleSettings
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.sip_settings import SipSettingsDialog

log = logging.getLogger("switchboard")


def change_language(console: Console, window: MainWindow, code: str) -> None:
    save_settings(console, window, console.settings.with_language(code))
    QMessageBox.information(
        window,
        QCoreApplication.translate("Console", "Language"),
        QCoreApplication.translate("Console", "The new language is used from the next start of the console."),
    )


def edit_settings(console: Console, window: MainWindow) -> None:
    dialog = SettingsDialog(console.settings, window)
    if dialog.exec():
        save_settings(console, window, dialog.chosen())


def edit_sip_settings(console: Console, window: MainWindow) -> None:
    from hardware.sip.headset import devices as headset_devices  # PortAudio only when asked

    dialog = SipSettingsDialog(console.settings, window, audio_devices=headset_devices())
    if dialog.exec():
        save_settings(console, window, dialog.chosen())
        try:  # the file now holds the SIP password: readable by this user only
            os.chmod(console.settings_file, 0o600)
        except OSError as exc:
            log.warning("could not restrict %s: %s", console.settings_file, exc)


def save_settings(console: Console, window: MainWindow, chosen: ConsoleSettings) -> None:
    try:
        console_settings.save(chosen, console.settings_file)
    except OSError as exc:
        log.exception("settings not saved")
        QMessageBox.warning(
            window,
            QCoreApplication.translate("Console", "Settings"),
            QCoreApplication.translate("Console", "The settings could not be saved: %1").replace(
                "%1", str(exc)
            ),
        )
        return
    console.settings = chosen
