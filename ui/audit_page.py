"""The audit trail for duty managers and administrators: who did what, when, from where.

Search by user, time range, kind of change and room; save what is shown as CSV.  The page only asks:
the service (``db.audit_trail.SqlAuditTrail``, bound to the signed-in user by the composition root)
refuses anyone whose role may not read the trail, and the page shows that refusal.  A broken hash
chain (``db.chain.verify_log``) is shown at the top as an alarm naming the first altered row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.audit_trail import AuditQuery, AuditRecord
from switchboard.errors import ConsoleError
from ui.rows_model import RowsModel

Search = Callable[[AuditQuery], Sequence[AuditRecord]]
Export = Callable[[AuditQuery], str]


def detail_text(record: AuditRecord) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(record.detail.items()))


class AuditPage(QWidget):
    def __init__(
        self,
        search: Search,
        export: Export,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._export = export
        self._now = now
        today = now().date()
        self.user = QLineEdit()
        self.user.setObjectName("auditUser")
        self.kind = QLineEdit()
        self.kind.setObjectName("auditKind")
        self.kind.setPlaceholderText(self.tr("e.g. logbook, signin, settings, stay"))
        self.room = QLineEdit()
        self.room.setObjectName("auditRoom")
        self.since = QDateEdit(QDate(today.year, today.month, today.day).addDays(-7))
        self.since.setObjectName("auditSince")
        self.since.setCalendarPopup(True)
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        self.until.setObjectName("auditUntil")
        self.until.setCalendarPopup(True)
        form = QFormLayout()
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Kind of change"), self.kind)
        form.addRow(self.tr("&Room"), self.room)
        form.addRow(self.tr("&From"), self.since)
        form.addRow(self.tr("&To (inclusive)"), self.until)
        find = QPushButton(self.tr("&Search"))
        find.setObjectName("auditSearch")
        find.clicked.connect(self.refresh)
        save = QPushButton(self.tr("Save as &CSV…"))
        save.setObjectName("auditSave")
        save.clicked.connect(self.save)
        for box in (self.user, self.kind, self.room):
            box.returnPressed.connect(self.refresh)
        self.alarm = QLabel()
        self.alarm.setObjectName("auditAlarm")
        self.alarm.setStyleSheet("color: #b00020; font-weight: bold")
        self.alarm.hide()
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.model: RowsModel[AuditRecord] = RowsModel(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Position"),
                self.tr("Change"),
                self.tr("What"),
                self.tr("Details"),
            ],
            lambda r: [
                f"{r.at:%Y-%m-%d %H:%M:%S}",
                r.user,
                r.position,
                r.action,
                f"{r.entity} {r.entity_id}".strip(),
                detail_text(r),
            ],
            None,
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("auditView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        buttons.addWidget(find)
        buttons.addWidget(save)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.alarm)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view)

    def query(self) -> AuditQuery:
        zone = self._now().tzinfo
        since = self.since.date().toPython()
        until = self.until.date().toPython()
        return AuditQuery(
            user=self.user.text(),
            since=datetime.combine(since, time(0, 0), zone),  # type: ignore[arg-type]
            until=datetime.combine(until, time(0, 0), zone) + timedelta(days=1),  # type: ignore[arg-type]
            kind=self.kind.text().strip(),
            room=self.room.text().strip(),
        )

    def refresh(self) -> None:
        try:
            records = self._search(self.query())
        except ConsoleError as exc:
            self.message.setText(str(exc))
            self.model.set_rows([])
            return
        self.model.set_rows(records)
        self.message.setText(self.tr("Changes found: %1").replace("%1", str(len(records))))

    def show_broken_chain(self, first_altered: str) -> None:
        """The alarm for duty managers: the log was changed behind the console's back."""
        self.alarm.setText(
            self.tr("The log has been altered outside the console: %1").replace("%1", first_altered)
        )
        self.alarm.show()

    def save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the audit trail"),
            str(Path.home() / f"audit-{self._now():%Y%m%d}.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if name:
            self.write_csv(Path(name))

    def write_csv(self, path: Path) -> bool:
        try:
            text = self._export(self.query())
            path.write_text(text, encoding="utf-8-sig")  # the BOM lets spreadsheet programs read Chinese
        except (ConsoleError, OSError) as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True
