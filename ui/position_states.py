"""Which positions are on break, in the status bar of every position, and this position's break key
(Ctrl+B): on break the PBX stops ringing this position; pressed again, it rings here again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel

from switchboard.positions import PositionStatus, on_break

BREAK_KEY = "Ctrl+B"


def break_key_text() -> str:
    return QCoreApplication.translate("PositionStates", "Go on break, or come back from break")


class PositionStates(QLabel):
    """ "On break: Console 2 (chen)" for the others; this position's own break said plainly."""

    break_changed = Signal(bool)

    def __init__(self, position: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("positionStates")
        self.position = position
        self.on_break = False
        self._others: list[PositionStatus] = []

    def toggle_break(self) -> None:
        self.on_break = not self.on_break
        self._draw()
        self.break_changed.emit(self.on_break)

    def show_states(self, states: list[PositionStatus]) -> None:
        self._others = on_break(states, self.position)
        self._draw()

    def _draw(self) -> None:
        parts = []
        if self.on_break:
            parts.append(self.tr("This position is on break (Ctrl+B to come back)"))
        if self._others:
            names = ", ".join(
                f"{s.position} ({s.operator})" if s.operator else s.position for s in self._others
            )
            parts.append(self.tr("On break: %1").replace("%1", names))
        self.setText(" · ".join(parts))
        self.setStyleSheet("color: #b45309; font-weight: bold;" if self.on_break else "color: #b45309;")
