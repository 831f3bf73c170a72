"""A row on the rooms page where an administrator sets the wing of rooms (``1201..1219`` East wing):
the roll-call by wing and the emergency alarm read it. The book decides who may (settings); the row
only stays out of the way of a role that may not, and says what the book refused."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from switchboard.auth import Permission, allowed
from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from ui.errors import explain


class RoomWings(Protocol):
    """``db.room_wings.SqlRoomWings``."""

    def set_wing(self, rooms: str, wing: str | None, actor: Actor) -> Sequence[str]: ...


class RoomWingPanel(QWidget):
    def __init__(
        self, wings: RoomWings, actor: Callable[[], Actor], on_set: Callable[[], object] = lambda: None
    ) -> None:
        super().__init__()
        self._wings, self._actor, self._on_set = wings, actor, on_set
        self.rooms = QLineEdit()
        self.rooms.setObjectName("roomsWingRooms")
        self.rooms.setPlaceholderText(self.tr("Rooms, e.g. 1201..1219 1230"))
        self.wing = QLineEdit()
        self.wing.setObjectName("roomsWingName")
        self.wing.setPlaceholderText(self.tr("Wing, e.g. East wing (empty: none)"))
        self.wing.setMaxLength(80)  # the book bounds it at 40; a longer one is refused, not cut
        self.wing.returnPressed.connect(self.set_wing)
        self.button = QPushButton(self.tr("Set w&ing"))
        self.button.setObjectName("roomsWingSet")
        self.button.clicked.connect(self.set_wing)
        self.message = QLabel()
        self.message.setObjectName("roomsWingMessage")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Wing of rooms")))
        row.addWidget(self.rooms, 1)
        row.addWidget(self.wing, 1)
        row.addWidget(self.button)
        row.addWidget(self.message, 1)
        self.follow_role()

    def follow_role(self) -> None:
        """Shown to the roles that may change the settings (called again on sign-in and sign-out)."""
        self.setVisible(allowed(self._actor(), Permission.CHANGE_SETTINGS))

    def set_wing(self) -> None:
        try:
            done = self._wings.set_wing(self.rooms.text(), self.wing.text(), self._actor())
        except ConsoleError as exc:
            self.message.setStyleSheet("color: #c62828; font-weight: bold;")
            self.message.setText(self._said(exc))
            return
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Wing set for %1 rooms.").replace("%1", str(len(done))))
        self.rooms.clear()
        self._on_set()

    def _said(self, error: ConsoleError) -> str:
        wording = {
            "wing.no_rooms": self.tr("Type the rooms, e.g. 1201..1219."),
            "wing.rooms": self.tr("Too many rooms at once."),
            "wing.range": self.tr("%1 is not a range of rooms: type e.g. 1201..1219."),
            "wing.no_room": self.tr("There is no room %1 in this hotel: nothing was changed."),
            "room.invalid": self.tr("%1 is not a room number."),
        }
        text = wording.get(error.key)
        if text is None:
            return explain(error)
        value = error.args_map.get("range", error.args_map.get("room", ""))
        return text.replace("%1", str(value))
