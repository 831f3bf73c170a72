"""Timed duties that cannot be missed: a duty whose time has come stands in a yellow panel across
the window until someone ticks it off, and rings a chime when it falls due and again every few
minutes while nobody has ticked it.

The panel is part of the window, not a box: the call keys and every page go on working around it,
and no later status message can push it away.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from switchboard.duties import Duty, DutyList, DutyState
from switchboard.hotel import Actor
from switchboard.shifts import ShiftSlot
from ui.errors import attempt

CHECK_MS = 30_000
REMIND_EVERY = timedelta(minutes=5)  # the chime again while a due duty waits to be ticked


class DutyPanel(QFrame):
    """The due duties of the shift on duty, each with a button that ticks it off."""

    ticked = Signal(int)  # duty id, after the tick is stored

    def __init__(
        self,
        duties: DutyList,
        shift: Callable[[], ShiftSlot],
        actor: Callable[[], Actor],
        *,
        chime: Callable[[], None],
        now: Callable[[], datetime],
        chinese: bool = False,
        remind_every: timedelta = REMIND_EVERY,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._duties = duties
        self._shift = shift
        self._actor = actor
        self._chime = chime
        self._chinese = chinese
        self._now = now
        self._remind_every = remind_every
        self._last_chime: datetime | None = None
        self._rung: set[tuple[int, str]] = set()  # (duty, business date): a chime once per duty and shift
        self.due: list[Duty] = []
        self.setObjectName("dutyPanel")
        self.setStyleSheet(
            "#dutyPanel { background: #fff59d; border-bottom: 2px solid #f9a825; }"
            "#dutyPanel QLabel { color: #1b1b1b; font-weight: bold; font-size: 14px; }"
        )
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(8, 4, 8, 4)
        self.message = QLabel()
        self.message.setObjectName("dutyMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows)
        layout.addWidget(self.message)
        self.message.hide()
        self.setVisible(False)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_MS)

    def name_of(self, duty: Duty) -> str:
        return duty.name_zh if self._chinese and duty.name_zh else duty.name

    def check(self) -> None:
        """Show what is due now; a duty that has just fallen due rings the chime."""
        slot = self._shift()
        due = [d for d in self._duties.for_shift(slot) if d.state is DutyState.DUE]
        fresh = [d for d in due if (d.id, f"{slot.business_date}") not in self._rung]
        for duty in fresh:
            self._rung.add((duty.id, f"{slot.business_date}"))
        if [d.id for d in due] != [d.id for d in self.due]:
            self._show(due)
        now = self._now()
        reminder = bool(due) and self._last_chime is not None and now - self._last_chime >= self._remind_every
        if fresh or reminder:
            self._last_chime = now
            self._chime()

    def _show(self, due: list[Duty]) -> None:
        self.due = due
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for duty in due:
            self._rows.addWidget(self._row(duty))
        self.setVisible(bool(due))

    def _row(self, duty: Duty) -> QWidget:
        row = QWidget()
        row.setObjectName(f"duty_{duty.id}")
        text = QLabel(
            self.tr("Timed duty due at %1: %2")
            .replace("%1", f"{duty.due_at:%H:%M}")
            .replace("%2", self.name_of(duty))
        )
        text.setWordWrap(True)
        done = QPushButton(self.tr("Done ✓"))
        done.setObjectName(f"dutyDone_{duty.id}")
        done.clicked.connect(lambda _checked=False, i=duty.id: self.tick(i))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text, 1)
        layout.addWidget(done)
        return row

    def tick(self, duty_id: int) -> None:
        def store() -> bool:
            self._duties.tick(duty_id, self._shift(), self._actor())
            return True

        if attempt(self.message, store) is None:
            self.message.show()
            return
        self.message.hide()
        self.ticked.emit(duty_id)
        self.check()

    def stop(self) -> None:
        self._timer.stop()
