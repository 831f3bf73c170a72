"""Signing in at the start of a shift, and creating the first administrator.

Both dialogs take plain callables (``main.py`` passes the user directory's
methods), so they know nothing of the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from switchboard.auth import User
from switchboard.errors import ConsoleError
from ui.errors import explain

log = logging.getLogger(__name__)

_OK = QDialogButtonBox.StandardButton.Ok
_CANCEL = QDialogButtonBox.StandardButton.Cancel


class SignInDialog(QDialog):
    """User name and password; a wrong pair gets one calm sentence, and another try."""

    def __init__(
        self,
        authenticate: Callable[[str, str], User],
        *,
        hotel: str = "",
        demo_hint: str = "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sign in to the switchboard"))
        self.username = QLineEdit()
        self.username.setObjectName("signinUser")
        self.password = QLineEdit()
        self.password.setObjectName("signinPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("signinMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(_OK).setText(self.tr("Sign in"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if hotel:
            layout.addWidget(QLabel(f"<b>{hotel}</b>"))
        layout.addLayout(form)
        if demo_hint:
            hint = QLabel(demo_hint)
            hint.setObjectName("signinDemoHint")
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #8a6d00;")
            layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _try(self) -> None:
        try:
            self.user = self._authenticate(self.username.text(), self.password.text())
        except ConsoleError as exc:
            self.message.setText(explain(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class FirstAdministratorDialog(QDialog):
    """On a new install: the administrator's name and a password chosen now (no default)."""

    def __init__(self, create: Callable[[str, str, str], User], parent: Any = None) -> None:
        super().__init__(parent)
        self._create = create
        self.user: User | None = None
        self.setWindowTitle(self.tr("First start: create the administrator"))
        intro = QLabel(
            self.tr(
                "This switchboard has no users yet. Create the administrator account; "
                "it can then add the operators, front desk and duty managers."
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("adminUser")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("adminName")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("adminRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("adminMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Full name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(_OK).setText(self.tr("Create"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _try(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords are not the same."))
            return
        try:
            self.user = self._create(self.username.text(), self.display_name.text(), self.password.text())
        except ConsoleError as exc:
            self.message.setText(explain(exc))
            return
        self.accept()
