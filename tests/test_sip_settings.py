"""The SIP settings dialog (offscreen Qt), the lamp-field ranges, and the SIP text parser under fuzz."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from hardware.sip import sip_message as sm
from hardware.sip import sip_reader
from switchboard import settings as console_settings
from switchboard.errors import InputError
from switchboard.settings import ConsoleSettings
from switchboard.sip_field import on_field, parse_field
from ui import i18n
from ui.sip_settings import SipSettingsDialog

STORED = ConsoleSettings(pbx_mode="sip").with_section(
    "pbx", {"server": "pbx.hotel.lan:5060", "extension": "9", "password": "s3cret", "note": "by hand"}
)


def test_the_stored_password_is_never_shown_and_kept_when_left_empty(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SipSettingsDialog(STORED)
    qtbot.addWidget(dialog)
    password = dialog.findChild(QLineEdit, "sipPassword")
    assert password is not None
    assert password.text() == "" and password.echoMode() is QLineEdit.EchoMode.Password
    assert "s3cret" not in "".join(w.text() for w in dialog.findChildren(QLineEdit))
    dialog.field.setText("301-2099, 8000-8090")
    chosen = dialog.chosen()
    pbx = chosen.section("pbx")
    assert pbx["password"] == "s3cret" and pbx["note"] == "by hand" and pbx["field"] == "301-2099, 8000-8090"
    path = tmp_path / "console.ini"
    console_settings.save(chosen, path)
    again = console_settings.load(path)
    assert again.pbx_mode == "sip" and again.section("pbx")["server"] == "pbx.hotel.lan:5060"
    dialog.password.setText("new-one")
    assert dialog.chosen().section("pbx")["password"] == "new-one"


def test_the_headset_is_chosen_from_the_sound_devices_found(qtbot: QtBot, tmp_path: Path) -> None:
    stored = STORED.with_section("audio", {"output": "USB Headset", "headset": "yes"})
    dialog = SipSettingsDialog(stored, audio_devices=["USB Headset", "HDA Intel PCH", "default"])
    qtbot.addWidget(dialog)
    items = [dialog.earpiece.itemText(i) for i in range(dialog.earpiece.count())]
    assert items == ["default", "USB Headset", "HDA Intel PCH"]
    assert dialog.earpiece.currentText() == "USB Headset" and dialog.microphone.currentText() == "default"
    dialog.microphone.setCurrentText("HDA Intel PCH")
    audio = dialog.chosen().section("audio")
    assert audio == {"output": "USB Headset", "input": "HDA Intel PCH", "headset": "yes"}
    path = tmp_path / "console.ini"
    console_settings.save(dialog.chosen(), path)
    assert console_settings.load(path).section("audio")["input"] == "HDA Intel PCH"


@pytest.mark.parametrize(
    ("server", "extension", "field", "problem"),
    [
        ("", "9", "", "address"),
        ("pbx hotel", "9", "", "host name"),
        ("pbx.hotel.lan:99999", "9", "", "host name"),
        ("pbx.hotel.lan", "", "", "extension"),
        ("pbx.hotel.lan", "9", "301-2x", "301-2x"),
        ("pbx.hotel.lan:5060", "9", "301-399, 8000", ""),
        ("pbx.hotel.lan:5060", "9", "rpc=ftp://pbx/RPC", "http://"),
        ("pbx.hotel.lan:5060", "9", "rpc=http://pbx:5071/RPC", ""),
    ],
)
def test_bad_input_is_named_and_not_saved(
    qtbot: QtBot, server: str, extension: str, field: str, problem: str
) -> None:
    dialog = SipSettingsDialog(ConsoleSettings())
    qtbot.addWidget(dialog)
    if field.startswith("rpc="):
        dialog.registrations.setText(field.removeprefix("rpc="))
        field = ""
    dialog.server.setText(server)
    dialog.extension.setText(extension)
    dialog.field.setText(field)
    dialog._save()
    assert (problem in dialog.problem.text()) if problem else dialog.problem.text() == ""
    assert dialog.result() == (0 if problem else 1)


def test_the_dialog_speaks_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "zh_CN")
    try:
        dialog = SipSettingsDialog(STORED)
        qtbot.addWidget(dialog)
        dialog.server.setText("")
        dialog._save()
        assert dialog.windowTitle() == "SIP 交换机"
        assert "请输入交换机地址" in dialog.problem.text()
        dialog.show()
        dialog.grab().save(str(tmp_path / "sip_settings_zh.png"))
    finally:
        i18n.install(app, "en")


def test_lamp_field_ranges() -> None:
    ranges = parse_field("301-399; 8000 , 9")
    assert on_field(["300", "301", "399", "400", "8000", "9", "A1"], ranges) == ["301", "399", "8000", "9"]
    assert on_field(["1", "2"], parse_field("  ")) == ["1", "2"]
    for bad in ("399-301", "3O1", "301-", "一二三", "x" * 3000):
        with pytest.raises(InputError):
            parse_field(bad)


INVITE = (
    b"INVITE sip:9@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKa;rport=5061\r\n"
    b'f: "Room 1205" <sip:1205@127.0.0.1>;tag=abc\r\nt: <sip:9@127.0.0.1>\r\ni: xyz@host\r\n'
    b"CSeq: 7 INVITE\r\nContent-Length: 4\r\n\r\nv=0\r\nextra"
)


def test_a_sip_message_is_read_and_answered() -> None:
    msg = sip_reader.parse(INVITE)
    assert msg is not None and msg.method == "INVITE" and msg.body == b"v=0\r"
    assert sm.user_of(msg.get("from")) == "1205" and sm.display_of(msg.get("from")) == "Room 1205"
    assert sm.via_address(msg.get("via")) == ("127.0.0.1", 5061)
    ringing = sip_reader.parse(sm.response(msg, 180, "Ringing", to_tag="t1").encode())
    assert ringing is not None and ringing.status == 180 and sm.tag_of(ringing.get("to")) == "t1"
    assert ringing.cseq_method == "INVITE" and ringing.get("call-id") == "xyz@host"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=len(INVITE)))
def test_the_parser_takes_any_bytes(noise: bytes, cut: int) -> None:
    for data in (noise, INVITE[:cut] + noise, noise + INVITE):
        msg = sip_reader.parse(data)
        if msg is not None:  # whatever it read, it can be written and read again
            again = sip_reader.parse(msg.encode())
            assert again is not None and again.start == msg.start
