"""Starts without anyone looking: ``--quit-when-drawn`` (the start-up bench) and ``--screenshot``."""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from console.context import Console
from ui.blf_model import BlfModel
from ui.main_window import MainWindow
from ui.queue_panel import QueuePanel


class FirstPaint(QObject):
    """``--quit-when-drawn``: says when the window has first been painted, and quits (the start-up bench)."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Paint:
            print(f"drawn {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def take_screenshot(
    app: QApplication, window: MainWindow, console: Console, model: BlfModel, args: argparse.Namespace
) -> None:
    """``--screenshot``: wait until the window has drawn, save it, exit."""

    def capture() -> None:
        model.flush()
        window.repaint()
        ok = window.grab().save(str(args.screenshot))
        if not ok:
            print(f"could not write {args.screenshot}", file=sys.stderr)
        app.exit(0 if ok else 1)

    if args.page:
        window.show_page(args.page)
    if args.answer_first:
        queue = console.panels["queue"]
        assert isinstance(queue, QueuePanel)
        QTimer.singleShot(int(args.wait * 500), queue.answer_next)
    QTimer.singleShot(int(args.wait * 1000), capture)
