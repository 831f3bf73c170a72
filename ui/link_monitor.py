"""The engineer's link monitor: each outside link's state, counters and raw frames in both directions.

It reads the ``LinkJournal`` the window keeps from the link events, a few times a
second, so a resync of thousands of records costs the window one batch per tick.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QHideEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from switchboard.link_monitor import FRAMES_KEPT, LinkJournal, RawFrame, frame_text
from switchboard.pbx import LinkName, LinkStatus
from ui.main_window import LINK_COLOURS

REFRESH_MS = 250
MONITORED = (LinkName.PMS, LinkName.SMDR, LinkName.PBX)  # the PBX: what its guard dropped or refused


class LinkTab(QWidget):
    """One link: a state line, a counters line and the frames as they pass."""

    def __init__(
        self, journal: LinkJournal, link: LinkName, parent: QWidget | None = None, encoding: str = "utf-8"
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.link = link
        self.encoding = encoding  # the link's code page: a GB18030 PMS's names read as written
        self.seen = 0
        self.state = QLabel()
        self.state.setObjectName(f"state_{link.value}")
        self.counts = QLabel()
        self.counts.setObjectName(f"counts_{link.value}")
        self.frames = QPlainTextEdit()
        self.frames.setObjectName(f"frames_{link.value}")
        self.frames.setReadOnly(True)
        self.frames.setMaximumBlockCount(FRAMES_KEPT)
        self.frames.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.frames.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.pause = QCheckBox(self.tr("&Pause"))
        self.pause.setToolTip(self.tr("Stop the scrolling to read; frames keep being counted"))
        clear = QPushButton(self.tr("&Clear"))
        clear.clicked.connect(self.frames.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause)
        buttons.addStretch(1)
        buttons.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.counts)
        layout.addWidget(self.frames, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        view = self.journal.links[self.link]
        colour = LINK_COLOURS[view.status]
        words = {
            LinkStatus.UP: self.tr("up"),
            LinkStatus.CONNECTING: self.tr("connecting"),
            LinkStatus.DOWN: self.tr("DOWN"),
            LinkStatus.TRAINING: self.tr("training"),
            LinkStatus.DISABLED: self.tr("not configured"),
        }
        detail = f" — {view.detail}" if view.detail else ""
        self.state.setText(f"<span style='color:{colour}'>●</span> <b>{words[view.status]}</b>{detail}")
        c = view.counters
        if c is None:
            self.counts.setText(self.tr("No records yet"))
        else:
            last = _clock_time(c.last_record_at) if c.last_record_at else self.tr("never")
            self.counts.setText(
                self.tr("Last record %1 · records in %2, out %3 · errors %4 · reconnects %5")
                .replace("%1", last)
                .replace("%2", str(c.records_in))
                .replace("%3", str(c.records_out))
                .replace("%4", str(c.errors))
                .replace("%5", str(c.reconnects))
            )
        if self.pause.isChecked():
            return
        new = view.frames_since(self.seen)
        self.seen = view.serial
        if new:
            self.frames.appendPlainText("\n".join(self.line(f) for f in new))
            self.frames.moveCursor(QTextCursor.MoveOperation.End)

    def line(self, frame: RawFrame) -> str:
        arrow = "→" if frame.outgoing else "←"
        mark = self.tr(" [not understood]") if frame.bad else ""
        return f"{_clock_time(frame.at)}  {arrow} {frame_text(frame.data, self.encoding)}{mark}"


class LinkMonitor(QWidget):
    """A window of its own, opened from the Console menu or by clicking a link in the status bar."""

    def __init__(
        self,
        journal: LinkJournal,
        parent: QWidget | None = None,
        encodings: dict[LinkName, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link monitor"))
        self.resize(900, 520)
        self.tabs = QTabWidget()
        names = {
            LinkName.PMS: self.tr("PMS (FIAS)"),
            LinkName.SMDR: self.tr("Call records (SMDR)"),
            LinkName.PBX: self.tr("PBX (SIP)"),
        }
        codes = encodings or {}
        self.pages = {link: LinkTab(journal, link, encoding=codes.get(link, "utf-8")) for link in MONITORED}
        for link, page in self.pages.items():
            self.tabs.addTab(page, names[link])
        hint = QLabel(self.tr("→ sent by the console   ← received   Times are the console's clock"))
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(hint)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)

    def show_link(self, link: LinkName) -> None:
        if link in self.pages:
            self.tabs.setCurrentWidget(self.pages[link])
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start(REFRESH_MS)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def refresh(self) -> None:
        for page in self.pages.values():
            page.refresh()


def _clock_time(at: datetime) -> str:
    return at.strftime("%H:%M:%S.") + f"{at.microsecond // 1000:03d}"
