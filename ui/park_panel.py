"""The park area: every parked call and every caller waiting on a busy extension, with its slot or
extension and how long it has waited, and one key to take it back.

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
        self._queue = queue
        self._clock = clock
        self._pick_up = pick_up
        self._name_of = name_of
        self._names: dict[str, str] = {}
        self.title = QLabel()
        self.title.setObjectName("parkTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.model: RowsModel[QueuedCall] = RowsModel(
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
        calls = self._queue.aside()
        self.model.set_rows(calls)
        self._names = {c.call_id: self._names[c.call_id] for c in calls if c.call_id in self._names}
        for row, call in enumerate(calls):
            if picked is not None and call.call_id == picked.call_id:
                self.view.selectRow(row)
        self.title.setText(self.tr("Parked and waiting: %1").replace("%1", str(len(calls))))
        self.button.setEnabled(bool(calls))

    def _advance(self) -> None:
        if self.model.rowCount():
            self.refresh()  # the timers

    def picked(self) -> QueuedCall | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def pick_up(self) -> None:
        calls = self.model.rows()
        self._take(self.picked() or (calls[0] if calls else None))

    def _take(self, call: QueuedCall | None) -> None:
        if call is not None:
            self._pick_up(call.call_id)

    def _name(self, call: QueuedCall) -> str:
        if call.call_id not in self._names:
            found = self._name_of(call.caller) if self._name_of is not None else ""
            self._names[call.call_id] = found or call.caller_name
        return self._names[call.call_id]

    def _cells(self, call: QueuedCall) -> list[str]:
        if call.state is CallState.PARKED:
            where = self.tr("parked at %1").replace("%1", call.peer)
        else:
            where = self.tr("waiting for %1").replace("%1", call.peer)
        seconds = int(self._queue.seconds_in_state(call))
        return [f"{call.caller} {self._name(call)}".strip(), where, f"{seconds // 60}:{seconds % 60:02d}"]

    def _colour(self, call: QueuedCall) -> str:
        return "#e3f2fd" if call.state is CallState.PARKED else "#fff3e0"
