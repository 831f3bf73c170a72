"""Timed duties cannot be missed: a due duty stands in a panel across the window until ticked, rings
once when it falls due, and no status message pushes it away."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from db.duties import SqlDuties
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.duties import DutyState
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.duty_panel import DutyPanel
from ui.main_window import MainWindow

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)


def test_a_due_duty_stays_until_ticked_and_rings_once(qtbot: QtBot, store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 0, 10, tzinfo=ZONE))  # night shift, before CCTV night mode
    seed_demo_hotel(store, clock)
    chimes: list[datetime] = []
    duties = SqlDuties(store, clock)
    window = MainWindow(
        clock, lamp_field=LampField(BlfModel()), training=True, hotel="H", user_name="op", position="C1"
    )
    qtbot.addWidget(window)
    panel = DutyPanel(
        duties,
        lambda: shift_at(clock.now()),
        lambda: NIGHT,
        chime=lambda: chimes.append(clock.now()),
        now=clock.now,
    )
    window.add_notice_panel(panel)
    window.show()
    panel.check()
    assert panel.isHidden() and chimes == []

    clock.advance(timedelta(minutes=21))  # 00:31: CCTV night mode is due
    panel.check()
    assert panel.isVisible() and [d.name for d in panel.due] == ["CCTV night mode"]
    assert chimes == [clock.now()]
    window.statusBar().showMessage("Call back now: 8105")  # a later message does not replace it
    clock.advance(timedelta(minutes=2))
    panel.check()
    assert panel.isVisible() and len(chimes) == 1  # stays, quiet for a few minutes
    clock.advance(timedelta(minutes=3))
    panel.check()
    panel.check()
    assert panel.isVisible() and len(chimes) == 2  # and rings again while nobody ticks it

    done = panel.findChild(QPushButton, f"dutyDone_{panel.due[0].id}")
    assert done is not None
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    assert panel.isHidden() and panel.due == []
    ticked = [d for d in duties.for_shift(shift_at(clock.now())) if d.name == "CCTV night mode"]
    assert ticked[0].state is DutyState.DONE and ticked[0].done_by == "operator"

    clock.advance(timedelta(hours=1, minutes=30))  # 02:31: night audit call, the second duty
    panel.check()
    assert [d.name for d in panel.due] == ["Night audit call to the front desk"] and len(chimes) == 3


def test_the_panel_names_the_duty_in_chinese(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 2, 5, tzinfo=ZONE))
    seed_demo_hotel(sqlite_store, clock)
    panel = DutyPanel(
        SqlDuties(sqlite_store, clock),
        lambda: shift_at(clock.now()),
        lambda: NIGHT,
        chime=lambda: None,
        now=clock.now,
        chinese=True,
    )
    qtbot.addWidget(panel)
    panel.check()
    assert {panel.name_of(d) for d in panel.due} == {"闭路电视切换夜间模式", "夜审提醒前台"}
