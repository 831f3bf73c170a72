"""The console's database: opened (never silently replaced when its file vanished) and watched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from console.context import Console
from db.anchor_file import CONSOLE_ANCHOR
from db.health import DatabaseWatch
from db.store import Store, Timeouts, sqlite_url
from switchboard.errors import DatabaseState, DatabaseUnavailable, InputError
from switchboard.settings import ConsoleSettings
from ui.crash_guard import CrashGuard
from ui.database_state import DatabaseBanner, DatabaseLamp
from ui.main_window import MainWindow

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
