"""Booking a wake-up call on the wake-up page: room, time, once or daily, language, VIP in person
and a note; a time already past today is offered for tomorrow beside the list, never in a box.

What was booked, or why not, is said on the page's message line; the date is always said, and a
minute with more calls than the lines can place, or a room on DND, is pointed out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from switchboard.desk import WakeUpBook, WakeUpView
from switchboard.errors import ConsoleError, InputError
from switchboard.hotel import Actor
from ui.errors import attempt
from ui.wakeup_bulk import WakeUpBulkDialog


class WakeUpBookingForm(QWidget):
    """The booking row of the wake-up page; ``tomorrow`` is placed by the page beside its message."""

    def __init__(
        self,
        book: WakeUpBook,
        actor: Callable[[], Actor],
        message: QLabel,
        refresh: Callable[[], None],
        *,
        per_minute: int = 6,
        dnd_of: Callable[[str], tuple[bool, datetime | None]] = lambda _room: (False, None),
        in_person: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self._per_minute = per_minute
        self._dnd_of = dnd_of
        self._refresh = refresh
        self.message = message
        self.room = QLineEdit()
        self.room.setObjectName("wakeupRoom")
        self.room.setPlaceholderText(self.tr("Room"))
        self.room.setMaximumWidth(90)
        self.time = QTimeEdit(QTime(6, 30))
        self.time.setObjectName("wakeupTime")
        self.time.setDisplayFormat("HH:mm")
        self.daily = QCheckBox(self.tr("Dai&ly until departure"))
        self.daily.setObjectName("wakeupDaily")
        self.language = QComboBox()
        self.language.setObjectName("wakeupLanguage")
        self.language.addItem(self.tr("Guest's language"), "")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        # A parent from the start: setVisible(True) on a widget without one opens it as a window of
        # its own, which took the activation from the console (F5, F9 and every call key dead).
        self.in_person = QCheckBox(self.tr("&VIP: call in person"), self)
        self.in_person.setObjectName("wakeupPersonal")
        self.in_person.setVisible(in_person)
        self.note = QLineEdit()
        self.note.setObjectName("wakeupNote")
        self.note.setPlaceholderText(self.tr("Note (e.g. taxi at 7:00)"))
        book_button = QPushButton(self.tr("&Book"))
        book_button.setObjectName("wakeupBook")
        bulk = QPushButton(self.tr("List entry… (Ctrl+L)"))
        bulk.setObjectName("wakeupBulk")
        form = QHBoxLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.room,
            self.time,
            self.daily,
            self.language,
            self.in_person,
            self.note,
            book_button,
            bulk,
        ):
            form.addWidget(w)
        self.tomorrow = QPushButton()
        self.tomorrow.setObjectName("wakeupTomorrow")
        self.tomorrow.setVisible(False)
        self.tomorrow.clicked.connect(self.book_tomorrow)
        book_button.clicked.connect(lambda: self.book())
        self.room.returnPressed.connect(self.book)
        self.note.returnPressed.connect(self.book)
        for enter in ("Return", "Enter"):  # Ctrl+W puts the operator in the time: Enter there books too
            # set apart: PySide6 drops a context passed with a callable (window-wide, it took every Enter)
            in_time = QShortcut(QKeySequence(enter), self.time, self.book)
            in_time.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bulk.clicked.connect(self.enter_list)

    def book(self, *, tomorrow: bool = False) -> None:
        qt = self.time.time()
        at = time(qt.hour(), qt.minute())
        self.tomorrow.setVisible(False)
        repeat = "daily" if self.daily.isChecked() else "once"
        language = str(self.language.currentData() or "")

        def book(tomorrow_ok: bool) -> WakeUpView:
            return self._book.book(
                self.room.text(),
                at,
                self._actor(),
                self.note.text(),
                repeat=repeat,
                language=language,
                tomorrow_ok=tomorrow_ok,
                personal=self.in_person.isChecked(),
            )

        try:
            booked: WakeUpView | None = book(tomorrow)
        except InputError as exc:
            if exc.key == "wakeup.past_today":
                self._offer_tomorrow(at)  # asked beside the list, not in a box: F5 still answers
                return
            booked = attempt(self.message, lambda: book(False))  # says why, in the operator's words
        except ConsoleError:
            booked = attempt(self.message, lambda: book(False))
        if booked is None:
            return
        self._say_booked(booked)
        self.room.clear()
        self.note.clear()
        self.daily.setChecked(False)
        self.in_person.setChecked(False)
        self._refresh()
        self.room.setFocus()

    def _offer_tomorrow(self, at: time) -> None:
        self.message.setStyleSheet("color: #e65100; font-weight: bold;")
        self.message.setText(self.tr("%1 has already passed today.").replace("%1", f"{at:%H:%M}"))
        self.tomorrow.setText(self.tr("Book it for &tomorrow at %1").replace("%1", f"{at:%H:%M}"))
        self.tomorrow.setVisible(True)
        self.tomorrow.setFocus()

    def book_tomorrow(self) -> None:
        self.book(tomorrow=True)

    def _say_booked(self, booked: WakeUpView) -> None:
        # Always with the date: 06:30 booked at 22:00 is tomorrow morning, and the operator must see it.
        text = (
            self.tr("Booked: room %1 at %2 on %3")
            .replace("%1", booked.room)
            .replace("%2", booked.due_at.strftime("%H:%M"))
            .replace("%3", booked.due_at.strftime("%m-%d"))
        )
        same_minute = self._book.booked_in_minute(booked.due_at)
        if same_minute > self._per_minute:
            text += " " + self.tr(
                "Warning: %1 calls are due at %2 and the lines place about %3 a minute; some will ring late."
            ).replace("%1", str(same_minute)).replace("%2", booked.due_at.strftime("%H:%M")).replace(
                "%3", str(self._per_minute)
            )
            self.message.setStyleSheet("color: #e65100; font-weight: bold;")
        else:
            self.message.setStyleSheet("")
        dnd, until = self._dnd_of(booked.room)
        if dnd:
            ends = self.tr(" until %1").replace("%1", f"{until:%m-%d %H:%M}") if until else ""
            text += " " + self.tr(
                "Note: room %1 is on DND%2; the wake-up call still rings. Check with the guest."
            ).replace("%1", booked.room).replace("%2", ends)
            self.message.setStyleSheet("color: #e65100; font-weight: bold;")
        self.message.setText(text)

    def enter_list(self) -> None:
        dialog = WakeUpBulkDialog(self._book, self._actor, self._per_minute, self)
        dialog.setModal(False)  # beside the list: the call keys go on working
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._refresh())
        self.bulk = dialog
        dialog.show()
