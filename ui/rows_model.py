"""A read-only table model over a list of frozen views, with one function that
turns a view into its cells; the pages' lists are all this shape."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the view object itself, for delegates that paint it


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[T], Sequence[str]],
        colour: Callable[[T], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._colour = colour
        self._rows: list[T] = []
        self._text: list[Sequence[str]] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._text = [self._cells(r) for r in self._rows]
        self.endResetModel()

    def row(self, index: int) -> T | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._text[index.row()]
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == ROW_ROLE:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and self._colour is not None:
            colour = self._colour(self._rows[index.row()])
            return QBrush(QColor(colour)) if colour else None
        return None
