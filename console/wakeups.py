"""The wake-up page, its alarms and keys, and the dialler process that places the calls."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from console.context import Console
from db.dnd_ends import SqlDndEnds
from db.wakeup_book import DIALLER_STALE, SqlWakeUpBook
from db.wakeup_groups import SqlWakeUpGroups
from db.wakeup_history import SqlWakeUpHistory
from db.wakeup_personal import SqlPersonalWakeUps
from switchboard.hotel import Actor
from switchboard.wakeup_groups import personal_backup_from
from switchboard.wakeup_plan import rules_from
from ui.main_window import MainWindow
from ui.wakeup_history import WakeUpHistoryPage
from ui.wakeup_page import WakeUpPage

log = logging.getLogger("switchboard")

MAIN = Path(__file__).resolve().parent.parent / "main.py"  # the dialler is ``main.py --dialler``


def build_wakeup_page(window: MainWindow, console: Console, actor: Callable[[], Actor]) -> WakeUpPage:
    """The wake-up page with its alarm band, the F2/F4 keys for calls that need a person, group
    wake-ups and the personal (VIP) wake-ups' band with Ctrl+Shift+P to mark one called."""
    rules, notes = rules_from(console.settings.section("wakeup"))
    backup, backup_notes = personal_backup_from(console.settings.section("wakeup"))
    for note in notes + backup_notes:
        log.warning("%s", note)
    wakeup_book = SqlWakeUpBook(console.store, console.clock, personal_backup=backup)
    wakeups = WakeUpPage(
        wakeup_book,
        actor,
        console.clock.now,
        per_minute=rules.per_minute,
        dial=console.pbx.dial,
        dnd_of=SqlDndEnds(console.store, console.clock).dnd_of,
        groups=SqlWakeUpGroups(console.store, console.clock, personal_backup=backup),
        personal=SqlPersonalWakeUps(console.store, console.clock),
        personal_backup=backup,
    )
    window.add_page(wakeups, QCoreApplication.translate("Console", "Wake-up calls"), "Ctrl+3")
    history = WakeUpHistoryPage(
        SqlWakeUpHistory(console.store, console.clock), actor, console.clock.now, console.hotel_name()
    )
    window.add_page(history, QCoreApplication.translate("Console", "Wake-up history"), "Ctrl+9")
    window.page_shown.connect(lambda widget: widget is history and history.refresh())
    console.on_user.append(history.refresh)  # the last user's list is not left for the next

    def wakeups_due(rooms_due: list[str]) -> None:
        text = QCoreApplication.translate("Console", "Wake-up due now, call by hand: room %1")
        window.statusBar().showMessage(text.replace("%1", ", ".join(rooms_due)))
        QApplication.alert(window)

    wakeups.due.connect(wakeups_due)

    def wakeup_alarm(rooms_waiting: list[str]) -> None:
        if rooms_waiting:
            text = QCoreApplication.translate(
                "Console", "WAKE-UP NEEDS A PERSON: room %1 — F2 call the room · F4 send someone"
            )
            window.show_alarm(text.replace("%1", ", ".join(rooms_waiting)))
        else:
            window.clear_alarm()

    wakeups.waiting_for_a_person.connect(wakeup_alarm)

    def personal_due(rooms_due: list[str]) -> None:
        if rooms_due:  # on whatever page the operator is: the band itself is on the wake-up page
            text = QCoreApplication.translate(
                "Console", "VIP wake-up: call room %1 in person now, then Ctrl+Shift+P"
            )
            window.statusBar().showMessage(text.replace("%1", ", ".join(rooms_due)))
            QApplication.alert(window)

    if wakeups.personal is not None:
        wakeups.personal.waiting.connect(personal_due)
    wakeups.refresh()  # calls left on the manual list before a restart raise the alarm at once
    keep_dialler_running(console, wakeup_book, window, headless=console.headless)
    watch_person_list(console, window, wakeups)

    def wakeup_action(act: Callable[[], None]) -> None:
        window.show_page(window.pages.indexOf(wakeups))
        act()

    window.add_console_action(
        QCoreApplication.translate("Console", "Wake-up: &call the room that needs a person"),
        "F2",
        lambda: wakeup_action(wakeups.call_room),
    )
    window.add_console_action(
        QCoreApplication.translate("Console", "Wake-up: &send someone to the door…"),
        "F4",
        lambda: wakeup_action(wakeups.send_someone),
    )
    window.add_console_action(
        QCoreApplication.translate("Console", "Wake-up: VIP called in &person"),
        "Ctrl+Shift+P",
        lambda: wakeup_action(wakeups.called_in_person),
    )
    return wakeups


def watch_person_list(console: Console, window: MainWindow, wakeups: WakeUpPage) -> None:
    """While the database is away the dialler lists the wake-ups that need a person in the data folder
    (``wakeup-calls-for-a-person.txt`` for the printer, ``.json`` for the consoles): the alarm band says
    them, room by room, until the list is gone (the dialler reconciled it with the database)."""
    from hardware.wakeup.person_list import read_person_list

    showing = [False]

    def check() -> None:
        calls = read_person_list(console.data_dir)
        if calls:
            zone = console.clock.now().tzinfo
            rooms = ", ".join(f"{c.room} ({c.due_at.astimezone(zone):%H:%M})" for c in calls)
            text = QCoreApplication.translate(
                "Console",
                "WAKE-UP NEEDS A PERSON (the database is away; the dialler's list): room %1 — "
                "printable list: %2",
            )
            window.show_alarm(text.replace("%1", rooms).replace("%2", str(console.data_dir)))
            showing[0] = True
        elif showing[0]:
            showing[0] = False
            window.clear_alarm()
            wakeups.refresh()  # back in the database: its own alarm if any call still needs a person

    timer = QTimer(window)
    timer.timeout.connect(check)
    timer.start(5_000)
    console.on_quit.append(timer.stop)


def keep_dialler_running(console: Console, book: SqlWakeUpBook, parent: QWidget, *, headless: bool) -> None:
    """The wake-up dialler is a process of its own, so a window that closes or crashes does not stop
    wake-ups: started here when no dialler beats, and again whenever it stops beating.
    ``[wakeup] dialler = off`` when the hotel runs ``main.py --dialler`` as a service instead."""
    choice = console.settings.section("wakeup").get("dialler", "auto").strip().lower()
    if choice == "off" or (choice == "auto" and headless):
        return
    started: list[subprocess.Popen[bytes]] = []

    def check() -> None:
        state = book.dialler()
        if state is not None and console.clock.now() - state.beat_at < DIALLER_STALE:
            return
        if started and started[-1].poll() is None and state is None:
            return  # still starting
        zone = getattr(console.clock.now().tzinfo, "key", None)
        command = [
            sys.executable,
            str(MAIN),
            "--dialler",
            "--settings",
            str(console.settings_file),
            "--data-dir",
            str(console.data_dir),
        ]
        command += ["--timezone", zone] if zone else []
        from dialler import DATABASE_VARIABLE  # the dialler's parts load in its own process, not here

        log.warning("no wake-up dialler is beating; starting one")
        started.append(
            subprocess.Popen(
                command,
                env={**os.environ, DATABASE_VARIABLE: console.store.url},  # not on the command line
                start_new_session=True,  # outlives this window
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )

    check()
    timer = QTimer(parent)
    timer.timeout.connect(check)
    timer.start(15_000)
