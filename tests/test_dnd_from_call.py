"""Ctrl+D during a guest's call: DND goes on at once, and the Rooms page waits for the end time, so
"no calls until seven" is Ctrl+D, 0700, Enter; the call keys keep working meanwhile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.store import Store
from switchboard.pbx import CallState
from tests.attendant_desk import ConsoleDesk
from tests.reader import READER


def test_ctrl_d_then_a_time_sets_dnd_until_then(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    guest = desk.guests()[0]
    desk.answer_call_from(guest.number)
    desk.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    room = next(r for r in desk.board.rooms(READER) if r.extension == guest.number)
    assert room.dnd  # on at once
    assert desk.window.pages.currentWidget() is desk.rooms
    assert QApplication.focusWidget() is desk.rooms.dnd_time  # waiting for the end time
    assert "until when" in desk.window.statusBar().currentMessage()
    other = desk.guests()[1]
    waiting = desk.pbx.offer_call(other.number)
    desk.pump()
    desk.key(Qt.Key.Key_F5)  # a new caller is answered while the question is open
    assert any(state is CallState.CONNECTED for state, _ in desk.states(waiting))
    qtbot.keyClicks(desk.rooms.dnd_time, "0700")
    qtbot.keyClick(desk.rooms.dnd_time, Qt.Key.Key_Return)
    desk.pump()
    text = desk.rooms.message.text()
    assert f"DND on for {room.number} until 07:00" in text, text
