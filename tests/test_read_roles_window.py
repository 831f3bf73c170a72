"""A front-desk clerk signs in where an operator worked: the window shows nothing of the logbook (the
service refuses the read, issue 16), says so in the page's own words, and the desk's own pages still
work; no box stops the call keys. The console wired as in production (console/pages.py,
console/session.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from console import session
from console.pages import build_pages
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.store import Store
from switchboard.desk import LogCategory
from switchboard.hotel import Role
from tests.attendant_desk import ConsoleDesk

SECRET = "Safe code for 1203 left with the night manager"


def _shown(window: QWidget) -> str:
    """Every text the window holds: labels, text panes and every cell of every list and table."""
    texts = [label.text() for label in window.findChildren(QLabel)]
    texts += [pane.toPlainText() for pane in window.findChildren(QTextEdit)]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for row in range(model.rowCount()):
            for column in range(columns):
                texts.append(str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or ""))
    return "\n".join(texts)


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_front_desk_sign_in_shows_nothing_of_the_logbook(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    console, window = desk.console, desk.window
    SqlLogbook(sqlite_store, desk.clock).write(LogCategory.SECURITY, SECRET, console.actor)
    room = next(r.number for r in desk.board.rooms(console.actor) if r.guest and not r.privacy)
    messages = SqlMessageBook(sqlite_store, desk.clock)
    messages.take(room, "Mr Smith", "", "Please call the office", console.actor)
    boxes = _boxes()
    pages = build_pages(window, console, desk.attendant)
    qtbot.waitUntil(lambda: not pages.logbook.reads.busy)  # the logbook is read off the GUI thread
    assert SECRET in _shown(window)  # the operator at the position reads it

    session.end_session(console)
    console.user = None  # signed out: nobody reads anything, the last operator's pages are emptied
    qtbot.waitUntil(lambda: not pages.logbook.reads.busy)
    assert SECRET not in _shown(window) and pages.logbook.model.rowCount() == 0
    assert pages.logbook.message.text() == "Nobody is signed in: sign in to see this."

    clerk = console.users.authenticate("frontdesk", "training-fd", console.settings.position)
    assert clerk.role is Role.FRONT_DESK
    session.start_session(console, window, clerk)
    qtbot.wait(50)  # the take-over offer comes a moment after sign-in
    pages.logbook.refresh()  # as the change feed does when another position writes
    qtbot.waitUntil(lambda: not pages.logbook.reads.busy)
    assert SECRET not in _shown(window)
    assert pages.logbook.model.rowCount() == 0
    assert pages.logbook.message.text() == (
        "The logbook is for operators and duty managers: your role does not read it."
    )
    # the desk's own work is there: the message it may deliver, the rooms it checks guests into
    assert "Please call the office" in [m.text for m in pages.messages.model.rows()]
    assert pages.rooms.model.rowCount() > 0 and pages.messages.message.text() == ""
    assert _boxes() == boxes  # said on the page, not in a box that stops the call keys

    session.end_session(console)
    console.user = None
    operator = console.users.authenticate("operator", "training-op", console.settings.position)
    session.start_session(console, window, operator)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: SECRET in _shown(window))
    assert SECRET in _shown(window) and pages.logbook.message.text() == ""  # the operator reads it again
