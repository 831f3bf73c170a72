"""The front-office actions of the rooms page on the selected room: check in, check out (asking
when messages wait), move, whereabouts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from switchboard.desk import RoomDesk, RoomView
from switchboard.errors import ConsoleError
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Housekeeping
from ui.errors import attempt, explain


class RoomStays(QWidget):
    """The base of ``RoomsPage``, which builds the widgets named here."""

    _desk: RoomDesk | None
    _actor: Callable[[], Actor]
    _now: Callable[[], datetime]
    _waiting: Callable[[str], int]
    _confirm: Callable[[str], bool]
    message: QLabel
    view: QListView
    guest: QLineEdit
    title: QLineEdit
    nights: QSpinBox
    move_to: QLineEdit
    where: QLineEdit
    until: QTimeEdit
    checkout_anyway: QPushButton
    room_status: QComboBox

    def refresh(self) -> None:
        raise NotImplementedError

    def select_row(self, row: int) -> None:
        raise NotImplementedError

    def selected(self) -> RoomView | None:
        raise NotImplementedError

    def _ask(self, question: str) -> bool:
        """Asked beside the grid with a button, not in a box (the call keys keep working): the answer
        comes later, through ``check_out_anyway``."""
        self.message.setStyleSheet("color: #e65100; font-weight: bold;")
        self.message.setText(question)
        self.checkout_anyway.setVisible(True)
        self.checkout_anyway.setFocus()
        return False

    def check_out_anyway(self) -> None:
        self.checkout_anyway.setVisible(False)
        self.check_out(asked=True)

    def _done(self, text: str, number: str) -> None:
        row = self.view.currentIndex().row()
        self.message.setText(text.replace("%1", number))
        self.refresh()
        self.select_row(row)

    def _later_today(self) -> datetime:
        now = self._now()
        t = self.until.time()
        at = now.replace(hour=t.hour(), minute=t.minute(), second=0, microsecond=0)
        return at if at > now else at + timedelta(days=1)

    def _target(self) -> tuple[RoomView, RoomDesk] | None:
        """The selected room and the front office to act on it; says so when there is none."""
        room = self.selected()
        if room is None or self._desk is None:
            self.message.setText(self.tr("Select a room first."))
            return None
        return room, self._desk

    def check_in(self) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target
        today = self._now().date()
        request = CheckIn(
            room=room.number,
            name=self.guest.text(),
            title=self.title.text(),
            arrival=today,
            departure=today + timedelta(days=self.nights.value()),
        )
        if attempt(self.message, lambda: desk.check_in(request, self._actor())) is not None:
            self.guest.clear()
            self.title.clear()
            self._done(self.tr("Checked in to %1"), room.number)

    def check_out(self, *, asked: bool = False) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target
        waiting = self._waiting(room.number)
        question = self.tr("%1 message(s) for room %2 were not delivered. Check out anyway?")
        if (
            waiting
            and not asked
            and not self._confirm(question.replace("%1", str(waiting)).replace("%2", room.number))
        ):
            return
        done = attempt(self.message, lambda: desk.check_out(room.number, "", self._actor()))
        if done is not None:
            self._done(self.tr("Checked out of %1"), room.number)

    def move_guest(self) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target
        new_room = self.move_to.text()
        if (
            attempt(self.message, lambda: desk.move_room(room.number, new_room, "", self._actor()))
            is not None
        ):
            self.move_to.clear()
            self._done(self.tr("Moved to %1"), new_room.strip())

    def set_room_status(self) -> None:
        """The maid's status of the selected room, set at the console (the PMS is told: FIAS RE RS)."""
        target = self._target()
        if target is None:
            return
        room, desk = target
        status = Housekeeping(str(self.room_status.currentData()))
        try:
            desk.set_housekeeping(room.number, status, self._actor(), version=room.version)
        except ConsoleError as exc:
            self.message.setText(explain(exc))
            return
        self._done(self.tr("Room %1: %2").replace("%2", self.room_status.currentText()), room.number)

    def set_whereabouts(self) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target

        def set_it() -> bool:
            desk.set_whereabouts(room.number, self.where.text(), self._later_today(), self._actor())
            return True

        if attempt(self.message, set_it):
            self.where.clear()
            self._done(self.tr("Whereabouts noted for %1"), room.number)
