"""The rooms page: every room by floor with its guest, VIP, DND and message lamp.

Find a room by number or guest name (Ctrl+F, Enter selects it); D toggles do-not-disturb on the
selected room and U asks until when (``0700`` Enter), so "DND until seven" is a few keys. The PBX
lamp follows. Setting DND on a room with a wake-up booked says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from switchboard.desk import RoomBoard, RoomDesk, RoomView
from switchboard.hotel import Actor, Housekeeping
from ui.errors import attempt, shown_to_role
from ui.legend import ROOM_COLOURS, Legend, room_type_name
from ui.placeholders import fit_placeholder
from ui.room_stays import RoomStays
from ui.room_tiles import TILE, RoomTileDelegate, state_of
from ui.room_wing_panel import RoomWingPanel, RoomWings
from ui.rows_model import RowsModel


class RoomsPage(RoomStays):
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
        dnd_ends: Callable[[], dict[str, datetime]] = dict,
        wakeups_of: Callable[[str], list[datetime]] = lambda _room: [],
        wings: RoomWings | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._actor = actor
        self._desk = desk
        self._now = now or (lambda: datetime.now().astimezone())
        self._waiting = waiting_messages
        self._confirm = confirm or self._ask
        self._all: list[RoomView] = []
        self._dnd_ends = dnd_ends
        self._wakeups_of = wakeups_of
        self.ends: dict[str, datetime] = {}
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
        self.view.setItemDelegate(RoomTileDelegate(self.view, dnd_ends=lambda: self.ends))
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
        self.search = QLineEdit()
        self.search.setObjectName("roomsSearch")
        self.search.setPlaceholderText(self.tr("Find a room or guest (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show_floor)
        self.search.returnPressed.connect(self._take_first_match)
        find = QAction(self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        self.dnd_time = QLineEdit()
        self.dnd_time.setObjectName("roomsDndTime")
        self.dnd_time.setPlaceholderText(self.tr("DND until, e.g. 0700 (U)"))
        self.dnd_time.setMaximumWidth(170)
        self.dnd_time.returnPressed.connect(self.dnd_until_typed)
        ask_until = QAction(self)
        ask_until.setShortcut(QKeySequence("U"))
        ask_until.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        ask_until.triggered.connect(lambda: self.dnd_time.setFocus())
        self.view.addAction(ask_until)
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Floor"))
        label.setBuddy(self.floor)
        bar.addWidget(self.search, 1)
        bar.addWidget(label)
        bar.addWidget(self.floor)
        bar.addWidget(dnd)
        bar.addWidget(self.dnd_time)
        self.message.setWordWrap(True)
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
        check_out.clicked.connect(lambda: self.check_out())
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
        self.room_status = QComboBox()
        self.room_status.setObjectName("roomsStatus")
        for status, words in (
            (Housekeeping.DIRTY, self.tr("To be cleaned")),
            (Housekeeping.CLEAN, self.tr("Clean")),
            (Housekeeping.INSPECTED, self.tr("Inspected")),
        ):
            self.room_status.addItem(words, status.value)
        set_status = QPushButton(self.tr("Set room &status"))
        set_status.setObjectName("roomsSetStatus")
        set_status.clicked.connect(self.set_room_status)
        dnd_until = QPushButton(self.tr("DND &until"))
        dnd_until.setObjectName("roomsDndUntil")
        dnd_until.clicked.connect(lambda: self.dnd_until())
        stays = QHBoxLayout()
        for w in (self.guest, self.title, self.nights, check_in, check_out, self.move_to, move):
            stays.addWidget(w)
        notes = QHBoxLayout()
        for note_widget in (self.where, self.until, where, dnd_until, self.room_status, set_status):
            notes.addWidget(note_widget)
        for button in (check_in, check_out, move, where, dnd_until, set_status):
            button.setEnabled(desk is not None)
        self.checkout_anyway = QPushButton(self.tr("Check out &anyway"))
        self.checkout_anyway.setObjectName("roomsCheckOutAnyway")
        self.checkout_anyway.setVisible(False)
        self.checkout_anyway.clicked.connect(self.check_out_anyway)
        stays.addWidget(self.checkout_anyway)
        fit_placeholder(self.search, self.dnd_time, self.guest, self.title, self.move_to, self.where)
        self.legend = Legend(lamps=False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addLayout(stays)
        layout.addLayout(notes)
        self.wing_panel = RoomWingPanel(wings, actor, self.refresh) if wings is not None else None
        if self.wing_panel is not None:
            layout.addWidget(self.wing_panel)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.floor.currentIndexChanged.connect(self._show_floor)
        self.refresh()

    def _cells(self, r: RoomView) -> list[str]:
        guest = self.tr("(privacy)") if r.privacy else f"{r.guest} {r.title}".strip()
        end = self.ends.get(r.number)
        dnd = self.tr("DND until %1").replace("%1", f"{end:%H:%M}") if end else self.tr("DND")
        return [
            r.number,
            room_type_name(r.room_type),
            self._occupancy(r.occupancy),
            guest,
            "★" * r.vip_level,
            dnd if r.dnd else "",
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
        return ROOM_COLOURS[state_of(r)][0]

    def refresh(self) -> None:
        if self.wing_panel is not None:
            self.wing_panel.follow_role()
        shown = shown_to_role(
            self.message,
            self.tr("The rooms and their guests are not shown to your role."),
            lambda: self._board.rooms(self._actor()),
        )
        self._all = list(shown or [])
        self.ends = self._dnd_ends()
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
        words = self.search.text().strip().casefold()

        def shown(r: RoomView) -> bool:
            if floor is not None and r.floor != floor:
                return False
            if not words:
                return True
            name = "" if r.privacy else r.guest.casefold()  # a privacy guest is not found by name
            return r.number.startswith(words) or (len(words) >= 2 and words in name)

        self.model.set_rows([r for r in self._all if shown(r)])

    def key_list(self) -> list[tuple[str, str]]:
        """The page's own keys, for the keyboard sheet."""
        return [
            ("Ctrl+F", self.tr("Rooms: find a room or guest, Enter selects it")),
            ("D", self.tr("Rooms: DND on or off for the selected room")),
            ("U", self.tr("Rooms: DND until a time (type 0700, Enter)")),
        ]

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _row_of(self, number: str) -> int:
        rows = (self.model.row(i) for i in range(self.model.rowCount()))
        return next((i for i, r in enumerate(rows) if r is not None and r.number == number), -1)

    def _take_first_match(self) -> None:
        """Enter in the search: the first room found is selected and the grid takes the keys."""
        if self.model.rowCount() == 0:
            self.message.setText(self.tr("No room or guest matches “%1”.").replace("%1", self.search.text()))
            return
        self.select_row(max(0, self._row_of(self.search.text().strip())))
        self.view.setFocus()

    def find_room(self, number: str) -> bool:
        """Show and select one room (from another page or the caller's room)."""
        self.floor.setCurrentIndex(0)
        self.search.setText(number)
        row = self._row_of(number)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def ask_dnd_until(self, number: str) -> None:
        """DND for a room with an end time: the room is selected and the time field waits for it."""
        if self.find_room(number):
            self.dnd_time.setFocus()
            self.dnd_time.selectAll()

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
            self.message.setText(
                text.replace("%1", done.number) + (self._wakeup_warning(done.number) if done.dnd else "")
            )
            row = self.view.currentIndex().row()
            self.refresh()
            self.select_row(row)

    def _wakeup_warning(self, number: str) -> str:
        """DND set on a room with a wake-up booked: the operator is told the wake-up still rings."""
        due = self._wakeups_of(number)
        if not due:
            return ""
        self.message.setStyleSheet("color: #e65100; font-weight: bold;")
        times = ", ".join(f"{d:%H:%M}" for d in sorted(due))
        return " " + self.tr("Note: a wake-up is booked for this room at %1 and will still ring.").replace(
            "%1", times
        )

    def dnd_until(self, at: datetime | None = None) -> None:
        target = self._target()
        if target is None:
            return
        room, desk = target
        until = at or self._later_today()

        def set_it() -> bool:
            desk.set_dnd(room.number, True, self._actor(), until)
            return True

        if attempt(self.message, set_it):
            text = self.tr("DND on for %1 until %2").replace("%2", f"{until:%H:%M}")
            self._done(text, room.number)
            self.message.setText(self.message.text() + self._wakeup_warning(room.number))

    def dnd_until_typed(self) -> None:
        """``0700``, ``7:00`` or ``7`` in the DND-until field, then Enter."""
        at = parse_time(self.dnd_time.text())
        if at is None:
            self.message.setStyleSheet("color: #c62828; font-weight: bold;")
            self.message.setText(self.tr("Type the time DND ends, e.g. 0700 or 22:30."))
            return
        now = self._now()
        until = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
        self.dnd_until(until if until > now else until + timedelta(days=1))
        self.dnd_time.clear()
        self.view.setFocus()


def parse_time(text: str) -> time | None:
    """A time of day as an operator types it: ``0700``, ``700``, ``7``, ``7:00``, ``22.30``."""
    digits = text.strip().replace(":", "").replace(".", "").replace("：", "")
    if not digits.isdigit() or not 1 <= len(digits) <= 4:
        return None
    hour, minute = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    return time(hour, minute) if hour < 24 and minute < 60 else None
