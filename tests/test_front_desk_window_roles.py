"""A front-desk clerk at the console (issue 16): Ctrl+T says that the role does not read handovers, not
that none is waiting; the logbook page offers no button whose service would refuse the role, and offers
them again to the next user whose role may. The console wired as in production (console/pages.py,
console/session.py, console/compose.add_console_actions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from console import session
from console.compose import add_console_actions
from console.governance import RoleMenus
from console.pages import Pages, build_pages
from db.handover import SqlHandovers
from db.store import Store
from switchboard.hotel import Role
from switchboard.shifts import shift_at
from tests.attendant_desk import ConsoleDesk
from ui.handover_dialog import TakeOverDialog

BUTTONS = ("logWrite", "logExport", "logResolve", "logCorrect", "logAnnotate")
NOT_FOR_THE_DESK = "Handovers are for operators and duty managers: your role does not read them."


def _offered(pages: Pages) -> dict[str, bool]:
    found = {b.objectName(): b.isEnabled() for b in pages.logbook.findChildren(QPushButton)}
    return {name: found[name] for name in BUTTONS}


def _sign_in(desk: ConsoleDesk, qtbot: QtBot, user: str, password: str) -> None:
    console = desk.console
    session.end_session(console)
    console.user = None
    session.start_session(
        console, desk.window, console.users.authenticate(user, password, console.settings.position)
    )
    qtbot.wait(50)  # the take-over offer comes a moment after sign-in


def _take_over_dialogs(desk: ConsoleDesk) -> list[TakeOverDialog]:
    return [d for d in desk.window.findChildren(TakeOverDialog) if d.isVisible()]


def test_ctrl_t_tells_the_front_desk_its_role_reads_no_handover(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    console, window = desk.console, desk.window
    build_pages(window, console, desk.attendant)
    add_console_actions(window, console, RoleMenus(console))
    SqlHandovers(sqlite_store, desk.clock).compose(shift_at(desk.clock.now()), "Lift 2 noisy", console.actor)

    _sign_in(desk, qtbot, "frontdesk", "training-fd")
    assert console.actor.role is Role.FRONT_DESK
    window.statusBar().clearMessage()
    desk.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == NOT_FOR_THE_DESK
    assert _take_over_dialogs(desk) == []

    session.end_session(console)
    console.user = None
    session.offer_take_over(console, window, always=True)
    assert window.statusBar().currentMessage() == "Nobody is signed in: sign in to take over the shift."

    # an operator who did not write it is offered the handover waiting; with none, Ctrl+T says so
    _sign_in(desk, qtbot, "operator", "training-op")
    dialogs = _take_over_dialogs(desk)
    assert len(dialogs) == 1
    dialogs[0].close()
    latest = SqlHandovers(sqlite_store, desk.clock).latest(console.actor)
    assert latest is not None and latest.pending
    SqlHandovers(sqlite_store, desk.clock).acknowledge_all([i.id for i in latest.items], console.actor)
    window.statusBar().clearMessage()
    with qtbot.waitActive(window):  # back from the closed dialog
        window.activateWindow()
    desk.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "No handover waiting to be acknowledged."


def test_the_logbook_page_offers_each_role_only_what_its_services_allow(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    pages = build_pages(desk.window, desk.console, desk.attendant)
    assert _offered(pages) == {  # the operator writes and answers; export and annotation are reviews
        "logWrite": True,
        "logExport": False,
        "logResolve": True,
        "logCorrect": True,
        "logAnnotate": False,
    }
    _sign_in(desk, qtbot, "frontdesk", "training-fd")
    assert not any(_offered(pages).values())

    session.end_session(desk.console)
    desk.console.user = None
    assert not any(_offered(pages).values())  # nobody signed in: nothing offered

    _sign_in(desk, qtbot, "manager", "training-dm")
    assert all(_offered(pages).values())
