"""The break key in the window, on the training PBX: Ctrl+B (listed in the keyboard sheet) puts this
position on break, the training PBX offers it no call until Ctrl+B again, the database says so for
the other positions, and the status bar shows the other positions on break. Overflow on the training
PBX: a call waiting past ``[attendant] overflow_s`` leaves the queue as "overflowed"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.position import start_positions
from db.position_states import SqlPositionStates
from db.store import Store
from switchboard.pbx import CallEnded, CallOffered
from switchboard.positions import PositionState, overflow_destination
from tests.attendant_desk import ConsoleDesk


def offered(desk: ConsoleDesk) -> list[str]:
    return [e.call_id for e in desk.events if isinstance(e, CallOffered)]


def test_ctrl_b_puts_the_position_on_break_and_the_others_see_it(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    board = start_positions(desk.console, desk.window)
    other = SqlPositionStates(sqlite_store, desk.clock, "Console 2")
    mine = SqlPositionStates(sqlite_store, desk.clock, "Console 1")
    assert mine.state_of("Console 1") is PositionState.SIGNED_IN
    keys = dict((what, key) for key, what in desk.window._page_keys)
    assert keys["Go on break, or come back from break"] == "Ctrl+B"

    desk.key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert mine.state_of("Console 1") is PositionState.ON_BREAK
    assert "This position is on break" in board.text()
    first = desk.pbx.offer_call("1101")
    desk.pump(2)
    assert first not in offered(desk)  # the training PBX offers nothing to a position on break

    desk.key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert mine.state_of("Console 1") is PositionState.SIGNED_IN
    second = desk.pbx.offer_call("1101")
    desk.pump()
    assert second in offered(desk)

    other.set(PositionState.ON_BREAK, "chen")
    qtbot.waitUntil(lambda: "On break: Console 2 (chen)" in board.text(), timeout=3000)
    assert "This position" not in board.text()
    other.set(PositionState.SIGNED_IN, "chen")
    qtbot.waitUntil(lambda: "Console 2" not in board.text(), timeout=3000)
    for action in desk.console.on_quit:
        action()
    assert mine.state_of("Console 1") is PositionState.SIGNED_OUT


def test_a_call_waiting_past_overflow_s_leaves_the_training_queue_as_overflowed(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    sections = {"attendant": {"overflow_to": "8000", "overflow_s": "20"}}
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path, sections=sections)
    start_positions(desk.console, desk.window)
    late = desk.pbx.offer_call("1101")
    desk.pump(1)
    assert late in [c.call_id for c in desk.queue.queue.waiting()]
    desk.pump(17)
    assert late in [c.call_id for c in desk.queue.queue.waiting()]  # not before overflow_s
    desk.pump(3)
    ended = [e.reason for e in desk.events if isinstance(e, CallEnded) and e.call_id == late]
    assert ended == ["overflowed"]
    assert late not in [c.call_id for c in desk.queue.queue.calls()]
    answered = desk.answer_call_from("1102")  # a call answered in time stays with the operator
    desk.pump(25)
    assert not [e for e in desk.events if isinstance(e, CallEnded) and e.call_id == answered]


def test_an_overflow_destination_that_could_smuggle_a_header_is_refused() -> None:
    assert overflow_destination(" 8000 ") == "8000"
    assert overflow_destination("sip:frontdesk@pbx.hotel.example") == "sip:frontdesk@pbx.hotel.example"
    assert overflow_destination("8000>\r\nContact: <sip:evil@x") == ""
    assert overflow_destination("sip:a b@c") == ""
    gruu = "sip:9@127.0.0.1:5060;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"  # RFC 5627 §3.1 form
    assert overflow_destination(gruu) == gruu
    assert overflow_destination(gruu + "\r\nRefer-To: <sip:evil@x>") == ""
    assert overflow_destination("") == ""
