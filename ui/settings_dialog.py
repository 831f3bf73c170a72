"""The console's own settings: language, position name, database, PBX mode.

Link settings (SIP, PMS, SMDR) have their own pages; this dialog keeps the
sections it does not edit as they are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from switchboard.settings import ConsoleSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: ConsoleSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Console settings"))
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, label in (("", self.tr("Follow the system")), ("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.position = QLineEdit(settings.position)
        self.position.setObjectName("settingsPosition")
        self.database = QLineEdit(settings.database_url)
        self.database.setObjectName("settingsDatabase")
        self.database.setPlaceholderText(self.tr("Empty: this computer's own database (SQLite)"))
        self.pbx = QComboBox()
        self.pbx.setObjectName("settingsPbx")
        self.pbx.addItem(self.tr("Training PBX (simulated)"), "training")
        self.pbx.addItem(self.tr("SIP PBX"), "sip")
        self.pbx.setCurrentIndex(max(0, self.pbx.findData(settings.pbx_mode)))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Position name"), self.position)
        form.addRow(self.tr("&Database address"), self.database)
        form.addRow(self.tr("P&BX"), self.pbx)
        note = QLabel(self.tr("The language, database and PBX change when the console next starts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> ConsoleSettings:
        return replace(
            self._settings,
            language=str(self.language.currentData() or ""),
            position=self.position.text().strip() or self._settings.position,
            database_url=self.database.text().strip(),
            pbx_mode=str(self.pbx.currentData() or "training"),
        )
