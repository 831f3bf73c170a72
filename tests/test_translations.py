"""Simplified Chinese ships complete, and the window speaks it."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from switchboard.clock import FakeClock
from switchboard.pbx import LinkName
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.main_window import MainWindow

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"


@pytest.mark.parametrize("ts", sorted(I18N.glob("*_zh_CN.ts")), ids=lambda p: p.name)
def test_every_string_has_a_chinese_translation(ts: Path) -> None:
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    sources = re.findall(r"<source>", text)
    translations = re.findall(r"<translation>[^<]+</translation>", text)
    assert len(sources) == len(translations) > 0


@pytest.mark.parametrize("ts", sorted(I18N.glob("*_zh_CN.ts")), ids=lambda p: p.name)
def test_each_translation_is_built(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime - 1, "run tools/build_translations.py"


def test_the_window_speaks_chinese_and_back(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    loaded = i18n.install(app, "zh_CN")
    try:
        assert "main_window_zh_CN.qm" in loaded
        w = MainWindow(
            FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))),
            lamp_field=LampField(BlfModel(), chinese=True),
            training=True,
            hotel="海港大酒店",
            user_name="林小红",
            position="总机 1",
        )
        qtbot.addWidget(w)
        assert w.pages.tabText(0) == "忙灯盘"
        assert w.banner.text().startswith("培训模式")
        assert w.menuBar().actions()[0].text() == "总机(&C)"
        assert w.position_label.text() == "席位：总机 1", "which position this is"
        assert "PBX: 培训" in w.links[LinkName.PBX].text(), "a training console's PBX is the simulated one"
    finally:
        i18n.install(app, "en")
    assert i18n.choose_language("en") == "en"
    assert i18n.choose_language("zh_CN") == "zh_CN"


def test_no_translated_text_hides_inside_an_f_string() -> None:
    """lupdate does not look inside f-string braces: such text would stay English in Chinese."""
    ui = Path(__file__).resolve().parent.parent / "ui"
    hidden = [
        f"{py.name}:{n}"
        for py in sorted(ui.glob("*.py"))
        for n, line in enumerate(py.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""f["'][^"']*\{[^}]*(self\.tr|translate)\(""", line)
    ]
    assert hidden == []
