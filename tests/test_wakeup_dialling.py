"""The wake-up book as the dialler works it, on SQLite and PostgreSQL, with the hotel clock in hand."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.rows import RoomRow, StayRow
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_dialling import SqlWakeUpDialling
from switchboard.clock import FakeClock
from switchboard.errors import InputError
from switchboard.wakeup_bulk import read_bulk
from switchboard.wakeup_plan import (
    CallResult,
    DiallingRules,
    after_attempt,
    due_for,
    over_capacity,
    rules_from,
)
from switchboard.wakeup_status import WakeUpStatus
from tests.reader import READER
from tests.wakeup_lab import DESK, attempts_by_wakeup, hotel_with_guests, wakeups

RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5), snooze=timedelta(minutes=10), lines=4)


@pytest.fixture
def rooms(store: Store, clock: FakeClock) -> list[str]:
    return [room for room, _ext in hotel_with_guests(store, clock, 3)]


def test_calls_are_claimed_in_due_order_each_attempt_recorded(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    book = SqlWakeUpBook(store, clock)
    start = clock.now()
    late = book.book_due(rooms[0], start + timedelta(minutes=2), DESK)
    early = book.book_due(rooms[1], start + timedelta(minutes=1), DESK)
    dialling = SqlWakeUpDialling(store, clock, RULES)
    assert dialling.claim_next("line") is None  # nothing due yet
    clock.advance(timedelta(minutes=3))
    first, second = dialling.claim_next("line"), dialling.claim_next("line")
    assert first is not None and second is not None
    assert (first.wakeup_id, second.wakeup_id) == (early.id, late.id)
    assert dialling.claim_next("line") is None  # both are being dialled: never claimed twice
    assert {w.status for w in wakeups(store).values()} == {WakeUpStatus.DIALLING.value}
    assert [a.attempt_no for a in attempts_by_wakeup(store)[early.id]] == [1]


def test_retries_are_spaced_and_the_last_failure_escalates(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    call = SqlWakeUpBook(store, clock).book_due(rooms[0], clock.now() + timedelta(minutes=1), DESK)
    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=1))
    for attempt in (1, 2, 3):
        order = dialling.claim_next("line")
        assert order is not None and order.attempt_no == attempt
        clock.advance(timedelta(seconds=45))
        step = dialling.finish(order, CallResult.NO_ANSWER, "rang out")
        if attempt < 3:
            assert step.status is WakeUpStatus.RETRY_WAIT
            assert step.next_attempt_at == order.started_at + RULES.retry_interval
            clock.advance(timedelta(minutes=4))
            assert dialling.claim_next("line") is None  # not inside the retry interval
            clock.advance(timedelta(seconds=16))
    assert step.status is WakeUpStatus.ESCALATED
    assert wakeups(store)[call.id].status == WakeUpStatus.ESCALATED.value
    assert [a.result for a in attempts_by_wakeup(store)[call.id]] == ["no_answer"] * 3


def test_a_call_under_way_when_the_dialler_died_is_retried_after_the_interval(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    call = SqlWakeUpBook(store, clock).book_due(rooms[0], clock.now() + timedelta(minutes=1), DESK)
    clock.advance(timedelta(minutes=1))
    order = SqlWakeUpDialling(store, clock, RULES).claim_next("line")
    assert order is not None
    clock.advance(timedelta(seconds=20))  # the dialler is killed here; a new one starts
    fresh = SqlWakeUpDialling(store, clock, RULES)
    assert fresh.recover() == 1
    assert fresh.recover() == 0
    tried = attempts_by_wakeup(store)[call.id]
    assert [(a.result, a.ended_at is not None) for a in tried] == [("interrupted", True)]
    assert fresh.claim_next("line") is None
    clock.advance(RULES.retry_interval)
    again = fresh.claim_next("line")
    assert again is not None and again.attempt_no == 2
    # The old line's late answer for attempt 1 changes nothing about attempt 2.
    fresh.finish(order, CallResult.CONFIRMED)
    assert wakeups(store)[call.id].status == WakeUpStatus.DIALLING.value
    fresh.finish(again, CallResult.CONFIRMED, "key 1")
    assert wakeups(store)[call.id].status == WakeUpStatus.CONFIRMED.value


def test_snooze_books_a_new_call_and_daily_books_tomorrow(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    book = SqlWakeUpBook(store, clock)
    due = clock.now() + timedelta(minutes=1)
    book.book_due(rooms[0], due, DESK, repeat="daily")
    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=1))
    order = dialling.claim_next("line")
    assert order is not None
    step = dialling.finish(order, CallResult.SNOOZED, "key 2")
    assert step.status is WakeUpStatus.CONFIRMED and step.snooze_until == clock.now() + RULES.snooze
    booked = sorted(
        (w.due_at, w.source) for w in wakeups(store).values() if w.status == WakeUpStatus.BOOKED.value
    )
    assert booked == [(clock.now() + RULES.snooze, "snooze"), (due + timedelta(days=1), "console")]


def test_a_snooze_into_a_minute_the_room_already_has_is_that_call_not_a_second(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    """One open call per room and minute: the guest snoozes at 06:30:20 for ten minutes, and the front
    desk had booked 06:40 for them. The snooze is the 06:40 call; the dialler does not fail on it."""
    book = SqlWakeUpBook(store, clock)
    due = clock.now() + timedelta(minutes=1)
    book.book_due(rooms[0], due, DESK)
    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=1, seconds=20))
    later = book.book_due(rooms[0], (clock.now() + RULES.snooze).replace(second=0), DESK)
    order = dialling.claim_next("line")
    assert order is not None
    step = dialling.finish(order, CallResult.SNOOZED, "key 2")
    assert step.status is WakeUpStatus.CONFIRMED
    booked = [w for w in wakeups(store).values() if w.status == WakeUpStatus.BOOKED.value]
    assert [(w.id, w.source) for w in booked] == [(later.id, "console")]


def test_daily_calls_stop_at_departure(store: Store, clock: FakeClock, rooms: list[str]) -> None:
    book = SqlWakeUpBook(store, clock)
    book.book_due(rooms[0], clock.now() + timedelta(minutes=1), DESK, repeat="daily")
    dialling = SqlWakeUpDialling(store, clock, RULES)
    days = 0
    for _day in range(6):
        clock.advance(timedelta(days=1) if days else timedelta(minutes=1))
        order = dialling.claim_next("line")
        if order is None:
            break
        dialling.finish(order, CallResult.CONFIRMED)
        days += 1
    assert days == 4  # tonight and the three mornings until departure (the guests stay three nights)


def test_a_cancelled_call_keeps_its_attempt_but_is_not_retried(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    SqlWakeUpBook(store, clock).book_due(rooms[0], clock.now() + timedelta(minutes=1), DESK)
    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=1))
    order = dialling.claim_next("line")
    assert order is not None
    with store.read() as s:
        reservation = s.scalar(
            select(StayRow.reservation)
            .join(RoomRow, RoomRow.id == StayRow.room_id)
            .where(RoomRow.number == rooms[0])
        )
    SqlFrontOffice(store, clock).check_out(rooms[0], str(reservation), DESK)
    step = dialling.finish(order, CallResult.NO_ANSWER)
    assert step.status in (WakeUpStatus.CANCELLED, WakeUpStatus.DIALLING)
    clock.advance(timedelta(minutes=10))
    assert dialling.claim_next("line") is None


def test_pbx_unreachable_puts_due_calls_on_the_manual_list(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    book = SqlWakeUpBook(store, clock)
    book.book_due(rooms[0], clock.now() + timedelta(minutes=1), DESK)
    later = book.book_due(rooms[1], clock.now() + timedelta(hours=1), DESK)
    clock.advance(timedelta(minutes=2))
    assert SqlWakeUpDialling(store, clock, RULES).to_manual("PBX unreachable") == [rooms[0]]
    assert wakeups(store)[later.id].status == WakeUpStatus.BOOKED.value


def test_rules_come_from_the_settings_and_bad_values_are_named() -> None:
    rules, notes = rules_from({"attempts": "4", "retry_seconds": "120", "lines": "abc", "ring_seconds": "0"})
    assert (rules.attempts, rules.retry_interval, rules.lines) == (4, timedelta(minutes=2), 8)
    assert rules.ring_time == timedelta(seconds=45)
    assert len(notes) == 2 and "ring_seconds" in notes[0] and "lines" in notes[1]
    assert RULES.per_minute == 6 and over_capacity(RULES, 7) and not over_capacity(RULES, 6)
    at = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
    step = after_attempt(RULES, 1, at, CallResult.BUSY, at + timedelta(seconds=5))
    assert (step.status, step.next_attempt_at) == (WakeUpStatus.RETRY_WAIT, at + RULES.retry_interval)


def test_a_time_that_just_passed_is_asked_about_one_long_past_means_tomorrow() -> None:
    now = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
    assert due_for(now, time(6, 30)) == (datetime(2026, 11, 21, 6, 30, tzinfo=UTC), False)
    assert due_for(now, time(21, 30)) == (datetime(2026, 11, 21, 21, 30, tzinfo=UTC), True)
    assert due_for(now, time(23, 15)) == (datetime(2026, 11, 20, 23, 15, tzinfo=UTC), False)


def test_booking_a_past_time_is_refused_or_asked_about(
    store: Store, clock: FakeClock, rooms: list[str]
) -> None:
    book = SqlWakeUpBook(store, clock)
    with pytest.raises(InputError) as past:
        book.book_due(rooms[0], clock.now() - timedelta(minutes=5), DESK)
    assert past.value.key == "wakeup.past"
    with pytest.raises(InputError) as slip:
        book.book(rooms[0], time(21, 30), DESK)
    assert slip.value.key == "wakeup.past_today"
    assert book.upcoming(READER) == []
    tomorrow = book.book(rooms[0], time(21, 30), DESK, tomorrow_ok=True)
    assert tomorrow.due_at == clock.now().replace(hour=21, minute=30) + timedelta(days=1)


def test_capacity_counts_the_minute(store: Store, clock: FakeClock, rooms: list[str]) -> None:
    book = SqlWakeUpBook(store, clock)
    for room in rooms:
        book.book(room, time(6, 30), DESK)
    assert book.booked_in_minute(clock.now().replace(hour=6, minute=30, second=40) + timedelta(days=1)) == 3
    assert book.booked_in_minute(clock.now().replace(hour=6, minute=31) + timedelta(days=1)) == 0


def test_bulk_lines_are_read_one_by_one_and_bad_ones_keep_their_text() -> None:
    lines = read_bulk(
        "1203 06:30 taxi at 7\n\n 1805,0545\n1210 6.15\nroom 12 please\n1504 25:10\n1406 07h00 "
    )
    assert [(x.room, x.at, x.note, x.problem) for x in lines] == [
        ("1203", time(6, 30), "taxi at 7", ""),
        ("1805", time(5, 45), "", ""),
        ("1210", time(6, 15), "", ""),
        ("", None, "", "wakeup.bulk_format"),
        ("1504", None, "", "wakeup.bulk_time"),
        ("1406", time(7, 0), "", ""),
    ]
    assert lines[3].text == "room 12 please" and lines[3].number == 5
