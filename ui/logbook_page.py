"""The shift LOG BOOK: write an entry (category, room, text, follow-up), read
and search (text, category, room, author, open follow-ups only), answer an
entry (resolve its follow-up, correct it, or, for duty managers, annotate it)
and export what the search shows. Entries are never edited away."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.auth import Permission, allowed
from switchboard.desk import EntryKind, Logbook, LogCategory, LogEntry, LogQuery
from switchboard.errors import ConsoleError, PermissionDenied
from switchboard.hotel import Actor
from ui.errors import attempt, explain, say_refused, take_refusal_away
from ui.off_gui import OffGuiRead, reading_label, said_as_today
from ui.placeholders import fit_placeholder
from ui.rows_model import RowsModel

ENTRY_COLUMN = 5


class LogbookPage(QWidget):
    def __init__(
        self, logbook: Logbook, actor: Callable[[], Actor], now: Callable[[], datetime], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self._actor = actor
        self._clock = now
        names = self.category_names()
        kinds = {
            EntryKind.ENTRY: "",
            EntryKind.CORRECTION: self.tr("correction of #%1"),
            EntryKind.RESOLUTION: self.tr("resolves #%1"),
            EntryKind.ANNOTATION: self.tr("duty manager on #%1"),
        }

        def cells(e: LogEntry) -> list[str]:
            refers = kinds[e.kind].replace("%1", str(e.corrects_id)) if e.corrects_id else ""
            follow = ""
            if e.follow_up:
                follow = self.tr("resolved") if e.resolved else self.tr("OPEN")
            return [
                f"#{e.id}",
                e.created_at.strftime("%m-%d %H:%M"),
                e.author,
                names[e.category],
                e.room,
                f"{refers}: {e.text}" if refers else e.text,
                follow,
            ]

        self.model: RowsModel[LogEntry] = RowsModel(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("By"),
                self.tr("Category"),
                self.tr("Room"),
                self.tr("Entry"),
                self.tr("Follow-up"),
            ],
            cells,
            lambda e: "#fff4d6" if e.follow_up and not e.resolved else ("#eeeeee" if e.shift_closed else ""),
            self,
        )
        self.category = QComboBox()
        self.category.setObjectName("logCategory")
        for category, name in names.items():
            self.category.addItem(name, category)
        self.room = QLineEdit()
        self.room.setObjectName("logRoom")
        self.room.setPlaceholderText(self.tr("Room (optional)"))
        self.room.setMaximumWidth(120)
        self.follow_up = QCheckBox(self.tr("Follow-up needed"))
        self.follow_up.setObjectName("logFollowUp")
        self.text = QPlainTextEdit()
        self.text.setObjectName("logText")
        self.text.setPlaceholderText(self.tr("What happened, what was done, what the next shift must know"))
        self.text.setMaximumHeight(80)
        self.due = QDateTimeEdit()
        self.due.setObjectName("logDue")
        self.due.setDisplayFormat("MM-dd HH:mm")
        self.due.setEnabled(False)
        self.assignee = QLineEdit()
        self.assignee.setObjectName("logAssignee")
        self.assignee.setPlaceholderText(self.tr("For whom (department or person)"))
        self.assignee.setEnabled(False)
        self.follow_up.toggled.connect(self.due.setEnabled)
        self.follow_up.toggled.connect(self.assignee.setEnabled)
        write = QPushButton(self.tr("&Write entry (Ctrl+Enter)"))
        write.setObjectName("logWrite")
        write.setShortcut("Ctrl+Return")
        self.message = QLabel()
        self.message.setObjectName("logMessage")

        self.find_text = QLineEdit()
        self.find_text.setObjectName("logFindText")
        self.find_text.setPlaceholderText(self.tr("Search the logbook"))
        self.find_category = QComboBox()
        self.find_category.setObjectName("logFindCategory")
        self.find_category.addItem(self.tr("All categories"), None)
        for category, name in names.items():
            self.find_category.addItem(name, category)
        self.find_room = QLineEdit()
        self.find_room.setObjectName("logFindRoom")
        self.find_room.setPlaceholderText(self.tr("Room"))
        self.find_room.setMaximumWidth(80)
        self.find_author = QLineEdit()
        self.find_author.setObjectName("logFindAuthor")
        self.find_author.setPlaceholderText(self.tr("Author"))
        self.find_author.setMaximumWidth(110)
        self.find_from = QDateEdit()
        self.find_from.setObjectName("logFindFrom")
        self.find_from.setDisplayFormat("yyyy-MM-dd")
        self.find_from.setSpecialValueText(self.tr("from any day"))
        self.find_from.setMinimumDate(QDate(2000, 1, 1))
        self.find_from.setDate(self.find_from.minimumDate())
        self.find_to = QDateEdit()
        self.find_to.setObjectName("logFindTo")
        self.find_to.setDisplayFormat("yyyy-MM-dd")
        self.find_to.setSpecialValueText(self.tr("to any day"))
        self.find_to.setMinimumDate(QDate(2000, 1, 1))
        self.find_to.setDate(self.find_to.minimumDate())
        self.open_only = QCheckBox(self.tr("Open follow-ups only"))
        self.open_only.setObjectName("logOpenOnly")
        export = QPushButton(self.tr("E&xport…"))
        export.setObjectName("logExport")

        self.answer = QLineEdit()
        self.answer.setObjectName("logAnswer")
        self.answer.setPlaceholderText(self.tr("Answer to the selected entry"))
        resolve = QPushButton(self.tr("&Resolve"))
        resolve.setObjectName("logResolve")
        correct = QPushButton(self.tr("C&orrect"))
        correct.setObjectName("logCorrect")
        annotate = QPushButton(self.tr("A&nnotate"))
        annotate.setObjectName("logAnnotate")

        fit_placeholder(self.room, self.assignee, self.find_room, self.find_author)
        self.view = QTableView()
        self.view.setObjectName("logView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        # Entries wrap in a column that takes the width left: read whole, no horizontal scrolling.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ENTRY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        for w in (self.category, self.room, self.follow_up, self.due, self.assignee, write):
            top.addWidget(w)
        top.addWidget(self.message, 1)
        find = QHBoxLayout()
        for w in (
            self.find_text,
            self.find_category,
            self.find_room,
            self.find_author,
            self.open_only,
            export,
        ):
            find.addWidget(w)
        # a busy night's search takes longer than a frame on PostgreSQL: read off the GUI thread
        self.reads = OffGuiRead(self, "logbook")
        self.exports = OffGuiRead(self, "logbook-export")
        find.addWidget(reading_label(self.reads, self.exports))
        answers = QHBoxLayout()
        for w in (self.answer, resolve, correct, annotate):
            answers.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addLayout(find)
        layout.addWidget(self.view, 1)
        layout.addLayout(answers)
        write.clicked.connect(self.write)
        self.find_text.returnPressed.connect(self.refresh)
        self.find_room.returnPressed.connect(self.refresh)
        self.find_author.returnPressed.connect(self.refresh)
        self.find_category.currentIndexChanged.connect(self.refresh)
        self.open_only.toggled.connect(self.refresh)
        self.find_from.dateChanged.connect(self.refresh)
        self.find_to.dateChanged.connect(self.refresh)
        export.clicked.connect(self.export)
        resolve.clicked.connect(lambda: self._answer(self._logbook.resolve))
        correct.clicked.connect(lambda: self._answer(self._logbook.correct))
        annotate.clicked.connect(lambda: self._answer(self._logbook.annotate))
        self.follow_up.toggled.connect(self._due_default)
        # offered to the roles the services would let do them (they refuse the others anyway)
        self._gated = (
            (write, Permission.WRITE_LOGBOOK),
            (export, Permission.REVIEW_LOGBOOK),
            (resolve, Permission.WRITE_LOGBOOK),
            (correct, Permission.WRITE_LOGBOOK),
            (annotate, Permission.ANNOTATE_LOGBOOK),
        )
        self.refresh()

    def _due_default(self, on: bool) -> None:
        if on:
            at = self._clock() + timedelta(hours=2)
            self.due.setDateTime(QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)))

    def category_names(self) -> dict[LogCategory, str]:
        return {
            LogCategory.GUEST_REQUEST: self.tr("Guest request"),
            LogCategory.COMPLAINT: self.tr("Complaint"),
            LogCategory.MAINTENANCE: self.tr("Maintenance"),
            LogCategory.SECURITY: self.tr("Security"),
            LogCategory.VIP: self.tr("VIP"),
            LogCategory.WAKEUP: self.tr("Wake-up"),
            LogCategory.OTHER: self.tr("Other"),
        }

    def _day(self, edit: QDateEdit, days_after: int = 0) -> datetime | None:
        if edit.date() == edit.minimumDate():
            return None
        qd = edit.date()
        day = datetime(qd.year(), qd.month(), qd.day(), tzinfo=self._zone()) + timedelta(days=days_after)
        return day

    def _zone(self) -> tzinfo | None:
        return self._clock().tzinfo

    def query(self) -> LogQuery:
        category = self.find_category.currentData()
        return LogQuery(
            since=self._day(self.find_from),
            until=self._day(self.find_to, 1),
            text=self.find_text.text(),
            category=category if isinstance(category, LogCategory) else None,
            room=self.find_room.text(),
            author=self.find_author.text(),
            open_only=self.open_only.isChecked(),
        )

    def refresh(self) -> None:
        """Read again as the user signed in (also when the user changes), and offer what their role may do."""
        actor = self._actor()
        for button, permission in self._gated:
            button.setEnabled(allowed(actor, permission))
        query, logbook = self.query(), self._logbook
        self.reads.run(lambda: logbook.search(query, actor, limit=500), self._found, self._not_found)

    def _found(self, entries: Sequence[LogEntry]) -> None:
        take_refusal_away(self.message)
        self.model.set_rows(list(entries))

    def _not_found(self, error: BaseException) -> None:
        if isinstance(error, PermissionDenied):
            refused = self.tr("The logbook is for operators and duty managers: your role does not read it.")
            say_refused(self.message, refused, error)
            self.model.set_rows([])
            return
        if isinstance(error, ConsoleError):
            self.message.setText(explain(error))
        said_as_today(error)  # the database away: its lamp and banner too; the rows shown stay

    def write(self) -> None:
        category = self.category.currentData()
        written = attempt(
            self.message,
            lambda: self._logbook.write(
                category,
                self.text.toPlainText(),
                self._actor(),
                self.room.text(),
                self.follow_up.isChecked(),
                self._due() if self.follow_up.isChecked() else None,
                self.assignee.text() if self.follow_up.isChecked() else "",
            ),
        )
        if written is not None:
            self.message.setText(self.tr("Written as #%1.").replace("%1", str(written.id)))
            self.text.clear()
            self.room.clear()
            self.follow_up.setChecked(False)
            self.refresh()

    def _due(self) -> datetime:
        qdt = self.due.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._zone())

    def selected(self) -> LogEntry | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _answer(self, action: Callable[[int, str, Actor], LogEntry]) -> None:
        entry = self.selected()
        if entry is None:
            self.message.setText(self.tr("Select an entry first."))
            return
        done = attempt(self.message, lambda: action(entry.id, self.answer.text(), self._actor()))
        if done is not None:
            self.message.setText(self.tr("Written as #%1.").replace("%1", str(done.id)))
            self.answer.clear()
            self.refresh()

    def export_to(self, path: Path) -> int:
        return _export(self._logbook, self.query(), self._actor(), path)

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the logbook"), "logbook.csv", "CSV (*.csv)"
        )
        if name:
            self.export_in_background(Path(name))

    def export_in_background(self, path: Path) -> None:
        """Read and write the export off the GUI thread; the message line says how many entries."""
        query, actor, logbook = self.query(), self._actor(), self._logbook
        self.exports.run(lambda: _export(logbook, query, actor, path), self._exported, self._not_exported)

    def _exported(self, rows: int) -> None:
        self.message.setText(self.tr("%1 entries exported.").replace("%1", str(rows)))

    def _not_exported(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(error)))
        elif isinstance(error, ConsoleError):  # a role that may not export the logbook, the database away
            self.message.setText(explain(error))
        else:
            said_as_today(error)


def _export(logbook: Logbook, query: LogQuery, actor: Actor, path: Path) -> int:
    text = logbook.export_csv(query, actor)  # duty managers and administrators
    path.write_text(text, encoding="utf-8-sig")  # with a BOM, so spreadsheet programs read the Chinese
    return max(0, len(text.splitlines()) - 1)
