"""The caller's options, in one place, when the extension they want is busy,
does not answer, or is on do-not-disturb: wait (camp-on), leave a message, be
called back, or another extension. A DND room can be rung only by an
emergency override, which the console logs.

It is a panel beside the queue, not a dialog: while it waits for an answer the call keys still act,
and a newer question replaces it. The call-back number offered is the caller's when it is a number that can
be dialled (``switchboard.caller_number``: ASCII digits and * # +, spaces and hyphens as written); a number
in other digits ('١٢٩٩') is never offered to be stored, and the operator types one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from switchboard.caller_number import call_back_number
from switchboard.pbx import FailureReason

CALLBACK_AFTER = timedelta(minutes=15)


class BusyOptions(QFrame):
    wait = Signal()
    message = Signal()
    callback = Signal(str, object, str)  # number, due (aware datetime), note
    other = Signal()
    override = Signal(str)  # the reason the operator gave
    answered = Signal()  # an option was taken, or the question dismissed: the panel may go

    def __init__(
        self, target: str, reason: FailureReason, caller: str, now: datetime, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("busyOptions")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#busyOptions { border: 2px solid #e65100; background: #fff8f0; }")
        self._zone = now.tzinfo
        why = {
            FailureReason.BUSY: self.tr("%1 is busy."),
            FailureReason.NO_ANSWER: self.tr("%1 does not answer."),
            FailureReason.DND: self.tr("%1 is on do-not-disturb and will not be rung."),
        }.get(reason, self.tr("%1 cannot be reached."))
        self.headline = QLabel(why.replace("%1", target))
        self.headline.setObjectName("busyHeadline")
        self.headline.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Caller's options")))
        top.addWidget(self.headline, 1)
        dismiss = QPushButton(self.tr("Close"))
        dismiss.setObjectName("busy_close")
        dismiss.clicked.connect(self.answered)
        top.addWidget(dismiss)
        layout.addLayout(top)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        layout.addLayout(row)

        def add(name: str, text: str, handler: Any) -> None:
            button = QPushButton(text)
            button.setObjectName(f"busy_{name}")
            button.clicked.connect(handler)
            self.buttons[name] = button
            row.addWidget(button)

        if reason is not FailureReason.DND:
            add("wait", self.tr("&Wait: camp on, recall to me if it stays busy"), self._wait)
        add("message", self.tr("Leave a &message"), self._message)
        self.number = QLineEdit(call_back_number(caller))
        self.number.setObjectName("busyCallbackNumber")
        if not self.number.text():
            self.number.setPlaceholderText(self.tr("The caller's number cannot be dialled: type one"))
        at = now + CALLBACK_AFTER  # shown and read back in the hotel's time
        self.due = QDateTimeEdit(QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)))
        self.due.setObjectName("busyCallbackDue")
        self.due.setDisplayFormat("MM-dd HH:mm")
        self.note = QLineEdit()
        self.note.setObjectName("busyCallbackNote")
        form = QFormLayout()
        form.addRow(self.tr("Call-back number"), self.number)
        form.addRow(self.tr("Call back at"), self.due)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        row = QHBoxLayout()
        layout.addLayout(row)
        add("callback", self.tr("&Call back: add a reminder"), self._callback)
        add("other", self.tr("&Other extension"), self._other)
        if reason is FailureReason.DND:
            self.override_reason = QLineEdit()
            self.override_reason.setObjectName("busyOverrideReason")
            self.override_reason.setPlaceholderText(self.tr("Emergency: why the guest must be rung"))
            row = QHBoxLayout()
            layout.addLayout(row)
            row.addWidget(self.override_reason, 1)
            add("override", self.tr("&Emergency override: ring despite DND (logged)"), self._override)

    def _wait(self) -> None:
        self.wait.emit()
        self.answered.emit()

    def _message(self) -> None:
        self.message.emit()
        self.answered.emit()

    def _callback(self) -> None:
        due = self.due.dateTime().toPython()
        assert isinstance(due, datetime)
        self.callback.emit(self.number.text(), due.replace(tzinfo=self._zone), self.note.text())
        self.answered.emit()

    def _other(self) -> None:
        self.other.emit()
        self.answered.emit()

    def _override(self) -> None:
        reason = self.override_reason.text().strip()
        if not reason:
            self.override_reason.setFocus()
            self.override_reason.setPlaceholderText(self.tr("Write the reason first: it goes in the logbook"))
            return
        self.override.emit(reason)
        self.answered.emit()
