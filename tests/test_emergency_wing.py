"""The emergency alarm names the floor and the wing of the room that dialled (issue 19), in English and
in Chinese, on SQLite and PostgreSQL through the position's own emergency desk (pytest-qt); a room of
a hotel without wings shows its floor alone, as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from db.room_board import SqlRoomBoard
from db.rows import RoomRow
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.emergency import EmergencyDialled, Source
from tests.reader import READER
from tests.test_emergency_alarm import _position
from ui import i18n


def test_the_alarm_shows_the_floor_and_the_wing(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    seed_demo_hotel(store, clock)
    desk, window = _position(qtbot, store, clock, tmp_path, "Console 1", "linda")
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and int(r.number[-2:]) >= 20)
    with store.read() as s:
        assert s.scalar(select(RoomRow.wing).where(RoomRow.number == room.number)) == "West wing"
    desk.heard(EmergencyDialled("call-w1", room.extension, "119", clock.now(), Source.PBX))
    assert desk.banner.isVisibleTo(window)
    details = desk.banner.details.text()
    assert f"Floor {room.floor} · West wing · extension {room.extension}" in details, details
    assert desk.book.open_alarms()[0].wing == "West wing"  # kept with the alarm, as the room was then
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    loaded = i18n.install(app, "zh_CN")
    try:
        assert "wings_zh_CN.qm" in loaded and "emergency_banner_zh_CN.qm" in loaded
        desk.banner.show_alarms(desk.book.open_alarms())
        chinese = desk.banner.details.text()
        assert f"{room.floor} 楼 · 西翼 · 分机 {room.extension}" in chinese, chinese
    finally:
        i18n.install(app, "en")


def test_a_room_without_a_wing_shows_its_floor_alone(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    seed_demo_hotel(store, clock)
    with store.unit() as s:
        s.execute(update(RoomRow).values(wing=None))  # a hotel without wings
    desk, _window = _position(qtbot, store, clock, tmp_path, "Console 1", "linda")
    room = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    desk.heard(EmergencyDialled("call-w2", room.extension, "110", clock.now(), Source.PBX))
    details = desk.banner.details.text()
    assert f"Floor {room.floor} · extension {room.extension}" in details, details
    assert "wing" not in details
