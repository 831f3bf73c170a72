"""Wake-up calls: book (room, time, note), cancel, and the calls that are due.

A call whose time has come turns red at the top of the list and raises the
``due`` signal (the window alerts the operator); it stays red until someone
marks it done. Nothing is ever dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from switchboard.desk import WakeUpBook, WakeUpView
from switchboard.hotel import Actor
from switchboard.wakeup_status import WakeUpStatus
from ui.errors import attempt
from ui.rows_model import RowsModel

CHECK_MS = 5000


class WakeUpPage(QWidget):
    due = Signal(list)  # rooms whose wake-up is now on the manual list
    waiting_for_a_person = Signal(list)  # every room whose wake-up needs a person now (empty: none)

    def __init__(self, book: WakeUpBook, actor: Callable[[], Actor], parent: Any = None) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self.model: RowsModel[WakeUpView] = RowsModel(
            [
                self.tr("Time"),
                self.tr("Room"),
                self.tr("Guest"),
                self.tr("Status"),
                self.tr("Note"),
                self.tr("Booked by"),
            ],
            self._cells,
            self._colour,
            self,
        )
        self.room = QLineEdit()
        self.room.setObjectName("wakeupRoom")
        self.room.setPlaceholderText(self.tr("Room"))
        self.room.setMaximumWidth(90)
        self.time = QTimeEdit(QTime(6, 30))
        self.time.setObjectName("wakeupTime")
        self.time.setDisplayFormat("HH:mm")
        self.note = QLineEdit()
        self.note.setObjectName("wakeupNote")
        self.note.setPlaceholderText(self.tr("Note (e.g. second call after 5 minutes)"))
        book_button = QPushButton(self.tr("&Book"))
        book_button.setObjectName("wakeupBook")
        cancel = QPushButton(self.tr("&Cancel selected"))
        cancel.setObjectName("wakeupCancel")
        done = QPushButton(self.tr("&Done (guest woken)"))
        done.setObjectName("wakeupDone")
        self.message = QLabel()
        self.message.setObjectName("wakeupMessage")
        self.view = QTableView()
        self.view.setObjectName("wakeupView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        form = QHBoxLayout()
        for w in (self.room, self.time, self.note, book_button):
            form.addWidget(w)
        actions = QHBoxLayout()
        actions.addWidget(cancel)
        actions.addWidget(done)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        book_button.clicked.connect(self.book)
        self.room.returnPressed.connect(self.book)
        self.note.returnPressed.connect(self.book)
        cancel.clicked.connect(self.cancel_selected)
        done.clicked.connect(self.done_selected)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_due)
        self._timer.start(CHECK_MS)
        self.refresh()

    def _cells(self, w: WakeUpView) -> list[str]:
        return [
            w.due_at.strftime("%m-%d %H:%M"),
            w.room,
            w.guest,
            self._status(w.status),
            w.note,
            w.booked_by,
        ]

    def _status(self, status: WakeUpStatus) -> str:
        return {
            WakeUpStatus.BOOKED: self.tr("booked"),
            WakeUpStatus.MANUAL: self.tr("DUE: call the room now"),
            WakeUpStatus.ESCALATED: self.tr("NOT ANSWERED: send someone"),
            WakeUpStatus.DIALLING: self.tr("calling"),
            WakeUpStatus.RETRY_WAIT: self.tr("will call again"),
            WakeUpStatus.HANDED_TO_PBX: self.tr("with the PBX"),
        }.get(status, status.value)

    @staticmethod
    def _colour(w: WakeUpView) -> str:
        return "#ffb3b3" if w.status in (WakeUpStatus.MANUAL, WakeUpStatus.ESCALATED) else ""

    def refresh(self) -> None:
        calls = list(self._book.upcoming())
        urgent = [c for c in calls if c.status in (WakeUpStatus.MANUAL, WakeUpStatus.ESCALATED)]
        self.model.set_rows(urgent + [c for c in calls if c not in urgent])
        self.waiting_for_a_person.emit([c.room for c in urgent])

    def check_due(self) -> None:
        due = list(self._book.escalate_due())
        if due:
            self.refresh()
            self.due.emit([w.room for w in due])

    def book(self) -> None:
        qt = self.time.time()
        at = time(qt.hour(), qt.minute())
        booked = attempt(
            self.message, lambda: self._book.book(self.room.text(), at, self._actor(), self.note.text())
        )
        if booked is not None:
            # Always with the date: 06:30 booked at 22:00 is tomorrow morning, and the operator must see it.
            self.message.setText(
                self.tr("Booked: room %1 at %2 on %3")
                .replace("%1", booked.room)
                .replace("%2", booked.due_at.strftime("%H:%M"))
                .replace("%3", booked.due_at.strftime("%m-%d"))
            )
            self.room.clear()
            self.note.clear()
            self.refresh()
        self.room.setFocus()

    def selected(self) -> WakeUpView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def cancel_selected(self) -> None:
        call = self.selected()
        if call is None:
            return
        if attempt(self.message, lambda: self._book.cancel(call.id, call.version, self._actor())) is not None:
            self.message.setText(self.tr("Cancelled: room %1").replace("%1", call.room))
        self.refresh()

    def done_selected(self) -> None:
        call = self.selected()
        if call is None:
            return
        if (
            attempt(self.message, lambda: self._book.mark_done(call.id, call.version, self._actor()))
            is not None
        ):
            self.message.setText(self.tr("Done: room %1").replace("%1", call.room))
        self.refresh()
