"""The park area: every parked call and every caller waiting on a busy extension, with its slot or
extension and how long it has waited, and one key to take it back. With several positions it also
lists the calls parked or camped at the others (the shared park area), and the same key picks one up
here (the other position hands it over).

The calls stay here until they are picked up, ring through, or come back to the queue as a recall
(the PBX recalls them after the set time), so no caller is out of sight while off the headset.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from switchboard.call_queue import CallQueue, QueuedCall
from switchboard.clock import Clock
from switchboard.pbx import CallState
from switchboard.positions import AsideKind, SharedPark
from ui.rows_model import RowsModel

PICKUP_KEY = "Shift+F9"


class ParkPanel(QWidget):
    """Parked and camped calls; ``PICKUP_KEY`` or a double click takes the highlighted one (else the one
    waiting longest) back to the headset."""

    def __init__(
        self,
        queue: CallQueue,
        clock: Clock,
        pick_up: Callable[[str], None],
        *,
        name_of: Callable[[str], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._shared: list[SharedPark] = []  # other positions' calls aside
        self.pick_shared: Callable[[str], None] = lambda _key: None
        self._queue = queue
        self._clock = clock
        self._pick_up = pick_up
        self._name_of = name_of
        self._names: dict[str, str] = {}
        self.title = QLabel()
        self.title.setObjectName("parkTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.model: RowsModel[QueuedCall | SharedPark] = RowsModel(
            [self.tr("Caller"), self.tr("Where"), self.tr("Time")], self._cells, self._colour, self
        )
        self.view = QTableView()
        self.view.setObjectName("parkView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setMinimumHeight(90)  # three calls in sight
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda index: self._take(self.model.row(index.row())))
        self.button = QPushButton(self.tr("Pick up\n%1").replace("%1", PICKUP_KEY))
        self.button.setObjectName("parkPickUp")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.pick_up)
        action = QAction(self.tr("Pick up a parked call"), self)
        action.setShortcut(QKeySequence(PICKUP_KEY))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(self.pick_up)
        self.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.button)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._advance)
        self._tick.start(1000)
        self.refresh()

    def refresh(self) -> None:
        """After every queue change: the calls aside, the highlighted one kept."""
        picked = self.picked()
        calls: list[QueuedCall | SharedPark] = [*self._queue.aside(), *self._shared]
        self.model.set_rows(calls)
        keys = {_key(c) for c in calls}
        self._names = {k: v for k, v in self._names.items() if k in keys}
        for row, call in enumerate(calls):
            if picked is not None and _key(call) == _key(picked):
                self.view.selectRow(row)
        self.title.setText(self.tr("Parked and waiting: %1").replace("%1", str(len(calls))))
        self.button.setEnabled(bool(calls))

    def set_shared(self, parks: list[SharedPark], own: str) -> None:
        """The shared park area as just read: the other positions' calls not yet picked up."""
        shared = [p for p in parks if p.position != own and not p.picked_by]
        if shared != self._shared:
            self._shared = shared
            self.refresh()

    def _advance(self) -> None:
        if self.model.rowCount():
            self.refresh()  # the timers

    def picked(self) -> QueuedCall | SharedPark | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def pick_up(self) -> None:
        calls = self.model.rows()
        self._take(self.picked() or (calls[0] if calls else None))

    def _take(self, call: QueuedCall | SharedPark | None) -> None:
        if isinstance(call, SharedPark):
            self.pick_shared(call.call_key)
        elif call is not None:
            self._pick_up(call.call_id)

    def _name(self, call: QueuedCall | SharedPark) -> str:
        key = _key(call)
        if key not in self._names:
            found = self._name_of(call.caller) if self._name_of is not None else ""
            self._names[key] = found or call.caller_name
        return self._names[key]

    def _cells(self, call: QueuedCall | SharedPark) -> list[str]:
        if isinstance(call, SharedPark):
            if call.kind is AsideKind.PARK:
                where = self.tr("parked at %1, %2")
            else:
                where = self.tr("waiting for %1, %2")
            where = where.replace("%1", call.where).replace("%2", call.position)
            seconds = max(0, int((self._clock.now() - call.since).total_seconds()))
            return [f"{call.caller} {self._name(call)}".strip(), where, f"{seconds // 60}:{seconds % 60:02d}"]
        if call.state is CallState.PARKED:
            where = self.tr("parked at %1").replace("%1", call.peer)
        else:
            where = self.tr("waiting for %1").replace("%1", call.peer)
        seconds = int(self._queue.seconds_in_state(call))
        return [f"{call.caller} {self._name(call)}".strip(), where, f"{seconds // 60}:{seconds % 60:02d}"]

    def _colour(self, call: QueuedCall | SharedPark) -> str:
        if isinstance(call, SharedPark):
            return "#eceff1"  # at another position
        return "#e3f2fd" if call.state is CallState.PARKED else "#fff3e0"


def _key(call: QueuedCall | SharedPark) -> str:
    return call.call_key if isinstance(call, SharedPark) else call.call_id
