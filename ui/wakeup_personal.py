"""The personal wake-up band: at a VIP's wake-up time the operator is reminded, above the wake-up
list and without a box in the way, to call the guest in person, and marks it done (Ctrl+Shift+P). Left
unmarked, the dialler calls the room by itself after the backup minutes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from switchboard.desk import WakeUpView
from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from switchboard.wakeup_groups import PERSONAL_BACKUP, PersonalWakeUps
from ui.errors import explain


class PersonalWakeUpBand(QFrame):
    waiting = Signal(list)  # rooms whose personal wake-up is due now (empty: none)
    said = Signal(str)  # what marking it done came to, for the page's message line

    def __init__(
        self,
        book: PersonalWakeUps,
        actor: Callable[[], Actor],
        *,
        backup: timedelta = PERSONAL_BACKUP,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self._backup = backup
        self._due: list[WakeUpView] = []
        self.setObjectName("wakeupPersonal")
        self.setStyleSheet(
            "#wakeupPersonal { background: #ef6c00; } #wakeupPersonal QLabel { color: white; }"
        )
        self.text = QLabel()
        self.text.setObjectName("wakeupPersonalText")
        self.text.setWordWrap(True)
        self.done = QPushButton(self.tr("Called in &person (Ctrl+Shift+P)"))
        self.done.setObjectName("wakeupPersonalDone")
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.done)
        self.done.clicked.connect(lambda: self.said.emit(self.mark_done()))
        self.setVisible(False)

    def due(self) -> list[WakeUpView]:
        return list(self._due)

    def refresh(self) -> None:
        try:
            self._due = self._book.to_call()
        except ConsoleError as exc:
            self.text.setText(explain(exc))  # the list says the database is away; the band keeps its calls
            return
        self.setVisible(bool(self._due))
        if self._due:
            first = self._due[0]
            dials = first.due_at + self._backup
            self.text.setText(
                self.tr(
                    "VIP WAKE-UP: call room %1 %2 in person now (due %3). Unmarked at %4, the dialler calls."
                )
                .replace("%1", first.room)
                .replace("%2", first.guest)
                .replace("%3", f"{first.due_at:%H:%M}")
                .replace("%4", f"{dials:%H:%M}")
                + (self.tr(" (%1 more)").replace("%1", str(len(self._due) - 1)) if len(self._due) > 1 else "")
            )
        self.waiting.emit([w.room for w in self._due])

    def mark_done(self) -> str:
        """Marks the first waiting one done; returns what to tell the operator."""
        if not self._due:
            return self.tr("No personal wake-up is waiting.")
        first = self._due[0]
        try:
            self._book.mark_done(first.id, first.version, self._actor())
            said = self.tr("Room %1: called in person.").replace("%1", first.room)
        except ConsoleError as exc:
            said = explain(exc)  # the dialler took it a moment ago, or another position marked it
        self.refresh()
        return said
