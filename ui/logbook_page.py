"""The shift logbook: write an entry (category, room, text, follow-up) and read
the latest; entries are never edited here (a correction is a new entry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.desk import Logbook, LogCategory, LogEntry
from switchboard.hotel import Actor
from ui.errors import attempt
from ui.rows_model import RowsModel


class LogbookPage(QWidget):
    def __init__(self, logbook: Logbook, actor: Callable[[], Actor], parent: Any = None) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self._actor = actor
        names = self.category_names()
        self.model: RowsModel[LogEntry] = RowsModel(
            [
                self.tr("Time"),
                self.tr("By"),
                self.tr("Category"),
                self.tr("Room"),
                self.tr("Entry"),
                self.tr("Follow-up"),
            ],
            lambda e: [
                e.created_at.strftime("%m-%d %H:%M"),
                e.author,
                names[e.category],
                e.room,
                e.text,
                self.tr("yes") if e.follow_up else "",
            ],
            lambda e: "#fff4d6" if e.follow_up else "",
            self,
        )
        self.category = QComboBox()
        self.category.setObjectName("logCategory")
        for category, name in names.items():
            self.category.addItem(name, category)
        self.room = QLineEdit()
        self.room.setObjectName("logRoom")
        self.room.setPlaceholderText(self.tr("Room (optional)"))
        self.room.setMaximumWidth(120)
        self.follow_up = QCheckBox(self.tr("Follow-up needed"))
        self.follow_up.setObjectName("logFollowUp")
        self.text = QPlainTextEdit()
        self.text.setObjectName("logText")
        self.text.setPlaceholderText(self.tr("What happened, what was done, what the next shift must know"))
        self.text.setMaximumHeight(90)
        write = QPushButton(self.tr("&Write entry (Ctrl+Enter)"))
        write.setObjectName("logWrite")
        write.setShortcut("Ctrl+Return")
        self.message = QLabel()
        self.message.setObjectName("logMessage")
        self.view = QTableView()
        self.view.setObjectName("logView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.category)
        top.addWidget(self.room)
        top.addWidget(self.follow_up)
        top.addWidget(write)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.view, 1)
        write.clicked.connect(self.write)
        self.refresh()

    def category_names(self) -> dict[LogCategory, str]:
        return {
            LogCategory.OTHER: self.tr("Other"),
            LogCategory.GUEST_REQUEST: self.tr("Guest request"),
            LogCategory.COMPLAINT: self.tr("Complaint"),
            LogCategory.MAINTENANCE: self.tr("Maintenance"),
            LogCategory.SECURITY: self.tr("Security"),
            LogCategory.WAKEUP: self.tr("Wake-up"),
            LogCategory.VIP: self.tr("VIP"),
        }

    def refresh(self) -> None:
        self.model.set_rows(self._logbook.recent())
        self.view.resizeColumnsToContents()

    def write(self) -> None:
        category = self.category.currentData()
        written = attempt(
            self.message,
            lambda: self._logbook.write(
                category, self.text.toPlainText(), self._actor(), self.room.text(), self.follow_up.isChecked()
            ),
        )
        if written is not None:
            self.message.setText(self.tr("Written."))
            self.text.clear()
            self.room.clear()
            self.follow_up.setChecked(False)
            self.refresh()
