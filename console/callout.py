"""The call-out of an emergency nobody acknowledged: the duty manager's and security's telephones
ring on wake-up lines (their own pjsua2 processes, so the console's four lines stay free) and play
"Emergency … room 1208 … dialled 110 … please go there now" in the hotel's language."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from console.context import Console
from hardware.wakeup.announcement import join, parts_for
from switchboard.emergency import Alarm
from switchboard.wakeup_plan import DialOrder
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from hardware.wakeup.lines import SipLines

log = logging.getLogger("switchboard")


class CallOut:
    def __init__(self, console: Console, window: MainWindow) -> None:
        section = console.settings.section("emergency")
        self.console = console
        self.window = window
        self.extensions = [e.strip() for e in section.get("call_out", "").split(",") if e.strip().isdigit()]
        self.language = section.get("language", "zh" if console.language.startswith("zh") else "en")
        self._lines: SipLines | None = None
        self._timer = QTimer(window)
        self._timer.timeout.connect(self._results)
        self.placed: list[tuple[str, str]] = []  # (extension, recording), for the log and the tests
        self.results: list[tuple[str, str]] = []  # (extension, how the call ended)
        self._waiting: list[tuple[DialOrder, Path]] = []  # placed when a line is free (lines start first)

    def place(self, alarm: Alarm) -> None:
        if not self.extensions:
            log.error("[emergency] call_out names no extension: nobody is called out")
            return
        recording = join(
            parts_for(alarm.room or alarm.extension, alarm.number, self.language),
            self.console.data_dir / "call-outs" / f"emergency-{alarm.id}.wav",
        )
        now = self.console.clock.now()
        for n, extension in enumerate(self.extensions, 1):
            self.placed.append((extension, str(recording)))
            if self.console.training:
                log.warning("training: the call-out would ring %s now", extension)
                continue
            # the lines tell calls apart by (id, attempt): one "attempt" per extension called out
            order = DialOrder(-alarm.id, n, alarm.room, extension, self.language, now, now)
            self._waiting.append((order, recording))
        if self._waiting:
            self._start()
            self._pump()

    def _start(self) -> SipLines:
        if self._lines is None:
            from hardware.wakeup.lines import SipLines

            pbx = self.console.settings.section("pbx")
            # the lines hear only the PBX: its server's addresses and [pbx] trusted (a cluster's other nodes)
            proxy, trusted = pbx.get("server", "").strip(), pbx.get("trusted", "").split(",")
            self._lines = SipLines(proxy, max(len(self.extensions), 1), trusted=trusted)
            self.console.on_quit.append(self._lines.close)
            self._timer.start(500)
        return self._lines

    def _pump(self) -> None:
        """Each waiting call-out on a free line (the line processes take a moment to start)."""
        lines = self._lines
        while lines is not None and self._waiting and lines.free() > 0:
            order, recording = self._waiting.pop(0)
            lines.place(order, recording, ring_s=45.0, listen_s=20.0)

    def _results(self) -> None:
        if self._lines is None:
            return
        self._pump()
        for order, result, detail in self._lines.results(0):
            self.results.append((order.extension, result.value))
            log.warning("emergency call-out to %s: %s %s", order.extension, result.value, detail)
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Console", "Emergency call-out to %1: %2")
                .replace("%1", order.extension)
                .replace("%2", result.value),
                30_000,
            )
