"""The SIP PBX settings: server, extension, credentials, transport and which extensions the lamp field shows.

They live in the position's settings file (``[pbx]``), never in the database. The stored password is
never shown: the field stays empty, and empty means "keep the saved one". Other keys of ``[pbx]`` (the
mode, anything written by hand) are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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

from switchboard.errors import InputError
from switchboard.settings import ConsoleSettings
from switchboard.sip_field import parse_field

_SERVER = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")
_EXTENSION = re.compile(r"^[A-Za-z0-9_.+\-*#]{1,32}$")


class SipSettingsDialog(QDialog):
    def __init__(
        self, settings: ConsoleSettings, parent: Any = None, audio_devices: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        pbx = settings.section("pbx")
        self._saved_password = pbx.get("password", "")
        self.setWindowTitle(self.tr("SIP PBX"))
        self.setMinimumWidth(480)
        self.server = QLineEdit(pbx.get("server", ""))
        self.server.setObjectName("sipServer")
        self.server.setPlaceholderText(self.tr("pbx.hotel.lan:5060"))
        self.extension = QLineEdit(pbx.get("extension", ""))
        self.extension.setObjectName("sipExtension")
        self.username = QLineEdit(pbx.get("username", ""))
        self.username.setObjectName("sipUsername")
        self.username.setPlaceholderText(self.tr("Same as the extension"))
        self.password = QLineEdit()
        self.password.setObjectName("sipPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("Saved; type a new one to change it") if self._saved_password else self.tr("None")
        )
        self.transport = QComboBox()
        self.transport.setObjectName("sipTransport")
        self.transport.addItem(self.tr("UDP"), "udp")
        self.field = QLineEdit(pbx.get("field", ""))
        self.field.setObjectName("sipField")
        self.field.setPlaceholderText(self.tr("All extensions, or e.g. 301-2099, 8000-8090"))
        self.registrations = QLineEdit(pbx.get("registrations_url", ""))
        self.registrations.setObjectName("sipRegistrations")
        self.registrations.setPlaceholderText(
            self.tr("Optional: the PBX's JSON-RPC, e.g. http://pbx:5071/RPC")
        )
        audio = settings.section("audio")
        self.earpiece = self._device_box("headsetOutput", audio.get("output", "default"), audio_devices)
        self.microphone = self._device_box("headsetInput", audio.get("input", "default"), audio_devices)
        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.server)
        form.addRow(self.tr("&Extension"), self.extension)
        form.addRow(self.tr("Authentication &name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Transport"), self.transport)
        form.addRow(self.tr("&Lamp field"), self.field)
        form.addRow(self.tr("&Registrations"), self.registrations)
        form.addRow(self.tr("Headset &output"), self.earpiece)
        form.addRow(self.tr("Headset m&icrophone"), self.microphone)
        note = QLabel(
            self.tr(
                "The password is kept in this position's settings file, not in the database. "
                "Changes take effect when the console next starts."
            )
        )
        note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("sipProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _device_box(self, name: str, current: str, devices: Sequence[str]) -> QComboBox:
        """The sound devices found, or any name typed in (a headset not plugged in yet)."""
        box = QComboBox()
        box.setObjectName(name)
        box.setEditable(True)
        box.addItem("default")
        box.addItems([d for d in devices if d != "default"])
        box.setCurrentText(current.strip() or "default")
        box.setToolTip(self.tr("The sound device of the operator's headset; default: the system's"))
        return box

    def problem_text(self) -> str:
        """What is wrong with the input, in the operator's language; "" if it can be saved."""
        server = self.server.text().strip()
        if not server:
            return self.tr("Enter the PBX's address, such as pbx.hotel.lan:5060.")
        host, _, port = server.rpartition(":") if ":" in server else (server, "", "")
        if not _SERVER.match(server) or (port and not (port.isdigit() and 0 < int(port) < 65536)) or not host:
            return self.tr("The server must be a host name or address, with an optional :port.")
        if not _EXTENSION.match(self.extension.text().strip()):
            return self.tr("Enter the console's extension number (letters, digits, at most 32).")
        url = self.registrations.text().strip()
        if url and not re.match(r"^https?://[^\s/]+(/\S*)?$", url):
            return self.tr("The registrations address must be an http:// or https:// address, or empty.")
        try:
            parse_field(self.field.text())
        except InputError as exc:
            part = str(exc.args_map.get("part", ""))
            wording = self.tr("The lamp field list cannot be read at “%1”: use ranges such as 301-399.")
            return wording.replace("%1", part)
        return ""

    def _save(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        if not problem:
            self.accept()

    def chosen(self) -> ConsoleSettings:
        values = self._settings.section("pbx")
        values.update(
            server=self.server.text().strip(),
            extension=self.extension.text().strip(),
            username=self.username.text().strip(),
            transport=str(self.transport.currentData() or "udp"),
            field=self.field.text().strip(),
            registrations_url=self.registrations.text().strip(),
        )
        values["password"] = self.password.text() or self._saved_password
        audio = self._settings.section("audio")
        audio.update(
            output=self.earpiece.currentText().strip() or "default",
            input=self.microphone.currentText().strip() or "default",
        )
        return self._settings.with_section("pbx", values).with_section("audio", audio)
