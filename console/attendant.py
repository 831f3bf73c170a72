"""The attendant column (call queue, park area, caller panel, directory, transfer outcomes) and the
call keys over the pages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from console.context import Console, seconds
from console.shell import build_queue
from db.callers import SqlCallers
from db.console_calls import SqlConsoleCalls
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.privacy_calls import SqlPrivacyCalls
from db.room_board import SqlRoomBoard
from switchboard.call_log import CallCategory
from switchboard.directory import Directory
from switchboard.errors import ConsoleError, DatabaseUnavailable
from switchboard.parking import plan_park_slots
from switchboard.privacy_call import privacy_words
from switchboard.screen_pop import greeting_wording
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.call_handling import CAMP_ON_RECALL_S, CallHandling, join_pickers
from ui.call_history import CallHistory, party_name
from ui.caller_panel import CallerPanel
from ui.directory_panel import DirectoryPanel, marks_from
from ui.main_window import MainWindow
from ui.messages_page import MessagesPage
from ui.note_band import NoteBand
from ui.park_panel import PICKUP_KEY, ParkPanel
from ui.privacy_transfer import PrivacyTransfer
from ui.queue_panel import QueuePanel
from ui.rooms_page import RoomsPage
from ui.wakeup_page import WakeUpPage

log = logging.getLogger("switchboard")
PARK_RECALL_S = 120.0


@dataclass
class Attendant:
    """The left column of the window and what it reads."""

    queue: QueuePanel
    caller: CallerPanel
    directory: DirectoryPanel
    callers: SqlCallers
    calls: SqlConsoleCalls
    lamps: BlfModel | None  # the lamp field's model, when the window has one
    park: ParkPanel
    history: CallHistory
    camp_recall_s: float = CAMP_ON_RECALL_S
    name_of: Callable[[str], str] = lambda _number: ""  # the caller's name and VIP mark


def build_attendant(
    window: MainWindow, console: Console, queue: tuple[QueuePanel, ParkPanel] | None = None
) -> Attendant:
    """Caller panel, directory and transfer lines in the attendant column under the queue and the park
    area (``queue``, built before the database was open; else built here), joined to the lamp field;
    the park slots and recall time given to the PBX."""
    chinese = i18n.is_chinese(console.language)
    callers = SqlCallers(console.store, console.clock)
    call_book = SqlConsoleCalls(console.store, console.clock)
    lamps = window.lamp_field.model if isinstance(window.lamp_field, LampField) else None
    attendant = console.settings.section("attendant")

    def name_of(number: str) -> str:
        """The caller's name and VIP mark for the queue and the park area (none for a privacy guest)."""
        try:
            return party_name(callers.who(number), chinese)
        except ConsoleError as exc:  # the database away: the number alone still shows
            log.warning("no name for %s: %s", number, exc)
            return ""

    def is_dnd(extension: str) -> bool:
        lamp = lamps.lamp_of(extension) if lamps is not None else None
        return lamp is not None and lamp.dnd

    queue_panel, park_panel = queue or build_queue(
        window,
        console.settings,
        console.clock,
        console.pbx,
        console.bridge,
        is_dnd=is_dnd,
        operator=lambda: console.actor.user,
        name_of=name_of,
    )
    history = CallHistory(callers.who, chinese=chinese)
    queue_panel.outcome.connect(history.add)
    set_parking(window, console, lamps)

    def save_note(call_id: str, category: CallCategory, note: str) -> None:
        call_book.categorise(call_id, category, note, console.actor)

    caller_panel = CallerPanel(
        callers,
        console.clock,
        chinese=chinese,
        save_note=save_note,
        wording=greeting_wording(console.settings.section("greeting")),
    )

    directory_panel = DirectoryPanel(
        Directory(callers.directory_entries()),
        lamp_marks=marks_from(lamps) if lamps is not None else None,
        privacy_words=privacy_words(console.settings.section("greeting")),
    )
    window.add_attendant_panel(caller_panel, 2)
    window.add_attendant_panel(directory_panel, 3)
    window.add_attendant_panel(history, 1)
    queue_panel.connected.connect(caller_panel.show_call)
    active = queue_panel.queue.active()
    if active is not None:  # answered while the database was being opened
        caller_panel.show_call(active.call_id, active.caller)
    join_pickers(
        queue_panel, directory_panel, window.lamp_field if isinstance(window.lamp_field, LampField) else None
    )
    if lamps is not None:
        lamps.dataChanged.connect(directory_panel.refresh_marks)
    window.add_key(PICKUP_KEY, QCoreApplication.translate("Console", "Pick up a parked or waiting call"))
    window.add_key(DirectoryPanel.FOCUS_KEY, QCoreApplication.translate("Console", "Search the directory"))
    console.panels.update(
        queue=queue_panel, park=park_panel, caller=caller_panel, directory=directory_panel, history=history
    )
    def refresh_directory() -> None:
        """Each minute. With the database away the directory keeps what it has (the DATABASE lamp
        says the database is away), rather than raising into the event loop each minute."""
        try:
            directory_panel.set_directory(Directory(callers.directory_entries()))
        except DatabaseUnavailable as exc:
            log.info("directory not refreshed, the database is away: %s", exc.key)

    refresh = QTimer(window)
    refresh.timeout.connect(refresh_directory)
    refresh.start(60_000)  # arrivals and room moves reach the directory within a minute
    console.on_quit.append(refresh.stop)
    return Attendant(
        queue_panel,
        caller_panel,
        directory_panel,
        callers,
        call_book,
        lamps,
        park_panel,
        history,
        seconds(attendant.get("camp_recall_s"), CAMP_ON_RECALL_S),
        name_of=name_of,
    )


def set_parking(window: MainWindow, console: Console, lamps: BlfModel | None) -> None:
    """Park slots from ``[pbx] park_slots`` (default 7901-7909), less any that is an extension of the
    plan, and the recall time ``[attendant] park_recall_s``; the operator is told of slots left out."""
    spec = console.settings.section("pbx").get("park_slots", "")
    recall_s = seconds(console.settings.section("attendant").get("park_recall_s"), PARK_RECALL_S)
    try:
        plan = plan_park_slots(spec, lamps.extensions() if lamps is not None else [])
    except ConsoleError as exc:
        log.error("[pbx] park_slots ignored: %s", exc)
        plan = plan_park_slots("", lamps.extensions() if lamps is not None else [])
    if plan.collisions:
        log.warning("park slots left out, they are extensions: %s", ", ".join(plan.collisions))
        text = QCoreApplication.translate(
            "Console", "Park slots %1 are extensions too: not used for parking."
        )
        window.statusBar().showMessage(text.replace("%1", ", ".join(plan.collisions)), 60_000)
    console.pbx.set_parking(plan.slots, recall_s)


def show_note(window: MainWindow, title: str, text: str) -> NoteBand:
    """Information for the operator as a band across the window, not a box: the call keys go on working
    while it is shown (the duty manager on duty, Ctrl+J); a newer note replaces it."""
    for earlier in window.findChildren(NoteBand):
        earlier.dismiss()
    band = NoteBand(title, text)
    window.add_notice_panel(band)
    band.show()
    return band


def wire_call_handling(
    window: MainWindow,
    console: Console,
    attendant: Attendant,
    *,
    messages: MessagesPage,
    wakeups: WakeUpPage,
    rooms: SqlRoomBoard,
    logbook: SqlLogbook,
    rooms_page: RoomsPage | None = None,
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
        camp_recall_s=attendant.camp_recall_s,
        ask_dnd_until=(lambda room: ask_until(rooms_page, room)) if rooms_page is not None else None,
    )

    def ask_until(page: RoomsPage, room: str) -> None:
        show(page)
        page.ask_dnd_until(room)

    for key, what in handling.key_list():
        window.add_key(key, what)
    window.handling = handling  # type: ignore[attr-defined]
    lamps = attendant.lamps

    def message_lamp(extension: str, on: bool) -> None:
        console.pbx.set_message_lamp(extension, on)
        if lamps is not None:
            lamps.update_marks(extension, message_waiting=on)

    # a privacy guest: a transfer only once the operator confirms the caller gave the agreed word
    privacy = PrivacyTransfer(
        queue=attendant.queue,
        directory=attendant.directory,
        calls=SqlPrivacyCalls(
            console.store, console.clock, SqlMessageBook(console.store, console.clock, message_lamp)
        ),
        actor=lambda: console.actor,
        status=status,
        history=attendant.history,
    )
    handling.refusal_hooks.append(privacy.refused)
    handling.privacy = privacy  # type: ignore[attr-defined]
    return handling
