"""Who may do what, and the evidence: menu entries offered by role (the services refuse anyway),
the audit viewer, the tamper check of the audit trail and logbook, shifts closing themselves,
and the retention purge."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from console.attendant import show_note
from console.context import Console
from db import anchor_file
from db.audit_trail import SqlAuditTrail
from db.chain import verify_log
from db.chain_anchor import check_anchors, heads_in_trail
from db.retention import RetentionPolicy, SqlRetention
from db.shifts import SqlShifts
from switchboard.auth import Permission, allowed
from switchboard.errors import ConsoleError
from ui.audit_page import AuditPage
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")

PURGE_EVERY_MS = 24 * 3600 * 1000


class RoleMenus:
    """Entries shown only to the roles whose service would do them."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.entries: list[tuple[QAction, Permission]] = []
        self.tabs: list[tuple[MainWindow, QWidget, Permission]] = []
        console.on_user.append(self.apply)

    def gate(self, action: QAction, permission: Permission) -> QAction:
        self.entries.append((action, permission))
        self.apply()
        return action

    def gate_tab(self, window: MainWindow, page: QWidget, permission: Permission) -> None:
        self.tabs.append((window, page, permission))
        self.apply()

    def apply(self) -> None:
        actor = self.console.actor
        for action, permission in self.entries:
            action.setVisible(allowed(actor, permission))
            action.setEnabled(allowed(actor, permission))
        for window, page, permission in self.tabs:
            window.pages.setTabVisible(window.pages.indexOf(page), allowed(actor, permission))


def start_governance(console: Console, window: MainWindow) -> RoleMenus:
    menus = RoleMenus(console)
    trail = SqlAuditTrail(console.store, console.clock)
    page = AuditPage(
        lambda q: trail.search(q, console.actor),
        lambda q: trail.export_csv(q, console.actor),
        console.clock.now,
    )
    window.add_page(page, QCoreApplication.translate("Console", "Audit trail"), "Ctrl+Alt+A")
    menus.gate(window.go_menu.actions()[-1], Permission.READ_AUDIT)
    menus.gate_tab(window, page, Permission.READ_AUDIT)
    console.panels["audit"] = page
    check_chains(console, window, page)
    close_ended_shifts(console, window)
    purge_on_schedule(console, window)
    return menus


def check_chains(console: Console, window: MainWindow, page: AuditPage) -> None:
    """At start, off the GUI thread (it reads the whole trail): a broken chain, or one that does not
    reach or match the heads in this position's anchor file, is an alarm to the duty managers naming
    the first altered row."""

    def verify() -> None:
        anchor = console.store.anchor
        try:
            breaks: list[object] = list(verify_log(console.store.engine))
            heads = anchor_file.read(anchor).heads if anchor is not None and anchor.exists() else []
            inside = heads_in_trail(console.store.engine)  # the shifts' closing records
            breaks += check_anchors(console.store.engine, heads + inside).findings
        except Exception as exc:  # the database away: checked at the next start
            log.warning("audit trail not verified: %s", exc)
            return
        if not heads:
            log.warning("audit trail checked by its chains only: no chain head anchored in %s yet", anchor)
        if breaks:
            text = "; ".join(str(b) for b in breaks)
            log.error("audit trail or logbook altered: %s", text)
            QTimer.singleShot(0, page, lambda: broken(text))

    def broken(text: str) -> None:
        page.show_broken_chain(text)
        if allowed(console.actor, Permission.READ_AUDIT):
            show_note(
                window,
                QCoreApplication.translate("Console", "Audit trail altered"),
                QCoreApplication.translate("Console", "A row was changed outside the console: %1").replace(
                    "%1", text
                ),
            )

    threading.Thread(target=verify, name="verify-log", daemon=True).start()


def _every(window: MainWindow, console: Console, ms: int, action: Callable[[], object], what: str) -> None:
    def run() -> None:
        try:
            action()
        except ConsoleError as exc:
            log.warning("%s not done: %s", what, exc)

    timer = QTimer(window)
    timer.timeout.connect(run)
    timer.start(ms)
    console.on_quit.append(timer.stop)


def close_ended_shifts(console: Console, window: MainWindow) -> None:
    """A shift closes at its end (after the overlap), whoever forgot to hand over."""
    shifts = SqlShifts(console.store, console.clock)
    _every(window, console, 60_000, shifts.close_ended, "closing ended shifts")


def purge_on_schedule(console: Console, window: MainWindow) -> None:
    """Guest data and dialled numbers past the hotel's retention periods, once a day (audited)."""
    try:
        policy = RetentionPolicy.from_section(console.settings.section("retention"))
    except (ConsoleError, ValueError) as exc:
        log.error("[retention] not usable, nothing is purged: %s", exc)
        return
    retention = SqlRetention(console.store, console.clock, policy)
    _every(window, console, PURGE_EVERY_MS, retention.purge, "retention purge")
