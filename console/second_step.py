"""The training start's second step, after the window's first paint, without stopping the call keys.

What only reads or writes the database (the database layer imported, the store opened, migrated and
given its users, the demo hotel loaded on a first start, the lamp field read) runs on a worker thread
(``ui.off_gui.OffGuiRead``: a plain thread, its answer queued back to the GUI thread); it touches no
widget. The window is then built on the GUI thread in turns of the event loop (``in_turns``), so the
PBX's events that came meanwhile (the guest answered with F5 at the first paint) reach the queue
between them instead of after the whole step. A database that cannot be used is said in the same
words as before, in a box that leaves the call keys working (``console.arguments.tell_beside``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console.arguments import tell, tell_beside
from console.headless import take_screenshot
from console.shell import Shell
from switchboard.clock import Clock
from switchboard.lamp_field import FieldLamp
from switchboard.settings import ConsoleSettings
from ui.crash_guard import CrashGuard
from ui.off_gui import OffGuiRead

if TYPE_CHECKING:
    from db.store import Store
    from db.users import UserDirectory

_boxes: list[QMessageBox] = []  # a box said beside the window lives until the console ends


@dataclass(frozen=True)
class Opened:
    """What the worker hands to the GUI thread: the database open, its users, the lamp field read."""

    store: Store
    users: UserDirectory
    field: Sequence[FieldLamp]


def open_database(
    settings: ConsoleSettings, args: argparse.Namespace, folder: Path, clock: Clock, language: str
) -> Opened | str:
    """On the worker: no widget touched. The text to tell the operator when the database cannot be used."""
    from console import compose, session  # noqa: F401  SQLAlchemy, the rows and the pages' modules load here
    from db.lamp_field import SqlLampField

    opened = compose.open_database(settings, args, folder, clock, language)
    if isinstance(opened, str):
        return opened
    store, users = opened
    try:
        field = SqlLampField(store).field_lamps()
    except BaseException:
        store.dispose()
        raise
    return Opened(store, users, field)


def in_turns(steps: Sequence[Callable[[], None]]) -> None:
    """Each step on its own turn of the event loop, in order; a step that raises ends the chain (the
    crash guard says it, as it did when the whole second step was one call)."""
    if not steps:
        return
    first, rest = steps[0], steps[1:]

    def run() -> None:
        first()
        in_turns(rest)

    QTimer.singleShot(0, run)


def second_step(
    app: QApplication,
    args: argparse.Namespace,
    settings: ConsoleSettings,
    folder: Path,
    clock: Clock,
    language: str,
    shell: Shell,
    guard: CrashGuard,
) -> None:
    """The database opened on a worker, then the window built around the queue in short turns."""
    headless = args.screenshot is not None or args.quit_when_drawn
    window = shell.window

    def refuse(text: str) -> None:
        if headless:
            tell(text, headless=True)
            app.exit(2)
            return
        box = tell_beside(text)
        _boxes.append(box)
        box.finished.connect(lambda _result: app.exit(2))  # the operator read it: the console ends

    def build(opened: Opened | str) -> None:
        if isinstance(opened, str):
            refuse(opened)
            return
        from console import compose, session

        console = compose.make_console(
            app, settings, args, folder, clock, (opened.store, opened.users), shell, language
        )
        made: dict[str, object] = {}

        def join() -> None:
            made["emergencies"] = compose.join_window(shell, console, guard, opened.field)

        def attendant() -> None:
            made["attendant"] = compose.add_attendant(shell, console)

        def rest() -> None:
            # One turn from the first page to the sign-in: the window shows its pages, menus and
            # links together, and the status bar's "Opening the database…" goes with the last of them.
            attendant = made["attendant"]
            emergencies = made["emergencies"]
            assert isinstance(attendant, compose.Attendant) and isinstance(emergencies, list)
            menus = compose.add_pages(shell, console, attendant, emergencies)
            compose.start_console(shell, console, opened.field, menus)
            if args.quit_when_drawn:
                app.quit()  # the bench: drawn, and the second step done without an error
            elif headless:
                take_screenshot(app, window, console, shell.model, args)
            else:
                session.sign_in_beside(console, window)

        in_turns([join, attendant, rest])

    reader = OffGuiRead(window, "open-database")
    reader.run(lambda: open_database(settings, args, folder, clock, language), build)
