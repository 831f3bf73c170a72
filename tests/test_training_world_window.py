"""Two training consoles on one database, as two operators practise them: two real main windows (each
with a Store of its own on one SQLite file), wired as the console wires them (console/position.py). A
caller rings both queues; F5 at one takes it and it leaves the other; F9 parks it and the other sees it
in its park area and takes it with Shift+F9; a call parked at a position whose operator signs out (the
console stays up on the sign-in cover) rings both again, and F5 at the other answers it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from console import session
from console.position import start_positions
from db.store import Store, sqlite_url
from tests.attendant_desk import ConsoleDesk


def test_two_training_consoles_are_one_switchboard(qtbot: QtBot, tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "console.db")
    stores = [Store(url), Store(url)]
    stores[0].migrate()
    first = ConsoleDesk(qtbot, stores[0], tmp_path / "one", position="Console 1")
    second = ConsoleDesk(qtbot, stores[1], tmp_path / "two", position="Console 2", seed=False)
    desks = (first, second)
    dialogs = []
    try:
        for desk in desks:
            start_positions(desk.console, desk.window)
            # Each console is a process of its own, its call keys application-wide there; two windows in
            # one test process would make F5 ambiguous, so here each window's keys are its own.
            for action in desk.window.findChildren(QAction):
                if action.shortcutContext() is Qt.ShortcutContext.ApplicationShortcut:
                    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        def until(check: object) -> None:
            def pumped() -> bool:
                for desk in desks:
                    desk.pump()
                return bool(check())  # type: ignore[operator]

            qtbot.waitUntil(pumped, timeout=8000)

        def focus(desk: ConsoleDesk) -> None:
            desk.window.activateWindow()
            qtbot.waitUntil(lambda: desk.window.isActiveWindow(), timeout=3000)

        call_id = first.pbx.offer_call("1101")  # the trainer's next caller
        until(lambda: all([c.call_id for c in d.queue.queue.waiting()] == [call_id] for d in desks))
        focus(second)
        second.key(Qt.Key.Key_F5)
        until(lambda: first.queue.queue.waiting() == [])
        active = second.queue.queue.active()
        assert active is not None and active.caller == "1101"
        assert first.queue.queue.active() is None

        second.key(Qt.Key.Key_F9)  # parked at Console 2
        park = first.attendant.park
        until(lambda: park.model.rowCount() == 1)
        assert "Console 2" in park._cells(park.model.row(0))[1]
        focus(first)
        park.view.selectRow(0)
        first.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # picked up at Console 1
        until(lambda: first.queue.queue.active() is not None and second.queue.queue.aside() == [])
        picked = first.queue.queue.active()
        assert picked is not None and picked.caller == "1101"
        first.key(Qt.Key.Key_F6)  # released
        until(lambda: first.queue.queue.active() is None)

        again = second.pbx.offer_call("1102")
        until(lambda: all(c.call_id == again for d in desks for c in d.queue.queue.waiting()[:1]))
        focus(second)
        second.key(Qt.Key.Key_F5)
        until(lambda: second.queue.queue.active() is not None and first.queue.queue.waiting() == [])
        second.key(Qt.Key.Key_F9)
        until(lambda: park.model.rowCount() == 1)
        dialogs.append(session.change_operator(second.console, second.window))  # Console 2 signs out
        until(lambda: [c.caller for c in first.queue.queue.waiting()] == ["1102"])
        recall = first.queue.queue.waiting()[0]
        assert recall.recall_of  # rung again as a recall from its park slot
        assert second.queue.queue.aside() == []
        until(lambda: [c.caller for c in second.queue.queue.waiting()] == ["1102"])  # the cover rings too
        focus(first)
        first.key(Qt.Key.Key_F5)
        until(lambda: first.queue.queue.active() is not None and second.queue.queue.waiting() == [])
        taken = first.queue.queue.active()
        assert taken is not None and taken.caller == "1102"
        until(lambda: park.model.rowCount() == 0)
    finally:
        for dialog in dialogs:
            dialog.close()
        for desk in desks:
            for action in desk.console.on_quit:
                action()
            desk.pbx.stop()
        QCoreApplication.processEvents()
        for store in stores:
            store.dispose()
