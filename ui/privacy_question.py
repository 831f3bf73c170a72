"""The question before a call goes to a privacy guest, beside the queue: did the caller give the agreed
password or name? Yes puts the call through (the extension is looked up by the service, never shown);
No leaves the operator with the hotel's words and a message form for the guest.

Like the busy options it is a panel, not a dialog: F5 to F12 act on calls while it waits, and a newer
question replaces it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout


class PrivacyQuestion(QFrame):
    gave_word = Signal()  # Yes: the caller gave the agreed word
    declined = Signal()  # No: the caller was told the hotel's words
    message = Signal(str, str, str)  # caller's name, call-back number, text: a message for the guest
    answered = Signal()  # the question is done with: the panel may go

    def __init__(self, guest: str, agreed: str, words: str, caller: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyQuestion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#privacyQuestion { border: 2px solid #6a1b9a; background: #f8f0fc; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        self.headline = QLabel(self.tr("Privacy guest %1: did the caller give the agreed password or name?"))
        self.headline.setText(self.headline.text().replace("%1", guest))
        self.headline.setObjectName("privacyHeadline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 15px; font-weight: bold;")
        top.addWidget(self.headline, 1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("privacy_close")
        close.clicked.connect(self.answered)
        top.addWidget(close)
        layout.addLayout(top)
        self.agreed = QLabel(
            self.tr("Agreed word on record: %1").replace("%1", agreed)
            if agreed
            else self.tr("No agreed word on record: ask the front desk before putting the call through.")
        )
        self.agreed.setObjectName("privacyAgreed")
        self.agreed.setWordWrap(True)
        layout.addWidget(self.agreed)
        self.words = QLabel(words)
        self.words.setObjectName("privacyWords")
        self.words.setWordWrap(True)
        layout.addWidget(self.words)
        row = QHBoxLayout()
        self.yes = QPushButton(self.tr("&Yes: put the call through"))
        self.yes.setObjectName("privacy_yes")
        self.yes.clicked.connect(self._yes)
        self.no = QPushButton(self.tr("&No: say the hotel's words, offer a message"))
        self.no.setObjectName("privacy_no")
        self.no.clicked.connect(self._no)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        layout.addLayout(row)
        self.form = QFrame()
        self.form.setObjectName("privacyMessage")
        self.caller_name = QLineEdit()
        self.caller_name.setObjectName("privacySender")
        self.callback = QLineEdit(caller)
        self.callback.setObjectName("privacyCallback")
        self.text = QLineEdit()
        self.text.setObjectName("privacyText")
        fields = QFormLayout(self.form)
        fields.addRow(self.tr("Caller's name"), self.caller_name)
        fields.addRow(self.tr("Call-back number"), self.callback)
        fields.addRow(self.tr("Message"), self.text)
        self.take = QPushButton(self.tr("&Take the message for the guest"))
        self.take.setObjectName("privacy_take")
        self.take.clicked.connect(self._take)
        fields.addRow(self.take)
        self.form.setVisible(False)
        layout.addWidget(self.form)

    def _yes(self) -> None:
        self.gave_word.emit()
        self.answered.emit()

    def _no(self) -> None:
        self.declined.emit()
        self.open_message_form()

    def open_message_form(self) -> None:
        """The message form for the guest, in this panel (the room is never typed nor shown)."""
        self.yes.setEnabled(False)
        self.no.setEnabled(False)
        self.form.setVisible(True)
        self.caller_name.setFocus()

    def _take(self) -> None:
        self.message.emit(self.caller_name.text(), self.callback.text(), self.text.text())
