"""Who may do what, as the window offers it, and the tamper check from the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console import settings_edit
from console.context import Console
from console.governance import RoleMenus, start_governance
from console.reports import chain_heads
from db.anchor_file import CONSOLE_ANCHOR
from db.logbook import SqlLogbook
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from switchboard.auth import Permission, User
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.hotel import Actor, Role
from tests.console_parts import console_and_window
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
AT = datetime(2026, 12, 5, 3, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _console(qtbot: QtBot, tmp_path: Path) -> tuple[Console, MainWindow]:
    clock = FakeClock(AT)
    store = Store(sqlite_url(tmp_path / "console.db"))
    store.migrate()
    seed_demo_hotel(store, clock)
    return console_and_window(qtbot, store, clock, tmp_path)


def test_the_audit_page_and_the_link_monitor_follow_who_is_signed_in(qtbot: QtBot, tmp_path: Path) -> None:
    console, window = _console(qtbot, tmp_path)
    menus = start_governance(console, window)
    monitor = window.add_console_action("Link monitor", "Ctrl+Alt+L", lambda: None)
    menus.gate(monitor, Permission.WATCH_LINKS)
    audit_tab = window.pages.indexOf(console.panels["audit"])
    console.user = User(1, "op", "Op", Role.OPERATOR)
    assert not window.pages.isTabVisible(audit_tab) and not monitor.isVisible()
    console.user = User(2, "dm", "Duty", Role.DUTY_MANAGER)
    assert window.pages.isTabVisible(audit_tab) and not monitor.isVisible()
    console.user = User(3, "admin", "Admin", Role.ADMINISTRATOR)
    assert window.pages.isTabVisible(audit_tab) and monitor.isVisible()
    console.user = None  # signed out: nothing of it
    assert not window.pages.isTabVisible(audit_tab) and not monitor.isVisible()
    assert isinstance(menus, RoleMenus)
    console.store.dispose()


def test_an_operator_cannot_open_the_settings_and_an_administrators_dialog_leaves_f5_working(
    qtbot: QtBot, tmp_path: Path
) -> None:
    console, window = _console(qtbot, tmp_path)
    console.user = User(1, "op", "Op", Role.OPERATOR)
    settings_edit.edit_settings(console, window)
    assert "settings" not in console.panels and "administrator" in window.statusBar().currentMessage()
    console.user = User(3, "admin", "Admin", Role.ADMINISTRATOR)
    settings_edit.edit_settings(console, window)
    dialog = console.panels["settings"]
    assert dialog.isVisible() and not dialog.isModal() and QApplication.activeModalWidget() is None
    console.store.dispose()


def test_verify_log_names_a_row_changed_behind_the_consoles_back(tmp_path: Path) -> None:
    clock = FakeClock(AT)
    url = sqlite_url(tmp_path / "console.db")
    store = Store(url, anchor=tmp_path / CONSOLE_ANCHOR)  # as the console opens it in its data folder
    store.migrate()
    seed_demo_hotel(store, clock)
    SqlLogbook(store, clock).write(
        LogCategory.OTHER, "CCTV switched off at 23:45", Actor("op", "1", Role.OPERATOR)
    )

    def verify() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(ROOT / "main.py"), "--verify-log", "--database", url]
        command += ["--data-dir", str(tmp_path)]
        return subprocess.run(command, capture_output=True, text=True, timeout=60)

    done = verify()
    assert done.returncode == 0, done.stdout + done.stderr
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE logbook_entries SET text = 'CCTV left on' WHERE text LIKE 'CCTV%'"))
    store.dispose()
    done = verify()
    assert done.returncode == 1 and "ALTERED: logbook" in done.stdout, done.stdout + done.stderr


def test_the_printed_chain_heads_anchor_the_trail_on_paper(qtbot: QtBot, tmp_path: Path) -> None:
    console, _window = _console(qtbot, tmp_path)
    SqlLogbook(console.store, console.clock).write(
        LogCategory.OTHER, "CCTV switched off at 23:45", Actor("op", "1", Role.OPERATOR)
    )
    foot = chain_heads(console)  # the line under every page of the shift report
    assert foot.startswith("Chain heads: audit_log:") and " logbook_entries:1:" in foot
    paper = foot.split()[2:]
    assert all(len(w.split(":")[2]) == 16 for w in paper)
    url = console.store.engine.url.render_as_string(hide_password=False)
    command = [sys.executable, str(ROOT / "main.py"), "--verify-log", "--database", url]
    command += ["--data-dir", str(tmp_path)]  # the test's store keeps no anchor file there
    for word in paper:
        command += ["--head", word]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr  # the store kept no file: paper alone anchors
    with console.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM logbook_entries"))
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "MISSING: logbook_entries from place 1 on" in done.stdout, done.stdout
    console.store.dispose()
