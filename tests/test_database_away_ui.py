"""The database away, as the operator sees it: one lamp and one banner naming the database, never a
box per refresh; back to normal when the probe finds it again."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from switchboard.errors import DatabaseState, DatabaseUnavailable
from ui.crash_guard import CrashGuard
from ui.database_state import DatabaseBanner, DatabaseLamp


def test_lamp_and_banner_say_what_is_away_and_go_back(qtbot: QtBot) -> None:
    lamp, banner = DatabaseLamp(), DatabaseBanner()
    qtbot.addWidget(lamp)
    qtbot.addWidget(banner)
    away = DatabaseState("db.hotel.lan:5432/switchboard", "storage.unreachable", "connection refused", 2.0)
    lamp.show_state(away)
    banner.show_state(away)
    assert "AWAY" in lamp.text() and "db.hotel.lan:5432/switchboard" in lamp.toolTip()
    assert not banner.isHidden() and "db.hotel.lan:5432/switchboard" in banner.text()
    assert "Calls, transfers and the lamp field go on" in banner.text()
    back = DatabaseState("db.hotel.lan:5432/switchboard")
    lamp.show_state(back)
    banner.show_state(back)
    assert "OK" in lamp.text() and banner.isHidden()


def test_a_refresh_that_finds_the_database_away_opens_no_box(qtbot: QtBot, tmp_path: object) -> None:
    guard = CrashGuard(tmp_path / "console.log")  # type: ignore[operator]
    told: list[DatabaseUnavailable] = []
    guard.on_database_away = told.append
    error = DatabaseUnavailable("storage.unreachable", "away", where="db.hotel.lan")
    # windows other tests left open are not this test's concern
    visible_before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    for _ in range(60):  # a minute of refresh timers
        guard.handle(DatabaseUnavailable, error, None)
    assert len(told) == 60 and guard.shown == []
    assert QApplication.activeModalWidget() is None
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in visible_before] == []
    guard.handle(ValueError, ValueError("x"), None)  # anything else still gets its one calm sentence
    assert len(guard.shown) == 1
    assert sys.excepthook is not guard.handle  # not installed by this test
