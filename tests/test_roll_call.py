"""Evacuation roll-call: every occupied room rung with "1 leaving, 2 need help", the board in the
order the fire brigade needs it, re-tried until stopped; on the real lab with room phones that press
1, press 2, do not answer or are busy, checked against the INVITEs Kamailio saw."""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from db.roll_calls import SqlRollCalls
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from hardware.wakeup.lines import SipLines, TrainingLines
from hardware.wakeup.roll_caller import RollCaller
from switchboard.clock import FakeClock, SystemClock
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.roll_call import RollCallRoom, RoomAnswer, Scope, board, counts, due_again
from switchboard.wakeup_plan import CallResult
from tests.reader import READER
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import RoomBank, hotel_with_guests, register

MANAGER = Actor(user="manager", position="Console 1", role=Role.DUTY_MANAGER)
OPERATOR = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
AT = datetime(2026, 12, 5, 3, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _room(answer: RoomAnswer, room: str = "301", last: datetime | None = AT) -> RollCallRoom:
    return RollCallRoom(1, room, room, 3, "", "en", answer, 1, last)


def test_the_board_lists_who_needs_help_first_and_rooms_are_rung_again() -> None:
    rooms = [
        _room(RoomAnswer.LEAVING, "301"),
        _room(RoomAnswer.NO_ANSWER, "302"),
        _room(RoomAnswer.NEEDS_HELP, "303"),
        _room(RoomAnswer.BUSY, "304"),
    ]
    assert [r.room for r in board(rooms)] == ["303", "302", "304", "301"]
    assert counts(rooms)[RoomAnswer.NEEDS_HELP] == 1
    later = AT + timedelta(seconds=61)
    minute = timedelta(seconds=60)
    assert due_again(_room(RoomAnswer.WAITING, last=None), AT)
    assert due_again(_room(RoomAnswer.NO_ANSWER), later, minute)
    assert not due_again(_room(RoomAnswer.NO_ANSWER), AT, minute)
    assert due_again(_room(RoomAnswer.NO_ANSWER), AT)  # by default: as soon as a line is free
    assert not due_again(_room(RoomAnswer.LEAVING), later)
    assert not due_again(_room(RoomAnswer.NEEDS_HELP), later)  # a person goes there instead


def test_a_duty_manager_starts_it_once_for_the_occupied_rooms_of_a_floor(
    store: Store, clock: FakeClock
) -> None:
    seed_demo_hotel(store, clock)
    book = SqlRollCalls(store, clock)
    with pytest.raises(PermissionDenied):
        book.start(Scope.HOUSE, OPERATOR)
    occupied = [r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest or r.privacy]
    floor = occupied[0].floor
    call = book.start(Scope.FLOOR, MANAGER, floor)
    with pytest.raises(InputError):
        book.start(Scope.HOUSE, MANAGER)  # one at a time
    rooms = book.rooms(call.id)
    assert sorted(r.room for r in rooms) == sorted({r.number for r in occupied if r.floor == floor})
    for listed in rooms:
        shown = next(r for r in occupied if r.number == listed.room)
        # a privacy guest's name is not beside the room
        assert listed.guests == "(privacy)" if shown.privacy else shown.guest in listed.guests
    first = book.claim(call.id, 2)
    assert len(first) == min(2, len(rooms)) and all(r.answer is RoomAnswer.CALLING for r in first)
    book.record(first[0].id, CallResult.SNOOZED, "key 2")
    assert board(book.rooms(call.id))[0].answer is RoomAnswer.NEEDS_HELP
    assert book.stop(MANAGER) is not None and book.running() is None
    assert book.start(Scope.HOUSE, MANAGER).scope is Scope.HOUSE  # a new one may start after


def test_in_training_mode_the_roll_call_completes_on_the_training_lines(tmp_path: Path) -> None:
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    seed_demo_hotel(store, clock)
    book = SqlRollCalls(store, clock)
    call = book.start(Scope.HOUSE, MANAGER)
    lines = TrainingLines(10, seconds=(0.01, 0.05), seed=3)
    caller = RollCaller(book, lines, clock, retry_after=timedelta(seconds=0.2))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert caller.turn()
        caller.take(lines.results(0.05))
        if all(r.answer in (RoomAnswer.LEAVING, RoomAnswer.NEEDS_HELP) for r in book.rooms(call.id)):
            break
    rooms = book.rooms(call.id)
    assert all(r.answer in (RoomAnswer.LEAVING, RoomAnswer.NEEDS_HELP) for r in rooms)
    assert any(r.attempts > 1 for r in rooms)  # the ones that did not answer were rung again
    book.stop(MANAGER)
    assert not caller.turn()  # the lines are the wake-ups' again
    store.dispose()


@pytest.mark.sip
@pytest.mark.slow
def test_on_the_lab_every_room_is_listed_as_its_telephone_answered(
    kamailio: KamailioLab, tmp_path: Path
) -> None:
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    hotel_with_guests(store, clock, 12)
    book = SqlRollCalls(store, clock)
    floor = SqlRoomBoard(store, clock).rooms(READER)[0].floor
    call = book.start(Scope.FLOOR, MANAGER, floor)
    rooms = sorted(book.rooms(call.id), key=lambda r: r.room)
    kinds = ["confirm", "snooze", "no_answer", "busy"]
    plan = {r.extension: kinds[i % 4] for i, r in enumerate(rooms)}
    banks = {kind: RoomBank(kind, tmp_path / kind) for kind in kinds}
    lines = SipLines(kamailio.domain, 8, host="127.0.0.1")
    try:
        for extension, kind in plan.items():
            register(kamailio.domain, extension, banks[kind].port)
        caller = RollCaller(book, lines, clock, ring_s=4.0, listen_s=6.0, retry_after=timedelta(seconds=2))
        deadline = time.monotonic() + 60
        rung: Counter[str] = Counter()
        while time.monotonic() < deadline:
            caller.turn()
            caller.take(lines.results(0.2))
            now = {r.extension: r for r in book.rooms(call.id)}
            done = all(
                now[e].attempts >= 2 or now[e].answer in (RoomAnswer.LEAVING, RoomAnswer.NEEDS_HELP)
                for e in plan
            ) and not any(r.answer is RoomAnswer.CALLING for r in now.values())
            if done:
                break
        book.stop(MANAGER)
    finally:
        lines.close()
        for bank in banks.values():
            bank.close()
    final = {r.extension: r for r in book.rooms(call.id)}
    expected = {"confirm": RoomAnswer.LEAVING, "snooze": RoomAnswer.NEEDS_HELP}
    expected.update({"no_answer": RoomAnswer.NO_ANSWER, "busy": RoomAnswer.BUSY})
    for extension, kind in plan.items():
        assert final[extension].answer is expected[kind], (extension, kind, final[extension])
        if kind in ("no_answer", "busy"):
            assert final[extension].attempts >= 2  # rung again until stopped
    # the board agrees with what the PBX saw: each room's INVITEs as many as its attempts
    log = kamailio.log_path.read_text()
    for extension in plan:
        rung[extension] = len(re.findall(rf"REQ INVITE sip:{extension}@", log))
        assert rung[extension] == final[extension].attempts, (extension, rung[extension], final[extension])
    top = board(final.values())[0]
    assert top.answer is RoomAnswer.NEEDS_HELP
    store.dispose()
