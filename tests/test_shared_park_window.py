"""The shared park area in the window, on training PBXs sharing one database: a call parked or camped
at another position shows in this position's park area with that position's name; Shift+F9 picks the
parked one up here (put through to this operator, with the same caller) and it leaves the position
that parked it as "answered at Console 1"."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from console.position import start_positions
from db.lamp_field import SqlLampField
from db.shared_parks import SqlSharedParks
from db.store import Store
from hardware.training_pbx import TrainingPbx
from switchboard.pbx import CallEnded, CallState, CallStateChanged, PbxEvent
from tests.attendant_desk import QUIET, ConsoleDesk


def test_a_call_parked_at_another_position_is_seen_and_picked_up_here(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(qtbot, sqlite_store, tmp_path)
    start_positions(desk.console, desk.window)
    extensions = [lamp.extension for lamp in SqlLampField(sqlite_store).field_lamps()]
    other = TrainingPbx(desk.clock, extensions, profile=QUIET, traffic=False)
    seen: list[PbxEvent] = []
    other.start(seen.append, threaded=False)
    other.share_parks(SqlSharedParks(sqlite_store, desk.clock, "Console 2"))

    def pump_both() -> None:
        other.pump()
        desk.pump()

    parked = other.offer_call("1101")
    camped = other.offer_call("1102")
    other.answer(parked)
    other.answer(camped)
    other.park(parked)
    other.camp_on(camped, "1205", 300)
    pump_both()
    park = desk.attendant.park
    qtbot.waitUntil(lambda: (pump_both(), park.model.rowCount() == 2)[1], timeout=5000)
    cells = [park._cells(park.model.row(r)) for r in range(2)]
    wheres = sorted(c[1] for c in cells)
    assert wheres == ["parked at 7901, Console 2", "waiting for 1205, Console 2"]

    park.view.selectRow(next(r for r in range(2) if "parked" in park._cells(park.model.row(r))[1]))
    desk.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: (pump_both(), desk.queue.queue.active() is not None)[1], timeout=5000)
    active = desk.queue.queue.active()
    assert active is not None and active.caller == "1101"
    assert (CallState.CONNECTED, "") in desk.states(active.call_id)

    deadline = time.monotonic() + 5
    while not [e for e in seen if isinstance(e, CallEnded) and e.call_id == parked]:
        assert time.monotonic() < deadline
        pump_both()
        time.sleep(0.05)
    ended = [e.reason for e in seen if isinstance(e, CallEnded) and e.call_id == parked]
    assert ended == ["answered at Console 1"]
    assert not [e for e in seen if isinstance(e, CallEnded) and e.call_id == camped]
    qtbot.waitUntil(lambda: (pump_both(), park.model.rowCount() == 1)[1], timeout=5000)
    assert "waiting for 1205" in park._cells(park.model.row(0))[1]
    assert [e for e in seen if isinstance(e, CallStateChanged) and e.call_id == camped][-1].state is (
        CallState.CAMPED
    )
    QCoreApplication.processEvents()
    other.stop()
