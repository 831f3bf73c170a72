"""The daily information board: notices (weather, events), today's and
tomorrow's arrivals with VIPs first, room moves, DND rooms, whereabouts, the
duty manager, and the shift's timed duties to tick off."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from switchboard.auth import Permission, allowed
from switchboard.board import BoardSource, DailyBoard
from switchboard.duties import Duty, DutyList, DutyState
from switchboard.handover import Handover
from switchboard.hotel import Actor
from switchboard.shifts import ShiftSlot
from ui.errors import attempt, shown_to_role
from ui.placeholders import fit_placeholder
from ui.rows_model import RowsModel

REFRESH_MS = 60_000


class BoardPage(QWidget):
    def __init__(
        self,
        board: BoardSource,
        duties: DutyList,
        shift: Callable[[], ShiftSlot],
        actor: Callable[[], Actor],
        *,
        chinese: bool = False,
        pending_handovers: Callable[[Actor], Sequence[Handover]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._duties = duties
        self._shift = shift
        self._actor = actor
        self._chinese = chinese
        self._pending = pending_handovers
        self.text = QTextBrowser()
        self.text.setObjectName("boardText")
        self.duty_model: RowsModel[Duty] = RowsModel(
            [self.tr("Due"), self.tr("Duty"), self.tr("State"), self.tr("Done by")],
            lambda d: [
                f"{d.due_at:%H:%M}",
                d.name_zh if chinese and d.name_zh else d.name,
                self._state(d.state),
                f"{d.done_by} {d.done_at:%H:%M}" if d.done_at else "",
            ],
            lambda d: {DutyState.DUE: "#ffe0a0", DutyState.MISSED: "#ffb3b3", DutyState.DONE: "#dff0d8"}.get(
                d.state, ""
            ),
            self,
        )
        self.duty_view = QTableView()
        self.duty_view.setObjectName("dutyView")
        self.duty_view.setModel(self.duty_model)
        self.duty_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.duty_view.verticalHeader().hide()
        self.duty_name = QLineEdit()
        self.duty_name.setObjectName("dutyName")
        self.duty_name.setPlaceholderText(self.tr("New duty (duty managers)"))
        self.duty_name_zh = QLineEdit()
        self.duty_name_zh.setObjectName("dutyNameZh")
        self.duty_name_zh.setPlaceholderText(self.tr("In Chinese"))
        self.duty_shift = QComboBox()
        self.duty_shift.setObjectName("dutyShift")
        for code, label in (
            ("early", self.tr("Early")),
            ("mid", self.tr("Mid")),
            ("night", self.tr("Night")),
        ):
            self.duty_shift.addItem(label, code)
        self.duty_time = QLineEdit()
        self.duty_time.setObjectName("dutyTime")
        self.duty_time.setPlaceholderText(self.tr("HH:MM"))
        self.duty_time.setMaximumWidth(60)
        self.duty_season = QComboBox()
        self.duty_season.setObjectName("dutySeason")
        for code, label in (
            ("all", self.tr("All year")),
            ("summer", self.tr("Summer")),
            ("winter", self.tr("Winter")),
        ):
            self.duty_season.addItem(label, code)
        define = QPushButton(self.tr("Add duty"))
        define.setObjectName("dutyDefine")
        define.clicked.connect(self.define_duty)
        retire = QPushButton(self.tr("Retire selected"))
        retire.setObjectName("dutyRetire")
        retire.clicked.connect(self.retire_selected)
        tick = QPushButton(self.tr("&Tick off the selected duty"))
        tick.setObjectName("dutyTick")
        tick.clicked.connect(self.tick_selected)
        self.kind = QComboBox()
        self.kind.setObjectName("noticeKind")
        for code, label in (
            ("weather", self.tr("Weather")),
            ("event", self.tr("Event")),
            ("note", self.tr("Note")),
        ):
            self.kind.addItem(label, code)
        self.at_time = QLineEdit()
        self.at_time.setObjectName("noticeTime")
        self.at_time.setPlaceholderText(self.tr("HH:MM"))
        self.at_time.setMaximumWidth(70)
        self.notice = QLineEdit()
        self.notice.setObjectName("noticeText")
        self.notice.setPlaceholderText(self.tr("Weather, an event in the ballroom, a note for every shift…"))
        add = QPushButton(self.tr("&Add to the board"))
        add.setObjectName("noticeAdd")
        add.clicked.connect(self.add_notice)
        self.notice.returnPressed.connect(self.add_notice)
        self.message = QLabel()
        self.message.setObjectName("boardMessage")
        form = QHBoxLayout()
        for w in (self.kind, self.at_time, self.notice, add):
            form.addWidget(w)
        right = QWidget()
        duties_layout = QVBoxLayout(right)
        duties_layout.setContentsMargins(0, 0, 0, 0)
        duties_layout.addWidget(QLabel(self.tr("Timed duties of this shift")))
        duties_layout.addWidget(self.duty_view, 1)
        duties_layout.addWidget(tick)
        editor = QHBoxLayout()
        for w in (self.duty_name, self.duty_name_zh, self.duty_shift, self.duty_time, self.duty_season):
            editor.addWidget(w)
        duties_layout.addLayout(editor)
        managing = QHBoxLayout()
        managing.addWidget(define)
        managing.addWidget(retire)
        duties_layout.addLayout(managing)
        split = QSplitter()
        split.addWidget(self.text)
        split.addWidget(right)
        split.setSizes([700, 450])
        fit_placeholder(self.duty_name_zh, self.duty_time, self.at_time)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.refresh()

    def _state(self, state: DutyState) -> str:
        return {
            DutyState.UPCOMING: self.tr("later"),
            DutyState.DUE: self.tr("DUE NOW"),
            DutyState.DONE: self.tr("done"),
            DutyState.MISSED: self.tr("MISSED"),
        }[state]

    def refresh(self) -> None:
        board = shown_to_role(
            self.message,
            self.tr("The daily board is not shown to your role."),
            lambda: self._board.today(self._actor()),
        )
        self.text.setHtml(self.html(board) if board is not None else "")
        self.duty_model.set_rows(self._duties.for_shift(self._shift()))
        self.duty_view.resizeColumnsToContents()

    def html(self, b: DailyBoard) -> str:
        none = escape(self.tr("none"))
        heading = escape(self.tr("Daily information"))

        def section(title: str, lines: list[str]) -> str:
            body = "".join(f"<li>{line}</li>" for line in lines) or f"<li><i>{none}</i></li>"
            return f"<h3>{escape(title)}</h3><ul>{body}</ul>"

        notices = [f"<b>{escape(t)}</b> {escape(text)}" if t else escape(text) for _k, t, text in b.notices]
        arrivals = [
            ("★" * a.vip_level + " " if a.vip_level else "")
            + escape(f"{a.name} {a.title} · {a.room or '-'} · {a.arrival:%m-%d}")
            + (escape(f" · {a.companions}") if a.companions else "")
            + (f" <i>{escape(a.note)}</i>" if a.note else "")
            for a in b.arrivals
        ]
        parts = [
            f"<h2>{heading} {b.day:%Y-%m-%d}</h2>",
            section(self.tr("Duty manager"), [escape(b.duty_manager)] if b.duty_manager else []),
            section(self.tr("Weather and events"), notices),
            section(self.tr("Arrivals today and tomorrow (VIP first)"), arrivals),
            section(self.tr("Room moves today"), [escape(m) for m in b.room_moves]),
            section(self.tr("Rooms on DND"), [escape(", ".join(b.dnd_rooms))] if b.dnd_rooms else []),
            section(self.tr("Guests' whereabouts"), [escape(w) for w in b.whereabouts]),
        ]
        if self._pending is not None and allowed(self._actor(), Permission.READ_LOGBOOK):
            waiting = self.tr("%1 by %2: %3 items not acknowledged")
            parts.append(
                section(
                    self.tr("Handovers not yet acknowledged"),
                    [
                        escape(
                            waiting.replace("%1", h.from_shift)
                            .replace("%2", h.composed_by)
                            .replace("%3", str(len(h.pending)))
                        )
                        for h in self._pending(self._actor())
                    ],
                )
            )
        return "".join(parts)

    def add_notice(self) -> None:
        def add() -> bool:
            self._board.add_notice(
                str(self.kind.currentData()), self.at_time.text(), self.notice.text(), self._actor()
            )
            return True

        if attempt(self.message, add):
            self.message.setText(self.tr("Added."))
            self.notice.clear()
            self.at_time.clear()
            self.refresh()

    def tick_selected(self) -> None:
        index = self.duty_view.currentIndex()
        duty = self.duty_model.row(index.row()) if index.isValid() else None
        if duty is None:
            self.message.setText(self.tr("Select a duty first."))
            return

        def tick() -> bool:
            self._duties.tick(duty.id, self._shift(), self._actor())
            return True

        if attempt(self.message, tick):
            self.message.setText(self.tr("Ticked off: %1").replace("%1", duty.name))
            self.refresh()

    def define_duty(self) -> None:
        def define() -> bool:
            self._duties.define(
                self.duty_name.text(),
                self.duty_name_zh.text(),
                str(self.duty_shift.currentData()),
                self.duty_time.text(),
                str(self.duty_season.currentData()),
                self._actor(),
            )
            return True

        if attempt(self.message, define):
            self.message.setText(self.tr("Duty added."))
            self.duty_name.clear()
            self.duty_name_zh.clear()
            self.duty_time.clear()
            self.refresh()

    def retire_selected(self) -> None:
        index = self.duty_view.currentIndex()
        duty = self.duty_model.row(index.row()) if index.isValid() else None
        if duty is None:
            self.message.setText(self.tr("Select a duty first."))
            return

        def retire() -> bool:
            self._duties.retire(duty.id, self._actor())
            return True

        if attempt(self.message, retire):
            self.message.setText(self.tr("Retired: %1").replace("%1", duty.name))
            self.refresh()
