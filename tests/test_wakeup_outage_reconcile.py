"""Telling the book what the dialler did from its journal, on SQLite and PostgreSQL: each rule of
db/wakeup_reconcile.py, and that telling the same call twice (a dialler killed between the commit and
marking the call settled) changes nothing the second time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from db.rows import WakeUpRow
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_dialling import SqlWakeUpDialling
from db.wakeup_reconcile import SqlDiallerBook
from switchboard.clock import FakeClock
from switchboard.wakeup_journal import HORIZON, Journal
from switchboard.wakeup_plan import CallResult, DiallingRules
from switchboard.wakeup_status import WakeUpStatus
from tests.wakeup_lab import DESK, attempts_by_wakeup, hotel_with_guests, wakeups

RULES = DiallingRules(attempts=2, retry_interval=timedelta(minutes=5))


def journal_of(book: SqlDiallerBook, clock: FakeClock) -> Journal:
    return Journal(RULES, book.upcoming(clock.now() + HORIZON))


def tell_twice(book: SqlDiallerBook, journal: Journal) -> None:
    pending = journal.pending()
    for call in pending:
        book.reconcile(call)
    for call in pending:  # killed before the journal marked them settled: told again at the restart
        book.reconcile(call)


def test_attempts_made_while_away_reach_the_book_once(store: Store, clock: FakeClock) -> None:
    rooms = [r for r, _ in hotel_with_guests(store, clock, 2)]
    desk = SqlWakeUpBook(store, clock)
    due = clock.now().replace(minute=0) + timedelta(hours=8)
    escalated = desk.book_due(rooms[0], due, DESK)
    snoozed = desk.book_due(rooms[1], due, DESK)
    book = SqlDiallerBook(store, clock, RULES)
    journal = journal_of(book, clock)
    clock.set(due)
    for _ in range(2):
        got = journal.claim_next(clock.now(), "l1")
        assert got is not None
        clock.advance(30)
        journal.finished(
            got[0], CallResult.SNOOZED if got[0].room == rooms[1] else CallResult.BUSY, "", clock.now()
        )
    clock.advance(RULES.retry_interval)
    got = journal.claim_next(clock.now(), "l1")
    assert got is not None and got[0].room == rooms[0]
    journal.finished(got[0], CallResult.NO_ANSWER, "", clock.now())
    tell_twice(book, journal)

    calls, attempts = wakeups(store), attempts_by_wakeup(store)
    assert calls[escalated.id].status == WakeUpStatus.ESCALATED.value
    assert [a.result for a in attempts[escalated.id]] == ["busy", "no_answer"]
    assert calls[snoozed.id].status == WakeUpStatus.CONFIRMED.value
    assert [a.result for a in attempts[snoozed.id]] == ["snoozed"]
    again = [c for c in calls.values() if c.source == "snooze"]
    assert len(again) == 1  # the snooze the guest asked for, booked once
    answered = attempts[snoozed.id][0].ended_at
    assert answered is not None
    assert (again[0].room_number, again[0].due_at) == (rooms[1], answered + RULES.snooze)
    assert wakeups(store)[again[0].id].status == WakeUpStatus.BOOKED.value


def test_a_snooze_made_while_away_into_a_minute_booked_meanwhile_rings_once(
    store: Store, clock: FakeClock
) -> None:
    """While the database was away the guest snoozed; meanwhile the front desk had booked the same room
    for that minute (on the book). One open call in that minute: the desk's; the snooze is kept,
    settled as a duplicate, and telling it twice changes nothing."""
    room = hotel_with_guests(store, clock, 1)[0][0]
    desk = SqlWakeUpBook(store, clock)
    due = clock.now().replace(minute=0) + timedelta(hours=8)
    first = desk.book_due(room, due, DESK)
    book = SqlDiallerBook(store, clock, RULES)
    journal = journal_of(book, clock)
    clock.set(due)
    got = journal.claim_next(clock.now(), "l1")
    assert got is not None
    clock.advance(30)
    journal.finished(got[0], CallResult.SNOOZED, "", clock.now())
    booked = desk.book_due(room, (clock.now() + RULES.snooze).replace(second=0), DESK)
    tell_twice(book, journal)
    calls = wakeups(store)
    assert calls[first.id].status == WakeUpStatus.CONFIRMED.value
    assert calls[booked.id].status == WakeUpStatus.BOOKED.value
    with store.read() as s:
        snoozes = [
            (w.status, w.outcome) for w in s.scalars(select(WakeUpRow).where(WakeUpRow.source == "snooze"))
        ]
    assert snoozes == [(WakeUpStatus.CANCELLED.value, "duplicate")]


def test_what_the_consoles_did_meanwhile_wins(store: Store, clock: FakeClock) -> None:
    rooms = [r for r, _ in hotel_with_guests(store, clock, 3)]
    desk = SqlWakeUpBook(store, clock)
    due = clock.now().replace(minute=0) + timedelta(hours=8)
    cancelled = desk.book_due(rooms[0], due, DESK)
    manual = desk.book_due(rooms[1], due, DESK)
    daily = desk.book_due(rooms[2], due, DESK, repeat="daily")
    book = SqlDiallerBook(store, clock, RULES)
    journal = journal_of(book, clock)
    clock.set(due)
    orders = []
    for _ in range(3):
        got = journal.claim_next(clock.now(), "l1")
        assert got is not None
        orders.append(got[0])
    # Meanwhile, at a console that still reaches the database: a check-out cancels one call, and with
    # no dialler beating the due calls go to the operators' manual list.
    desk.cancel(cancelled.id, cancelled.version, DESK)
    SqlWakeUpDialling(store, clock, RULES).to_manual("no dialler")
    clock.advance(20)
    for order in orders:
        journal.finished(order, CallResult.CONFIRMED, "", clock.now())
    tell_twice(book, journal)

    calls, attempts = wakeups(store), attempts_by_wakeup(store)
    assert calls[cancelled.id].status == WakeUpStatus.CANCELLED.value  # kept, with the call it got anyway
    assert [a.result for a in attempts[cancelled.id]] == ["confirmed"]
    assert calls[manual.id].status == WakeUpStatus.CONFIRMED.value  # the guest answered: off the list
    assert calls[daily.id].status == WakeUpStatus.CONFIRMED.value
    with store.read() as s:
        tomorrow = s.scalars(
            select(WakeUpRow.status).where(
                WakeUpRow.room_number == rooms[2], WakeUpRow.due_at == due + timedelta(days=1)
            )
        ).all()
    assert tomorrow == [WakeUpStatus.BOOKED.value]  # the daily call's next day, booked once


def test_an_escalation_on_the_manual_list_stays_with_the_person(store: Store, clock: FakeClock) -> None:
    room = hotel_with_guests(store, clock, 1)[0][0]
    desk = SqlWakeUpBook(store, clock)
    due = clock.now().replace(minute=0) + timedelta(hours=8)
    call = desk.book_due(room, due, DESK)
    book = SqlDiallerBook(store, clock, DiallingRules(attempts=1))
    journal = Journal(DiallingRules(attempts=1), book.upcoming(clock.now() + HORIZON))
    clock.set(due)
    got = journal.claim_next(clock.now(), "l1")
    assert got is not None
    SqlWakeUpDialling(store, clock, RULES).to_manual("no dialler")
    journal.finished(got[0], CallResult.NO_ANSWER, "", clock.now() + timedelta(seconds=45))
    tell_twice(book, journal)
    assert wakeups(store)[call.id].status == WakeUpStatus.MANUAL.value
    assert [a.result for a in attempts_by_wakeup(store)[call.id]] == ["no_answer"]
