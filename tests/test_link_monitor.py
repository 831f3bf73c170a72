"""The engineer's link monitor on offscreen Qt: state, counters, raw frames both ways, a bounded buffer."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from switchboard.link_monitor import FRAMES_KEPT, LinkCounters, LinkJournal, RawFrame, frame_text
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from ui import i18n
from ui.link_monitor import LinkMonitor

AT = datetime(2026, 11, 20, 22, 14, 5, 250_000, tzinfo=ZoneInfo("Asia/Shanghai"))


def _journal() -> LinkJournal:
    journal = LinkJournal()
    journal.take(LinkStateChanged(LinkName.PMS, LinkStatus.UP, AT))
    journal.take(RawFrame(LinkName.PMS, False, b"GI|RN1508|G#100001|GNWang Fang|", AT))
    journal.take(RawFrame(LinkName.PMS, True, b"RE|RN1508|DNY|", AT + timedelta(seconds=1)))
    journal.take(LinkCounters(LinkName.PMS, 41, 7, 2, 1, AT))
    journal.take(LinkStateChanged(LinkName.SMDR, LinkStatus.DOWN, AT, "[Errno 111] Connection refused"))
    journal.take(RawFrame(LinkName.SMDR, False, b"garbage", AT, bad=True))
    return journal


def test_states_counters_and_frames_both_ways(qtbot: QtBot) -> None:
    monitor = LinkMonitor(_journal())
    qtbot.addWidget(monitor)
    monitor.show_link(LinkName.PMS)
    pms = monitor.pages[LinkName.PMS]
    assert "up" in pms.state.text()
    assert pms.counts.text() == "Last record 22:14:05.250 · records in 41, out 7 · errors 2 · reconnects 1"
    lines = pms.frames.toPlainText().splitlines()
    assert lines == [
        "22:14:05.250  ← GI|RN1508|G#100001|GNWang Fang|",
        "22:14:06.250  → RE|RN1508|DNY|",
    ]
    smdr = monitor.pages[LinkName.SMDR]
    assert "DOWN" in smdr.state.text() and "Connection refused" in smdr.state.text()
    assert smdr.counts.text() == "No records yet"
    assert smdr.frames.toPlainText() == "22:14:05.250  ← garbage [not understood]"


def test_frames_arrive_while_open_paused_or_closed_and_the_buffer_stays_bounded(qtbot: QtBot) -> None:
    journal = _journal()
    monitor = LinkMonitor(journal)
    qtbot.addWidget(monitor)
    monitor.show_link(LinkName.PMS)
    pms = monitor.pages[LinkName.PMS]
    journal.take(RawFrame(LinkName.PMS, False, b"LS|", AT))
    qtbot.waitUntil(lambda: pms.frames.toPlainText().endswith("← LS|"), timeout=2000)
    pms.pause.setChecked(True)
    journal.take(RawFrame(LinkName.PMS, False, b"LA|", AT))
    monitor.refresh()
    assert not pms.frames.toPlainText().endswith("LA|"), "paused: the text stands still"
    pms.pause.setChecked(False)
    monitor.refresh()
    assert pms.frames.toPlainText().endswith("← LA|")
    monitor.hide()
    for n in range(FRAMES_KEPT + 500):
        journal.take(RawFrame(LinkName.PMS, False, f"GI|RN{n}|".encode(), AT))
    monitor.show_link(LinkName.PMS)
    lines = pms.frames.toPlainText().splitlines()
    assert len(lines) == FRAMES_KEPT
    assert lines[-1].endswith(f"GI|RN{FRAMES_KEPT + 499}|")
    assert len(journal.links[LinkName.PMS].frames) == FRAMES_KEPT


def test_control_bytes_are_shown_by_name() -> None:
    assert frame_text(b"\x02LS|\x03\x06") == "<STX>LS|<ETX><ACK>"
    assert frame_text(b"\x00\x84") == "<00>\ufffd"


def test_the_status_bar_opens_the_monitor_on_the_clicked_link(qtbot: QtBot) -> None:
    from tests.test_main_window import window

    w = window(qtbot)
    clicked: list[LinkName] = []
    w.link_clicked.connect(clicked.append)
    qtbot.mouseClick(w.links[LinkName.SMDR], Qt.MouseButton.LeftButton)
    assert clicked == [LinkName.SMDR]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshot(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    """The monitor as the engineer sees it, in both languages (kept in docs/screenshots)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, language)
    try:
        monitor = LinkMonitor(_journal())
        qtbot.addWidget(monitor)
        monitor.show_link(LinkName.PMS)
        if language == "zh_CN":
            assert monitor.windowTitle() == "链路监视"
            assert "收到 41 条" in monitor.pages[LinkName.PMS].counts.text()
        shot = tmp_path / f"link-monitor-{language}.png"
        assert monitor.grab().save(str(shot))
        assert shot.stat().st_size > 5000
    finally:
        i18n.install(app, "en")


def test_a_gb18030_pms_frame_reads_as_written(qtbot: QtBot) -> None:
    """The PMS's names are shown in its own code page ([pms] encoding), not as UTF-8 gibberish."""
    from datetime import UTC, datetime

    from switchboard.link_monitor import LinkJournal, RawFrame, frame_text
    from switchboard.pbx import LinkName
    from ui.link_monitor import LinkMonitor

    data = "\x02GI|RN1208|GN王芳|\x03".encode("gb18030")
    assert "王芳" in frame_text(data, "gb18030") and "王芳" not in frame_text(data)
    journal = LinkJournal()
    journal.take(RawFrame(LinkName.PMS, False, data, datetime(2026, 12, 5, 3, 0, tzinfo=UTC)))
    monitor = LinkMonitor(journal, encodings={LinkName.PMS: "gb18030"})
    qtbot.addWidget(monitor)
    page = monitor.pages[LinkName.PMS]
    page.refresh()
    assert "GN王芳" in page.frames.toPlainText()
