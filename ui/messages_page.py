"""Messages for guests: take one (room, from, call-back number, text; common
wordings one click away), see what waits, mark delivered. Undelivered messages
older than 30 minutes are flagged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.clock import Clock
from switchboard.desk import MessageBook, MessageView
from switchboard.hotel import Actor
from ui.errors import attempt, shown_to_role
from ui.rows_model import RowsModel

OVERDUE = timedelta(minutes=30)


class MessagesPage(QWidget):
    def __init__(
        self, book: MessageBook, clock: Clock, actor: Callable[[], Actor], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._clock = clock
        self._actor = actor
        self.model: RowsModel[MessageView] = RowsModel(
            [
                self.tr("Taken"),
                self.tr("Room"),
                self.tr("Guest"),
                self.tr("From"),
                self.tr("Call back"),
                self.tr("Message"),
                self.tr("Taken by"),
            ],
            lambda m: [
                m.taken_at.strftime("%H:%M"),
                m.room,
                m.guest,
                m.sender,
                m.callback,
                m.text,
                m.taken_by,
            ],
            lambda m: "#ffe0a0" if self._clock.now() - m.taken_at > OVERDUE else "",
            self,
        )
        self.room = QLineEdit()
        self.room.setObjectName("messageRoom")
        self.caller_name = QLineEdit()
        self.caller_name.setObjectName("messageCaller")
        self.callback = QLineEdit()
        self.callback.setObjectName("messageCallback")
        self.text = QLineEdit()
        self.text.setObjectName("messageText")
        self.templates = QComboBox()
        self.templates.setObjectName("messageTemplates")
        self.templates.addItem(self.tr("Common messages…"), "")
        for wording in (
            self.tr("Please call back."),
            self.tr("Will call again later."),
            self.tr("Your visitor is waiting in the lobby."),
            self.tr("A parcel is waiting at the front desk."),
        ):
            self.templates.addItem(wording, wording)
        self.templates.activated.connect(self._use_template)
        take = QPushButton(self.tr("&Take message"))
        take.setObjectName("messageTake")
        self.how = QComboBox()
        self.how.setObjectName("messageHow")
        for code, label in (
            ("phone", self.tr("by phone")),
            ("slip", self.tr("by slip")),
            ("screen", self.tr("on screen")),
        ):
            self.how.addItem(label, code)
        deliver = QPushButton(self.tr("&Delivered"))
        deliver.setObjectName("messageDeliver")
        self.message = QLabel()
        self.message.setObjectName("messagesMessage")
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Room")), 0, 0)
        form.addWidget(self.room, 0, 1)
        form.addWidget(QLabel(self.tr("From")), 0, 2)
        form.addWidget(self.caller_name, 0, 3)
        form.addWidget(QLabel(self.tr("Call back")), 0, 4)
        form.addWidget(self.callback, 0, 5)
        form.addWidget(QLabel(self.tr("Message")), 1, 0)
        form.addWidget(self.text, 1, 1, 1, 3)
        form.addWidget(self.templates, 1, 4)
        form.addWidget(take, 1, 5)
        self.view = QTableView()
        self.view.setObjectName("messagesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        actions = QHBoxLayout()
        actions.addWidget(self.how)
        actions.addWidget(deliver)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        take.clicked.connect(self.take)
        self.text.returnPressed.connect(self.take)
        deliver.clicked.connect(self.deliver_selected)
        self.refresh()

    def prefill(self, room: str = "", sender: str = "") -> None:
        """Open the form for a caller (from the busy options or the caller panel)."""
        self.room.setText(room)
        self.caller_name.setText(sender)
        (self.text if room and sender else self.room).setFocus()

    def _use_template(self, index: int) -> None:
        wording = self.templates.itemData(index)
        if wording:
            self.text.setText(wording)
        self.templates.setCurrentIndex(0)

    def refresh(self) -> None:
        waiting = shown_to_role(
            self.message,
            self.tr("Guest messages are not shown to your role."),
            lambda: self._book.waiting(self._actor()),
        )
        self.model.set_rows(waiting or [])

    def take(self) -> None:
        taken = attempt(
            self.message,
            lambda: self._book.take(
                self.room.text(),
                self.caller_name.text(),
                self.callback.text(),
                self.text.text(),
                self._actor(),
            ),
        )
        if taken is not None:
            self.message.setText(self.tr("Message for room %1 taken; lamp on.").replace("%1", taken.room))
            for field in (self.room, self.caller_name, self.callback, self.text):
                field.clear()
            self.refresh()

    def deliver_selected(self) -> None:
        index = self.view.currentIndex()
        chosen = self.model.row(index.row()) if index.isValid() else None
        if chosen is None:
            return
        done = attempt(
            self.message,
            lambda: self._book.deliver(chosen.id, chosen.version, self._actor(), str(self.how.currentData())),
        )
        if done is not None:
            self.message.setText(self.tr("Delivered to room %1.").replace("%1", done.room))
        self.refresh()
