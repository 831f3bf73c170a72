"""Wake-up calls: book (room, time, once or daily, language, note), the list, and the calls that
need a person.

The dialler process places the calls; this page shows how each is going. A call
that no attempt confirmed, or that came due while no dialler could reach the
PBX, turns red at the top and raises ``waiting_for_a_person`` (the window shows
an alarm band on every console) until someone records what was done: F2 calls
the room from the position, F4 records who was sent to the door.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.desk import WakeUpBook, WakeUpView
from switchboard.errors import DatabaseUnavailable
from switchboard.hotel import Actor
from switchboard.wakeup_groups import PERSONAL_BACKUP, PersonalWakeUps, WakeUpGroupBook
from switchboard.wakeup_status import WakeUpStatus
from ui.errors import attempt, shown_to_role
from ui.placeholders import fit_placeholder
from ui.rows_model import RowsModel
from ui.wakeup_booking import WakeUpBookingForm
from ui.wakeup_groups import WakeUpGroupPanel
from ui.wakeup_personal import PersonalWakeUpBand

log = logging.getLogger(__name__)

CHECK_MS = 5000
DIALLER_STALE = timedelta(seconds=20)
URGENT = (WakeUpStatus.MANUAL, WakeUpStatus.ESCALATED)


class WakeUpPage(QWidget):
    due = Signal(list)  # rooms whose wake-up is now on the manual list
    waiting_for_a_person = Signal(list)  # every room whose wake-up needs a person now (empty: none)

    def __init__(
        self,
        book: WakeUpBook,
        actor: Callable[[], Actor],
        now: Callable[[], datetime],
        *,
        per_minute: int = 6,
        dial: Callable[[str], str] | None = None,
        dnd_of: Callable[[str], tuple[bool, datetime | None]] = lambda _room: (False, None),
        groups: WakeUpGroupBook | None = None,
        personal: PersonalWakeUps | None = None,
        personal_backup: timedelta = PERSONAL_BACKUP,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self._now = now
        self._per_minute = per_minute
        self._dial = dial
        self._dnd_of = dnd_of
        self.model: RowsModel[WakeUpView] = RowsModel(
            [
                self.tr("Time"),
                self.tr("Room"),
                self.tr("Guest"),
                self.tr("Status"),
                self.tr("Attempts"),
                self.tr("Repeat"),
                self.tr("Language"),
                self.tr("Note"),
                self.tr("Booked by"),
            ],
            self._cells,
            self._colour,
            self,
        )
        self.dialler = QLabel()
        self.dialler.setObjectName("wakeupDialler")
        self.message = QLabel()
        self.message.setObjectName("wakeupMessage")
        self.message.setWordWrap(True)
        self.booking = WakeUpBookingForm(
            book,
            actor,
            self.message,
            self.refresh,
            per_minute=per_minute,
            dnd_of=dnd_of,
            in_person=personal is not None,
            parent=self,
        )
        form = self.booking
        self.room, self.time, self.note, self.tomorrow = form.room, form.time, form.note, form.tomorrow
        self.daily, self.language, self.in_person = form.daily, form.language, form.in_person
        cancel = QPushButton(self.tr("&Cancel selected"))
        cancel.setObjectName("wakeupCancel")
        self.view = QTableView()
        self.view.setObjectName("wakeupView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.attempts = QLabel()
        self.attempts.setObjectName("wakeupAttempts")
        self.urgent = self._urgent_bar()
        fit_placeholder(self.room, self.note, self.who)
        actions = QHBoxLayout()
        actions.addWidget(cancel)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.tomorrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dialler)
        layout.addWidget(self.urgent)
        self.personal = PersonalWakeUpBand(personal, actor, backup=personal_backup) if personal else None
        if self.personal is not None:
            layout.addWidget(self.personal)  # Ctrl+Shift+P is the window's (console/wakeups.py)
            self.personal.said.connect(self._said_in_person)
        layout.addWidget(form)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.attempts)
        self.groups = WakeUpGroupPanel(groups, actor, now, personal=personal is not None) if groups else None
        if self.groups is not None:
            layout.addWidget(self.groups, 1)
        QShortcut(QKeySequence("Ctrl+L"), self, self.enter_list)
        cancel.clicked.connect(self.cancel_selected)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_attempts())
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_due)
        self._timer.start(CHECK_MS)
        self.refresh()

    def _urgent_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("wakeupUrgent")
        bar.setStyleSheet("#wakeupUrgent { background: #c62828; } #wakeupUrgent QLabel { color: white; }")
        self.urgent_text = QLabel()
        self.urgent_text.setObjectName("wakeupUrgentText")
        call = QPushButton(self.tr("Call the room (F2)"))
        call.setObjectName("wakeupCallRoom")
        woken = QPushButton(self.tr("Guest is awake"))
        woken.setObjectName("wakeupWoken")
        self.who = QLineEdit()
        self.who.setObjectName("wakeupWho")
        self.who.setPlaceholderText(self.tr("Who goes to the door (F4)"))
        self.who.setMinimumWidth(220)
        sent = QPushButton(self.tr("Sent"))
        sent.setObjectName("wakeupSent")
        row = QHBoxLayout(bar)
        row.addWidget(self.urgent_text, 1)
        for w in (call, woken, self.who, sent):
            row.addWidget(w)
        call.clicked.connect(self.call_room)
        woken.clicked.connect(lambda: self.record(self.tr("guest woken by the operator's call")))
        sent.clicked.connect(self.record_sent)
        self.who.returnPressed.connect(self.record_sent)
        bar.setVisible(False)
        return bar

    # --- the list ------------------------------------------------------------------------
    def _cells(self, w: WakeUpView) -> list[str]:
        return [
            w.due_at.strftime("%m-%d %H:%M"),
            w.room,
            w.guest,
            self._status(w.status) + (self.tr(" · in person") if w.personal else ""),
            str(w.attempts) if w.attempts else "",
            self.tr("daily") if w.repeat == "daily" else "",
            w.language,
            w.note,
            w.booked_by,
        ]

    def _status(self, status: WakeUpStatus) -> str:
        return {
            WakeUpStatus.BOOKED: self.tr("booked"),
            WakeUpStatus.MANUAL: self.tr("DUE: call the room now"),
            WakeUpStatus.ESCALATED: self.tr("NOT CONFIRMED: call or send someone"),
            WakeUpStatus.DIALLING: self.tr("calling"),
            WakeUpStatus.RETRY_WAIT: self.tr("will call again"),
            WakeUpStatus.HANDED_TO_PBX: self.tr("with the PBX"),
        }.get(status, status.value)

    @staticmethod
    def _colour(w: WakeUpView) -> str:
        if w.status in URGENT:
            return "#ffb3b3"
        return "#fff3c4" if w.status in (WakeUpStatus.DIALLING, WakeUpStatus.RETRY_WAIT) else ""

    def refresh(self) -> None:
        shown = shown_to_role(
            self.message,
            self.tr("The wake-up calls are not shown to your role."),
            lambda: self._book.upcoming(self._actor()),
        )
        calls = list(shown or [])
        urgent = [c for c in calls if c.status in URGENT]
        if shown is None:  # refused or nobody signed in: the list is hidden, the alarm is not
            urgent = list(self._book.needing_a_person())
        self.model.set_rows(urgent + [c for c in calls if c not in urgent])
        self.view.resizeColumnsToContents()
        self._show_dialler()
        self._show_urgent(urgent)
        for part in (self.personal, self.groups):
            if part is not None:
                part.refresh()
        self.waiting_for_a_person.emit([c.room for c in urgent])

    def _show_dialler(self) -> None:
        state = self._book.dialler()
        if state is None or self._now() - state.beat_at > DIALLER_STALE:
            self.dialler.setText(
                self.tr("Wake-up dialler not running: calls that fall due come to you on this list.")
            )
            self.dialler.setStyleSheet("color: #b71c1c; font-weight: bold;")
        elif not state.pbx_up:
            self.dialler.setText(self.tr("Wake-up dialler cannot reach the PBX: due calls come to you."))
            self.dialler.setStyleSheet("color: #b71c1c; font-weight: bold;")
        else:
            self.dialler.setText(
                self.tr("Wake-up dialler running: %1 of %2 lines in use.")
                .replace("%1", str(state.busy))
                .replace("%2", str(state.lines))
            )
            self.dialler.setStyleSheet("color: #2e7d32;")

    def _show_urgent(self, urgent: list[WakeUpView]) -> None:
        self.urgent.setVisible(bool(urgent))
        if urgent:
            first = urgent[0]
            self.urgent_text.setText(
                self.tr("Room %1 %2, due %3: %4 (%5 more waiting)")
                .replace("%1", first.room)
                .replace("%2", first.guest)
                .replace("%3", first.due_at.strftime("%H:%M"))
                .replace("%4", self._status(first.status))
                .replace("%5", str(len(urgent) - 1))
                .replace("  ", " ")
                .replace(" ,", ",")  # no guest named while nobody is signed in
            )

    def _show_attempts(self) -> None:
        call = self.selected()
        if call is None or not call.attempts:
            self.attempts.clear()
            return
        tried = self._book.attempts(call.id)
        self.attempts.setText(
            self.tr("Attempts for room %1: ").replace("%1", call.room)
            + "; ".join(f"{a.attempt_no}. {a.started_at:%H:%M:%S} {a.result or '…'}" for a in tried)
        )

    def check_due(self) -> None:
        """Every few seconds. With the database away there is nothing to read: the DATABASE lamp's own
        probe says so within seconds, and calls the dialler escalates meanwhile reach the alarm band
        from its list for a person, so this round waits for the next instead of raising each time."""
        try:
            due = list(self._book.escalate_due())
            self.refresh()
        except DatabaseUnavailable as exc:
            log.info("wake-up round skipped, the database is away: %s", exc.key)
            return
        if due:
            self.due.emit([w.room for w in due])
        if self.urgent.isVisible():
            QApplication.beep()  # every few seconds until a person has dealt with it

    # --- booking (ui/wakeup_booking.py) -------------------------------------------------
    def book(self, *, tomorrow: bool = False) -> None:
        self.booking.book(tomorrow=tomorrow)

    def book_tomorrow(self) -> None:
        self.booking.book_tomorrow()

    def enter_list(self) -> None:
        self.booking.enter_list()

    # --- acting on a call ----------------------------------------------------------------
    def selected(self) -> WakeUpView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def most_urgent(self) -> WakeUpView | None:
        """The selected call if it needs a person, else the first one that does."""
        chosen = self.selected()
        if chosen is not None and chosen.status in URGENT:
            return chosen
        rows = (self.model.row(i) for i in range(self.model.rowCount()))
        return next((row for row in rows if row is not None and row.status in URGENT), None)

    def cancel_selected(self) -> None:
        call = self.selected()
        if call is None:
            return
        if attempt(self.message, lambda: self._book.cancel(call.id, call.version, self._actor())) is not None:
            self.message.setText(self.tr("Cancelled: room %1").replace("%1", call.room))
        self.refresh()

    def call_room(self) -> None:
        call = self.most_urgent()
        if call is None:
            self.message.setText(self.tr("No wake-up call is waiting for a person."))
            return
        if self._dial is None:
            self.message.setText(self.tr("Call room %1 on your telephone.").replace("%1", call.extension))
            return
        if attempt(self.message, lambda: self._dial(call.extension) if self._dial else "") is not None:
            self.message.setText(
                self.tr("Calling room %1. When the guest is awake, press “Guest is awake”.").replace(
                    "%1", call.room
                )
            )

    def called_in_person(self) -> None:
        if self.personal is not None:
            self._said_in_person(self.personal.mark_done())

    def _said_in_person(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def send_someone(self) -> None:
        if self.most_urgent() is not None:
            self.who.setFocus()

    def record_sent(self) -> None:
        who = self.who.text().strip()
        if not who:
            self.who.setFocus()
            return
        if self.record(self.tr("sent %1 to the door").replace("%1", who)):
            self.who.clear()

    def record(self, outcome: str) -> bool:
        call = self.most_urgent()
        if call is None:
            return False
        done = attempt(
            self.message, lambda: self._book.mark_done(call.id, call.version, self._actor(), outcome)
        )
        if done is not None:
            self.message.setText(self.tr("Room %1: %2").replace("%1", call.room).replace("%2", outcome))
        self.refresh()
        return done is not None
