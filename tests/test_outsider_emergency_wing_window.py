"""Roll-call by wing and the alarm's floor and wing, worked through the window with the keyboard as a
duty manager would, in English and in Chinese; screenshots to tmp_path (or OUTSIDER_SHOTS)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.context import Console
from console.roll_call import build_roll_call_page
from db.emergencies import SqlEmergencies
from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.rows import RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from hardware.training_pbx import TrainingPbx
from switchboard.auth import User
from switchboard.clock import FakeClock
from switchboard.emergency import EmergencyDialled, Source
from switchboard.hotel import Actor, Role, StayStatus
from switchboard.settings import ConsoleSettings
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.emergency_banner import EmergencyBanner
from ui.main_window import MainWindow

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("OUTSIDER_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 3000
    return path


CHINESE_WINGS = {"East wing": "东翼", "West wing": "西翼"}  # as the Chinese screens name the demo wings


def _said(wing: str, language: str) -> str:
    return CHINESE_WINGS.get(wing, wing) if language == "zh_CN" else wing


def _occupied(store: Store) -> dict[str, dict[str, int]]:
    with store.read() as s:
        found = s.execute(
            select(RoomRow.number, RoomRow.floor, RoomRow.wing)
            .join(StayRow, StayRow.room_id == RoomRow.id)
            .where(StayRow.status == StayStatus.IN_HOUSE.value)
        ).all()
    out: dict[str, dict[str, int]] = {}
    for number, floor, wing in found:
        out.setdefault(wing or "", {})[number] = floor
    return out


def test_a_duty_manager_starts_a_wing_roll_call_with_the_keyboard(
    qtbot: QtBot, sqlite_store: Store, language: str, tmp_path: Path
) -> None:
    store = sqlite_store
    clock = FakeClock(datetime(2026, 11, 21, 3, 10, tzinfo=ZONE))
    seed_demo_hotel(store, clock, language=language)
    wings = SqlRoomBoard(store, clock).wings()
    assert len(wings) >= 2, wings
    wing = wings[0]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    console = Console(
        app,
        ConsoleSettings(position="Console 1"),
        tmp_path / "console.ini",
        tmp_path,
        clock,
        store,
        UserDirectory(store, clock),
        TrainingPbx(clock, [], traffic=False),
        EventBridge(),
        language,
        True,
    )
    console.user = User(1, "operator", "Operator", Role.OPERATOR)  # an operator is at the position
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="", user_name="o", position="Console 1"
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    page = build_roll_call_page(console, window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    try:
        qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # the page's key
        assert window.pages.currentWidget() is page
        page.start_button.setFocus()
        qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
        assert page.panel.isVisibleTo(page)
        _shot(window, f"rollcall-panel-{language}.png", tmp_path)
        # the operator's name is offered: the duty manager types theirs and the password again
        page.user.selectAll()
        qtbot.keyClicks(page.user, "manager")
        page.scope.setFocus()
        index = page.scope.findData(wing)
        assert index >= 0, [page.scope.itemText(i) for i in range(page.scope.count())]
        for _ in range(index - page.scope.currentIndex()):
            qtbot.keyClick(page.scope, Qt.Key.Key_Down)
        assert page.scope.currentData() == wing
        qtbot.keyClicks(page.password, "wrong-password")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        assert SqlRollCalls(store, clock).latest() is None  # a wrong password starts nothing
        clock.advance(300)
        page.user.selectAll()
        qtbot.keyClicks(page.user, "manager")
        page.scope.setCurrentIndex(index)
        qtbot.keyClicks(page.password, "training-dm")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        head = SqlRollCalls(store, clock).latest()
        assert head is not None and head.wing == wing
        page.refresh()
        assert {r.room for r in page.rooms()} == set(_occupied(store)[wing])
        said = _said(wing, language)
        assert said in page.subtitle()
        _shot(window, f"rollcall-wing-{language}.png", tmp_path)
        assert page.write_csv(tmp_path / "board.csv")
        rows = list(csv.reader(io.StringIO((tmp_path / "board.csv").read_text(encoding="utf-8-sig"))))
        column = rows[0].index(QCoreApplication.translate("RollCallPrint", "Wing"))
        assert {r[column] for r in rows[1:]} in ({wing}, {said})
        assert page.write_pdf(tmp_path / "board.pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "board.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert said in text
        assert all(room in text for room in _occupied(store)[wing])
        assert not any(
            room in text.split() for other in wings[1:] for room in _occupied(store).get(other, {})
        )
        # stopping takes the password again
        page.stop_button.setFocus()
        qtbot.keyClick(page.stop_button, Qt.Key.Key_Space)
        page.user.selectAll()
        qtbot.keyClicks(page.user, "manager")
        qtbot.keyClicks(page.password, "training-dm")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        stopped = SqlRollCalls(store, clock).latest()
        assert stopped is not None and stopped.stopped_at is not None
    finally:
        for action in console.on_quit:
            action()


def test_the_alarm_banner_names_floor_and_wing(
    qtbot: QtBot, sqlite_store: Store, language: str, tmp_path: Path
) -> None:
    store = sqlite_store
    clock = FakeClock(datetime(2026, 11, 21, 3, 10, tzinfo=ZONE))
    seed_demo_hotel(store, clock, language=language)
    occupied = _occupied(store)
    wing = next(w for w in occupied if w)
    room, floor = next(iter(occupied[wing].items()))
    with store.read() as s:
        extension = s.scalars(select(RoomRow.extension).where(RoomRow.number == room)).one()
    alarm, new = SqlEmergencies(store, clock).raise_alarm(
        EmergencyDialled("outsider-1", extension, "119", clock.now(), Source.LAMPS), Actor.link("Console 1")
    )
    assert new and alarm.wing == wing and alarm.floor == floor
    banner = EmergencyBanner(clock.now)
    qtbot.addWidget(banner)
    banner.resize(1100, 260)
    banner.show_alarms(SqlEmergencies(store, clock).open_alarms())
    banner.show()
    shown = " ".join(label.text() for label in banner.findChildren(QLabel))
    assert _said(wing, language) in shown and room in shown and "119" in shown
    assert str(floor) in shown
    _shot(banner, f"alarm-wing-{language}.png", tmp_path)
