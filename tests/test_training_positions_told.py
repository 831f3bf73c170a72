"""Issue 18 on two training positions, what each window tells its operator (the outside tester's
screenshots): a call handed over at sign-out leaves the park area as it rings; Shift+F9 on a park row
gone stale says so; a call sent to night service is told on both windows; each window names its
position and its simulated PBX; the trainee's first caller rings once per training world. Two real
windows on one SQLite file, worked with the keys (the fixture of
tests/test_outsider_positions_training.py)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from console import session
from db.shared_parks import SqlSharedParks
from switchboard.pbx import LinkName
from tests.test_outsider_positions_training import Pair, _status, pair  # noqa: F401  (its fixture)


@pytest.fixture
def desks(pair: Pair) -> Pair:  # noqa: F811  (the imported fixture)
    return pair


def test_a_call_handed_over_at_sign_out_leaves_the_park_area_as_it_rings(desks: Pair) -> None:
    duo = desks
    one, two = duo.desks
    call = two.pbx.offer_call("1201")
    duo.until(lambda: call in duo.waiting(two) and call in duo.waiting(one))
    duo.focus(two)
    two.key(Qt.Key.Key_F5)
    duo.until(lambda: duo.waiting(one) == [])
    two.key(Qt.Key.Key_F9)
    duo.until(lambda: one.attendant.park.model.rowCount() == 1)
    cover = session.change_operator(two.console, two.window)
    try:
        duo.until(lambda: [c.caller for c in one.queue.queue.waiting()] == ["1201"])
        duo.shot("10-handed-over-rings-not-parked")
        assert one.attendant.park.model.rowCount() == 0, "ringing as a recall, and no longer shown parked"
        assert "Console 2" in two.window.position_label.text(), "signed out, the window still names it"
    finally:
        cover.close()


def test_shift_f9_on_a_park_row_gone_stale_says_so(desks: Pair) -> None:
    duo = desks
    one, two = duo.desks
    call = one.pbx.offer_call("1202")
    duo.until(lambda: call in duo.waiting(two))
    duo.focus(one)
    one.key(Qt.Key.Key_F5)
    one.key(Qt.Key.Key_F9)
    park_two = two.attendant.park
    duo.until(lambda: park_two.model.rowCount() == 1)
    book = SqlSharedParks(two.store, two.clock, "Console 2")
    seen = book.all()
    one.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # Console 1 takes its own parked call back
    duo.until(lambda: one.queue.queue.active() is not None and not book.all())
    park_two.set_shared(seen, "Console 2")  # as read a moment before: the row is stale
    duo.focus(two)
    park_two.view.selectRow(0)
    two.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert "no longer parked" in two.window.statusBar().currentMessage()
    assert two.queue.queue.active() is None and park_two.model.rowCount() == 0
    assert one.queue.queue.active() is not None and one.queue.queue.active().caller == "1202"  # type: ignore[union-attr]


def test_a_call_to_night_service_is_told_on_both_windows(desks: Pair) -> None:
    duo = desks
    one = duo.desks[0]
    for desk in duo.desks:
        duo.focus(desk)
        desk.key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    time.sleep(1.1)  # the break is recorded at once; give both a round
    one.pbx.offer_call("1302")
    duo.until(lambda: all("1302" in d.window.statusBar().currentMessage() for d in duo.desks), 4000)
    duo.shot("11-night-service-told")
    for desk in duo.desks:
        assert "night service" in desk.window.statusBar().currentMessage()
        assert duo.waiting(desk) == []


def test_each_window_names_its_position_and_its_simulated_pbx(desks: Pair) -> None:
    duo = desks
    for n, desk in enumerate(duo.desks, 1):
        assert desk.window.position_label.text() == f"Position: Console {n}"
        assert "PBX: training" in desk.window.links[LinkName.PBX].text()
        assert f"Console {n}" in _status(desk)


def test_the_trainees_first_caller_rings_once_per_training_world(desks: Pair) -> None:
    duo = desks
    one, two = duo.desks
    time.sleep(0.6)
    duo.pump()  # a full round: the lead is settled
    for desk in duo.desks:
        desk.pbx.offer_first_call("8101")
    duo.until(lambda: len(duo.waiting(one)) == 1 and len(duo.waiting(two)) == 1)
    time.sleep(1.1)
    duo.pump()
    assert duo.waiting(one) == duo.waiting(two) and len(duo.waiting(one)) == 1, "one VIP call, not two"
