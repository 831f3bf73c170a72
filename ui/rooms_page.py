"""The rooms page: every room by floor with its guest, VIP, DND and message lamp;
D toggles do-not-disturb on the selected room (the PBX lamp follows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from switchboard.desk import RoomBoard, RoomView
from switchboard.hotel import Actor
from ui.errors import attempt
from ui.rows_model import RowsModel


class RoomsPage(QWidget):
    def __init__(self, board: RoomBoard, actor: Callable[[], Actor], parent: Any = None) -> None:
        super().__init__(parent)
        self._board = board
        self._actor = actor
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
        self.view = QTableView()
        self.view.setObjectName("roomsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
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
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
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
            self.view.selectRow(row)
