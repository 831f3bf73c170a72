"""The lamp field panel: filters over one list view of lamps.

Highlighting a lamp (arrow keys, a single click) selects its extension as the target of F8 and F10;
Enter or a double click on a lamp asks for that extension once (the queue transfers the current call
there, or dials it when no call is up).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from switchboard.lamp_field import FieldLamp
from ui.blf_delegate import TILE, BlfDelegate
from ui.blf_model import EXTENSION_ROLE, BlfFilter, BlfModel
from ui.queue_panel import CALL_MIME

DEPARTMENT_NAMES = {
    "front_desk": ("Front desk", "前台"),
    "concierge": ("Concierge", "礼宾部"),
    "housekeeping": ("Housekeeping", "客房部"),
    "engineering": ("Engineering", "工程部"),
    "security": ("Security", "保安部"),
    "duty_manager": ("Duty manager", "值班经理"),
    "restaurants": ("Restaurants", "餐饮"),
}


class LampGrid(QListView):
    """Lamps in icon mode: Enter activates the current lamp; a queued call dropped on a lamp goes there."""

    call_dropped = Signal(str, str)  # call id, extension

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CALL_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(CALL_MIME) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        call_id = bytes(event.mimeData().data(CALL_MIME).data()).decode(errors="replace")
        extension = index.data(EXTENSION_ROLE) if index.isValid() else None
        if call_id and extension:
            event.acceptProposedAction()
            self.call_dropped.emit(call_id, str(extension))
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LampField(QWidget):
    extension_chosen = Signal(str)  # Enter or a double click: act on it
    extension_selected = Signal(str)  # highlighted: the target, nothing sent

    def __init__(self, model: BlfModel, *, chinese: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = BlfFilter(self)
        self.proxy.setSourceModel(model)
        self._chinese = chinese

        self.floor = QComboBox()
        self.floor.setObjectName("lampFloor")
        self.department = QComboBox()
        self.department.setObjectName("lampDepartment")
        self.search = QLineEdit()
        self.search.setObjectName("lampSearch")
        self.search.setPlaceholderText(self.tr("Extension or name…"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()

        self.view = LampGrid()
        self.view.setObjectName("lampGrid")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(BlfDelegate(self.view, chinese_labels=chinese))
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setGridSize(TILE)
        self.view.setSpacing(0)
        self.view.setWrapping(True)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.call_dropped = self.view.call_dropped
        self.view.setStyleSheet("QListView { background: #1d2126; }")
        # ``activated`` comes from Enter and from a double click alike: a double click must not also
        # be taken through ``doubleClicked``, or the call is sent twice.
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(self._highlighted)

        bar = QHBoxLayout()
        floor_label = QLabel(self.tr("&Floor"))
        floor_label.setBuddy(self.floor)
        bar.addWidget(floor_label)
        bar.addWidget(self.floor)
        dept_label = QLabel(self.tr("&Department"))
        dept_label.setBuddy(self.department)
        bar.addWidget(dept_label)
        bar.addWidget(self.department)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.floor.currentIndexChanged.connect(self._filter_changed)
        self.department.currentIndexChanged.connect(self._filter_changed)
        self.search.textChanged.connect(self._filter_changed)
        model.modelReset.connect(self._fill_filters)
        self._fill_filters()

    def set_lamps(self, lamps: Sequence[FieldLamp]) -> None:
        self.model.set_lamps(lamps)

    def _fill_filters(self) -> None:
        lamps = [self.model.lamp_of(e) for e in self.model.extensions()]
        floors = sorted({lamp.floor for lamp in lamps if lamp and lamp.floor is not None})
        departments = sorted({lamp.department for lamp in lamps if lamp and lamp.department})
        for combo in (self.floor, self.department):
            combo.blockSignals(True)
            combo.clear()
        self.floor.addItem(self.tr("All floors"), None)
        for floor in floors:
            self.floor.addItem(self.tr("%1F").replace("%1", str(floor)), floor)
        self.department.addItem(self.tr("All departments"), "")
        for dept in departments:
            en, zh = DEPARTMENT_NAMES.get(dept, (dept, dept))
            self.department.addItem(zh if self._chinese else en, dept)
        for combo in (self.floor, self.department):
            combo.blockSignals(False)
        self._filter_changed()

    def _filter_changed(self) -> None:
        self.proxy.set_floor(self.floor.currentData())
        self.proxy.set_department(self.department.currentData() or "")
        self.proxy.set_text(self.search.text())
        self.count.setText(self.tr("%1 lamps").replace("%1", str(self.proxy.rowCount())))

    def clear_highlight(self) -> None:
        """The queue let go of its target: no lamp stays highlighted as if it still were."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.view.setCurrentIndex(QModelIndex())
        selection.clearSelection()
        selection.blockSignals(False)
        self.view.viewport().update()

    def _highlighted(self, index: QModelIndex, _previous: QModelIndex) -> None:
        extension = index.data(EXTENSION_ROLE) if index.isValid() else None
        if extension:
            self.extension_selected.emit(str(extension))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        extension = index.data(EXTENSION_ROLE)
        if extension:
            self.extension_chosen.emit(str(extension))
