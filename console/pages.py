"""The pages on the right of the window, in the order the operator finds them, and how
what other positions change reaches them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from console.attendant import Attendant, show_note, wire_call_handling
from console.context import Console
from console.wakeups import build_wakeup_page
from db.board import SqlBoard
from db.change_feed import SqlChangeFeed
from db.dnd_ends import SqlDndEnds
from db.duties import SqlDuties
from db.frontoffice import SqlFrontOffice
from db.handover import SqlHandovers
from db.hotel_info import SqlHotelInfo
from db.lamp_field import SqlLampField
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.room_wings import SqlRoomWings
from db.wakeup_book import SqlWakeUpBook
from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor, Housekeeping
from switchboard.shifts import shift_at
from ui import i18n
from ui.arrivals_page import ArrivalsPage
from ui.blf_model import BlfModel
from ui.board_page import BoardPage
from ui.duty_panel import DutyPanel
from ui.errors import explain
from ui.hotel_info_page import HotelInfoPage
from ui.logbook_page import LogbookPage
from ui.main_window import MainWindow
from ui.messages_page import MessagesPage
from ui.rooms_page import RoomsPage
from ui.wakeup_page import WakeUpPage


@dataclass
class Pages:
    rooms: RoomsPage
    wakeups: WakeUpPage
    messages: MessagesPage
    logbook: LogbookPage
    board: BoardPage
    arrivals: ArrivalsPage
    front_office: SqlFrontOffice


def build_pages(window: MainWindow, console: Console, attendant: Attendant) -> Pages:
    """Every page of the window, the call keys over them, and the timers that keep them current."""
    chinese = i18n.is_chinese(console.language)
    lamps = attendant.lamps

    def dnd_to_pbx(extension: str, on: bool) -> None:
        console.pbx.set_dnd(extension, on)
        if lamps is not None:
            lamps.update_marks(extension, dnd=on)

    def message_lamp_to_pbx(extension: str, on: bool) -> None:
        console.pbx.set_message_lamp(extension, on)
        if lamps is not None:
            lamps.update_marks(extension, message_waiting=on)

    def actor() -> Actor:
        return console.actor

    room_board = SqlRoomBoard(console.store, console.clock, dnd_to_pbx)
    wakeup_book = SqlWakeUpBook(console.store, console.clock)
    log_book = SqlLogbook(console.store, console.clock)
    def housekeeping_news(room: str, status: Housekeeping, occupied: bool) -> None:
        for tell in console.housekeeping_news:
            tell(room, status, occupied)

    front_office = SqlFrontOffice(
        console.store,
        console.clock,
        on_dnd=dnd_to_pbx,
        on_lamp=message_lamp_to_pbx,
        on_housekeeping=housekeeping_news,
    )
    def pms_message_delivered(room: str, reservation: str, number: str) -> None:
        for tell in console.pms_message_delivered:
            tell(room, reservation, number)

    message_book = SqlMessageBook(
        console.store, console.clock, message_lamp_to_pbx, on_pms_delivered=pms_message_delivered
    )
    rooms = RoomsPage(
        room_board,
        actor,
        desk=front_office,
        now=console.clock.now,
        waiting_messages=lambda number: sum(1 for m in message_book.waiting(actor()) if m.room == number),
        dnd_ends=SqlDndEnds(console.store, console.clock).ends,
        wakeups_of=lambda number: [w.due_at for w in wakeup_book.upcoming(actor()) if w.room == number],
        wings=SqlRoomWings(console.store, console.clock),
    )
    window.add_page(rooms, QCoreApplication.translate("Console", "Rooms"), "Ctrl+2")
    for key, what in rooms.key_list():
        window.add_key(key, what)
    wakeups = build_wakeup_page(window, console, actor)
    messages = MessagesPage(message_book, console.clock, actor)
    logbook = LogbookPage(log_book, actor, console.clock.now)
    window.add_page(messages, QCoreApplication.translate("Console", "Messages"), "Ctrl+4")
    window.add_page(logbook, QCoreApplication.translate("Console", "Logbook"), "Ctrl+5")
    info = HotelInfoPage(SqlHotelInfo(console.store, console.clock), actor, chinese=chinese)
    window.add_page(info, QCoreApplication.translate("Console", "Hotel information"), "Ctrl+6")
    wire_call_handling(
        window,
        console,
        attendant,
        messages=messages,
        wakeups=wakeups,
        rooms=room_board,
        logbook=log_book,
        rooms_page=rooms,
    )
    board = BoardPage(
        SqlBoard(console.store, console.clock),
        SqlDuties(console.store, console.clock),
        lambda: shift_at(console.clock.now()),
        actor,
        chinese=chinese,
        pending_handovers=SqlHandovers(console.store, console.clock).unacknowledged,
    )
    window.add_page(board, QCoreApplication.translate("Console", "Daily board"), "Ctrl+7")
    arrivals = ArrivalsPage(
        SqlBoard(console.store, console.clock),
        actor,
        console.clock.now,
        console.hotel_name(),
        in_house=room_board.rooms,
    )
    window.add_page(arrivals, QCoreApplication.translate("Console", "VIP and arrivals"), "Ctrl+8")

    def duty_manager() -> None:
        try:
            on_duty = SqlBoard(console.store, console.clock).today(console.actor).duty_manager
        except PermissionDenied as exc:
            on_duty = explain(exc)
        show_note(  # a band, not a box: F5 answers while it shows
            window,
            QCoreApplication.translate("Console", "Duty manager"),
            on_duty or QCoreApplication.translate("Console", "Nobody is on the duty manager roster now."),
        )

    window.add_console_action(
        QCoreApplication.translate("Console", "&Duty manager on duty…"), "Ctrl+J", duty_manager
    )
    # Ctrl+Q asks while any caller is here: ringing, talking, held, or parked and camped on aside
    window.calls_waiting = lambda: len(attendant.queue.queue.calls()) + len(attendant.queue.queue.aside())

    def on_the_line() -> tuple[str, int]:  # the cover: who is on the headset, and how many others
        active = attendant.queue.queue.active()
        return (active.caller if active is not None else "", window.calls_waiting() - (active is not None))

    window.on_the_line = on_the_line
    attendant.queue.changed.connect(window.refresh_cover)
    console.panels.update(rooms=rooms, wakeups=wakeups, messages=messages, logbook=logbook, board=board)
    pages = Pages(rooms, wakeups, messages, logbook, board, arrivals, front_office)
    console.on_user.append(lambda: show_to_whoever_signed_in(pages))
    watch_duties(window, console, board)
    follow_other_positions(window, console, pages, lamps)
    return pages


def show_to_whoever_signed_in(pages: Pages) -> None:
    """Someone signed in or out: every page reads again as that user, so what the last one's role
    read is gone and a page the new role may not read says so."""
    for page in (pages.rooms, pages.wakeups, pages.messages, pages.logbook, pages.board, pages.arrivals):
        page.refresh()


def watch_duties(window: MainWindow, console: Console, board: BoardPage) -> DutyPanel:
    """Timed duties that fall due stand in a panel across the window until ticked, with a chime."""

    def chime() -> None:
        QApplication.beep()
        QApplication.alert(window)

    panel = DutyPanel(
        SqlDuties(console.store, console.clock),
        lambda: shift_at(console.clock.now()),
        lambda: console.actor,
        chime=chime,
        now=console.clock.now,
        chinese=i18n.is_chinese(console.language),
    )
    window.add_notice_panel(panel)
    panel.ticked.connect(lambda _duty: board.refresh())
    panel.check()
    console.on_quit.append(panel.stop)
    return panel


def follow_other_positions(
    window: MainWindow, console: Console, pages: Pages, lamps: BlfModel | None
) -> None:
    """What another console or the front desk changed reaches this screen within a second."""
    feed = SqlChangeFeed(console.store, console.settings.position)
    field_source = SqlLampField(console.store)

    def other_positions() -> None:
        pages.front_office.expire_dnd_if_due()
        topics = feed.poll().topics
        if topics & {"room", "stay"}:
            pages.rooms.refresh()
            if lamps is not None:
                lamps.set_lamps(field_source.field_lamps())
        if "message" in topics:
            pages.messages.refresh()
        if "wakeup" in topics:
            pages.wakeups.refresh()
        if "logbook" in topics:
            pages.logbook.refresh()
        if topics & {"handover", "room", "stay"}:
            pages.board.refresh()
            pages.arrivals.refresh()

    purge_timer = QTimer(window)
    purge_timer.timeout.connect(pages.front_office.purge_messages)
    purge_timer.start(3_600_000)
    console.on_quit.append(purge_timer.stop)

    feed_timer = QTimer(window)
    feed_timer.timeout.connect(other_positions)
    feed_timer.start(1000)
    console.on_quit.append(feed_timer.stop)
