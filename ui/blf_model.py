"""The busy-lamp field as one list model.

Thousands of lamps can change in a burst (a shift change, a conference
ending, the PBX coming back): changes are applied to the model's state at
once, but the view hears about them once per frame: one ``dataChanged`` per run of neighbouring
rows that changed, so two lamps far apart (a room ringing the operator, the operator's own lamp)
repaint themselves and not the hundreds between them; past ``RUNS_APART`` runs, one covering all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)

from switchboard.hotel import ExtensionKind
from switchboard.lamp_field import FieldLamp
from switchboard.pbx import LampChanged, LampState
from ui.i18n import is_chinese
from ui.legend import lamp_word

LAMP_ROLE = Qt.ItemDataRole.UserRole + 1  # LampState
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2  # FieldLamp
EXTENSION_ROLE = Qt.ItemDataRole.UserRole + 3  # str

FRAME_MS = 16
RUNS_APART = 32  # more separate runs in one frame (a burst) are told as one range
GAP_MERGED = 4  # rows between two changed ones that are repainted rather than told apart

_Index = QModelIndex | QPersistentModelIndex


def lamp_tooltip(lamp: FieldLamp, state: LampState, dnd_console_only: bool = False) -> str:
    """Extension, room, guest and state, one per line; a privacy guest's name is never carried."""
    shown = LampState.DND if lamp.dnd and state is LampState.IDLE else state
    lines = [QCoreApplication.translate("BlfModel", "Extension %1").replace("%1", lamp.extension)]
    if lamp.kind is ExtensionKind.ROOM or lamp.room:
        lines.append(
            QCoreApplication.translate("BlfModel", "Room %1").replace("%1", lamp.room or lamp.extension)
        )
        if lamp.guest:
            lines.append(QCoreApplication.translate("BlfModel", "Guest: %1").replace("%1", lamp.guest))
        elif lamp.occupied:
            lines.append(QCoreApplication.translate("BlfModel", "Guest: (not shown)"))
    else:
        label = lamp.label_zh if lamp.label_zh and is_chinese(QLocale().name()) else lamp.label
        lines.append(label)
    marks = [lamp_word(shown)]
    if lamp.message_waiting:
        marks.append(QCoreApplication.translate("BlfModel", "message waiting"))
    if lamp.vip_level:
        marks.append(f"VIP {lamp.vip_level}")
    lines.append(" · ".join(marks))
    if lamp.dnd and dnd_console_only:
        lines.append(
            QCoreApplication.translate(
                "BlfModel", "DND is kept by this console only: a call that does not pass it still rings"
            )
        )
    return "\n".join(lines)


class BlfModel(QAbstractListModel):
    """Every extension on the field with its lamp; rows never move while lamps change."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # The PBX cannot be told about DND ([pbx] policy = none): the lamps say DND is the console's only.
        self.dnd_console_only = False
        self._lamps: list[FieldLamp] = []
        self._states: list[LampState] = []
        self._row: dict[str, int] = {}
        self._dirty: set[int] = set()
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FRAME_MS)
        self._flush.timeout.connect(self.flush)

    def set_dnd_console_only(self, value: bool) -> None:
        """The PBX stopped or started taking DND (FIAS ``LR``): every lamp's mark and tooltip anew."""
        if value == self.dnd_console_only:
            return
        self.dnd_console_only = value
        if self._lamps:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lamps) - 1, 0))

    # ---------------------------------------------------------------- feeding

    def set_lamps(self, lamps: Sequence[FieldLamp]) -> None:
        """Replace the field; lamps already known keep their state."""
        known = {lamp.extension: state for lamp, state in zip(self._lamps, self._states, strict=True)}
        self.beginResetModel()
        self._lamps = list(lamps)
        self._states = [known.get(lamp.extension, LampState.UNKNOWN) for lamp in self._lamps]
        self._row = {lamp.extension: row for row, lamp in enumerate(self._lamps)}
        self._dirty.clear()
        self.endResetModel()

    def apply(self, event: LampChanged) -> None:
        row = self._row.get(event.extension)
        if row is None or self._states[row] is event.state:
            return
        self._states[row] = event.state
        self._mark(row)

    def update_marks(self, extension: str, **marks: Any) -> None:
        """Change what shows beside a lamp (occupied, vip_level, dnd, message_waiting)."""
        row = self._row.get(extension)
        if row is None:
            return
        self._lamps[row] = replace(self._lamps[row], **marks)
        self._mark(row)

    def _mark(self, row: int) -> None:
        self._dirty.add(row)
        if not self._flush.isActive():
            self._flush.start()

    def flush(self) -> None:
        """Tell the views about every change since the last frame, in one signal."""
        self._flush.stop()
        if not self._dirty:
            return
        rows = sorted(self._dirty)
        self._dirty.clear()
        runs: list[list[int]] = []  # [first, last] of neighbouring rows (a few between are repainted too)
        for row in rows:
            if runs and row <= runs[-1][1] + 1 + GAP_MERGED:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        if len(runs) > RUNS_APART:
            runs = [[rows[0], rows[-1]]]
        for first, last in runs:
            self.dataChanged.emit(self.index(first), self.index(last), [LAMP_ROLE, FIELD_ROLE])

    # ---------------------------------------------------------------- reading

    def state_of(self, extension: str) -> LampState:
        row = self._row.get(extension)
        return LampState.UNKNOWN if row is None else self._states[row]

    def lamp_of(self, extension: str) -> FieldLamp | None:
        row = self._row.get(extension)
        return None if row is None else self._lamps[row]

    def extensions(self) -> list[str]:
        return [lamp.extension for lamp in self._lamps]

    def row_of(self, extension: str) -> int:
        return self._row.get(extension, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lamps)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lamps):
            return None
        lamp = self._lamps[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, EXTENSION_ROLE):
            return lamp.extension
        if role == LAMP_ROLE:
            return self._states[index.row()]
        if role == FIELD_ROLE:
            return lamp
        if role == Qt.ItemDataRole.ToolTipRole:
            return lamp_tooltip(lamp, self._states[index.row()], self.dnd_console_only)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled


class BlfFilter(QSortFilterProxyModel):
    """Narrows the field to a floor, a department, or extensions and labels containing a text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._floor: int | None = None
        self._department = ""
        self._text = ""

    def set_floor(self, floor: int | None) -> None:
        self.beginFilterChange()
        self._floor = floor
        self.endFilterChange()

    def set_department(self, department: str) -> None:
        self.beginFilterChange()
        self._department = department
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        lamp = self.sourceModel().index(source_row, 0, source_parent).data(FIELD_ROLE)
        if not isinstance(lamp, FieldLamp):
            return False
        if self._floor is not None and lamp.floor != self._floor:
            return False
        if self._department and lamp.department != self._department:
            return False
        if self._text:  # extension, label, room or guest name (a privacy guest's name is never here)
            haystack = f"{lamp.extension} {lamp.label} {lamp.label_zh} {lamp.room} {lamp.guest}".casefold()
            return self._text in haystack
        return True
