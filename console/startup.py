"""Starting the console: arguments, logging, settings, the database, the PBX, the window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console import links, reports, session, settings_edit
from console.attendant import build_attendant
from console.context import Console, yes
from console.emergency import EmergencyDesk, start_emergency_desk
from console.frame_mask import FrameMask
from console.governance import RoleMenus, start_governance
from console.pages import build_pages
from console.position import build_pbx, lamp_field_extensions, sip_position, start_headset, start_positions
from console.roll_call import build_roll_call_page
from console.room_policy import start_room_policy
from db.anchor_file import CONSOLE_ANCHOR
from db.call_claims import SqlCallClaims
from db.health import DatabaseWatch
from db.lamp_field import SqlLampField
from db.seed import is_empty, seed_demo_hotel
from db.store import Store, Timeouts, sqlite_url
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard import demo_hotel
from switchboard import settings as console_settings
from switchboard.auth import Permission, allowed
from switchboard.clock import SystemClock, zone_named
from switchboard.emergency import EmergencyDialled
from switchboard.errors import ConsoleError, DatabaseState, DatabaseUnavailable, InputError
from switchboard.fias.front_desk import DeskNotice
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LampChanged, LinkName, LinkStateChanged, LinkStatus, PbxEvent, PbxPosition
from switchboard.settings import ConsoleSettings, restrict_files
from switchboard.signin import SignInPolicy
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.crash_guard import CrashGuard
from ui.database_state import DatabaseBanner, DatabaseLamp
from ui.errors import explain
from ui.main_window import MainWindow
from ui.queue_panel import QueuePanel

log = logging.getLogger("switchboard")

SCREENSHOT_WAIT_MS = 2500


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
    parser.add_argument("--quit-when-drawn", action="store_true", help=argparse.SUPPRESS)  # bench/startup.py
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


MADE_MARK = "switchboard.db.made"  # beside the database file: it existed once


def open_store(settings: ConsoleSettings, override: str | None, folder: Path) -> Store:
    url = override or settings.database_url or sqlite_url(folder / "switchboard.db")
    if not override and not settings.database_url:
        check_not_vanished(folder / "switchboard.db", folder / MADE_MARK)
    # [database] connect_timeout, statement_timeout, busy_timeout: a database that drops packets is
    # said to be away after seconds, not minutes
    store = Store(
        url,
        timeouts=Timeouts.from_settings(settings.section("database")),
        anchor=folder / CONSOLE_ANCHOR,  # the chains' heads, where a database login does not reach
    )
    store.check()
    store.migrate()
    if not override and not settings.database_url:
        (folder / MADE_MARK).write_text(f"{folder / 'switchboard.db'}\n", encoding="utf-8")
    return store


def check_not_vanished(database: Path, mark: Path) -> None:
    """A database file this console made before and that is gone now (deleted, or the disk not
    mounted) is not silently replaced by an empty hotel: the start stops and says so."""
    if mark.exists() and not database.exists():
        raise InputError(
            "storage.file_vanished",
            f"The database {database} is missing (deleted or moved) although this console made it before. "
            f"Restore it from the backup; to begin with an empty hotel on purpose, delete {mark}.",
            where=str(database),
            mark=str(mark),
        )


def run(arguments: list[str]) -> int:
    """The console window: from the settings to the event loop."""
    args = parse_args(arguments)
    headless = args.screenshot is not None or args.quit_when_drawn
    folder = args.data_dir or console_settings.data_dir()
    os.umask(0o077)  # the database, the logs and the settings file are this user's alone
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
    restrict_files(folder)  # and those made before this version: folder 0700, files 0600
    training = settings.pbx_mode == "training"
    try:
        users = UserDirectory(store, clock, SignInPolicy.from_section(settings.section("signin")))
    except (ConsoleError, ValueError) as exc:
        tell(str(exc), headless=headless)
        return 2
    if training and is_empty(store):
        seed_demo_hotel(store, clock, language=language, practice=True)  # with the shift before to take over
        log.info("demo hotel loaded into %s", store.url)

    lamps = SqlLampField(store)
    if training:
        pbx: PbxPosition = build_pbx(clock, lamps)
    else:
        pbx = sip_position(settings, clock, lamps, SqlCallClaims(store, clock, settings.position))
    bridge = EventBridge()
    console = Console(
        app, settings, args.settings, folder, clock, store, users, pbx, bridge, language, training
    )
    console.headless = headless

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

    emergencies: list[EmergencyDesk] = []

    routes: dict[type, Callable[[object], None]] = {}  # events for the window's own parts
    show_guests = yes(settings.section("links").get("show_guest_data", "no"))
    masked = FrameMask(console)  # guest fields, dialled numbers, privacy guests' names

    def route(event: PbxEvent | EmergencyDialled | DeskNotice) -> None:
        special = routes.get(type(event))
        if special is not None:
            special(event)
            return
        if isinstance(event, EmergencyDialled):
            for desk in emergencies:
                desk.heard(event)
            return
        if isinstance(event, DeskNotice):
            text = QCoreApplication.translate(
                "Console", "Room %1 was checked in by the PMS without a guest name: ask the front desk"
            )
            window.statusBar().showMessage(text.replace("%1", event.room), 120_000)
            return
        if isinstance(event, LampChanged):
            model.apply(event)
        elif isinstance(event, RawFrame) and not show_guests:
            console.links.take(masked(event))  # guest names and numbers hidden unless chosen (audited)
            return
        elif console.links.take(event) and not isinstance(event, LinkStateChanged):
            return  # raw frames and counters are for the link monitor only
        window.on_event(event)

    guard.parent = window
    watch_database(console, window, guard, routes)
    bridge.arrived.connect(route)
    build_pages(window, console, build_attendant(window, console))
    menus = start_governance(console, window)
    emergencies.append(start_emergency_desk(console, window))
    build_roll_call_page(console, window)
    add_console_actions(window, console, menus)
    window.language_chosen.connect(lambda code: settings_edit.change_language(console, window, code))
    window.settings_requested.connect(lambda: settings_edit.edit_settings(console, window))

    if not headless:
        if users.needs_first_administrator() and not session.first_administrator(console, None):
            return 0
        user = session.sign_in(console, None)
        if user is None:
            return 0
        session.start_session(console, window, user)
        console.on_quit.append(lambda: session.end_session(console))
        window.sign_out_requested.connect(lambda: session.change_operator(console, window))

    pbx.start(bridge.post)
    start_headset(console, window, pbx)
    pbx.watch(lamp_field_extensions(settings, model.extensions()))
    start_links(window, console, menus)
    start_room_policy(console, window)
    start_positions(console, window)
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
    if args.quit_when_drawn:
        window.installEventFilter(FirstPaint(app, window))
    elif headless:
        take_screenshot(app, window, console, model, args)
    return app.exec()


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


def watch_database(
    console: Console, window: MainWindow, guard: CrashGuard, routes: dict[type, Callable[[object], None]]
) -> None:
    """The DATABASE lamp and banner, fed by a probe on its own thread (never the GUI's), and by any
    read or write that found the database away."""
    lamp = DatabaseLamp()
    window.statusBar().addPermanentWidget(lamp)
    banner = DatabaseBanner()
    window.add_notice_panel(banner)
    watch = DatabaseWatch(console.store, console.bridge.post)

    def show(state: object) -> None:
        if isinstance(state, DatabaseState):
            lamp.show_state(state)
            banner.show_state(state)

    def away(error: DatabaseUnavailable) -> None:
        where = str(error.args_map.get("where", ""))
        show(DatabaseState(where, error.key, str(error)))
        watch.check_now()  # the probe says when it is back

    routes[DatabaseState] = show
    guard.on_database_away = away
    console.store.guard_gui_thread()  # this thread's calls: refused while away, cut off after 50 ms
    watch.start()
    console.on_quit.append(watch.stop)


def add_console_actions(window: MainWindow, console: Console, menus: RoleMenus) -> None:
    """The Console menu's shift and settings entries."""
    translate = QCoreApplication.translate
    window.add_console_action(
        translate("Console", "&Hand over the shift…"), "Ctrl+H", lambda: session.hand_over(console, window)
    )
    window.add_console_action(
        translate("Console", "&Take over (acknowledge the handover)…"),
        "Ctrl+T",
        lambda: session.offer_take_over(console, window, always=True),
    )
    window.add_console_action(
        translate("Console", "Shift &report (print or PDF)…"),
        "Ctrl+P",
        lambda: reports.save_report(console, window),
    )
    sip = window.add_console_action(
        translate("Console", "SIP P&BX settings…"),
        "Ctrl+Alt+S",
        lambda: settings_edit.edit_sip_settings(console, window),
    )
    menus.gate(sip, Permission.CHANGE_SETTINGS)


def start_links(window: MainWindow, console: Console, menus: RoleMenus) -> None:
    """The PMS and call-record links from the settings, and the monitor that shows them."""
    pms_link = links.start_pms_link(console)
    if pms_link is None:
        window.show_link(
            LinkStateChanged(LinkName.PMS, LinkStatus.DISABLED, console.clock.now(), "no PMS configured")
        )
    links.start_smdr_reader(console, pms_link)
    monitor = window.add_console_action(
        QCoreApplication.translate("Console", "&Link monitor…"),
        "Ctrl+Alt+L",
        lambda: links.open_link_monitor(console, window, LinkName.PMS),
    )
    menus.gate(monitor, Permission.WATCH_LINKS)

    def clicked(link: LinkName) -> None:
        if allowed(console.actor, Permission.WATCH_LINKS):  # the raw frames are the administrator's
            links.open_link_monitor(console, window, link)

    window.link_clicked.connect(clicked)


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
