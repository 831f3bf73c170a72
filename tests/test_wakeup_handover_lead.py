"""When a personal wake-up in ``[wakeup] mode = pbx`` reaches the PBX: a minute before its backup time and
not before its own time, for that backup time, so the time the WR names is still to come (a PBX may take
a time already past as tomorrow's); one the link could not hand over in time goes for the next whole
minute. The wake-up book on SQLite and PostgreSQL, a whole night on a fake clock."""

from __future__ import annotations

from datetime import datetime, timedelta

from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_handover import HANDOVER_LEAD, SqlPbxHandover
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from tests.wakeup_lab import hotel_with_guests

DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
BACKUP = timedelta(minutes=5)


def _book(store: Store, clock: FakeClock) -> tuple[SqlWakeUpBook, str, datetime]:
    (room, _ext), *_ = hotel_with_guests(store, clock, 1)
    due = (clock.now() + timedelta(hours=8)).replace(second=0, microsecond=0)
    return SqlWakeUpBook(store, clock, personal_backup=BACKUP), room, due


def test_handed_over_a_minute_before_its_backup_time_for_that_time(store: Store, clock: FakeClock) -> None:
    book, room, due = _book(store, clock)
    book.book_due(room, due, DESK, personal=True)
    pbx = SqlPbxHandover(store, clock)
    backup = due + BACKUP
    clock.set(due)
    assert pbx.to_hand_over() == []  # the operator's, in person
    clock.set(backup - HANDOVER_LEAD - timedelta(seconds=1))
    assert pbx.to_hand_over() == []
    clock.set(backup - HANDOVER_LEAD + timedelta(seconds=5))
    (handed,) = pbx.to_hand_over()
    assert handed.room == room
    assert handed.due_at == backup.astimezone(clock.now().tzinfo).replace(tzinfo=None)
    assert handed.due_at > clock.now().replace(tzinfo=None)  # still to come
    assert pbx.to_hand_over() == []  # once


def test_never_before_its_own_time_when_the_backup_is_short(store: Store, clock: FakeClock) -> None:
    book, room, due = _book(store, clock)
    book = SqlWakeUpBook(store, clock, personal_backup=timedelta(seconds=30))
    book.book_due(room, due, DESK, personal=True)
    pbx = SqlPbxHandover(store, clock)
    clock.set(due - timedelta(seconds=1))
    assert pbx.to_hand_over() == []
    clock.set(due)
    (handed,) = pbx.to_hand_over()
    assert handed.due_at == (due + timedelta(seconds=30)).astimezone(due.tzinfo).replace(tzinfo=None)


def test_one_the_pbx_could_not_take_in_time_goes_for_the_next_minute(store: Store, clock: FakeClock) -> None:
    book, room, due = _book(store, clock)
    call = book.book_due(room, due, DESK, personal=True)
    pbx = SqlPbxHandover(store, clock)
    clock.set(due + BACKUP + timedelta(minutes=3, seconds=20))  # the link was down at its time
    (handed,) = pbx.to_hand_over()
    now = clock.now().replace(tzinfo=None)
    assert now < handed.due_at <= now + timedelta(minutes=1) and handed.due_at.second == 0
    # cleared later under the very time it was given
    from db.wakeup_personal import SqlPersonalWakeUps

    operator = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
    personal = SqlPersonalWakeUps(store, clock)
    (shown,) = [w for w in personal.to_call() if w.id == call.id]
    personal.mark_done(shown.id, shown.version, operator)
    (cleared,) = pbx.to_clear()
    assert (cleared.room, cleared.due_at) == (handed.room, handed.due_at)
