"""Write paths refuse dates far from today with the helper the wake-ups and the logbook use
(``switchboard.input_checks``, key ``date.implausible``), and take a sensible near date (issue 16):
call-backs, board notices, do-not-disturb and whereabouts end times. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from db.board import SqlBoard
from db.console_calls import SqlConsoleCalls
from db.room_board import SqlRoomBoard
from db.room_states import RoomStates
from db.rows import CallbackTaskRow, DailyInfoRow, WhereaboutsRow
from switchboard.errors import InputError
from switchboard.hotel import Actor, Role
from tests.reader import READER
from tests.test_roles import NOW, Hotel, hotel  # noqa: F401  (fixture)

OP = Actor("lin", "Console 1", Role.OPERATOR)


def _refused(key: str, call: object) -> InputError:
    assert callable(call)
    with pytest.raises(InputError) as info:
        call()
    assert info.value.key == key, info.value
    return info.value


def _count(h: Hotel, row: type) -> int:
    with h.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(row)) or 0)


def test_a_call_back_is_due_between_yesterday_and_a_year_ahead(hotel: Hotel) -> None:  # noqa: F811
    calls = SqlConsoleCalls(hotel.store, hotel.clock)
    before = _count(hotel, CallbackTaskRow)
    for due in (NOW - timedelta(days=2), NOW + timedelta(days=400), datetime(2999, 1, 1, tzinfo=NOW.tzinfo)):
        error = _refused(
            "date.implausible",
            lambda d=due: calls.add_callback("Mr Li", "13900000000", "8001", "", d, OP),
        )
        assert error.args_map["field"] == "call-back time"
    _refused(
        "time.naive",
        lambda: calls.add_callback("Mr Li", "13900000000", "8001", "", datetime(2026, 11, 21, 9, 0), OP),
    )
    assert _count(hotel, CallbackTaskRow) == before  # nothing stored of a refused call-back
    soon = calls.add_callback(
        "Mr Li", "13900000000", "8001", "after the meeting", NOW + timedelta(hours=1), OP
    )
    later = calls.add_callback("Ms Wu", "13800000000", "8002", "", NOW + timedelta(days=300), OP)
    assert soon.due_at == NOW + timedelta(hours=1) and later.due_at == NOW + timedelta(days=300)
    hotel.clock.advance(timedelta(hours=2))
    assert [t.caller for t in calls.callbacks_due()] == ["Mr Li"]


def test_a_board_notice_is_for_a_day_from_yesterday_to_two_years_ahead(hotel: Hotel) -> None:  # noqa: F811
    board = SqlBoard(hotel.store, hotel.clock)
    today = NOW.date()
    before = _count(hotel, DailyInfoRow)
    for day in (today - timedelta(days=2), today + timedelta(days=800)):
        error = _refused(
            "date.implausible", lambda d=day: board.add_notice("note", "", "Pool closed", OP, day=d)
        )
        assert error.args_map["field"] == "notice day"
    assert _count(hotel, DailyInfoRow) == before
    board.add_notice("event", "19:00", "Wedding in the ballroom", OP, day=today + timedelta(days=300))
    board.add_notice("note", "", "Lift 2 under repair", OP, day=today - timedelta(days=1))
    board.add_notice("note", "15:00", "Pool closed", OP)  # today, the day the board shows
    assert any(n[2] == "Pool closed" for n in board.today(READER).notices)
    assert _count(hotel, DailyInfoRow) == before + 3


def test_do_not_disturb_ends_within_two_years(hotel: Hotel) -> None:  # noqa: F811
    rooms = RoomStates(hotel.store, hotel.clock)
    room = hotel.take_let()
    error = _refused(
        "date.implausible", lambda: rooms.set_dnd(room, True, OP, until=NOW + timedelta(days=800))
    )
    assert error.args_map["field"] == "DND end"
    _refused("dnd.until", lambda: rooms.set_dnd(room, True, OP, until=NOW - timedelta(minutes=5)))
    assert not _dnd(hotel, room)  # refused: not set at all
    rooms.set_dnd(room, True, OP, until=NOW + timedelta(hours=9))
    assert _dnd(hotel, room)
    rooms.set_dnd(room, True, OP, until=NOW + timedelta(days=30))  # a long stay's "no calls" is plausible
    rooms.set_dnd(room, True, OP)  # until further notice stays allowed for DND


def test_whereabouts_end_within_two_years_and_need_an_end(hotel: Hotel) -> None:  # noqa: F811
    rooms = RoomStates(hotel.store, hotel.clock)
    room = hotel.some_let()
    before = _count(hotel, WhereaboutsRow)
    far = datetime(2999, 1, 1, 7, 0, tzinfo=NOW.tzinfo)
    error = _refused("date.implausible", lambda: rooms.set_whereabouts(room, "At the pool", far, OP))
    assert error.args_map["field"] == "whereabouts end"
    no_end = _refused("whereabouts.no_end", lambda: rooms.set_whereabouts(room, "At the pool", None, OP))  # type: ignore[arg-type]
    assert str(no_end) and "AttributeError" not in repr(no_end)
    _refused("whereabouts.until", lambda: rooms.set_whereabouts(room, "At the pool", NOW, OP))
    assert _count(hotel, WhereaboutsRow) == before
    rooms.set_whereabouts(room, "At the pool", NOW + timedelta(hours=2), OP)
    rooms.set_whereabouts(room, "Away in Hangzhou", NOW + timedelta(days=5), OP)  # replaces the first
    assert _count(hotel, WhereaboutsRow) == before + 2


def _dnd(h: Hotel, room: str) -> bool:
    return any(r.dnd for r in SqlRoomBoard(h.store, h.clock).rooms(READER) if r.number == room)


def test_the_missing_end_of_whereabouts_is_worded_in_both_languages(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import errors, i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    no_end = InputError("whereabouts.no_end", "x")
    far = InputError("date.implausible", "x", field="call-back time", day="2999-01-01")
    assert errors.explain(no_end) == "Whereabouts need the time they end."
    assert errors.explain(far) == "The call-back time 2999-01-01 is too far from today."
    i18n.install(app, "zh_CN")
    try:
        assert errors.explain(no_end) == "去向需要填写结束时间。"
    finally:
        i18n.install(app, "en")
