"""Starting the console: the composition root. From the arguments and settings to the window, the
database, the PBX and the routing of the PBX's events; the pieces live beside it (``arguments``,
``shell``, ``compose``, ``database``, ``headless``, and one module per area of the window).

In training mode the start has two steps: the window with its call queue and an empty lamp field,
joined to the training PBX, is drawn before the database layer (SQLAlchemy) is even imported; right
after that first paint the database is opened and the rest is built (``console.compose``). Against a
real PBX the database comes first: the SIP position is made from the lamp field, and the operator
signs in before the window shows."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from console.arguments import parse_args, setup_logging, tell
from console.headless import FirstPaint, take_screenshot
from console.shell import Shell, build_shell, training_pbx
from switchboard import settings as console_settings
from switchboard.clock import Clock, SystemClock, zone_named
from switchboard.errors import ConsoleError
from switchboard.settings import ConsoleSettings
from ui import i18n
from ui.crash_guard import CrashGuard
from ui.errors import explain

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
    if settings.pbx_mode == "training":
        return two_steps(app, args, settings, folder, clock, language, guard)
    return database_first(app, args, settings, folder, clock, language, guard)


def two_steps(
    app: QApplication,
    args: argparse.Namespace,
    settings: ConsoleSettings,
    folder: Path,
    clock: Clock,
    language: str,
    guard: CrashGuard,
) -> int:
    """Training: the window first, with F5 answering the training PBX's calls; the database, the
    pages and the sign-in right after its first paint."""
    shell = build_shell(settings, clock, training_pbx(clock), language, training=True)
    window = shell.window
    guard.parent = window
    shell.pbx.start(shell.bridge.post)  # F5 answers from the first paint; the sign-in opens beside it later

    def second_step() -> None:
        from console.second_step import second_step as build  # the database layer loads off the GUI thread

        build(app, args, settings, folder, clock, language, shell, guard)

    app.aboutToQuit.connect(lambda: shut_down(shell))
    FirstPaint(window, second_step, say=args.quit_when_drawn)
    window.resize(1600, 960)
    window.show()
    return app.exec()


def database_first(
    app: QApplication,
    args: argparse.Namespace,
    settings: ConsoleSettings,
    folder: Path,
    clock: Clock,
    language: str,
    guard: CrashGuard,
) -> int:
    """A real PBX: the database opened, the SIP position made from its lamp field, the operator signed
    in, then the whole window shown."""
    from console import compose, session
    from console.position import sip_position
    from db.call_claims import SqlCallClaims
    from db.lamp_field import SqlLampField

    headless = args.screenshot is not None or args.quit_when_drawn
    opened = compose.open_database(settings, args, folder, clock, language)
    if isinstance(opened, str):
        tell(opened, headless=headless)
        return 2
    store, users = opened
    claims = SqlCallClaims(store, clock, settings.position)
    pbx = sip_position(settings, clock, SqlLampField(store), claims)
    shell = build_shell(settings, clock, pbx, language, training=False)
    window = shell.window
    console = compose.make_console(app, settings, args, folder, clock, opened, shell, language)
    field, menus = compose.build_console(shell, console, guard)
    if not headless:
        if users.needs_first_administrator() and not session.first_administrator(console, None):
            return 0
        user = session.sign_in(console, None)
        if user is None:
            return 0
        session.start_session(console, window, user)
        console.on_quit.append(lambda: session.end_session(console))
        window.sign_out_requested.connect(lambda: session.change_operator(console, window))
    pbx.start(shell.bridge.post)
    compose.start_console(shell, console, field, menus)
    window.resize(1600, 960)
    window.show()
    app.aboutToQuit.connect(lambda: shut_down(shell))
    if args.quit_when_drawn:
        FirstPaint(window, app.quit, say=True)
    elif headless:
        take_screenshot(app, window, console, shell.model, args)
    return app.exec()


def shut_down(shell: Shell) -> None:
    if shell.console is not None:
        for action in shell.console.on_quit:
            action()
    shell.pbx.stop()
    if shell.store is not None:
        shell.store.dispose()
