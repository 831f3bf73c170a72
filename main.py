"""The hotel switchboard console: the composition root.

The one module that imports every package: it reads the settings, opens the
database, starts the PBX position and the links, builds the window and its
pages, and wires threads to the GUI through the one event bridge.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

import dialler
from db.board import SqlBoard
from db.call_records import ChargeDue, SqlCallRecords
from db.callers import SqlCallers
from db.change_feed import SqlChangeFeed
from db.console_calls import SqlConsoleCalls
from db.duties import SqlDuties
from db.frontoffice import SqlFrontOffice
from db.handover import SqlHandovers
from db.hotel_info import SqlHotelInfo
from db.lamp_field import SqlLampField
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.seed import DEMO_USERS, is_empty, seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.shifts import SqlShifts
from db.store import Store, sqlite_url
from db.users import UserDirectory
from db.wakeup_book import DIALLER_STALE, SqlPmsAnswers, SqlPmsWakeUps, SqlWakeUpBook
from dialler import DATABASE_VARIABLE
from hardware.fias_link import FiasLink, LinkSettings
from hardware.sip.headset import Headset, HeadsetError
from hardware.sip.headset import devices as headset_devices
from hardware.sip.position import SipPosition
from hardware.smdr_reader import SmdrReader, SmdrSettings
from hardware.training_pbx import TrainingPbx
from switchboard import demo_hotel
from switchboard import settings as console_settings
from switchboard.auth import User
from switchboard.call_log import CallCategory
from switchboard.call_queue import CallQueue
from switchboard.clock import Clock, SystemClock, zone_named
from switchboard.directory import Directory
from switchboard.duties import DutyState
from switchboard.errors import ConsoleError
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.session import Posting
from switchboard.hotel import Actor, ExtensionKind, Role
from switchboard.link_monitor import LinkJournal
from switchboard.pbx import (
    CallKind,
    LampChanged,
    LinkName,
    LinkStateChanged,
    LinkStatus,
    PbxEvent,
    PbxPosition,
    PositionSettings,
)
from switchboard.screen_pop import greeting_wording
from switchboard.settings import ConsoleSettings
from switchboard.shifts import shift_at
from switchboard.sip_field import on_field, parse_field
from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import CallRecord, SmdrFormat
from switchboard.wakeup_plan import rules_from
from ui import i18n
from ui.arrivals_page import ArrivalsPage
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.board_page import BoardPage
from ui.bridge import EventBridge
from ui.call_handling import CallHandling
from ui.caller_panel import CallerPanel
from ui.crash_guard import CrashGuard
from ui.directory_panel import DirectoryPanel
from ui.errors import explain
from ui.handover_dialog import HandOverDialog, TakeOverDialog
from ui.hotel_info_page import HotelInfoPage
from ui.link_monitor import LinkMonitor
from ui.logbook_page import LogbookPage
from ui.main_window import MainWindow
from ui.messages_page import MessagesPage
from ui.queue_panel import QueuePanel
from ui.rooms_page import RoomsPage
from ui.settings_dialog import SettingsDialog
from ui.shift_report import render
from ui.signin_dialog import FirstAdministratorDialog, SignInDialog
from ui.sip_settings import SipSettingsDialog
from ui.wakeup_page import WakeUpPage

log = logging.getLogger("switchboard")

SCREENSHOT_WAIT_MS = 2500


@dataclass
class Console:
    """What the pages are built from."""

    app: QApplication
    settings: ConsoleSettings
    settings_file: Path
    data_dir: Path
    clock: Clock
    store: Store
    users: UserDirectory
    pbx: PbxPosition
    bridge: EventBridge
    language: str
    training: bool
    user: User | None = None
    panels: dict[str, QWidget] = field(default_factory=dict)
    sign_in_id: int | None = None
    headless: bool = False
    on_quit: list[Callable[[], None]] = field(default_factory=list)
    links: LinkJournal = field(default_factory=LinkJournal)  # what the link monitor shows

    @property
    def actor(self) -> Actor:
        if self.user is None:
            return Actor(user="?", position=self.settings.position)
        return Actor(user=self.user.username, position=self.settings.position, role=self.user.role)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Hotel switchboard console. Without options: the settings file, or the training PBX "
        "with the demo hotel in a database in your user data folder.",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        help="settings file (default: %(default)s)",
        default=console_settings.settings_path(),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"folder for the database and logs (default: {console_settings.data_dir()})",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="SQLAlchemy database address, e.g. postgresql+psycopg://user@host/db",
    )
    parser.add_argument(
        "--language",
        choices=["zh_CN", "en"],
        default=None,
        help="user interface language (default: the setting, else the system's)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        default=None,
        help="start, wait until the window has drawn, save a PNG of it to PATH and exit",
    )
    parser.add_argument("--timezone", default=None, help="the hotel's time zone, e.g. Asia/Shanghai")
    parser.add_argument(
        "--wait",
        type=float,
        default=SCREENSHOT_WAIT_MS / 1000,
        metavar="SECONDS",
        help="with --screenshot: how long the console runs before the picture (default %(default)s)",
    )
    parser.add_argument(
        "--page",
        type=int,
        default=0,
        metavar="N",
        help="with --screenshot: show page N (0 is the lamp field)",
    )
    parser.add_argument(
        "--answer-first",
        action="store_true",
        help="with --screenshot: answer the first waiting call before the picture (shows the screen pop)",
    )
    return parser.parse_args(argv)


def setup_logging(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "console.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def tell(text: str, *, headless: bool) -> None:
    """A start-up problem, in words: on stderr always, in a box when someone is looking."""
    print(text, file=sys.stderr)
    log.error("%s", text)
    if not headless:
        QMessageBox.critical(None, QCoreApplication.translate("Console", "Switchboard"), text)


def open_store(settings: ConsoleSettings, override: str | None, folder: Path) -> Store:
    url = override or settings.database_url or sqlite_url(folder / "switchboard.db")
    store = Store(url)
    store.check()
    store.migrate()
    return store


def build_pbx(console_clock: Clock, lamps: SqlLampField) -> TrainingPbx:
    field_lamps = lamps.field_lamps()
    return TrainingPbx(
        console_clock,
        [lamp.extension for lamp in field_lamps],
        occupied_rooms=[lamp.extension for lamp in field_lamps if lamp.occupied],
        departments=[lamp.extension for lamp in field_lamps if lamp.kind is ExtensionKind.DEPARTMENT],
    )


def _seconds(value: str | None, default: float) -> float:
    """A number of seconds from the settings; anything unusable means the default (and is logged)."""
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        log.warning("setting %r is not a number of seconds; using %s", value, default)
        return default
    return seconds if 1 <= seconds <= 600 else default


def lamp_field_extensions(settings: ConsoleSettings, extensions: list[str]) -> list[str]:
    """The extensions to subscribe: ``[pbx] field`` (ranges) if set; one that cannot be read means all."""
    try:
        return on_field(extensions, parse_field(settings.section("pbx").get("field", "")))
    except ConsoleError as exc:
        log.error("[pbx] field ignored: %s", exc)
        return extensions


def sip_position(
    settings: console_settings.ConsoleSettings, clock: Clock, lamps: SqlLampField
) -> SipPosition:
    """The attendant position on the real PBX from ``[pbx]``: server (host:port), extension,
    username (if not the extension), password, transport, local_port, registrations_url (the PBX's
    JSON-RPC, for "unregistered" lamps). It also subscribes the lamps."""
    sip = settings.section("pbx")
    port = sip.get("local_port", "0").strip()
    kinds = {lamp.extension: lamp.kind for lamp in lamps.field_lamps()}

    def kind_of(caller: str) -> CallKind:
        """A guest room, a department or staff (internal), else an outside caller."""
        kind = kinds.get(caller)
        if kind is ExtensionKind.ROOM:
            return CallKind.ROOM
        return CallKind.OUTSIDE if kind is None else CallKind.INTERNAL

    return SipPosition(
        PositionSettings(
            server=sip.get("server", "").strip(),
            extension=sip.get("extension", "").strip(),
            username=sip.get("username", "").strip(),
            password=sip.get("password", ""),
            transport=sip.get("transport", "udp").strip() or "udp",
            local_port=int(port) if port.isdigit() else 0,
        ),
        clock,
        kind_of=kind_of,
        registrations_url=sip.get("registrations_url", "").strip(),
    )


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
            str(Path(__file__).resolve()),
            "--dialler",
            "--settings",
            str(console.settings_file),
            "--data-dir",
            str(console.data_dir),
        ]
        command += ["--timezone", zone] if zone else []
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


def _yes(text: str | None) -> bool:
    return (text or "").strip().lower() in ("yes", "true", "1", "on")


def start_pms_link(console: Console) -> FiasLink | None:
    """The FIAS link to the PMS when ``[pms] url`` is set; its records go into the one front office.

    It runs on its own thread: its front office tells only the PBX (thread-safe) about DND and lamps;
    the window learns of the changes through the change feed, like those of any other position."""
    pms = console.settings.section("pms")
    url = pms.get("url", "").strip()
    if not url:
        return None
    try:
        settings = LinkSettings(
            url,
            serial_framing=_yes(pms.get("serial_framing")),
            baudrate=int(pms.get("baud", "9600")),
            parity=pms.get("parity", "N")[:1].upper() or "N",
            bytesize=int(pms.get("data_bits", "8")),
            stopbits=int(pms.get("stop_bits", "1")),
            encoding=pms.get("encoding", "utf-8"),
        )
    except ValueError as exc:
        log.error("PMS link settings not usable: %s", exc)
        console.bridge.post(
            LinkStateChanged(LinkName.PMS, LinkStatus.DOWN, console.clock.now(), f"settings: {exc}")
        )
        return None
    office = SqlFrontOffice(
        console.store, console.clock, on_dnd=console.pbx.set_dnd, on_lamp=console.pbx.set_message_lamp
    )
    holder: list[PmsFrontDesk] = []
    link = FiasLink(settings, console.clock, lambda rec: holder[0].apply(rec), console.bridge.post)
    desk = PmsFrontDesk(office, SqlPmsWakeUps(console.store, console.clock), link.send)
    holder.append(desk)
    answers = SqlPmsAnswers(console.store, console.clock)

    def answer_wakeups() -> None:
        """Each wake-up the PMS booked gets its one WA when the dialler (or a person) has finished it."""
        for owed in answers.owed():
            if owed.status != "--":
                desk.wake_up_finished(owed.room, owed.due_at, owed.status)
            answers.answered(owed.wakeup_id, owed.status)

    timer = QTimer(console.app)
    timer.timeout.connect(answer_wakeups)
    timer.start(2000)
    link.start()
    console.on_quit.append(link.stop)
    return link


def start_smdr_reader(console: Console, pms_link: FiasLink | None) -> SmdrReader | None:
    """The PBX's call records when ``[smdr] url`` is set: stored against rooms, charges posted to the PMS.

    Charges still owed from before a restart go out first; the PMS's answer to each is recorded."""
    smdr = console.settings.section("smdr")
    url = smdr.get("url", "").strip()
    if not url:
        return None
    try:
        settings = SmdrSettings(
            url,
            SmdrFormat(smdr.get("format", SmdrFormat.AVAYA_IP_OFFICE.value).strip()),
            baudrate=int(smdr.get("baud", "9600")),
            parity=smdr.get("parity", "N")[:1].upper() or "N",
            bytesize=int(smdr.get("data_bits", "8")),
            stopbits=int(smdr.get("stop_bits", "1")),
        )
        per_unit = int(smdr.get("cents_per_unit", "0"))
        tariff = Tariff(per_unit, int(smdr.get("unit_seconds", "60")), int(smdr.get("setup_cents", "0")))
        if tariff.unit_s <= 0:
            raise ValueError("unit_seconds must be above 0")
        rule = ChargeRule(tariff, free_s=int(smdr.get("free_seconds", "0"))) if per_unit else None
    except ValueError as exc:
        log.error("SMDR settings not usable: %s", exc)
        console.bridge.post(
            LinkStateChanged(LinkName.SMDR, LinkStatus.DOWN, console.clock.now(), f"settings: {exc}")
        )
        return None
    post = _yes(smdr.get("post_charges"))
    if post and pms_link is None:
        post = False
        log.warning("[smdr] post_charges is set but no PMS link is configured: charges are not posted")
    calls = SqlCallRecords(console.store, console.clock, rule, post_charges=post)
    zone = console.clock.now().tzinfo

    def post_charge(charge: ChargeDue) -> None:
        assert pms_link is not None
        started = charge.started_at.astimezone(zone)
        pms_link.post(
            Posting(
                charge.room,
                started,
                charge.cents,
                charge.digits,
                charge.duration_s,
                charge.call_type,
                reference=charge.record_id,
            )
        )

    def deliver(records: list[CallRecord]) -> None:
        for charge in calls.store(records).charges:
            post_charge(charge)

    if pms_link is not None:

        def settled(posting: Posting, posted: bool) -> None:
            try:
                calls.answered(posting.reference, posted)
            except Exception:  # the answer is logged; the charge stays due and is posted again on restart
                log.exception("PMS answer to posting %d not recorded", posting.reference)

        pms_link.session.on_settled = settled
        if post:
            for charge in calls.charges_due():
                post_charge(charge)
    reader = SmdrReader(settings, console.clock, deliver, console.bridge.post)
    reader.start()
    console.on_quit.append(reader.stop)
    return reader


def start_headset(console: Console, window: MainWindow, position: SipPosition) -> None:
    """The operator's headset on the SIP position's audio once SIP has started, from ``[audio]``
    (output, input: PortAudio device names or numbers; headset = no for none). A headset that cannot
    be opened is said in the status bar; calls still work, the audio goes nowhere."""
    audio = console.settings.section("audio")
    if not _yes(audio.get("headset", "yes")):
        return

    def attach(tries: int = 0) -> None:
        port = position.headset
        if port is None:
            if tries < 120:  # SIP starts on its own thread; give it a minute
                QTimer.singleShot(500, lambda: attach(tries + 1))
            return
        headset = Headset(
            port.tap(),
            output=audio.get("output", "default").strip(),
            input=audio.get("input", "default").strip(),
        )
        try:
            headset.start()
        except HeadsetError as exc:
            log.warning("no headset: %s", exc)
            window.statusBar().showMessage(
                QCoreApplication.translate("Console", "No headset: %1").replace("%1", str(exc)), 30_000
            )
            return
        console.on_quit.append(headset.stop)

    attach()


def open_link_monitor(console: Console, window: MainWindow, link: LinkName) -> None:
    """The engineer's window onto the PMS and SMDR links; one per console, opened again if closed."""
    monitor = console.panels.get("link_monitor")
    if not isinstance(monitor, LinkMonitor):
        monitor = LinkMonitor(console.links)
        monitor.setParent(window, monitor.windowFlags() | Qt.WindowType.Window)
        console.panels["link_monitor"] = monitor
    monitor.show_link(link)


def build_pages(window: MainWindow, console: Console) -> None:
    """Every page and attendant panel of the window, in the order the operator finds them."""
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
        ring_limit_s=_seconds(attendant.get("ring_warning_s"), 12.0),
        held_limit_s=_seconds(attendant.get("held_warning_s"), 30.0),
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
    log_book = SqlLogbook(console.store, console.clock)
    front_office = SqlFrontOffice(
        console.store, console.clock, on_dnd=dnd_to_pbx, on_lamp=message_lamp_to_pbx
    )
    message_book = SqlMessageBook(console.store, console.clock, message_lamp_to_pbx)
    rooms = RoomsPage(
        room_board,
        actor,
        desk=front_office,
        now=console.clock.now,
        waiting_messages=lambda number: sum(1 for m in message_book.waiting() if m.room == number),
    )
    wakeup_book = SqlWakeUpBook(console.store, console.clock)
    rules, notes = rules_from(console.settings.section("wakeup"))
    for note in notes:
        log.warning("%s", note)
    wakeups = WakeUpPage(
        wakeup_book, actor, console.clock.now, per_minute=rules.per_minute, dial=console.pbx.dial
    )
    messages = MessagesPage(message_book, console.clock, actor)
    logbook = LogbookPage(log_book, actor, console.clock.now)
    window.add_page(rooms, QCoreApplication.translate("Console", "Rooms"), "Ctrl+2")
    window.add_page(wakeups, QCoreApplication.translate("Console", "Wake-up calls"), "Ctrl+3")
    window.add_page(messages, QCoreApplication.translate("Console", "Messages"), "Ctrl+4")
    window.add_page(logbook, QCoreApplication.translate("Console", "Logbook"), "Ctrl+5")
    info = HotelInfoPage(SqlHotelInfo(console.store, console.clock), actor, chinese=chinese)
    window.add_page(info, QCoreApplication.translate("Console", "Hotel information"), "Ctrl+6")

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
    wakeups.refresh()  # calls left on the manual list before a restart raise the alarm at once
    keep_dialler_running(console, wakeup_book, window, headless=console.headless)

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

    def show(page: QWidget) -> None:
        window.show_page(window.pages.indexOf(page))

    handling = CallHandling(
        window=window,
        clock=console.clock,
        pbx=console.pbx,
        queue=queue_panel,
        caller=caller_panel,
        directory=directory_panel,
        messages=messages,
        wakeups=wakeups,
        calls=call_book,
        callers=callers,
        rooms=room_board,
        logbook=log_book,
        actor=actor,
        show=show,
        status=lambda text: window.statusBar().showMessage(text, 15_000),
    )
    for key, what in handling.key_list():
        window.add_key(key, what)
    refresh = QTimer(window)
    refresh.timeout.connect(lambda: directory_panel.set_directory(Directory(callers.directory_entries())))
    refresh.start(60_000)  # arrivals and room moves reach the directory within a minute
    board = BoardPage(
        SqlBoard(console.store, console.clock),
        SqlDuties(console.store, console.clock),
        lambda: shift_at(console.clock.now()),
        actor,
        chinese=chinese,
        pending_handovers=SqlHandovers(console.store, console.clock).unacknowledged,
    )
    window.add_page(board, QCoreApplication.translate("Console", "Daily board"), "Ctrl+7")
    hotel_name = (
        demo_hotel.HOTEL_NAME if console.training else console.settings.section("hotel").get("name", "")
    )
    arrivals = ArrivalsPage(
        SqlBoard(console.store, console.clock), console.clock.now, hotel_name, in_house=room_board.rooms
    )
    window.add_page(arrivals, QCoreApplication.translate("Console", "VIP and arrivals"), "Ctrl+8")

    def duty_manager() -> None:
        on_duty = SqlBoard(console.store, console.clock).today().duty_manager
        QMessageBox.information(
            window,
            QCoreApplication.translate("Console", "Duty manager"),
            on_duty or QCoreApplication.translate("Console", "Nobody is on the duty manager roster now."),
        )

    window.add_console_action(
        QCoreApplication.translate("Console", "&Duty manager on duty…"), "Ctrl+J", duty_manager
    )
    window.add_console_action(
        QCoreApplication.translate("Console", "&Hand over the shift…"),
        "Ctrl+H",
        lambda: hand_over(console, window),
    )
    window.add_console_action(
        QCoreApplication.translate("Console", "&Take over (acknowledge the handover)…"),
        "Ctrl+T",
        lambda: offer_take_over(console, window, always=True),
    )
    window.add_console_action(
        QCoreApplication.translate("Console", "Shift &report (PDF)…"),
        "Ctrl+P",
        lambda: save_report(console, window),
    )
    window.add_console_action(
        QCoreApplication.translate("Console", "SIP P&BX settings…"),
        "Ctrl+Alt+S",
        lambda: edit_sip_settings(console, window),
    )
    console.panels.update(rooms=rooms, wakeups=wakeups, messages=messages, logbook=logbook, board=board)
    duties = SqlDuties(console.store, console.clock)
    alerted: set[tuple[int, str]] = set()

    def duties_due() -> None:
        slot = shift_at(console.clock.now())
        for duty in duties.for_shift(slot):
            key = (duty.id, f"{slot.business_date}")
            if duty.state is DutyState.DUE and key not in alerted:
                alerted.add(key)
                text = QCoreApplication.translate("Console", "Timed duty due: %1")
                window.statusBar().showMessage(
                    text.replace("%1", duty.name_zh if chinese and duty.name_zh else duty.name), 120_000
                )
                board.refresh()

    front_office = SqlFrontOffice(
        console.store, console.clock, on_dnd=dnd_to_pbx, on_lamp=message_lamp_to_pbx
    )
    feed = SqlChangeFeed(console.store, console.settings.position)
    field_source = SqlLampField(console.store)

    def other_positions() -> None:
        """What another console or the front desk changed reaches this screen within a second."""
        front_office.expire_dnd_if_due()
        topics = feed.poll().topics
        if topics & {"room", "stay"}:
            rooms.refresh()
            if lamps is not None:
                lamps.set_lamps(field_source.field_lamps())
        if "message" in topics:
            messages.refresh()
        if "wakeup" in topics:
            wakeups.refresh()
        if "logbook" in topics:
            logbook.refresh()
        if topics & {"handover", "room", "stay"}:
            board.refresh()
            arrivals.refresh()

    purge_timer = QTimer(window)
    purge_timer.timeout.connect(front_office.purge_messages)
    purge_timer.start(3_600_000)
    console.on_quit.append(purge_timer.stop)

    feed_timer = QTimer(window)
    feed_timer.timeout.connect(other_positions)
    feed_timer.start(1000)
    console.on_quit.append(feed_timer.stop)

    duty_timer = QTimer(window)
    duty_timer.timeout.connect(duties_due)
    duty_timer.start(60_000)
    console.on_quit.append(duty_timer.stop)
    console.on_quit.append(refresh.stop)
    window.handling = handling  # type: ignore[attr-defined]


def first_administrator(console: Console, parent: MainWindow | None) -> bool:
    def create(username: str, name: str, password: str) -> User:
        return console.users.create(
            username, name, Role.ADMINISTRATOR, password, Actor.link(console.settings.position)
        )

    dialog = FirstAdministratorDialog(create, parent)
    return bool(dialog.exec()) and dialog.user is not None


def sign_in(console: Console, parent: MainWindow | None) -> User | None:
    hint = ""
    if console.training:
        demo = ", ".join(f"{u} / {p}" for u, _name, _role, p in DEMO_USERS)
        hint = QCoreApplication.translate("Console", "Training demo users: %1").replace("%1", demo)
    dialog = SignInDialog(
        lambda u, p: console.users.authenticate(u, p, console.settings.position),
        hotel=demo_hotel.HOTEL_NAME if console.training else "",
        demo_hint=hint,
        parent=parent,
    )
    return dialog.user if dialog.exec() else None


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if "--dialler" in arguments:
        return dialler.main(arguments)  # the wake-up dialler process, without a window
    args = parse_args(arguments)
    headless = args.screenshot is not None
    folder = args.data_dir or console_settings.data_dir()
    setup_logging(folder)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Hotel Switchboard")
    guard = CrashGuard(folder / "console.log")
    guard.install()
    try:
        settings = console_settings.load(args.settings)
    except ConsoleError as exc:
        i18n.install(app, i18n.choose_language(args.language or ""))
        tell(explain(exc), headless=headless)
        return 2
    language = i18n.choose_language(args.language or settings.language)
    i18n.install(app, language)
    clock = SystemClock(zone_named(args.timezone or settings.section("hotel").get("timezone")))
    try:
        store = open_store(settings, args.database, folder)
    except ConsoleError as exc:
        tell(explain(exc), headless=headless)
        return 2
    training = settings.pbx_mode == "training"
    users = UserDirectory(store, clock)
    if training and is_empty(store):
        seed_demo_hotel(store, clock)
        log.info("demo hotel loaded into %s", store.url)

    lamps = SqlLampField(store)
    pbx: PbxPosition = build_pbx(clock, lamps) if training else sip_position(settings, clock, lamps)
    bridge = EventBridge()
    console = Console(
        app,
        settings,
        args.settings,
        folder,
        clock,
        store,
        users,
        pbx,
        bridge,
        language,
        training,
        headless=headless,
    )

    model = BlfModel()
    model.set_lamps(lamps.field_lamps())
    lamp_field = LampField(model, chinese=i18n.is_chinese(language))
    window = MainWindow(
        clock,
        lamp_field=lamp_field,
        training=training,
        hotel=demo_hotel.HOTEL_NAME_ZH if i18n.is_chinese(language) and training else demo_hotel.HOTEL_NAME,
        user_name="",
        position=settings.position,
        language=settings.language,
    )

    def route(event: PbxEvent) -> None:
        if isinstance(event, LampChanged):
            model.apply(event)
        elif console.links.take(event) and not isinstance(event, LinkStateChanged):
            return  # raw frames and counters are for the link monitor only
        window.on_event(event)

    guard.parent = window
    bridge.arrived.connect(route)
    build_pages(window, console)
    window.language_chosen.connect(lambda code: change_language(console, window, code))
    window.settings_requested.connect(lambda: edit_settings(console, window))

    if not headless:
        if users.needs_first_administrator() and not first_administrator(console, None):
            return 0
        user = sign_in(console, None)
        if user is None:
            return 0
        start_session(console, window, user)
        console.on_quit.append(lambda: end_session(console))
        window.sign_out_requested.connect(lambda: change_operator(console, window))

    pbx.start(bridge.post)
    if isinstance(pbx, SipPosition):
        start_headset(console, window, pbx)
    pbx.watch(lamp_field_extensions(settings, model.extensions()))
    pms_link = start_pms_link(console)
    if pms_link is None:
        window.show_link(
            LinkStateChanged(LinkName.PMS, LinkStatus.DISABLED, clock.now(), "no PMS configured")
        )
    start_smdr_reader(console, pms_link)
    window.add_console_action(
        QCoreApplication.translate("Console", "&Link monitor…"),
        "Ctrl+Alt+L",
        lambda: open_link_monitor(console, window, LinkName.PMS),
    )
    window.link_clicked.connect(lambda link: open_link_monitor(console, window, link))
    if isinstance(pbx, TrainingPbx):
        # A trainee starts with a guest on the line to answer, not an empty queue.
        vip_rooms = [lamp.extension for lamp in lamps.field_lamps() if lamp.vip_level and lamp.occupied]
        if vip_rooms:
            trainer = pbx
            QTimer.singleShot(800, lambda: trainer.offer_call(vip_rooms[0]))
    window.resize(1600, 960)
    window.show()

    def shut_down() -> None:
        for action in console.on_quit:
            action()
        pbx.stop()
        store.dispose()

    app.aboutToQuit.connect(shut_down)
    if headless:

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
    return app.exec()


def start_session(console: Console, window: MainWindow, user: User) -> None:
    """A user signs in at this position: recorded against the shift on duty."""
    console.user = user
    console.sign_in_id = SqlShifts(console.store, console.clock).sign_in(
        user.username, console.settings.position
    )
    window.user_label.setText(f"{user.display_name} · {console.settings.position}")
    QTimer.singleShot(0, lambda: offer_take_over(console, window))


def end_session(console: Console) -> None:
    if console.sign_in_id is not None:
        SqlShifts(console.store, console.clock).sign_out(console.sign_in_id, console.actor)
        console.sign_in_id = None


def change_operator(console: Console, window: MainWindow) -> None:
    """Sign out and hand the position to the next operator (the console and its calls stay up)."""
    end_session(console)
    console.user = None
    window.user_label.setText(QCoreApplication.translate("Console", "(signed out)"))
    user = sign_in(console, window)
    if user is not None:
        start_session(console, window, user)


def hand_over(console: Console, window: MainWindow) -> None:
    slot = shift_at(console.clock.now())
    HandOverDialog(SqlHandovers(console.store, console.clock), slot, lambda: console.actor, window).exec()


def offer_take_over(console: Console, window: MainWindow, *, always: bool = False) -> None:
    """At sign-in, the handover the incoming operator has not acknowledged yet."""
    book = SqlHandovers(console.store, console.clock)
    latest = book.latest()
    if latest is None or not latest.pending or latest.composed_by == console.actor.user:
        if always:
            window.statusBar().showMessage(
                QCoreApplication.translate("Console", "No handover waiting to be acknowledged."), 10_000
            )
        return
    TakeOverDialog(book, latest, lambda: console.actor, window).exec()


def report_periods(now: datetime) -> list[tuple[str, datetime, datetime]]:
    """The periods a report is usually asked for: this shift, the one before, today, yesterday."""
    this = shift_at(now)
    before = shift_at(this.starts_at - timedelta(minutes=31))  # past the overlap
    midnight = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)
    return [
        (f"{this.business_date:%Y-%m-%d} {this.kind.value}", this.starts_at, this.ends_at),
        (f"{before.business_date:%Y-%m-%d} {before.kind.value}", before.starts_at, before.ends_at),
        (f"{now:%Y-%m-%d}", midnight, midnight + timedelta(days=1)),
        (f"{now - timedelta(days=1):%Y-%m-%d}", midnight - timedelta(days=1), midnight),
    ]


def save_report(console: Console, window: MainWindow) -> None:
    periods = report_periods(console.clock.now())
    title, ok = QInputDialog.getItem(
        window,
        QCoreApplication.translate("Console", "Shift report"),
        QCoreApplication.translate("Console", "Report for"),
        [p[0] for p in periods],
        0,
        False,
    )
    if not ok:
        return
    _title, since, until = next(p for p in periods if p[0] == title)
    name, _filter = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Console", "Save the shift report"),
        str(Path.home() / f"shift-report-{title.replace(' ', '-')}.pdf"),
        "PDF (*.pdf)",
    )
    if not name:
        return
    try:
        figures = SqlShiftStats(console.store, console.clock).figures(title, since, until)
        hotel = (
            demo_hotel.HOTEL_NAME if console.training else console.settings.section("hotel").get("name", "")
        )
        render(figures, Path(name), hotel, console.clock.now())
    except (OSError, ConsoleError) as exc:
        log.exception("report not written")
        QMessageBox.warning(window, QCoreApplication.translate("Console", "Shift report"), str(exc))
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(name))  # the system's viewer prints it


def change_language(console: Console, window: MainWindow, code: str) -> None:
    save_settings(console, window, console.settings.with_language(code))
    QMessageBox.information(
        window,
        QCoreApplication.translate("Console", "Language"),
        QCoreApplication.translate("Console", "The new language is used from the next start of the console."),
    )


def edit_settings(console: Console, window: MainWindow) -> None:
    dialog = SettingsDialog(console.settings, window)
    if dialog.exec():
        save_settings(console, window, dialog.chosen())


def edit_sip_settings(console: Console, window: MainWindow) -> None:
    dialog = SipSettingsDialog(console.settings, window, audio_devices=headset_devices())
    if dialog.exec():
        save_settings(console, window, dialog.chosen())
        try:  # the file now holds the SIP password: readable by this user only
            os.chmod(console.settings_file, 0o600)
        except OSError as exc:
            log.warning("could not restrict %s: %s", console.settings_file, exc)


def save_settings(console: Console, window: MainWindow, chosen: ConsoleSettings) -> None:
    try:
        console_settings.save(chosen, console.settings_file)
    except OSError as exc:
        log.exception("settings not saved")
        QMessageBox.warning(
            window,
            QCoreApplication.translate("Console", "Settings"),
            QCoreApplication.translate("Console", "The settings could not be saved: %1").replace(
                "%1", str(exc)
            ),
        )
        return
    console.settings = chosen


if __name__ == "__main__":
    sys.exit(main())
