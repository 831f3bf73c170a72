"""The screen pop: who is on the line, the marks that change what the operator
says (VIP, DND, privacy, messages, a wake-up booked), and the greeting to read."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from switchboard.call_log import CallCategory
from switchboard.clock import Clock
from switchboard.errors import ConsoleError, DatabaseUnavailable
from switchboard.screen_pop import CallerInfo, CallerKind, CallerLookup, greeting
from ui.errors import explain

NoteSaver = Callable[[str, CallCategory, str], None]  # call id, category, note


class CallerPanel(QWidget):
    NOTE_KEY = "Ctrl+S"

    def __init__(
        self,
        lookup: CallerLookup,
        clock: Clock,
        *,
        chinese: bool = False,
        save_note: NoteSaver | None = None,
        wording: dict[str, dict[str, str]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._clock = clock
        self._chinese = chinese
        self._save_note = save_note
        self._wording = wording
        self.info: CallerInfo | None = None
        self.call_id = ""
        self.title = QLabel(self.tr("No call"))
        self.title.setObjectName("callerTitle")
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.details = QLabel()
        self.details.setObjectName("callerDetails")
        self.details.setWordWrap(True)
        self.greeting = QLabel()
        self.greeting.setObjectName("callerGreeting")
        self.greeting.setWordWrap(True)
        self.greeting.setStyleSheet(
            "background:#eef5ff; border-left: 4px solid #1e63b5; padding: 6px; font-size: 14px;"
        )
        self.category = QComboBox()
        self.category.setObjectName("callCategory")
        for category, name in self.category_names().items():
            self.category.addItem(name, category)
        self.note = QLineEdit()
        self.note.setObjectName("callNote")
        self.note.setPlaceholderText(self.tr("Note on this call (Ctrl+S saves)"))
        self.saved = QLabel()
        self.saved.setObjectName("callNoteSaved")
        save = QAction(self)
        save.setShortcut(QKeySequence(self.NOTE_KEY))
        save.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)
        self.note.returnPressed.connect(self.save)
        notes = QHBoxLayout()
        notes.addWidget(self.category)
        notes.addWidget(self.note, 1)
        notes.addWidget(self.saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.greeting)
        layout.addStretch(1)
        layout.addLayout(notes)
        self.greeting.hide()

    def category_names(self) -> dict[CallCategory, str]:
        return {
            CallCategory.ENQUIRY: self.tr("Enquiry"),
            CallCategory.TRANSFER: self.tr("Transfer"),
            CallCategory.SERVICE: self.tr("Service request"),
            CallCategory.MESSAGE: self.tr("Message"),
            CallCategory.WAKEUP: self.tr("Wake-up"),
            CallCategory.COMPLAINT: self.tr("Complaint"),
            CallCategory.EMERGENCY: self.tr("Emergency"),
        }

    def show_call(self, call_id: str, number: str) -> None:
        self.call_id = call_id
        self.note.clear()
        self.saved.clear()
        self.category.setCurrentIndex(0)
        self.show_caller(number)

    def save(self) -> None:
        if not self.call_id or self._save_note is None:
            return
        category = self.category.currentData()
        try:
            self._save_note(self.call_id, category, self.note.text())
        except ConsoleError as exc:
            self.saved.setText(explain(exc))
            return
        self.saved.setText(self.tr("Saved"))

    def show_caller(self, number: str) -> None:
        try:
            info = self._lookup.who(number)
        except DatabaseUnavailable:  # the lamp and banner say why; the call keys work on
            self.info = CallerInfo(number, CallerKind.OUTSIDE)  # the number on the line, for caller_gone
            self.title.setText(escape(number))
            self.details.setText(self.tr("Guest data unavailable: the database cannot be reached."))
            self.greeting.hide()
            return
        self.info = info
        self.title.setText(self._headline(info))
        self.details.setText(self._details(info))
        self.greeting.setText(greeting(info, self._clock.now(), self._wording))
        self.greeting.show()

    def clear(self) -> None:
        self.info = None
        self.title.setText(self.tr("No call"))
        self.details.clear()
        self.greeting.hide()

    def caller_gone(self, call_id: str) -> None:
        """The caller on show has left the console (transferred, hung up): the panel no longer speaks of
        them as on the line; the note and category still file against that call until the next one."""
        if call_id != self.call_id or self.info is None:
            return
        number = self.info.number
        self.clear()
        self.details.setText(
            self.tr("Last call: %1. Ctrl+S still files its note.").replace("%1", escape(number))
        )

    def file_as(self, category: CallCategory) -> None:
        """The call's category set from what the operator did for it (a wake-up booked, a message)."""
        index = self.category.findData(category)
        if index >= 0 and self.call_id:
            self.category.setCurrentIndex(index)
            self.save()

    def _headline(self, info: CallerInfo) -> str:
        if info.kind is CallerKind.OUTSIDE:
            return self.tr("Outside line %1").replace("%1", info.number)
        if info.kind is not CallerKind.ROOM:
            label = info.label_zh if self._chinese and info.label_zh else info.label
            return f"{label} ({info.number})"
        if not info.is_guest:
            return self.tr("Room %1 (no guest in house)").replace("%1", info.room)
        stars = "★" * info.vip_level
        return (
            self.tr("Room %1").replace("%1", info.room)
            + f" · {info.guest_name} {info.title} {stars}".rstrip()
        )

    def _details(self, info: CallerInfo) -> str:
        lines: list[str] = []
        if info.privacy:
            note = escape(info.privacy_note) or self.tr(
                "Do not give out the room or confirm the guest is in house."
            )
            privacy = self.tr("PRIVACY")
            lines.append(f"<span style='color:#c62828;font-weight:bold'>{privacy}: {note}</span>")
        if info.dnd:
            lines.append(
                "<span style='color:#6a3d9a;font-weight:bold'>" + self.tr("Do not disturb is on") + "</span>"
            )
        if info.vip_level:
            lines.append(self.tr("VIP level %1").replace("%1", str(info.vip_level)))
        if info.romanised and info.romanised != info.guest_name.casefold():
            lines.append(escape(info.romanised.title()))
        if info.language:
            spoken = QLocale(info.language).nativeLanguageName() or info.language
            lines.append(self.tr("Language: %1").replace("%1", escape(spoken)))
        if info.company:
            lines.append(escape(info.company))
        if info.companions:
            lines.append(self.tr("With: %1").replace("%1", escape(info.companions)))
        if info.messages_waiting:
            lines.append(
                "<b>" + self.tr("%1 message(s) waiting").replace("%1", str(info.messages_waiting)) + "</b>"
            )
        if info.wakeup_at is not None:
            lines.append(self.tr("Wake-up booked for %1").replace("%1", info.wakeup_at.strftime("%H:%M")))
        if info.whereabouts:
            lines.append(self.tr("Whereabouts: %1").replace("%1", escape(info.whereabouts)))
        return "<br>".join(lines)
