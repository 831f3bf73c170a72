"""The emergency alarm as the operators see it: on every position within a second, with who is in
the room, cleared everywhere by the first acknowledgement, called out when nobody acknowledges, and
never in the way of the call keys (it is a panel above the queue, not a box)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.emergency import EmergencyDesk
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.auth import User
from switchboard.clock import FakeClock
from switchboard.emergency import EmergencyDialled, Source
from switchboard.hotel import Role
from switchboard.settings import ConsoleSettings
from tests.console_parts import console_and_window
from tests.reader import READER
from ui.main_window import MainWindow


def _position(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path, name: str, user: str
) -> tuple[EmergencyDesk, MainWindow]:
    settings = ConsoleSettings(
        position=name, sections={"emergency": {"call_out": "8001, 8002", "acknowledge_within_s": "30"}}
    )
    console, window = console_and_window(qtbot, store, clock, tmp_path / name, settings)
    console.user = User(1, user, user.title(), Role.OPERATOR)
    desk = EmergencyDesk(console, window)
    desk.refresh_timer.stop()  # the test refreshes by hand, as the timer would each second
    return desk, window


@pytest.fixture
def positions(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> Iterator[tuple[EmergencyDesk, ...]]:
    seed_demo_hotel(store, clock)
    one, _ = _position(qtbot, store, clock, tmp_path, "Console 1", "linda")
    two, _ = _position(qtbot, store, clock, tmp_path, "Console 2", "wang")
    yield one, two


def test_the_alarm_reaches_both_positions_and_one_acknowledgement_clears_both(
    positions: tuple[EmergencyDesk, ...], store: Store, clock: FakeClock
) -> None:
    one, two = positions
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy)
    beeps: list[int] = []
    one.banner._sound = lambda: beeps.append(1)
    one.heard(EmergencyDialled("call-7", room.extension, "110", clock.now(), Source.PBX))
    two.refresh()
    for desk in (one, two):
        assert desk.banner.isVisibleTo(desk.window)
        assert room.number in desk.banner.title.text() and "110" in desk.banner.title.text()
        assert room.guest in desk.banner.details.text()
    assert beeps  # heard at once
    two.banner.acknowledge_first()
    one.refresh()
    assert not one.banner.isVisibleTo(one.window) and not two.banner.isVisibleTo(two.window)
    alarm = one.book.between(clock.now() - timedelta(minutes=1), clock.now() + timedelta(minutes=1))[0]
    assert alarm.acknowledged_by == "wang"


def test_nobody_acknowledges_so_the_duty_manager_and_security_are_called_once(
    positions: tuple[EmergencyDesk, ...], store: Store, clock: FakeClock
) -> None:
    one, two = positions
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    one.heard(EmergencyDialled("call-8", room.extension, "119", clock.now(), Source.PBX))
    clock.advance(timedelta(seconds=31))
    one.refresh()
    two.refresh()
    placed = one.callout.placed + two.callout.placed
    assert [extension for extension, _ in placed] == ["8001", "8002"]  # by one position, once
    assert Path(placed[0][1]).stat().st_size > 40_000  # the message naming the room, said twice
    assert "duty manager and security called" in one.banner.details.text()
    assert one.banner.isVisibleTo(one.window)  # and it keeps alarming


def test_the_call_keys_work_while_the_alarm_shows(
    qtbot: QtBot, positions: tuple[EmergencyDesk, ...], clock: FakeClock
) -> None:
    one, _ = positions
    pressed: list[str] = []
    one.window.add_console_action("Answer", "F5", lambda: pressed.append("F5"))
    one.window.show()
    qtbot.waitExposed(one.window)
    one.window.activateWindow()
    qtbot.waitUntil(one.window.isActiveWindow)
    one.heard(EmergencyDialled("call-9", "2001", "112", clock.now(), Source.PBX))
    assert one.banner.isVisible()
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(QApplication.focusWidget() or one.window, Qt.Key.Key_F5)
    assert pressed == ["F5"]
