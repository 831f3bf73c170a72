"""The operators' knowledge base: every page readable by all, editable by duty
managers and administrators (others see the fields read-only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from switchboard.auth import GRANTS, Permission
from switchboard.desk import HotelInfoBook, InfoPage
from switchboard.hotel import Actor
from ui.errors import attempt


class HotelInfoPage(QWidget):
    def __init__(
        self, book: HotelInfoBook, actor: Callable[[], Actor], *, chinese: bool = False, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self._chinese = chinese
        self._current: InfoPage | None = None
        self.list = QListWidget()
        self.list.setObjectName("infoList")
        self.list.setMaximumWidth(260)
        self.topic = QLineEdit()
        self.topic.setObjectName("infoTopic")
        self.topic_zh = QLineEdit()
        self.topic_zh.setObjectName("infoTopicZh")
        self.body = QPlainTextEdit()
        self.body.setObjectName("infoBody")
        self.body_zh = QPlainTextEdit()
        self.body_zh.setObjectName("infoBodyZh")
        self.keywords = QLineEdit()
        self.keywords.setObjectName("infoKeywords")
        self.message = QLabel()
        self.message.setObjectName("infoMessage")
        self.new = QPushButton(self.tr("&New page"))
        self.new.setObjectName("infoNew")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("infoSave")
        form = QFormLayout()
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Topic (Chinese)"), self.topic_zh)
        form.addRow(self.tr("Text"), self.body)
        form.addRow(self.tr("Text (Chinese)"), self.body_zh)
        form.addRow(self.tr("Search words"), self.keywords)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentItemChanged.connect(self._show)
        self.new.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def may_edit(self) -> bool:
        role = self._actor().role
        return role is not None and Permission.EDIT_HOTEL_INFO in GRANTS[role]

    def refresh(self, select_id: int | None = None) -> None:
        editable = self.may_edit()
        for field in (self.topic, self.topic_zh, self.keywords):
            field.setReadOnly(not editable)
        for text in (self.body, self.body_zh):
            text.setReadOnly(not editable)
        self.new.setVisible(editable)
        self.save_button.setVisible(editable)
        self.list.clear()
        for page in self._book.pages():
            item = QListWidgetItem(page.topic_zh if self._chinese and page.topic_zh else page.topic)
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.list.addItem(item)
            if page.id == select_id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        page = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._current = page if isinstance(page, InfoPage) else None
        p = self._current
        self.topic.setText(p.topic if p else "")
        self.topic_zh.setText(p.topic_zh if p else "")
        self.body.setPlainText(p.body if p else "")
        self.body_zh.setPlainText(p.body_zh if p else "")
        self.keywords.setText(p.keywords if p else "")

    def _new(self) -> None:
        self.list.setCurrentRow(-1)
        self._current = None
        for field in (self.topic, self.topic_zh, self.keywords):
            field.clear()
        self.body.clear()
        self.body_zh.clear()
        self.topic.setFocus()

    def save(self) -> None:
        page = self._current
        saved = attempt(
            self.message,
            lambda: self._book.save(
                page.id if page else None,
                page.version if page else 0,
                self.topic.text(),
                self.topic_zh.text(),
                self.body.toPlainText(),
                self.body_zh.toPlainText(),
                self.keywords.text(),
                self._actor(),
            ),
        )
        if saved is not None:
            self.message.setText(self.tr("Saved."))
            self.refresh(saved.id)
