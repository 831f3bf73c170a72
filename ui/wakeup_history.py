"""Wake-up history: every call of a day whatever became of it (confirmed, not answered and handled
by a person, cancelled, still open) with its attempts, for the morning audit; and the morning-call
list printed from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor
from switchboard.wakeup_history import WakeUpHistory, WakeUpRecord
from switchboard.wakeup_status import WakeUpStatus
from ui.errors import explain, say_refused, take_refusal_away
from ui.off_gui import OffGuiRead, reading_label, said_as_today
from ui.print_lists import attempts_text, morning_calls_html, outcome_text, wakeup_status_name
from ui.rows_model import RowsModel

COLOURS = {
    WakeUpStatus.CONFIRMED: "#e8f5e9",
    WakeUpStatus.HANDLED: "#fff3c4",
    WakeUpStatus.ESCALATED: "#ffb3b3",
    WakeUpStatus.MANUAL: "#ffb3b3",
    WakeUpStatus.CANCELLED: "#eeeeee",
}

if TYPE_CHECKING:  # QtPrintSupport loads when something is printed, not at start
    from PySide6.QtPrintSupport import QPrintDialog


class WakeUpHistoryPage(QWidget):
    def __init__(
        self,
        history: WakeUpHistory,
        actor: Callable[[], Actor],
        now: Callable[[], datetime],
        hotel: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._actor = actor
        self._now = now
        self._hotel = hotel
        self.print_dialog: QPrintDialog | None = None
        self.model: RowsModel[WakeUpRecord] = RowsModel(
            [
                self.tr("Time"),
                self.tr("Room"),
                self.tr("Guest"),
                self.tr("Result"),
                self.tr("Attempts"),
                self.tr("Handled"),
                self.tr("Note"),
            ],
            self._cells,
            lambda r: COLOURS.get(r.call.status, ""),
            self,
        )
        today = now().date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setObjectName("wakeupHistoryDay")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(self.refresh)
        print_button = QPushButton(self.tr("&Print the morning-call list…"))
        print_button.setObjectName("wakeupHistoryPrint")
        print_button.clicked.connect(self.print_list)
        self.summary = QLabel()
        self.summary.setObjectName("wakeupHistorySummary")
        self.message = QLabel()
        self.message.setObjectName("wakeupHistoryMessage")
        self.view = QTableView()
        self.view.setObjectName("wakeupHistoryView")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Calls due on")))
        bar.addWidget(self.day)
        bar.addWidget(print_button)
        bar.addWidget(self.summary, 1)
        self.reads = OffGuiRead(self, "wakeup-history")  # a busy day's calls take longer than a frame
        bar.addWidget(reading_label(self.reads))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.refresh()

    def _cells(self, r: WakeUpRecord) -> list[str]:
        return [
            f"{r.call.due_at:%H:%M}",
            r.call.room,
            self.tr("(privacy)") if r.private else r.call.guest,
            wakeup_status_name(r.call.status),
            attempts_text(r),
            outcome_text(r),
            r.call.note,
        ]

    def period(self) -> tuple[datetime, datetime]:
        qd = self.day.date()
        day = date(qd.year(), qd.month(), qd.day())
        since = datetime.combine(day, datetime.min.time(), self._now().tzinfo)
        return since, since + timedelta(days=1)

    def records(self) -> list[WakeUpRecord]:
        return list(self._history.between(*self.period(), self._actor()))

    def refresh(self) -> None:
        """Read the day's calls off the GUI thread; the page shows them when they come."""
        period, actor, history = self.period(), self._actor(), self._history
        self.reads.run(lambda: list(history.between(*period, actor)), self._show, self._not_shown)

    def _not_shown(self, error: BaseException) -> None:
        if not isinstance(error, PermissionDenied):
            said_as_today(error)  # the database away: its lamp and banner; the rows shown stay
            return
        say_refused(self.message, self.tr("The wake-up history is not shown to your role."), error)
        self.model.set_rows([])
        self.summary.clear()

    def _show(self, records: list[WakeUpRecord]) -> None:
        take_refusal_away(self.message)
        self.model.set_rows(records)
        count = {s: sum(1 for r in records if r.call.status is s) for s in WakeUpStatus}
        self.summary.setText(
            self.tr("%1 calls: %2 confirmed, %3 handled by a person, %4 not answered, %5 open")
            .replace("%1", str(len(records)))
            .replace("%2", str(count[WakeUpStatus.CONFIRMED]))
            .replace("%3", str(count[WakeUpStatus.HANDLED]))
            .replace("%4", str(count[WakeUpStatus.ESCALATED] + count[WakeUpStatus.MANUAL]))
            .replace(
                "%5",
                str(
                    count[WakeUpStatus.BOOKED]
                    + count[WakeUpStatus.DIALLING]
                    + count[WakeUpStatus.RETRY_WAIT]
                    + count[WakeUpStatus.HANDED_TO_PBX]
                ),
            )
        )

    def html(self) -> str:
        try:
            records = self.records()
        except PermissionDenied as exc:  # said on the page's message line, as a printer's fault is
            raise OSError(explain(exc)) from exc
        return morning_calls_html(records, self._hotel, self.day.date().toString("yyyy-MM-dd"), self._now())

    def print_list(self) -> None:
        from ui.print_job import offer_print

        self.print_dialog = offer_print(self, self.tr("Morning-call list"), self.html, self._printed)

    def _printed(self, error: str) -> None:
        self.message.setText(
            self.tr("Not printed: %1").replace("%1", error) if error else self.tr("Sent to the printer.")
        )
