"""What the window shows while nobody is signed in: the last operator's screen (caller, directory,
logbook) is hidden, and the calls ringing meanwhile are counted at the top, above the sign-in box,
so whoever signs in knows callers are waiting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class SignedOutCover(QWidget):
    sign_in_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("signedOutCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # a subclass paints it only so
        self.setStyleSheet(
            "#signedOutCover { background: #263238; } QLabel { color: #eceff1; }"
            " #signedOutWaiting { color: #ffcdd2; font-size: 20px; font-weight: bold; }"
        )
        # the strings keep the main window's context, where their translations already are
        text = QLabel(
            QCoreApplication.translate(
                "MainWindow", "Signed out. The console and its calls stay up; sign in to work."
            )
        )
        text.setObjectName("signedOutText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.waiting = QLabel()
        self.waiting.setObjectName("signedOutWaiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(QCoreApplication.translate("MainWindow", "&Sign in"))
        button.setObjectName("signedOutSignIn")
        button.clicked.connect(self.sign_in_requested)
        layout = QVBoxLayout(self)
        layout.addSpacing(24)
        layout.addWidget(self.waiting)  # at the top: the sign-in box opens over the middle
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def show_waiting(self, count: int, talking: str = "") -> None:
        """The caller on the headset (answered with F5 from the cover), and the other calls at this
        position (ringing, held, parked): or nothing when there are none."""
        said = [self.tr("On the line: %1").replace("%1", talking)] if talking else []
        if count:
            said.append(self.tr("%1 call(s) waiting: sign in to answer (F5)").replace("%1", str(count)))
        self.waiting.setText(" · ".join(said))
