"""The second step of the start: the database opened, the lamp field read, and the rest of the window
built around the queue that ``console.shell`` put up first (caller panel, directory, pages, menus,
links, the position among the others)."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from console import links, session, settings_edit
from console.attendant import Attendant, build_attendant
from console.context import Console, yes
from console.database import open_store, watch_database
from console.emergency import EmergencyDesk, start_emergency_desk
from console.frame_mask import FrameMask
from console.governance import RoleMenus, start_governance
from console.heap import settle_heap
from console.pages import build_pages
from console.position import lamp_field_extensions, start_headset, start_positions
from console.roll_call import build_roll_call_page
from console.room_policy import start_room_policy
from console.shell import Shell
from db.lamp_field import SqlLampField
from db.seed import is_empty, seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard.auth import Permission, allowed
from switchboard.clock import Clock
from switchboard.emergency import EmergencyCallEnded, EmergencyDialled
from switchboard.errors import ConsoleError
from switchboard.fias.front_desk import DeskNotice
from switchboard.hotel import ExtensionKind
from switchboard.lamp_field import FieldLamp
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from switchboard.settings import ConsoleSettings, restrict_files
from switchboard.signin import SignInPolicy
from ui.crash_guard import CrashGuard
from ui.errors import explain
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")


def open_database(
    settings: ConsoleSettings, args: argparse.Namespace, folder: Path, clock: Clock, language: str
) -> tuple[Store, UserDirectory] | str:
    """The store and the users, the demo hotel loaded into an empty training database; or what to tell
    the operator when the database cannot be used (unreachable, vanished, of another version)."""
    try:
        store = open_store(settings, args.database, folder)
    except ConsoleError as exc:
        return explain(exc)
    restrict_files(folder)  # and those made before this version: folder 0700, files 0600
    try:
        users = UserDirectory(store, clock, SignInPolicy.from_section(settings.section("signin")))
    except (ConsoleError, ValueError) as exc:
        store.dispose()
        return str(exc)
    if settings.pbx_mode == "training" and is_empty(store):
        seed_demo_hotel(store, clock, language=language, practice=True)  # with the shift before to take over
        log.info("demo hotel loaded into %s", store.url)
    return store, users


def build_console(shell: Shell, console: Console, guard: CrashGuard) -> tuple[Sequence[FieldLamp], RoleMenus]:
    """Everything that reads the database, built into the window at once (the start against a real PBX):
    the lamp field read once, then ``join_window``, ``add_attendant`` and ``add_pages``."""
    field = SqlLampField(console.store).field_lamps()
    emergencies = join_window(shell, console, guard, field)
    attendant = add_attendant(shell, console)
    return field, add_pages(shell, console, attendant, emergencies)


def join_window(
    shell: Shell, console: Console, guard: CrashGuard, field: Sequence[FieldLamp]
) -> list[EmergencyDesk]:
    """The lamp field as read (for the lamps, the training PBX's plan and the trainee's first caller),
    the routes of the events the second step adds, and the database's lamp and banner; the emergency
    desks, empty until ``add_pages`` makes one, are those that hear an emergency call."""
    window, settings = shell.window, console.settings
    shell.model.set_lamps(field)
    if isinstance(shell.pbx, TrainingPbx):
        shell.pbx.set_plan(
            [lamp.extension for lamp in field],
            occupied_rooms=[lamp.extension for lamp in field if lamp.occupied],
            departments=[lamp.extension for lamp in field if lamp.kind is ExtensionKind.DEPARTMENT],
        )
    shell.console, shell.store = console, console.store
    emergencies: list[EmergencyDesk] = []

    def heard(event: object) -> None:
        assert isinstance(event, EmergencyDialled)
        for desk in emergencies:
            desk.heard(event)

    def ended(event: object) -> None:  # the room hung up: every banner says the call is over
        assert isinstance(event, EmergencyCallEnded)
        for desk in emergencies:
            desk.call_ended(event)

    def desk_notice(event: object) -> None:
        assert isinstance(event, DeskNotice)
        text = QCoreApplication.translate(
            "Console", "Room %1 was checked in by the PMS without a guest name: ask the front desk"
        )
        window.statusBar().showMessage(text.replace("%1", event.room), 120_000)

    shell.routes[EmergencyDialled] = heard
    shell.routes[EmergencyCallEnded] = ended
    shell.routes[DeskNotice] = desk_notice
    if not yes(settings.section("links").get("show_guest_data", "no")):
        masked = FrameMask(console)  # guest fields, dialled numbers, privacy guests' names

        def raw_frame(event: object) -> None:
            assert isinstance(event, RawFrame)
            console.links.take(masked(event))

        shell.routes[RawFrame] = raw_frame
    guard.parent = window
    watch_database(console, window, guard, shell.routes)
    return emergencies


def add_attendant(shell: Shell, console: Console) -> Attendant:
    """The caller panel, the directory and the call history under the queue (a call answered before,
    while the database was being opened, shown in the caller panel)."""
    attendant = build_attendant(shell.window, console, (shell.queue, shell.park))
    shell.name_of = attendant.name_of
    return attendant


def add_pages(
    shell: Shell, console: Console, attendant: Attendant, emergencies: list[EmergencyDesk]
) -> RoleMenus:
    """The pages in their order (the audit trail and the roll call among them), the menus, the
    emergency desk, and the Console menu's entries."""
    window = shell.window
    build_pages(window, console, attendant)
    menus = start_governance(console, window)
    emergencies.append(start_emergency_desk(console, window))
    build_roll_call_page(console, window)
    add_console_actions(window, console, menus)
    window.language_chosen.connect(lambda code: settings_edit.change_language(console, window, code))
    window.settings_requested.connect(lambda: settings_edit.edit_settings(console, window))
    return menus


def start_console(shell: Shell, console: Console, field: Sequence[FieldLamp], menus: RoleMenus) -> None:
    """Once the PBX has started: the headset, the lamps watched, the links, the room policy, this
    position among the others, and the trainee's first caller."""
    window, pbx = shell.window, shell.pbx
    start_headset(console, window, pbx)
    pbx.watch(lamp_field_extensions(console.settings, shell.model.extensions()))
    start_links(window, console, menus)
    start_room_policy(console, window)
    start_positions(console, window)
    window.statusBar().clearMessage()  # "Opening the database…"
    settle_heap()  # a later full collection, set off by any thread, no longer stops the window for long
    if isinstance(pbx, TrainingPbx):
        # A trainee starts with a guest on the line to answer, not an empty queue.
        vip_rooms = [lamp.extension for lamp in field if lamp.vip_level and lamp.occupied]
        if vip_rooms:
            QTimer.singleShot(800, lambda: pbx.offer_first_call(vip_rooms[0]))


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


def make_console(
    app: QApplication,
    settings: ConsoleSettings,
    args: argparse.Namespace,
    folder: Path,
    clock: Clock,
    opened: tuple[Store, UserDirectory],
    shell: Shell,
    language: str,
) -> Console:
    store, users = opened
    console = Console(
        app,
        settings,
        args.settings,
        folder,
        clock,
        store,
        users,
        shell.pbx,
        shell.bridge,
        language,
        settings.pbx_mode == "training",
        links=shell.links,
    )
    console.headless = args.screenshot is not None or args.quit_when_drawn
    return console
