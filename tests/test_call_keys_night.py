"""A night of calls on the console as wired, in training mode: 40 callers arrive at a seeded pace
(guests, outside lines, departments) and an operator script works them with the keys: transfers that
are answered, to a busy extension (camp-on) and to a DND room (a message instead), announced
transfers, park and pick-up, wake-ups booked from the call, plain enquiries. It fails if any caller
rings past the red limit (twice the ring warning) while the operator presses F5, if a caller is left
on the console at the end, or if a transfer has no outcome line."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from db.store import Store
from switchboard.pbx import CallEnded, CallKind, CallOffered, CallState, CallStateChanged
from tests.attendant_desk import ConsoleDesk

CALLS = 40
RED_LIMIT_S = 24.0  # [attendant] ring_warning_s = 12: red at twice that
SCENES = ("transfer", "busy", "dnd", "announce", "park", "wakeup", "enquiry")


def test_a_night_of_forty_calls_leaves_no_caller_ringing_past_the_red_limit(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    desk = ConsoleDesk(
        qtbot, sqlite_store, tmp_path, at=datetime(2026, 11, 20, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    )
    rng = random.Random(13)
    guests = desk.guests()
    dnd_guest, busy_ext, free_guests = guests[-1], "8020", guests[:-1]
    desk.board.set_dnd(dnd_guest.room, True, desk.console.actor)
    desk.model.update_marks(dnd_guest.number, dnd=True)
    callers = [g.number for g in free_guests[:20]] + ["+86 21 5555 0101", "+86 10 6666 0202", "8000", "8050"]
    arrivals = sorted(rng.uniform(0, CALLS * 25) for _ in range(CALLS))
    scene_of: dict[str, str] = {}
    handled: set[str] = set()
    pickups: list[tuple[float, str]] = []
    free_busy_at = 0.0
    now = 0.0
    while now < CALLS * 25 + 300:
        while arrivals and arrivals[0] <= now:
            arrivals.pop(0)
            kind = CallKind.OUTSIDE if rng.random() < 0.3 else CallKind.ROOM
            call_id = desk.pbx.offer_call(rng.choice(callers), kind)
            scene_of[call_id] = SCENES[len(scene_of) % len(SCENES)]
        desk.pump(1)
        now += 1
        if free_busy_at and now >= free_busy_at:
            desk.pbx.set_extension_busy(busy_ext, False)
            free_busy_at = 0.0
        queue = desk.queue.queue
        if queue.next_to_answer() is not None:
            desk.key(Qt.Key.Key_F5)  # the operator answers whatever else is going on
        for due, call_id in list(pickups):
            if due <= now and queue.active() is None:
                pickups.remove((due, call_id))
                desk.queue.pick_up(call_id)
                desk.pump()
        active = queue.active()
        if active is None:
            if queue.held():
                desk.key(Qt.Key.Key_F7)
            continue
        if active.state is not CallState.CONNECTED:
            continue
        if active.call_id in handled or active.call_id not in scene_of:
            desk.key(Qt.Key.Key_F6)  # a recall or a picked-up call: the operator finishes it
            continue
        handled.add(active.call_id)
        scene = scene_of[active.call_id]
        if scene == "transfer":
            select(desk, qtbot, rng.choice(free_guests).number)
            desk.key(Qt.Key.Key_F8)
        elif scene == "busy":
            desk.pbx.set_extension_busy(busy_ext, True)
            desk.pump()
            desk.queue.select(busy_ext)
            desk.key(Qt.Key.Key_F8)
            assert desk.handling.options is not None
            desk.handling.options.buttons["wait"].click()
            free_busy_at = now + 20
        elif scene == "dnd":
            select(desk, qtbot, dnd_guest.number)
            desk.key(Qt.Key.Key_F8)
            assert desk.handling.options is not None
            desk.handling.options.buttons["message"].click()
            desk.messages.caller_name.setText("Guest")
            qtbot.keyClicks(desk.messages.text, "Please call back")
            qtbot.keyClick(desk.messages.text, Qt.Key.Key_Return)
            desk.key(Qt.Key.Key_F6)
        elif scene == "announce":
            desk.queue.select("8050")
            desk.key(Qt.Key.Key_F10)
            desk.pump(10)
            desk.key(Qt.Key.Key_F11)
        elif scene == "park":
            desk.key(Qt.Key.Key_F9)
            pickups.append((now + 15, active.call_id))
        elif scene == "wakeup":
            info = desk.attendant.caller.info
            if info is not None and info.room:
                desk.key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
                desk.wakeups.time.setTime(QTime(6, rng.randrange(0, 60)))
                desk.wakeups.book()
            desk.key(Qt.Key.Key_F6)
        else:
            desk.key(Qt.Key.Key_F6)
    offered: dict[str, datetime] = {}
    waits: list[float] = []
    for event in desk.events:
        if isinstance(event, CallOffered):
            offered[event.call_id] = event.offered_at
        elif isinstance(event, CallStateChanged | CallEnded) and event.call_id in offered:
            waits.append((event.at - offered.pop(event.call_id)).total_seconds())
    assert len(scene_of) == CALLS and not offered
    assert max(waits) <= RED_LIMIT_S, sorted(waits)[-5:]
    assert desk.queue.queue.calls() == [] and desk.queue.queue.aside() == []
    lines = desk.attendant.history.texts()
    scenes = list(scene_of.values())
    sent = scenes.count("transfer") + scenes.count("busy") + scenes.count("dnd") + scenes.count("announce")
    assert len(lines) >= sent
    assert all(not line.endswith("ringing there") for line in lines)  # every transfer has its outcome
    assert any(line.endswith("do-not-disturb: not sent") for line in lines)
    assert desk.messages.model.rowCount() >= scenes.count("dnd")
    assert desk.wakeups.model.rowCount() >= 1  # booked from calls with Ctrl+W


def select(desk: ConsoleDesk, qtbot: QtBot, number: str) -> None:
    """F3, the number typed, the entry highlighted: selected, nothing sent."""
    desk.key(Qt.Key.Key_F3)
    qtbot.keyClicks(desk.attendant.directory.search, number)
    desk.pump()
    assert desk.queue.transfer_target == number
