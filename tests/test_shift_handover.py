"""A night shift from sign-in to the handover's acknowledgement; the logbook's
rules for closed shifts, corrections, follow-ups and the duty manager's search."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from db.duties import SqlDuties
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.room_board import SqlRoomBoard
from db.rows import AuditRow
from db.seed import seed_demo_hotel
from db.shifts import SqlShifts
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import FakeClock
from switchboard.desk import EntryKind, LogCategory, LogQuery
from switchboard.duties import DutyState
from switchboard.errors import InputError, PermissionDenied
from switchboard.handover import ItemKind
from switchboard.hotel import Actor, Role
from switchboard.shifts import ShiftKind, next_shift, shift_at
from tests.reader import READER

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT_OP = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
EARLY_OP = Actor(user="frontdesk", position="Console 1", role=Role.OPERATOR)
MANAGER = Actor(user="manager", position="Office", role=Role.DUTY_MANAGER)


@pytest.mark.parametrize(
    ("hhmm", "kind", "day"),
    [
        ("07:29", "night", 19),
        ("07:30", "early", 20),
        ("15:45", "mid", 20),
        ("23:40", "night", 20),
        ("00:10", "night", 19),
    ],
)
def test_which_shift_a_moment_belongs_to(hhmm: str, kind: str, day: int) -> None:
    hour, minute = map(int, hhmm.split(":"))
    moment = datetime(2026, 11, 20, hour, minute, tzinfo=ZONE)
    slot = shift_at(moment)
    assert slot.kind.value == kind and slot.business_date.day == day
    assert next_shift(slot).starts_at > slot.starts_at


def test_a_night_shift_from_sign_in_to_handover_acknowledgement(store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 23, 35, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    shifts = SqlShifts(store, clock)
    sign_in = shifts.sign_in("operator", "Console 1")
    night = shifts.current()
    assert night.kind is ShiftKind.NIGHT
    assert ("operator", "Console 1") in shifts.on_console(clock.now())

    rooms = [r for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest and not r.privacy]
    SqlRoomBoard(store, clock).set_dnd(rooms[0].number, True, NIGHT_OP)
    wakeups = SqlWakeUpBook(store, clock)
    wakeups.book(rooms[1].number, time(6, 30), NIGHT_OP)
    wakeups.book(rooms[2].number, time(9, 15), NIGHT_OP)  # in the early shift: handed over
    SqlMessageBook(store, clock).take(rooms[3].number, "Mr. Chen", "", "Call back", NIGHT_OP)
    log = SqlLogbook(store, clock)
    leak = log.write(
        LogCategory.MAINTENANCE,
        "Water leak in corridor 12F",
        NIGHT_OP,
        follow_up=True,
        assignee="engineering",
    )
    clock.advance(timedelta(hours=1))
    log.resolve(
        log.write(LogCategory.GUEST_REQUEST, "Extra pillows", NIGHT_OP, rooms[4].number, follow_up=True).id,
        "Delivered by housekeeping",
        NIGHT_OP,
    )

    clock.set(datetime(2026, 11, 21, 7, 25, tzinfo=ZONE))
    handovers = SqlHandovers(store, clock)
    handover = handovers.compose(night, "Quiet night. 12F leak reported to engineering.", NIGHT_OP)
    kinds = [i.kind for i in handover.items]
    assert kinds[0] is ItemKind.NOTE
    assert kinds.count(ItemKind.WAKEUP_DUE) == 2
    follow = [i for i in handover.items if i.kind is ItemKind.FOLLOW_UP]
    assert [i.ref for i in follow] == [str(leak.id)]  # the resolved one is not handed over
    assert any(i.kind is ItemKind.MESSAGE for i in handover.items)
    assert any(i.kind is ItemKind.DND and i.ref == rooms[0].number for i in handover.items)
    assert any(i.kind is ItemKind.TIMED_DUTY and "CCTV" in i.text for i in handover.items)
    assert any(i.kind is ItemKind.VIP_ARRIVAL for i in handover.items)
    shifts.sign_out(sign_in, NIGHT_OP)
    shifts.close(night, NIGHT_OP)

    clock.advance(timedelta(minutes=10))
    shifts.sign_in("frontdesk", "Console 1")
    with pytest.raises(InputError):
        handovers.acknowledge(handover.items[0].id, NIGHT_OP)  # not the author
    assert handovers.unacknowledged(READER)[0].id == handover.id
    for item in handover.items:
        latest = handovers.acknowledge(item.id, EARLY_OP)
    assert latest.acknowledged_by == "frontdesk" and not latest.pending
    assert handovers.unacknowledged(READER) == []
    with store.read() as s:
        acks = list(s.scalars(select(AuditRow).where(AuditRow.action == "handover.acknowledge")))
        assert len(acks) == len(handover.items)


def test_a_closed_shifts_entry_is_answered_by_a_correction_never_edited(store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 23, 45, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    log = SqlLogbook(store, clock)
    shifts = SqlShifts(store, clock)
    entry = log.write(LogCategory.SECURITY, "Door 3 found open at 23:40", NIGHT_OP)
    assert log.edit(entry.id, "Door 3 found open at 23:42", NIGHT_OP).text.endswith("23:42")
    with pytest.raises(PermissionDenied):
        log.edit(entry.id, "someone else's words", MANAGER)
    shifts.close(shifts.current(), NIGHT_OP)
    with pytest.raises(InputError, match="closed"):
        log.edit(entry.id, "rewritten later", NIGHT_OP)
    clock.set(datetime(2026, 11, 21, 8, 0, tzinfo=ZONE))
    fix = log.correct(entry.id, "Door 3 found open at 23:42; it was the fire exit, not door 3", NIGHT_OP)
    assert fix.kind is EntryKind.CORRECTION and fix.corrects_id == entry.id
    old = next(e for e in log.recent(READER) if e.id == entry.id)
    assert old.text.endswith("23:42") and old.shift_closed
    with pytest.raises(PermissionDenied):
        log.annotate(entry.id, "Seen", NIGHT_OP)
    note = log.annotate(entry.id, "Seen; security to check the fire exit alarm", MANAGER)
    assert note.kind is EntryKind.ANNOTATION


def test_the_duty_manager_searches_and_exports(store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 16, 0, tzinfo=ZONE))
    seed_demo_hotel(store, clock)
    log = SqlLogbook(store, clock)
    room = next(r.number for r in SqlRoomBoard(store, clock).rooms(READER) if r.guest)
    log.write(LogCategory.COMPLAINT, "Noise from the bar, guest upset", NIGHT_OP, room, follow_up=True)
    clock.advance(3600)
    log.write(LogCategory.VIP, "黄先生 asked for no calls before 09:00", NIGHT_OP)
    clock.advance(3600)
    log.write(LogCategory.OTHER, "Lobby quiet", EARLY_OP)
    assert [e.text for e in log.search(LogQuery(text="noise"), READER)] == ["Noise from the bar, guest upset"]
    assert len(log.search(LogQuery(category=LogCategory.VIP), READER)) == 1
    assert len(log.search(LogQuery(room=room), READER)) == 1
    assert len(log.search(LogQuery(author="frontdesk"), READER)) == 1
    assert len(log.search(LogQuery(open_only=True), READER)) == 1
    since = datetime(2026, 11, 20, 16, 30, tzinfo=ZONE)
    assert len(log.search(LogQuery(since=since), READER)) == 2
    exported = log.export_csv(LogQuery(), MANAGER)
    assert exported.splitlines()[0].startswith("id,time,author")
    assert "黄先生 asked for no calls" in exported and len(exported.splitlines()) == 4


def test_timed_duties_are_due_ticked_or_missed_by_season(store: Store) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZONE))  # November: winter duties
    seed_demo_hotel(store, clock)
    duties = SqlDuties(store, clock)
    mid = shift_at(clock.now())
    listed = duties.for_shift(mid)
    music = [d for d in listed if "music" in d.name]
    assert [f"{d.due_at:%H:%M}" for d in music] == ["22:30"]  # the winter time, not the summer one
    assert music[0].state is DutyState.UPCOMING
    clock.set(datetime(2026, 11, 20, 22, 31, tzinfo=ZONE))
    assert duties.for_shift(mid)[0].state is DutyState.DUE
    duties.tick(music[0].id, mid, NIGHT_OP)
    with pytest.raises(InputError):
        duties.tick(music[0].id, mid, NIGHT_OP)
    done = duties.for_shift(mid)[0]
    assert done.state is DutyState.DONE and done.done_by == "operator"
    night = next_shift(mid)
    clock.set(night.ends_at + timedelta(minutes=1))
    states = {d.name: d.state for d in duties.for_shift(night)}
    assert states and set(states.values()) == {DutyState.MISSED}
    assert f"{duties.for_shift(night)[0].due_at:%m-%d %H:%M}" == "11-21 00:30"
