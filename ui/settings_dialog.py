"""The console's own settings: language, position name, database, PBX mode,

and the PMS link's address, framing and code page. SIP has its own page; this dialog keeps the
sections and keys it does not edit as they are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from switchboard.errors import ConsoleError
from switchboard.fias.records import check_encoding
from switchboard.settings import ConsoleSettings

CODE_PAGES = ("utf-8", "gb18030", "gbk", "big5", "latin-1", "cp1252")


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
        pms = settings.section("pms")
        self.pms_url = QLineEdit(pms.get("url", ""))
        self.pms_url.setObjectName("settingsPmsUrl")
        self.pms_url.setPlaceholderText(self.tr("Empty: no PMS. socket://host:port or /dev/ttyUSB0"))
        self.pms_serial = QCheckBox(self.tr("RS-232 framing (LRC, ACK/NAK)"))
        framing = pms.get("serial_framing", "").strip().lower()
        self.pms_serial.setChecked(framing in ("yes", "true", "1", "on"))
        self.pms_encoding = QComboBox()
        self.pms_encoding.setObjectName("settingsPmsEncoding")
        self.pms_encoding.setEditable(True)  # the PMS interface's code page, as it is set up there
        self.pms_encoding.addItems(CODE_PAGES)
        self.pms_encoding.setCurrentText(pms.get("encoding", "utf-8").strip() or "utf-8")
        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Position name"), self.position)
        form.addRow(self.tr("&Database address"), self.database)
        form.addRow(self.tr("P&BX"), self.pbx)
        form.addRow(self.tr("PMS (&FIAS) address"), self.pms_url)
        form.addRow("", self.pms_serial)
        form.addRow(self.tr("PMS code &page"), self.pms_encoding)
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
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """A code page the PMS link could not speak is said here, not found at the next start."""
        try:
            check_encoding(self.pms_encoding.currentText().strip() or "utf-8")
        except (ConsoleError, ValueError) as exc:
            self.problem.setText(str(exc))
            return
        super().accept()

    def chosen(self) -> ConsoleSettings:
        pms = {
            **self._settings.section("pms"),
            "url": self.pms_url.text().strip(),
            "serial_framing": "yes" if self.pms_serial.isChecked() else "no",
            "encoding": self.pms_encoding.currentText().strip() or "utf-8",
        }
        return replace(
            self._settings,
            sections={**self._settings.sections, "pms": pms},
            language=str(self.language.currentData() or ""),
            position=self.position.text().strip() or self._settings.position,
            database_url=self.database.text().strip(),
            pbx_mode=str(self.pbx.currentData() or "training"),
        )
