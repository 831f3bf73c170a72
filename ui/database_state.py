"""What the operator sees when the database is away: one DATABASE lamp in the status bar and one
banner across the window naming the database and what is wrong, not a box per refresh. Calls, the
lamp field and transfers go on; what was typed on a page stays there (the page says it was not saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from switchboard.errors import DatabaseState, DatabaseUnavailable
from ui.errors import explain


class DatabaseLamp(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseLamp")
        self.show_state(None)

    def show_state(self, state: DatabaseState | None) -> None:
        up = state is None or state.up
        self.setText(self.tr("DATABASE: OK") if up else self.tr("DATABASE: AWAY"))
        colour = "#2e7d32" if up else "#c62828"
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; padding: 2px 8px; font-weight: bold; }}"
        )
        self.setToolTip("" if up or state is None else f"{state.where}: {state.detail}")


class DatabaseBanner(QLabel):
    """Hidden while the database answers; otherwise one sentence that says what is away and what
    still works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("QLabel { background: #c62828; color: white; padding: 6px; font-weight: bold; }")
        self.state: DatabaseState | None = None
        self.setVisible(False)

    def show_state(self, state: DatabaseState) -> None:
        self.state = state
        if state.up:
            self.setVisible(False)
            return
        why = explain(DatabaseUnavailable(state.key, state.detail, where=state.where))
        self.setText(
            self.tr(
                "%1 Calls, transfers and the lamp field go on; guest data and saving wait for it."
            ).replace("%1", why)
        )
        self.setVisible(True)
