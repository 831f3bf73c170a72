"""One colour language for the lamp field and the rooms page, and the legend that says it.

A colour means one thing wherever it shows: green is free or ready, amber ringing, red busy, blue
held, magenta do-not-disturb, grey out of service. The room grid's own states (let, to be
cleaned, arriving) take colours the lamp field never uses, so nothing reads two ways. Every tile
also writes its state, so colour is never the only sign.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from switchboard.pbx import LampState

DND_COLOUR = "#d81b60"  # magenta, on the lamp field and the rooms page alike
FREE = "#2e7d32"
OUT_OF_SERVICE = "#616161"

# Lamps as on attendant consoles: (fill, ink).
LAMP_COLOURS: dict[LampState, tuple[str, str]] = {
    LampState.IDLE: (FREE, "#ffffff"),
    LampState.RINGING: ("#f0a020", "#1b1b1b"),
    LampState.BUSY: ("#c62828", "#ffffff"),
    LampState.HELD: ("#1e63b5", "#ffffff"),
    LampState.DND: (DND_COLOUR, "#ffffff"),
    LampState.UNREGISTERED: (OUT_OF_SERVICE, "#e0e0e0"),
    LampState.UNKNOWN: ("#424242", "#bdbdbd"),
}

# Rooms: (fill, ink) by what the room needs. Ready to sell shares green with a free lamp and out of
# order shares grey with an offline one (the same meaning); the rest use colours no lamp has.
ROOM_COLOURS: dict[str, tuple[str, str]] = {
    "occupied": ("#455a64", "#ffffff"),  # blue-grey: let
    "vacant_clean": (FREE, "#ffffff"),
    "vacant_dirty": ("#8d6e63", "#ffffff"),  # brown: to be cleaned
    "reserved": ("#00838f", "#ffffff"),  # teal: guest arriving
    "out_of_order": (OUT_OF_SERVICE, "#e0e0e0"),
}


def lamp_word(state: LampState) -> str:
    return {
        LampState.IDLE: QCoreApplication.translate("Legend", "free"),
        LampState.RINGING: QCoreApplication.translate("Legend", "ringing"),
        LampState.BUSY: QCoreApplication.translate("Legend", "busy"),
        LampState.HELD: QCoreApplication.translate("Legend", "held"),
        LampState.DND: QCoreApplication.translate("Legend", "DND"),
        LampState.UNREGISTERED: QCoreApplication.translate("Legend", "offline"),
        LampState.UNKNOWN: QCoreApplication.translate("Legend", "?"),
    }[state]


def room_word(key: str) -> str:
    return {
        "occupied": QCoreApplication.translate("Legend", "let"),
        "vacant_clean": QCoreApplication.translate("Legend", "vacant, ready"),
        "vacant_dirty": QCoreApplication.translate("Legend", "vacant, to be cleaned"),
        "reserved": QCoreApplication.translate("Legend", "guest arriving"),
        "out_of_order": QCoreApplication.translate("Legend", "out of order"),
    }[key]


def room_short_word(key: str) -> str:
    """The state on a room tile, where there is room for a word or two."""
    return {
        "occupied": QCoreApplication.translate("Legend", "let"),
        "vacant_clean": QCoreApplication.translate("Legend", "ready"),
        "vacant_dirty": QCoreApplication.translate("Legend", "to clean"),
        "reserved": QCoreApplication.translate("Legend", "arriving"),
        "out_of_order": QCoreApplication.translate("Legend", "OOO"),
    }[key]


def room_type_name(room_type: str) -> str:
    """The hotel's room type codes in the operator's language."""
    names = {
        "KING": QCoreApplication.translate("Legend", "king"),
        "TWIN": QCoreApplication.translate("Legend", "twin"),
        "SUITE": QCoreApplication.translate("Legend", "suite"),
        "DELUXE KING": QCoreApplication.translate("Legend", "deluxe king"),
    }
    return names.get(room_type.strip().upper(), room_type)


def _swatch(fill: str, ink: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"background: {fill}; color: {ink}; padding: 2px 6px; border-radius: 3px;")
    return label


class Legend(QWidget):
    """The colours of the lamp field and of the rooms page, each with its word."""

    def __init__(self, parent: Any = None, *, lamps: bool = True, rooms: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("colourLegend")
        self.setWindowTitle(self.tr("Colour legend"))
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        row = 0
        self.words: list[str] = []
        if lamps:
            grid.addWidget(QLabel(self.tr("Lamps:")), row, 0)
            for col, state in enumerate(
                (LampState.IDLE, LampState.RINGING, LampState.BUSY, LampState.HELD, LampState.DND),
                start=1,
            ):
                fill, ink = LAMP_COLOURS[state]
                grid.addWidget(_swatch(fill, ink, lamp_word(state)), row, col)
                self.words.append(lamp_word(state))
            fill, ink = LAMP_COLOURS[LampState.UNREGISTERED]
            grid.addWidget(_swatch(fill, ink, lamp_word(LampState.UNREGISTERED)), row, 6)
            self.words.append(lamp_word(LampState.UNREGISTERED))
            row += 1
        if rooms:
            grid.addWidget(QLabel(self.tr("Rooms:")), row, 0)
            for col, key in enumerate(ROOM_COLOURS, start=1):
                fill, ink = ROOM_COLOURS[key]
                grid.addWidget(_swatch(fill, ink, room_word(key)), row, col)
                self.words.append(room_word(key))
            grid.addWidget(_swatch(DND_COLOUR, "#ffffff", self.tr("DND (band)")), row, 6)
            self.words.append(self.tr("DND (band)"))
        grid.setColumnStretch(7, 1)
