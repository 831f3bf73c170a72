"""The busy/DND options offer the caller's number for a call-back only when it can be dialled
(switchboard.caller_number): a number in other digits is never pre-filled, so it cannot be stored as a
call-back number by a click, and the operator types one."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from switchboard.caller_number import call_back_number, dialable, is_room_number
from switchboard.pbx import FailureReason
from ui.busy_options import BusyOptions

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


NOT_NUMBERS = ["١٢٩٩", "１２９９", "12\ufffd99", "Room 1299", "sip:1299@x", "", "1" * 70]


@pytest.mark.parametrize("caller", NOT_NUMBERS)
def test_a_number_that_cannot_be_dialled_is_not_offered_and_the_operator_types_one(
    qtbot: QtBot, caller: str
) -> None:
    options = BusyOptions("1203", FailureReason.BUSY, caller, NOW)
    qtbot.addWidget(options)
    assert options.number.text() == ""
    assert "type one" in options.number.placeholderText()
    qtbot.keyClicks(options.number, "+86 21 5555 0199")
    with qtbot.waitSignal(options.callback) as sent:
        options.buttons["callback"].click()
    assert sent.args is not None and sent.args[0] == "+86 21 5555 0199"


@pytest.mark.parametrize("caller", ["1299", "+86 21 5555 0199", "(021) 5555-0199", "*72#"])
def test_a_diallable_caller_number_is_offered_as_written(qtbot: QtBot, caller: str) -> None:
    options = BusyOptions("1203", FailureReason.DND, caller, NOW)
    qtbot.addWidget(options)
    assert options.number.text() == caller
    with qtbot.waitSignal(options.callback) as sent:
        options.buttons["callback"].click()
    assert sent.args is not None and sent.args[0] == caller


def test_the_rule_alone() -> None:
    for number in ("١٢٩٩", "１２９９", "²", "12 99", "1299\n", ""):
        assert not dialable(number) and not is_room_number(number)
    assert call_back_number("١٢٩٩") == "" and call_back_number("12-99") == "12-99"
    assert call_back_number("--") == "" and call_back_number("12\u00a099") == ""
