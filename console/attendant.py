"""The attendant column (call queue, caller panel, directory) and the call keys over the pages."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from console.context import Console, seconds
from db.callers import SqlCallers
from db.console_calls import SqlConsoleCalls
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from switchboard.call_log import CallCategory
from switchboard.call_queue import CallQueue
from switchboard.directory import Directory
from switchboard.screen_pop import greeting_wording
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.call_handling import CallHandling
from ui.caller_panel import CallerPanel
from ui.directory_panel import DirectoryPanel
from ui.main_window import MainWindow
from ui.messages_page import MessagesPage
from ui.queue_panel import QueuePanel
from ui.wakeup_page import WakeUpPage


@dataclass
class Attendant:
    """The left column of the window and what it reads."""

    queue: QueuePanel
    caller: CallerPanel
    directory: DirectoryPanel
    callers: SqlCallers
    calls: SqlConsoleCalls
    lamps: BlfModel | None  # the lamp field's model, when the window has one


def build_attendant(window: MainWindow, console: Console) -> Attendant:
    """Queue, caller panel and directory in the attendant column, joined to the lamp field."""
    chinese = i18n.is_chinese(console.language)
    callers = SqlCallers(console.store, console.clock)
    call_book = SqlConsoleCalls(console.store, console.clock)
    lamps = window.lamp_field.model if isinstance(window.lamp_field, LampField) else None

    def is_dnd(extension: str) -> bool:
        lamp = lamps.lamp_of(extension) if lamps is not None else None
        return lamp is not None and lamp.dnd

    attendant = console.settings.section("attendant")
    queue = CallQueue(
        console.clock,
        ring_limit_s=seconds(attendant.get("ring_warning_s"), 12.0),
        held_limit_s=seconds(attendant.get("held_warning_s"), 30.0),
    )
    queue_panel = QueuePanel(queue, console.pbx, is_dnd=is_dnd, operator=lambda: console.actor.user)

    def save_note(call_id: str, category: CallCategory, note: str) -> None:
        call_book.categorise(call_id, category, note, console.actor)

    caller_panel = CallerPanel(
        callers,
        console.clock,
        chinese=chinese,
        save_note=save_note,
        wording=greeting_wording(console.settings.section("greeting")),
    )

    def emergency(caller: str) -> None:
        text = QCoreApplication.translate("Console", "EMERGENCY CALL from %1: answer with F5")
        window.statusBar().showMessage(text.replace("%1", caller), 60_000)
        QApplication.alert(window, 0)
        QApplication.beep()

    queue_panel.emergency.connect(emergency)
    directory_panel = DirectoryPanel(Directory(callers.directory_entries()))
    window.add_attendant_panel(queue_panel, 3)
    window.add_attendant_panel(caller_panel, 2)
    window.add_attendant_panel(directory_panel, 3)
    console.bridge.arrived.connect(queue_panel.on_event)
    queue_panel.connected.connect(caller_panel.show_call)
    queue_panel.failed.connect(window.statusBar().showMessage)
    if isinstance(window.lamp_field, LampField):
        window.lamp_field.extension_chosen.connect(queue_panel.connect_to)
        window.lamp_field.call_dropped.connect(queue_panel.transfer_call)
    directory_panel.chosen.connect(queue_panel.connect_to)
    for key, what in queue_panel.key_list():
        window.add_key(key, what)
    window.add_key(DirectoryPanel.FOCUS_KEY, QCoreApplication.translate("Console", "Search the directory"))
    console.panels.update(queue=queue_panel, caller=caller_panel, directory=directory_panel)
    refresh = QTimer(window)
    refresh.timeout.connect(lambda: directory_panel.set_directory(Directory(callers.directory_entries())))
    refresh.start(60_000)  # arrivals and room moves reach the directory within a minute
    console.on_quit.append(refresh.stop)
    return Attendant(queue_panel, caller_panel, directory_panel, callers, call_book, lamps)


def wire_call_handling(
    window: MainWindow,
    console: Console,
    attendant: Attendant,
    *,
    messages: MessagesPage,
    wakeups: WakeUpPage,
    rooms: SqlRoomBoard,
    logbook: SqlLogbook,
) -> CallHandling:
    """The keys that act on the caller's room from any page (message, DND, wake-up, note)."""

    def show(page: QWidget) -> None:
        window.show_page(window.pages.indexOf(page))

    def status(text: str) -> None:
        window.statusBar().showMessage(text, 15_000)

    handling = CallHandling(
        window=window,
        clock=console.clock,
        pbx=console.pbx,
        queue=attendant.queue,
        caller=attendant.caller,
        directory=attendant.directory,
        messages=messages,
        wakeups=wakeups,
        calls=attendant.calls,
        callers=attendant.callers,
        rooms=rooms,
        logbook=logbook,
        actor=lambda: console.actor,
        show=show,
        status=status,
    )
    for key, what in handling.key_list():
        window.add_key(key, what)
    window.handling = handling  # type: ignore[attr-defined]
    return handling
