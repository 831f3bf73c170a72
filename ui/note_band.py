"""Information for the operator as a band across the window (the duty manager on duty), not a box:
the call keys and every page go on working while it is shown, and the Close button or a newer note
takes it away."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class NoteBand(QFrame):
    def __init__(self, title: str, text: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteBand")
        self.setStyleSheet("#noteBand { background: #e3f2fd; } #noteBand QLabel { color: #0d2b45; }")
        self.title = QLabel(f"<b>{title}</b>")
        self.text = QLabel(text)
        self.text.setObjectName("noteText")
        self.text.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("noteClose")
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()
