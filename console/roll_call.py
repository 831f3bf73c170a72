"""The evacuation roll-call board (Ctrl+0), read every second; in training mode the console rings the
roll-call itself on the training PBX's lines, so it can be practised without the dialler. On a SIP
PBX the wake-up dialler rings it (hardware.wakeup.roll_caller.RollCaller in its turn)."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QTimer

from console.context import Console
from db.roll_call_board import SqlRollCallBoard
from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from hardware.wakeup.lines import TrainingLines
from hardware.wakeup.roll_caller import RollCaller
from switchboard.errors import ConsoleError
from ui.main_window import MainWindow
from ui.roll_call_page import RollCallPage

log = logging.getLogger("switchboard")

PAGE_KEY = "Ctrl+0"  # Ctrl+9 is the wake-up history
TRAINING_LINES = 8


class TrainingRollCall:
    """The roll-call rung inside the console on the training PBX's pretend rooms."""

    def __init__(self, book: SqlRollCalls, console: Console, parent: RollCallPage) -> None:
        self.lines = TrainingLines(TRAINING_LINES, seconds=(2.0, 8.0))
        self.caller = RollCaller(book, self.lines, console.clock, retry_after=timedelta(seconds=30))
        self.timer = QTimer(parent)
        self.timer.timeout.connect(self.turn)
        console.on_quit.append(self.timer.stop)

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start(250)
            self.turn()

    def turn(self) -> None:
        try:
            running = self.caller.turn()
            self.caller.take(self.lines.results(0))
        except ConsoleError as exc:  # the database is away: the next turn tries again
            log.warning("training roll-call turn failed: %s", exc)
            return
        if not running:
            self.lines.close()
            self.timer.stop()


def build_roll_call_page(console: Console, window: MainWindow) -> RollCallPage:
    book = SqlRollCalls(console.store, console.clock)
    rooms = SqlRoomBoard(console.store, console.clock)
    floors, wings = rooms.floors(), rooms.wings()
    page = RollCallPage(
        book,
        SqlRollCallBoard(console.store).stamp,
        console.users,
        lambda: console.user.username if console.user is not None else "",
        console.settings.position,
        console.clock.now,
        console.hotel_name(),
        floors,
        wings,
    )
    window.add_page(page, page.title(), PAGE_KEY)
    timer = QTimer(page)
    timer.timeout.connect(page.refresh)
    timer.start(1000)
    console.on_quit.append(timer.stop)
    console.panels["roll_call"] = page
    if console.training:
        ringing = TrainingRollCall(book, console, page)
        page.started.connect(lambda _id: ringing.start())
        if book.running_id() is not None:  # the console was restarted during one
            ringing.start()
    return page
