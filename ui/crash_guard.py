"""The last line of defence: an error nobody caught becomes a log entry and one
calm sentence on screen, never a traceback, and the console carries on.

Errors the domain raised on purpose (``ConsoleError``) are shown in their own
words; anything else is logged with its traceback and reported by reference to
the log file, so the duty manager can send it on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from switchboard.errors import ConsoleError, DatabaseUnavailable
from ui.errors import explain

log = logging.getLogger(__name__)


class CrashGuard:
    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        self.log_file = log_file
        self.parent = parent
        self.shown: list[str] = []
        self._box: QMessageBox | None = None
        # The database being away is said once by the banner and the DATABASE lamp, not by a box for
        # every refresh that could not read: the composition root sets where it goes.
        self.on_database_away: Callable[[DatabaseUnavailable], None] | None = None

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, DatabaseUnavailable) and self.on_database_away is not None:
            log.warning("database away: %s %s", error.key, error.args_map)
            self.on_database_away(error)
            return
        if isinstance(error, ConsoleError):
            log.warning("not done: %s %s", error.key, error.args_map)
            text = explain(error)
        else:
            log.error("unexpected error", exc_info=(kind, error, tb))
            text = QCoreApplication.translate(
                "CrashGuard",
                "Something unexpected went wrong; it is written in the log ({log}). "
                "Nothing you saved is lost and the console carries on.",
            ).format(log=self.log_file)
        self.shown.append(text)
        # Non-blocking, and one box at a time: a burst of errors must not bury the screen.
        if self._box is not None and self._box.isVisible():
            self._box.setText(text)
            return
        self._box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("CrashGuard", "Switchboard"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        self._box.open()
