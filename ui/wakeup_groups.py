"""Group wake-ups on the wake-up page: one time for a PMS group, a floor or a list of rooms, booked,
moved or cancelled in one action, each group one row with its members and their outcomes.

Keyboard first: Enter in the group field books, Enter in the move time moves the selected group."""

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
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from switchboard.wakeup_groups import GroupKind, GroupResult, GroupView, WakeUpGroupBook
from switchboard.wakeup_plan import due_for
from switchboard.wakeup_status import WakeUpStatus
from ui.errors import explain
from ui.rows_model import RowsModel


class WakeUpGroupPanel(QWidget):
    def __init__(
        self,
        book: WakeUpGroupBook,
        actor: Callable[[], Actor],
        now: Callable[[], datetime],
        *,
        personal: bool = True,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self._now = now
        self._tomorrow_asked: tuple[str, str, time] | None = None
        self.model: RowsModel[GroupView] = RowsModel(
            [
                self.tr("Time"),
                self.tr("Group"),
                self.tr("Rooms"),
                self.tr("Members and outcomes"),
                self.tr("Booked by"),
            ],
            self._cells,
            None,
            self,
        )
        self.kind = QComboBox()
        self.kind.setObjectName("groupKind")
        self.kind.addItem(self.tr("PMS group"), GroupKind.GROUP.value)
        self.kind.addItem(self.tr("Floor"), GroupKind.FLOOR.value)
        self.kind.addItem(self.tr("Rooms"), GroupKind.ROOMS.value)
        self.key = QLineEdit()
        self.key.setObjectName("groupKey")
        self.key.setPlaceholderText(self.tr("Group code, floor (9F) or rooms (1201 1202 …)"))
        self.time = QTimeEdit(QTime(6, 30))
        self.time.setObjectName("groupTime")
        self.time.setDisplayFormat("HH:mm")
        self.personal = QCheckBox(self.tr("V&IP: call in person"), self)  # parented: never a window
        self.personal.setObjectName("groupPersonal")
        self.personal.setVisible(personal)
        self.note = QLineEdit()
        self.note.setObjectName("groupNote")
        self.note.setPlaceholderText(self.tr("Note"))
        book_button = QPushButton(self.tr("Book &group"))
        book_button.setObjectName("groupBook")
        self.move_time = QTimeEdit(QTime(7, 0))
        self.move_time.setObjectName("groupMoveTime")
        self.move_time.setDisplayFormat("HH:mm")
        move = QPushButton(self.tr("&Move group to this time"))
        move.setObjectName("groupMove")
        cancel = QPushButton(self.tr("Cancel gr&oup"))
        cancel.setObjectName("groupCancel")
        self.message = QLabel()
        self.message.setObjectName("groupMessage")
        self.message.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("groupView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        form = QHBoxLayout()
        for w in (self.kind, self.key, self.time, self.personal, self.note, book_button):
            form.addWidget(w)
        actions = QHBoxLayout()
        for w in (self.move_time, move, cancel):
            actions.addWidget(w)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        book_button.clicked.connect(self.book)
        self.key.returnPressed.connect(self.book)
        self.note.returnPressed.connect(self.book)
        move.clicked.connect(self.move_selected)
        for enter in ("Return", "Enter"):  # set apart: PySide6 drops a context passed with a callable
            in_move = QShortcut(QKeySequence(enter), self.move_time, self.move_selected)
            in_move.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel.clicked.connect(self.cancel_selected)
        self.refresh()

    # --- the list ------------------------------------------------------------------------
    def _cells(self, g: GroupView) -> list[str]:
        kind = {GroupKind.GROUP: self.tr("group %1"), GroupKind.FLOOR: self.tr("floor %1")}.get(g.kind, "%1")
        return [
            g.due_at.strftime("%m-%d %H:%M"),
            kind.replace("%1", g.label),
            str(len([m for m in g.members if m.status is not WakeUpStatus.CANCELLED])),
            " · ".join(f"{m.room} {self.status(m.status)}" for m in g.members),
            g.booked_by,
        ]

    def status(self, status: WakeUpStatus) -> str:
        return {
            WakeUpStatus.BOOKED: self.tr("booked"),
            WakeUpStatus.DIALLING: self.tr("calling"),
            WakeUpStatus.RETRY_WAIT: self.tr("will call again"),
            WakeUpStatus.CONFIRMED: self.tr("awake"),
            WakeUpStatus.ESCALATED: self.tr("NOT CONFIRMED"),
            WakeUpStatus.HANDLED: self.tr("done by a person"),
            WakeUpStatus.MANUAL: self.tr("call by hand"),
            WakeUpStatus.HANDED_TO_PBX: self.tr("with the PBX"),
            WakeUpStatus.CANCELLED: self.tr("cancelled"),
        }[status]

    def refresh(self) -> None:
        chosen = self.selected()
        self.model.set_rows(self._try(self._book.groups) or [])
        if chosen is not None:
            row = next((i for i, g in enumerate(self.model.rows()) if g.id == chosen.id), None)
            if row is not None:
                self.view.selectRow(row)

    def selected(self) -> GroupView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    # --- actions -------------------------------------------------------------------------
    def _try(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except ConsoleError as exc:
            self.message.setStyleSheet("color: #c62828; font-weight: bold;")
            self.message.setText(self._explain(exc))
            return None

    def _explain(self, exc: ConsoleError) -> str:
        wording = {
            "wakeup.group_unknown": self.tr("No guest in house belongs to group %1."),
            "wakeup.group_none": self.tr(
                "No room of %1 could be booked: each has a wake-up then or no guest."
            ),
            "wakeup.group_empty": self.tr("Type the rooms, for example: 1201 1202 1203"),
            "wakeup.group_large": self.tr("That is more rooms than a hotel has."),
            "wakeup.floor": self.tr("Not a floor: %1"),
            "wakeup.group_missing": self.tr("That group wake-up no longer exists."),
        }.get(exc.key)
        if wording is None:
            return explain(exc)
        value = exc.args_map.get("group") or exc.args_map.get("floor") or ""
        return wording.replace("%1", str(value))

    def book(self) -> None:
        qt = self.time.time()
        at = time(qt.hour(), qt.minute())
        kind = GroupKind(self.kind.currentData())
        key = self.key.text()
        due, ask = due_for(self._now(), at)
        if ask and self._tomorrow_asked != (kind.value, key, at):
            self._tomorrow_asked = (kind.value, key, at)  # the second Enter means tomorrow
            self.message.setStyleSheet("color: #e65100; font-weight: bold;")
            self.message.setText(
                self.tr("%1 has already passed today. Press Enter again to book it for tomorrow.").replace(
                    "%1", f"{at:%H:%M}"
                )
            )
            return
        self._tomorrow_asked = None
        result: GroupResult | None = self._try(
            lambda: self._book.book(
                kind, key, due, self._actor(), self.note.text(), personal=self.personal.isChecked()
            )
        )
        if result is None:
            return
        self._say(
            self.tr("Booked at %1 on %2, rooms: %3.")
            .replace("%1", f"{due:%H:%M}")
            .replace("%2", f"{due:%m-%d}")
            .replace("%3", str(len(result.done))),
            result,
        )
        self.key.clear()
        self.note.clear()
        self.personal.setChecked(False)
        self.refresh()
        self.key.setFocus()

    def move_selected(self) -> None:
        group = self.selected()
        if group is None:
            self.message.setText(self.tr("Choose a group in the list first."))
            return
        qt = self.move_time.time()
        due, _ask = due_for(self._now(), time(qt.hour(), qt.minute()))
        result: GroupResult | None = self._try(lambda: self._book.move(group.id, due, self._actor()))
        if result is not None:
            self._say(
                self.tr("Moved to %1 on %2, rooms: %3.")
                .replace("%1", f"{due:%H:%M}")
                .replace("%2", f"{due:%m-%d}")
                .replace("%3", str(len(result.done))),
                result,
            )
        self.refresh()

    def cancel_selected(self) -> None:
        group = self.selected()
        if group is None:
            self.message.setText(self.tr("Choose a group in the list first."))
            return
        result: GroupResult | None = self._try(lambda: self._book.cancel(group.id, self._actor()))
        if result is not None:
            self._say(self.tr("Cancelled, rooms: %1.").replace("%1", str(len(result.done))), result)
        self.refresh()

    def _say(self, text: str, result: GroupResult) -> None:
        warn = False
        if result.already_booked:
            text += " " + self.tr("Already booked at that time, left as it was: %1.").replace(
                "%1", ", ".join(result.already_booked)
            )
            warn = True
        if result.no_guest:
            text += " " + self.tr("No guest in house: %1.").replace("%1", ", ".join(result.no_guest))
            warn = True
        if result.under_way:
            text += " " + self.tr("Already under way, not changed: %1.").replace(
                "%1", ", ".join(result.under_way)
            )
            warn = True
        self.message.setStyleSheet("color: #e65100; font-weight: bold;" if warn else "color: #2e7d32;")
        self.message.setText(text)
