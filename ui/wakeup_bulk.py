"""List entry: the night shift types the hand-written wake-up list, one "room time [note]" per line.

Every good line is booked; each line that is not stays in the box with the reason
beside it, so nothing typed is lost and it can be corrected and booked again.
Times that have passed today are meant for tomorrow morning here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from switchboard.desk import WakeUpBook
from switchboard.errors import ConsoleError, InputError
from switchboard.hotel import Actor
from switchboard.wakeup_bulk import read_bulk
from ui.errors import explain


class WakeUpBulkDialog(QDialog):
    def __init__(
        self, book: WakeUpBook, actor: Callable[[], Actor], per_minute: int, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wake-up calls: list entry"))
        self.resize(640, 480)
        self._book = book
        self._actor = actor
        self._per_minute = per_minute
        hint = QLabel(self.tr("One call per line: room, time, note. For example:  1203 06:30 taxi at 7"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("bulkText")
        self.report = QLabel()
        self.report.setObjectName("bulkReport")
        self.report.setWordWrap(True)
        book_all = QPushButton(self.tr("&Book all"))
        book_all.setObjectName("bulkBook")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(book_all, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        book_all.clicked.connect(self.book_all)
        buttons.rejected.connect(self.reject)

    def book_all(self) -> None:
        booked: list[str] = []
        minutes: Counter[str] = Counter()
        left: list[str] = []
        problems: list[str] = []
        for line in read_bulk(self.text.toPlainText()):
            try:
                if line.problem or line.at is None:
                    raise InputError(line.problem or "wakeup.bulk_format", line.text)
                call = self._book.book(line.room, line.at, self._actor(), line.note, tomorrow_ok=True)
            except ConsoleError as exc:
                left.append(line.text)
                problems.append(
                    self.tr("line %1: %2").replace("%1", str(line.number)).replace("%2", explain(exc))
                )
                continue
            booked.append(call.room)
            minutes[call.due_at.strftime("%H:%M")] = self._book.booked_in_minute(call.due_at)
        self.text.setPlainText("\n".join(left))
        lines = [self.tr("Booked %1 calls.").replace("%1", str(len(booked)))]
        busy = [
            f"{minute} ({count})" for minute, count in sorted(minutes.items()) if count > self._per_minute
        ]
        if busy:
            lines.append(
                self.tr("More calls than the lines can place in one minute at: %1").replace(
                    "%1", ", ".join(busy)
                )
            )
        if problems:
            lines.append(self.tr("Not booked, still in the box:"))
            lines.extend(problems)
        self.report.setText("\n".join(lines))
