"""Starts without anyone looking: ``--quit-when-drawn`` (the start-up bench) and ``--screenshot``; and
the hook after the window's first paint that the start's second step waits for."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from console.context import Console
from ui.blf_model import BlfModel
from ui.main_window import MainWindow
from ui.queue_panel import QueuePanel


class FirstPaint(QObject):
    """Runs ``then`` on the turn of the event loop after the window's first paint; with ``say``
    (``--quit-when-drawn``) it first prints when that paint happened: the start-up bench's marker."""

    def __init__(self, window: MainWindow, then: Callable[[], None], *, say: bool = False) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        self._say = say
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            if self._say:
                print(f"drawn {time.time():.6f}", flush=True)
            QTimer.singleShot(0, then)
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
