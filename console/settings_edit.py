"""The settings dialogs and saving what they chose.

Only an administrator opens them (they show the database address and the SIP settings); choosing
one's language is anyone's. Every save is checked and audited key by key (never a secret's value)
and written 0600 in one step (``db/audit_trail.py``). The dialogs are not modal: F5 answers while one
is open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from console.context import Console
from db.audit_trail import SqlAuditTrail
from switchboard.auth import Permission, allowed
from switchboard.errors import ConsoleError
from switchboard.settings import ConsoleSettings
from ui.errors import explain
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.sip_settings import SipSettingsDialog

log = logging.getLogger("switchboard")


def change_language(console: Console, window: MainWindow, code: str) -> None:
    if save_settings(console, window, console.settings.with_language(code)):
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Console", "The new language is used from the next start of the console."
            ),
            15_000,
        )


def _may_change(console: Console, window: MainWindow) -> bool:
    if allowed(console.actor, Permission.CHANGE_SETTINGS):
        return True
    window.statusBar().showMessage(
        QCoreApplication.translate("Console", "Only an administrator changes the settings."), 10_000
    )
    return False


def _open(console: Console, window: MainWindow, dialog: SettingsDialog | SipSettingsDialog) -> None:
    """Shown beside the console, not over it: the call keys go on working while it is open."""
    dialog.setModal(False)

    def done(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            save_settings(console, window, dialog.chosen())
        dialog.deleteLater()

    dialog.finished.connect(done)
    console.panels["settings"] = dialog
    dialog.show()


def edit_settings(console: Console, window: MainWindow) -> None:
    if _may_change(console, window):
        _open(console, window, SettingsDialog(console.settings, window))


def edit_sip_settings(console: Console, window: MainWindow) -> None:
    if not _may_change(console, window):
        return
    from hardware.sip.headset import devices as headset_devices  # PortAudio only when asked

    _open(console, window, SipSettingsDialog(console.settings, window, audio_devices=headset_devices()))


def save_settings(console: Console, window: MainWindow, chosen: ConsoleSettings) -> bool:
    try:
        SqlAuditTrail(console.store, console.clock).save_settings(
            console.settings, chosen, console.settings_file, console.actor
        )
    except ConsoleError as exc:
        log.warning("settings not saved: %s", exc)
        window.statusBar().showMessage(
            QCoreApplication.translate("Console", "The settings could not be saved: %1").replace(
                "%1", explain(exc)
            ),
            30_000,
        )
        return False
    console.settings = chosen
    return True
