"""Bad input gets a clear message, never a raw database error or a silent cut: SQLite and PostgreSQL.

PostgreSQL refuses a NUL in text ("A string literal cannot contain NUL (0x00) characters") and cuts
nothing; SQLite keeps whatever it is given.  Both must see the same checked values.  The Arabic,
Chinese and emoji samples are ordinary guest names; U+202E (RIGHT-TO-LEFT OVERRIDE) is the character
behind "evil\u202etxt.exe" style disguises (Unicode Technical Report #36, section 2.1.1).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from db.frontoffice import SqlFrontOffice
from db.logbook import SqlLogbook
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory, LogQuery
from switchboard.errors import InputError
from switchboard.frontoffice import CheckIn, GuestChange
from switchboard.hotel import Actor, Role
from switchboard.input_checks import search_text
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
OP = Actor(user="lin", position="Console 1", role=Role.OPERATOR)


@pytest.fixture
def hotel(store: Store) -> tuple[Store, FakeClock, list[str]]:
    clock = FakeClock(NOW)
    seed_demo_hotel(store, clock)
    vacant = [
        r.number for r in SqlRoomBoard(store, clock).rooms(READER) if not r.guest and r.occupancy == "vacant"
    ]
    return store, clock, vacant


def _refused(key: str, call: object) -> InputError:
    assert callable(call)
    with pytest.raises(InputError) as info:
        call()
    assert info.value.key == key, info.value
    return info.value


def test_codes_with_control_characters_or_too_long_are_refused_not_cut(
    hotel: tuple[Store, FakeClock, list[str]],
) -> None:
    store, clock, vacant = hotel
    front = SqlFrontOffice(store, clock)
    room = vacant[0]
    for field, value, key in [
        ("reservation", "R\x00123", "text.control"),
        ("reservation", "R" * 21, "text.too_long"),
        ("group", "TOUR\x1b[31m", "text.control"),
        ("group", "G" * 21, "text.too_long"),
        ("language", "en\x07", "text.control"),
        ("language", "english-please", "text.too_long"),
        ("language", "e n", "text.language"),
    ]:
        error = _refused(
            key, lambda f=field, v=value: front.check_in(CheckIn(room=room, name="Ali", **{f: v}), DESK)
        )
        assert error.args_map["field"] == field
    assert SqlRoomBoard(store, clock).rooms(READER)[0] is not None
    assert not next(
        r for r in SqlRoomBoard(store, clock).rooms(READER) if r.number == room
    ).guest  # nothing written
    stay = front.check_in(
        CheckIn(room=room, name="Ali", reservation="R" * 20, group="G" * 20, language="zh_CN"), DESK
    )
    assert stay.reservation == "R" * 20
    _refused("text.control", lambda: front.change_guest(GuestChange(room=room, language="zh\x00"), DESK))


def test_free_text_drops_nul_control_and_bidirectional_overrides_and_keeps_every_script(
    hotel: tuple[Store, FakeClock, list[str]],
) -> None:
    store, clock, vacant = hotel
    front = SqlFrontOffice(store, clock)
    names = ["عمر الرشيد", "黄晓明", "Zoë 👩‍👩‍👧 Smith"]
    for room, name in zip(vacant, names, strict=False):
        front.check_in(CheckIn(room=room, name=f"{name}\x00"), DESK)
        shown = next(r for r in SqlRoomBoard(store, clock).rooms(READER) if r.number == room)
        assert shown.guest == name  # the ZWJ emoji family and the Arabic letters kept, the NUL gone
    log = SqlLogbook(store, clock)
    entry = log.write(LogCategory.OTHER, "Parcel for \u202eexe.txt\u202c at the desk\x00", OP)
    assert entry.text == "Parcel for exe.txt at the desk"
    _refused("text.too_long", lambda: front.check_in(CheckIn(room=vacant[3], name="x" * 2000), DESK))


def test_searches_with_nul_are_answered_not_a_database_error(
    hotel: tuple[Store, FakeClock, list[str]],
) -> None:
    store, clock, _vacant = hotel
    log = SqlLogbook(store, clock)
    log.write(LogCategory.OTHER, "100% sure the lift is fixed", OP)
    assert [e.text for e in log.search(LogQuery(text="100%\x00 sure"), READER)] == [
        "100% sure the lift is fixed"
    ]
    assert list(log.search(LogQuery(text="\x00", room="12\x0003", author="li\x00n"), READER)) == []
    assert [
        e.text for e in log.search(LogQuery(text="_"), READER)
    ] == []  # a wildcard is a character, not a pattern
    assert search_text("a\u202eb\x00c ") == "abc"


def test_dates_must_be_plausible(hotel: tuple[Store, FakeClock, list[str]]) -> None:
    store, clock, vacant = hotel
    front = SqlFrontOffice(store, clock)
    room = vacant[0]
    today = NOW.date()
    for arrival, departure, field in [
        (date(1900, 1, 1), today + timedelta(days=2), "arrival"),
        (today, date(2100, 1, 1), "departure"),
        (today, today - timedelta(days=2), "departure"),
        (today + timedelta(days=800), None, "arrival"),
    ]:
        error = _refused(
            "date.implausible",
            lambda a=arrival, d=departure: front.check_in(
                CheckIn(room=room, name="Ng", arrival=a, departure=d), DESK
            ),
        )
        assert error.args_map["field"] == field
    # a long-staying guest resent by the PMS arrived months ago; leaving in two years is the limit
    front.check_in(
        CheckIn(
            room=room, name="Ng", arrival=today - timedelta(days=200), departure=today + timedelta(days=700)
        ),
        DESK,
    )
    _refused(
        "date.implausible",
        lambda: front.change_guest(GuestChange(room=room, departure=date(2100, 1, 1)), DESK),
    )
    book = SqlWakeUpBook(store, clock)
    _refused("date.implausible", lambda: book.book_due(room, NOW + timedelta(days=800), OP))
    assert book.book_due(room, NOW + timedelta(days=700), OP).room == room
    log = SqlLogbook(store, clock)
    _refused(
        "date.implausible",
        lambda: log.write(
            LogCategory.OTHER, "Renew the lift contract", OP, follow_up=True, due_at=NOW + timedelta(days=400)
        ),
    )
    _refused(
        "date.implausible",
        lambda: log.write(
            LogCategory.OTHER, "Old", OP, follow_up=True, due_at=datetime(1900, 1, 1, tzinfo=HOTEL_ZONE)
        ),
    )
    assert log.write(
        LogCategory.OTHER, "Renew", OP, follow_up=True, due_at=NOW + timedelta(days=300)
    ).follow_up


def test_the_new_refusals_are_worded_in_both_languages(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from switchboard.errors import PermissionDenied
    from ui import errors, i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    implausible = InputError("date.implausible", "x", field="arrival", day="1900-01-01")
    waiting = PermissionDenied("auth.wait", "x", seconds=4)
    assert errors.explain(implausible) == "The arrival 1900-01-01 is too far from today."
    i18n.install(app, "zh_CN")
    try:
        assert errors.explain(waiting) == "登录失败次数过多：请在 4 秒后再试。"
        assert errors.explain(InputError("text.control", "x", field="group")) == "group中含有控制字符。"
    finally:
        i18n.install(app, "en")
