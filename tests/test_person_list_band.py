"""Wake-ups that need a person while the database is away reach the operator: the dialler's list in the
data folder is said in the alarm band, room by room, and the band goes when the list does."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from console.wakeups import watch_person_list
from db.store import Store, sqlite_url
from db.wakeup_book import SqlWakeUpBook
from hardware.wakeup.person_list import DATA
from switchboard.clock import FakeClock
from switchboard.wakeup_journal_calls import PersonCall, person_call_to_dict
from switchboard.wakeup_status import WakeUpStatus
from tests.console_parts import console_and_window
from ui.wakeup_page import WakeUpPage

AT = datetime(2026, 12, 5, 6, 31, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_dialers_list_is_said_in_the_alarm_band_until_it_is_gone(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(AT)
    store = Store(sqlite_url(tmp_path / "console.db"))
    store.migrate()
    console, window = console_and_window(qtbot, store, clock, tmp_path)
    page = WakeUpPage(SqlWakeUpBook(store, clock), lambda: console.actor, clock.now)
    watch_person_list(console, window, page)
    call = PersonCall("1208", AT.replace(minute=30), 3, "no_answer", WakeUpStatus.ESCALATED)
    (tmp_path / DATA).write_text(json.dumps({"calls": [person_call_to_dict(call)]}), encoding="utf-8")
    qtbot.waitUntil(lambda: window.alarm.isVisibleTo(window), timeout=8000)
    assert "1208 (06:30)" in window.alarm.text() and "database is away" in window.alarm.text()
    (tmp_path / DATA).unlink()
    qtbot.waitUntil(lambda: not window.alarm.isVisibleTo(window), timeout=8000)
    store.dispose()
