"""The directory search: results while typing over guests, arrivals,
departments, staff and hotel information, each with its telephone's state
(busy, DND, message waiting).

Select, then act: the highlighted entry is the target of F8 (transfer) and F10
(announce); Enter on an entry rings it when no call is up, and only selects it
while a call is. A privacy-flagged guest shows the hotel's words to read ("not
registered, may I take a message", ``[greeting] en.privacy`` / ``zh.privacy``), never a room, an
extension or a lamp; Enter on it does nothing, and highlighting it makes the guest the target of a
transfer that asks first whether the caller gave the agreed word (``ui/privacy_question.py``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from switchboard.directory import Directory, DirectoryEntry, EntryKind
from switchboard.pbx import LampState
from switchboard.privacy_call import PRIVACY_WORDS
from ui.blf_model import BlfModel
from ui.rows_model import RowsModel

LampMarks = Callable[[str], str]  # extension -> "busy · DND · message waiting", "" when nothing to say


def marks_from(lamps: BlfModel) -> LampMarks:
    """What the lamp field knows of an extension, in words for a directory line."""

    def marks(extension: str) -> str:
        busy = QCoreApplication.translate("DirectoryPanel", "busy")
        words = {
            LampState.BUSY: busy,
            LampState.RINGING: QCoreApplication.translate("DirectoryPanel", "ringing"),
            LampState.HELD: busy,
            LampState.UNREGISTERED: QCoreApplication.translate("DirectoryPanel", "phone out of service"),
        }
        found = [words[state]] if (state := lamps.state_of(extension)) in words else []
        lamp = lamps.lamp_of(extension)
        if lamp is not None and (lamp.dnd or state is LampState.DND):
            found.append(QCoreApplication.translate("DirectoryPanel", "DND"))
        if lamp is not None and lamp.message_waiting:
            found.append(QCoreApplication.translate("DirectoryPanel", "message waiting"))
        return " · ".join(found)

    return marks


class SearchField(QLineEdit):
    """Down arrow goes to the results, so the whole search works from the keyboard."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class DirectoryPanel(QWidget):
    chosen = Signal(str)  # Enter on an entry: ring it (or, with a call up, select it)
    selected = Signal(str)  # the highlighted entry's extension: the target of F8 and F10
    privacy_selected = Signal(object)  # a privacy guest in house highlighted (DirectoryEntry, no extension)

    FOCUS_KEY = "F3"

    def __init__(
        self,
        directory: Directory,
        parent: Any = None,
        *,
        lamp_marks: LampMarks | None = None,
        privacy_words: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.privacy_words = dict(privacy_words or PRIVACY_WORDS)
        self._marks = lamp_marks
        self._shown: list[DirectoryEntry] = []
        self._offered = ""  # the extension this panel last made the target, while it still is
        self.search = SearchField()
        self.search.setObjectName("directorySearch")
        self.search.setPlaceholderText(self.tr("Directory (F3): room, name, pinyin, initials, department…"))
        self.search.setClearButtonEnabled(True)
        self.model: RowsModel[DirectoryEntry] = RowsModel(
            [""], lambda e: [self.describe(e)], lambda e: "#fde8e8" if e.privacy else "", self
        )
        self.results = QListView()
        self.results.setObjectName("directoryResults")
        self.results.setModel(self.model)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.note)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._choose_first)
        self.search.down.connect(self._to_results)
        self.results.activated.connect(self._choose)
        self.results.selectionModel().currentChanged.connect(self._highlighted)
        focus = QAction(self)
        focus.setShortcut(QKeySequence(self.FOCUS_KEY))
        focus.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        focus.triggered.connect(self.focus_search)
        self.addAction(focus)

    def set_directory(self, directory: Directory) -> None:
        """Read afresh (arrivals, moves): the entry the operator highlighted stays highlighted; nothing
        else is highlighted, nor made the target, by the refresh itself."""
        self.directory = directory
        kept = self.current_entry()
        self._shown = directory.search(self.search.text())
        selection = self.results.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(self._shown)
        key = (kept.kind, kept.number, kept.name) if kept is not None else None
        same = [row for row, e in enumerate(self._shown) if (e.kind, e.number, e.name) == key]
        if same:
            self.results.setCurrentIndex(self.model.index(same[0], 0))
        selection.blockSignals(False)
        if self._offered and not same:
            self._offered = ""
            self.selected.emit("")  # the entry that was the target is no longer in the list

    def refresh_marks(self) -> None:
        """The lamps changed: the lines say so, the highlighted entry stays highlighted."""
        if not self._shown or self._marks is None:
            return
        before = [self.model.data(self.model.index(row, 0)) for row in range(self.model.rowCount())]
        if before == [self.describe(e) for e in self._shown]:
            return
        row = self.results.currentIndex().row()
        selection = self.results.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(self._shown)
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row, 0))
        selection.blockSignals(False)

    def clear_highlight(self) -> None:
        """The queue let go of its target: nothing stays highlighted that is no longer the target."""
        selection = self.results.selectionModel()
        selection.blockSignals(True)
        self.results.setCurrentIndex(QModelIndex())
        selection.clearSelection()
        selection.blockSignals(False)
        self.results.viewport().update()
        self._offered = ""

    def target_changed(self, extension: str) -> None:
        """The queue's target now: once a lamp or a key has changed it, it is no longer this panel's."""
        if extension != self._offered:
            self._offered = ""

    def current_entry(self) -> DirectoryEntry | None:
        index = self.results.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _highlighted(self, index: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.row(index.row()) if index.isValid() else None
        if entry is not None and entry.number and not entry.privacy and entry.kind is not EntryKind.INFO:
            self._offered = entry.number
            self.selected.emit(entry.number)
        elif entry is not None and entry.privacy and entry.stay:
            self._offered = ""  # the target is now the guest, who has no extension here
            self.privacy_selected.emit(entry)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search(self, text: str) -> None:
        self._shown = self.directory.search(text)
        self.model.set_rows(self._shown)
        if self._shown:
            self.results.setCurrentIndex(self.model.index(0, 0))
        current = self.current_entry()
        if self._offered and (current is None or current.number != self._offered):
            # the entry highlighted on the way is no longer in the list: it is no longer the target
            self._offered = ""
            self.selected.emit("")

    def describe(self, entry: DirectoryEntry) -> str:
        kinds = {
            EntryKind.GUEST: self.tr("Guest"),
            EntryKind.ARRIVAL: self.tr("Arrival"),
            EntryKind.DEPARTMENT: self.tr("Department"),
            EntryKind.STAFF: self.tr("Staff"),
            EntryKind.INFO: self.tr("Info"),
        }
        name = f"{entry.name} {entry.title}".strip() + (
            " " + "★" * entry.vip_level if entry.vip_level else ""
        )
        if entry.privacy:
            return f"[{kinds[entry.kind]}] {name} — {self.privacy_line()}"
        where = ""
        if entry.kind is EntryKind.GUEST:
            where = self.tr("room %1").replace("%1", entry.room)
        elif entry.kind is EntryKind.ARRIVAL:
            where = self.tr("arrives %1").replace("%1", entry.detail)
        elif entry.kind in (EntryKind.DEPARTMENT, EntryKind.STAFF):
            where = f"{entry.number} {entry.detail}".strip()
        else:
            where = entry.detail[:80]
        extra = (
            f" · {entry.romanised}" if entry.romanised and entry.romanised != entry.name.casefold() else ""
        )
        marks = self._marks(entry.number) if self._marks is not None and entry.number else ""
        return f"[{kinds[entry.kind]}] {name} · {where}{extra}" + (f" · {marks}" if marks else "")

    def privacy_line(self) -> str:
        """What the operator says of a privacy guest, in both languages the hotel wrote."""
        said = " / ".join(
            f"“{self.privacy_words[lang]}”" for lang in ("en", "zh") if self.privacy_words.get(lang)
        )
        return self.tr("PRIVACY, say: %1").replace("%1", said)

    def _to_results(self) -> None:
        if self._shown:
            self.results.setFocus()

    def _choose_first(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self._choose(index)

    def _choose(self, index: QModelIndex | QPersistentModelIndex) -> None:
        entry = self.model.row(index.row())
        if entry is None:
            return
        if entry.kind is EntryKind.INFO:
            self.note.setText(entry.detail)
            return
        if entry.privacy or not entry.number:
            self.note.setText(self.describe(entry))
            return
        self.note.clear()
        self.chosen.emit(entry.number)
