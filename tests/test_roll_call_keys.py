"""The roll-call page's shortcut letters (Alt+letter) are each one control's, in English and in Chinese:
with the start panel open and with the stop panel open, no two visible buttons or labels share a letter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.roll_call_board import SqlRollCallBoard
from db.roll_calls import SqlRollCalls
from db.seed import seed_demo_hotel
from db.store import Store
from db.users import UserDirectory
from switchboard.clock import FakeClock
from ui import i18n
from ui.roll_call_page import RollCallPage


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _letter(text: str) -> str | None:
    """The letter after a single '&' (Qt's mnemonic; '&&' is a plain ampersand)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].upper() if 0 <= at < len(plain) - 1 else None


def _letters(page: RollCallPage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for widget in [*page.findChildren(QAbstractButton), *page.findChildren(QLabel)]:
        letter = _letter(widget.text())
        if letter is not None and widget.isVisibleTo(page):
            found.setdefault(letter, []).append(widget.text())
    return found


def test_each_shortcut_letter_is_one_controls(qtbot: QtBot, sqlite_store: Store, language: str) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    seed_demo_hotel(sqlite_store, clock, language=language)
    page = RollCallPage(
        SqlRollCalls(sqlite_store, clock),
        SqlRollCallBoard(sqlite_store).stamp,
        UserDirectory(sqlite_store, clock),
        lambda: "operator",
        "Console 1",
        clock.now,
        "Harbour Hotel",
        [1, 2, 3],
    )
    qtbot.addWidget(page)
    page.show()
    for stopping in (False, True):
        page.ask_stop() if stopping else page.ask_start()
        letters = _letters(page)
        assert len(letters) >= 8, letters  # the page's buttons and the panel's fields all have one
        shared = {k: v for k, v in letters.items() if len(v) > 1}
        assert shared == {}, (language, stopping, shared)
