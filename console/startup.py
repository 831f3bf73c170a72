"""Starting the console: the composition root. From the arguments and settings to the database, the
PBX, the window and the routing of the PBX's events; the pieces live beside it (``arguments``,
``database``, ``headless``, and one module per area of the window)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from console import links, session, settings_edit
from console.arguments import parse_args, setup_logging, tell
from console.attendant import build_attendant
from console.context import Console, yes
from console.database import open_store, watch_database
from console.emergency import EmergencyDesk, start_emergency_desk
from console.frame_mask import FrameMask
from console.governance import RoleMenus, start_governance
from console.headless import FirstPaint, take_screenshot
from console.pages import build_pages
from console.position import build_pbx, lamp_field_extensions, sip_position, start_headset, start_positions
from console.roll_call import build_roll_call_page
from console.room_policy import start_room_policy
from db.call_claims import SqlCallClaims
from db.lamp_field import SqlLampField
from db.seed import is_empty, seed_demo_hotel
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard import demo_hotel
from switchboard import settings as console_settings
from switchboard.auth import Permission, allowed
from switchboard.clock import SystemClock, zone_named
from switchboard.emergency import EmergencyDialled
from switchboard.errors import ConsoleError
from switchboard.fias.front_desk import DeskNotice
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LampChanged, LinkName, LinkStateChanged, LinkStatus, PbxEvent, PbxPosition
from switchboard.settings import restrict_files
from switchboard.signin import SignInPolicy
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.crash_guard import CrashGuard
from ui.errors import explain
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")


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

    field = lamps.field_lamps()  # read once for the model and the trainee's first caller
    model = BlfModel()
    model.set_lamps(field)
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
        vip_rooms = [lamp.extension for lamp in field if lamp.vip_level and lamp.occupied]
        if vip_rooms:
            trainer = pbx
            QTimer.singleShot(800, lambda: trainer.offer_first_call(vip_rooms[0]))
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
        lambda: save_report(console, window),
    )
    sip = window.add_console_action(
        translate("Console", "SIP P&BX settings…"),
        "Ctrl+Alt+S",
        lambda: settings_edit.edit_sip_settings(console, window),
    )
    menus.gate(sip, Permission.CHANGE_SETTINGS)


def save_report(console: Console, window: MainWindow) -> None:
    """Ctrl+P: the report's modules (reportlab among them) load when one is asked for, not at the start."""
    from console import reports

    reports.save_report(console, window)


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
