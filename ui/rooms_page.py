"""The rooms page: every room by floor with its guest, VIP, DND and message lamp;
D toggles do-not-disturb on the selected room (the PBX lamp follows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from switchboard.desk import RoomBoard, RoomDesk, RoomView
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor
from ui.errors import attempt
from ui.room_tiles import TILE, RoomTileDelegate
from ui.rows_model import RowsModel


class RoomsPage(QWidget):
    def __init__(
        self,
        board: RoomBoard,
        actor: Callable[[], Actor],
        parent: Any = None,
        *,
        desk: RoomDesk | None = None,
        now: Callable[[], datetime] | None = None,
        waiting_messages: Callable[[str], int] = lambda _room: 0,
        confirm: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._actor = actor
        self._desk = desk
        self._now = now or (lambda: datetime.now().astimezone())
        self._waiting = waiting_messages
        self._confirm = confirm or self._ask
        self._all: list[RoomView] = []
        self.model: RowsModel[RoomView] = RowsModel(
            [
                self.tr("Room"),
                self.tr("Type"),
                self.tr("Status"),
                self.tr("Guest"),
                self.tr("VIP"),
                self.tr("DND"),
                self.tr("Message"),
                self.tr("Housekeeping"),
            ],
            self._cells,
            self._colour,
            self,
        )
        self.floor = QComboBox()
        self.floor.setObjectName("roomsFloor")
        # The room grid: one tile per room, floor by floor (the model's rows are in floor order).
        self.view = QListView()
        self.view.setObjectName("roomsView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RoomTileDelegate(self.view))
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setGridSize(TILE)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.message = QLabel()
        self.message.setObjectName("roomsMessage")
        dnd = QPushButton(self.tr("DND on/off (D)"))
        dnd.setObjectName("roomsDnd")
        dnd.clicked.connect(self.toggle_dnd)
        action = QAction(self)
        action.setShortcut(QKeySequence("D"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.toggle_dnd)
        self.addAction(action)
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Floor"))
        label.setBuddy(self.floor)
        bar.addWidget(label)
        bar.addWidget(self.floor)
        bar.addWidget(dnd)
        bar.addWidget(self.message, 1)
        self.guest = QLineEdit()
        self.guest.setObjectName("roomsGuest")
        self.guest.setPlaceholderText(self.tr("Guest name"))
        self.title = QLineEdit()
        self.title.setObjectName("roomsTitle")
        self.title.setPlaceholderText(self.tr("Title"))
        self.title.setMaximumWidth(70)
        self.nights = QSpinBox()
        self.nights.setObjectName("roomsNights")
        self.nights.setRange(1, 365)
        self.nights.setSuffix(self.tr(" nights"))
        check_in = QPushButton(self.tr("Check &in"))
        check_in.setObjectName("roomsCheckIn")
        check_in.clicked.connect(self.check_in)
        check_out = QPushButton(self.tr("Check &out"))
        check_out.setObjectName("roomsCheckOut")
        check_out.clicked.connect(self.check_out)
        self.move_to = QLineEdit()
        self.move_to.setObjectName("roomsMoveTo")
        self.move_to.setPlaceholderText(self.tr("New room"))
        self.move_to.setMaximumWidth(80)
        move = QPushButton(self.tr("&Move"))
        move.setObjectName("roomsMove")
        move.clicked.connect(self.move_guest)
        self.where = QLineEdit()
        self.where.setObjectName("roomsWhere")
        self.where.setPlaceholderText(self.tr("Whereabouts, e.g. at the pool"))
        self.until = QTimeEdit()
        self.until.setObjectName("roomsUntil")
        self.until.setDisplayFormat("HH:mm")
        where = QPushButton(self.tr("Set &whereabouts"))
        where.setObjectName("roomsSetWhere")
        where.clicked.connect(self.set_whereabouts)
        dnd_until = QPushButton(self.tr("DND &until"))
        dnd_until.setObjectName("roomsDndUntil")
        dnd_until.clicked.connect(self.dnd_until)
        stays = QHBoxLayout()
        for w in (self.guest, self.title, self.nights, check_in, check_out, self.move_to, move):
            stays.addWidget(w)
        notes = QHBoxLayout()
        for note_widget in (self.where, self.until, where, dnd_until):
            notes.addWidget(note_widget)
        for button in (check_in, check_out, move, where, dnd_until):
            button.setEnabled(desk is not None)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(stays)
        layout.addLayout(notes)
        layout.addWidget(self.view, 1)
        self.floor.currentIndexChanged.connect(self._show_floor)
        self.refresh()

    def _cells(self, r: RoomView) -> list[str]:
        guest = self.tr("(privacy)") if r.privacy else f"{r.guest} {r.title}".strip()
        return [
            r.number,
            r.room_type,
            self._occupancy(r.occupancy),
            guest,
            "★" * r.vip_level,
            self.tr("DND") if r.dnd else "",
            "✉" if r.message_lamp else "",
            r.housekeeping,
        ]

    def _occupancy(self, value: str) -> str:
        return {
            "vacant": self.tr("vacant"),
            "occupied": self.tr("occupied"),
            "reserved": self.tr("arriving"),
            "out_of_order": self.tr("out of order"),
        }.get(value, value)

    @staticmethod
    def _colour(r: RoomView) -> str:
        if r.dnd:
            return "#e6d8f2"
        return "#fff4d6" if r.vip_level else ""

    def refresh(self) -> None:
        self._all = list(self._board.rooms())
        floors = sorted({r.floor for r in self._all})
        current = self.floor.currentData()
        self.floor.blockSignals(True)
        self.floor.clear()
        self.floor.addItem(self.tr("All floors"), None)
        for f in floors:
            self.floor.addItem(self.tr("%1F").replace("%1", str(f)), f)
        self.floor.setCurrentIndex(max(0, self.floor.findData(current)))
        self.floor.blockSignals(False)
        self._show_floor()

    def _show_floor(self) -> None:
        floor = self.floor.currentData()
        self.model.set_rows([r for r in self._all if floor is None or r.floor == floor])

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def selected(self) -> RoomView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def toggle_dnd(self) -> None:
        room = self.selected()
        if room is None:
            self.message.setText(self.tr("Select a room first."))
            return
        done = attempt(self.message, lambda: self._board.set_dnd(room.number, not room.dnd, self._actor()))
        if done is not None:
            text = self.tr("DND on for %1") if done.dnd else self.tr("DND off for %1")
            self.message.setText(text.replace("%1", done.number))
            row = self.view.currentIndex().row()
            self.refresh()
            self.select_row(row)

    # ------------------------------------------------------------ front-office actions

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Check out"), question)
        return answer == QMessageBox.StandardButton.Yes

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

    def check_out(self) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target
        waiting = self._waiting(room.number)
        question = self.tr("%1 message(s) for room %2 were not delivered. Check out anyway?")
        if waiting and not self._confirm(question.replace("%1", str(waiting)).replace("%2", room.number)):
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

    def dnd_until(self) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target

        def set_it() -> bool:
            desk.set_dnd(room.number, True, self._actor(), self._later_today())
            return True

        if attempt(self.message, set_it):
            self._done(self.tr("DND on for %1"), room.number)
