"""Group and personal wake-ups in the book, on SQLite and PostgreSQL: a group booked, moved and
cancelled in one action with each member an ordinary wake-up the dialler works; a personal wake-up
left to the operator until its backup time, then dialled unless marked done."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from db.frontoffice import SqlFrontOffice
from db.rows import AuditRow, RoomRow, StayRow, WakeUpRow
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_dialling import SqlWakeUpDialling
from db.wakeup_groups import SqlWakeUpGroups
from db.wakeup_personal import SqlPersonalWakeUps
from switchboard.clock import FakeClock
from switchboard.errors import InputError, PermissionDenied
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role, StayStatus
from switchboard.wakeup_groups import GroupKind, personal_backup_from, room_list
from switchboard.wakeup_plan import CallResult, DiallingRules
from switchboard.wakeup_status import WakeUpStatus
from tests.wakeup_lab import DESK

RULES = DiallingRules(attempts=3, retry_interval=timedelta(minutes=5), snooze=timedelta(minutes=10), lines=4)
MANAGER = Actor(user="duty", position="Office", role=Role.DUTY_MANAGER)  # no BOOK_WAKEUPS in the table
# FIAS GI field GG, "group number", alphanumeric up to 10 (shared/reference/protocols.md)
TOUR = "GRP0417"


def wakeups(store: Store) -> dict[int, SimpleNamespace]:
    """Every wake-up row as it stands, column by column."""
    names = [c.key for c in WakeUpRow.__table__.columns]
    with store.read() as s:
        return {
            w.id: SimpleNamespace(**{n: getattr(w, n) for n in names}) for w in s.scalars(select(WakeUpRow))
        }


def in_house_on(store: Store, floor: int) -> list[str]:
    with store.read() as s:
        return sorted(
            s.scalars(
                select(RoomRow.number)
                .join(StayRow, StayRow.room_id == RoomRow.id)
                .where(RoomRow.floor == floor, StayRow.status == StayStatus.IN_HOUSE.value)
                .distinct()
            )
        )


@pytest.fixture
def tour(store: Store, clock: FakeClock) -> list[str]:
    """Three free rooms on one floor checked in as one PMS group, a fourth as a guest of their own;
    the fifth is a room on that floor still empty."""
    from db.seed import seed_demo_hotel

    seed_demo_hotel(store, clock)
    with store.read() as s:
        taken = set(s.scalars(select(StayRow.room_id).where(StayRow.status == StayStatus.IN_HOUSE.value)))
        floor_rooms = [
            r.number
            for r in s.scalars(select(RoomRow).where(RoomRow.floor == 9).order_by(RoomRow.number))
            if r.id not in taken
        ]
    office = SqlFrontOffice(store, clock)
    departure = clock.now().date() + timedelta(days=2)
    for number in floor_rooms[:3]:
        office.check_in(CheckIn(room=number, name=f"Tour {number}", departure=departure, group=TOUR), DESK)
    office.check_in(CheckIn(room=floor_rooms[3], name="Alone", departure=departure), DESK)
    return floor_rooms[:5]


def test_a_pms_group_is_booked_in_one_action_and_a_room_booked_already_is_named(
    store: Store, clock: FakeClock, tour: list[str]
) -> None:
    due = clock.now() + timedelta(hours=8)
    own = SqlWakeUpBook(store, clock).book_due(tour[1], due, DESK)  # the guest booked this time alone
    groups = SqlWakeUpGroups(store, clock)
    result = groups.book(GroupKind.GROUP, TOUR, due, DESK, "coach at 07:00")
    assert result.done == (tour[0], tour[2])
    assert result.already_booked == (tour[1],)
    booked = wakeups(store)
    members = [w for w in booked.values() if w.group_id == result.group_id]
    assert sorted(w.room_number for w in members) == [tour[0], tour[2]]
    assert booked[own.id].group_id is None and tour[3] not in {w.room_number for w in members}
    [view] = groups.groups()
    assert (view.kind, view.label, view.due_at) == (GroupKind.GROUP, TOUR, due)
    assert [m.room for m in view.members] == [tour[0], tour[2]]


def test_members_are_ordinary_wake_ups_and_the_group_shows_each_outcome(
    store: Store, clock: FakeClock, tour: list[str]
) -> None:
    due = clock.now() + timedelta(minutes=10)
    groups = SqlWakeUpGroups(store, clock)
    result = groups.book(GroupKind.FLOOR, "9F", due, DESK)
    assert list(result.done) == in_house_on(store, 9)  # every occupied room; the empty ones passed over
    assert set(tour[:4]) <= set(result.done) and tour[4] not in result.done and not result.no_guest
    dialling = SqlWakeUpDialling(store, clock, RULES)
    clock.advance(timedelta(minutes=10))
    orders = [dialling.claim_next("line") for _ in result.done]
    assert all(o is not None for o in orders) and dialling.claim_next("line") is None
    by_room = {o.room: o for o in orders if o is not None}
    dialling.finish(by_room[tour[0]], CallResult.CONFIRMED)
    dialling.finish(by_room[tour[1]], CallResult.NO_ANSWER)
    [view] = groups.groups()
    seen = {m.room: (m.status, m.outcome) for m in view.members}
    assert seen[tour[0]] == (WakeUpStatus.CONFIRMED, "confirmed")
    assert seen[tour[1]] == (WakeUpStatus.RETRY_WAIT, "no_answer")
    assert seen[tour[2]][0] is WakeUpStatus.DIALLING


def test_a_group_moves_in_one_action_and_a_clash_at_the_new_time_keeps_its_old_one(
    store: Store, clock: FakeClock, tour: list[str]
) -> None:
    due = clock.now() + timedelta(hours=8)
    later = due + timedelta(minutes=30)
    groups = SqlWakeUpGroups(store, clock)
    group = groups.book(GroupKind.ROOMS, " ".join(tour[:3]), due, DESK).group_id
    SqlWakeUpBook(store, clock).book_due(tour[2], later, DESK)
    moved = groups.move(group, later, DESK)
    assert moved.done == (tour[0], tour[1]) and moved.already_booked == (tour[2],)
    members = {w.room_number: w.due_at for w in wakeups(store).values() if w.group_id == group}
    assert members == {tour[0]: later, tour[1]: later, tour[2]: due}
    with pytest.raises(InputError):
        groups.move(group, clock.now() - timedelta(minutes=1), DESK)  # refused whole: nothing moved
    assert {w.due_at for w in wakeups(store).values() if w.group_id == group} == {later, due}


def test_a_group_is_cancelled_in_one_action(store: Store, clock: FakeClock, tour: list[str]) -> None:
    groups = SqlWakeUpGroups(store, clock)
    group = groups.book(GroupKind.GROUP, TOUR, clock.now() + timedelta(hours=8), DESK).group_id
    with pytest.raises(PermissionDenied):
        groups.cancel(group, MANAGER)
    assert groups.cancel(group, DESK).done == tuple(tour[:3])
    statuses = {w.status for w in wakeups(store).values() if w.group_id == group}
    assert statuses == {WakeUpStatus.CANCELLED.value}
    with store.read() as s:
        written = s.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.action.like("wakeup.group%"))
        )
    assert written == 2  # one entry per action, not per room


def test_group_bookings_are_checked(store: Store, clock: FakeClock, tour: list[str]) -> None:
    groups = SqlWakeUpGroups(store, clock)
    due = clock.now() + timedelta(hours=8)
    with pytest.raises(PermissionDenied):
        groups.book(GroupKind.GROUP, TOUR, due, MANAGER)
    with pytest.raises(InputError) as unknown:
        groups.book(GroupKind.GROUP, "NOSUCH", due, DESK)
    assert unknown.value.key == "wakeup.group_unknown"
    result = groups.book(GroupKind.ROOMS, f"{tour[0]}, {tour[4]}", due, DESK)
    assert result.done == (tour[0],) and result.no_guest == (tour[4],)
    with pytest.raises(InputError):
        groups.book(GroupKind.ROOMS, "9999", due, DESK)  # no such room
    assert wakeups(store) and all(w.personal is False for w in wakeups(store).values())


def test_a_personal_wake_up_is_the_operators_until_the_backup_time(
    store: Store, clock: FakeClock, tour: list[str]
) -> None:
    backup = timedelta(minutes=5)
    book = SqlWakeUpBook(store, clock, personal_backup=backup)
    due = clock.now() + timedelta(minutes=1)
    call = book.book_due(tour[0], due, DESK, personal=True)
    plain = book.book_due(tour[1], due, DESK)
    personal = SqlPersonalWakeUps(store, clock)
    dialling = SqlWakeUpDialling(store, clock, RULES)
    assert personal.to_call() == []
    clock.advance(timedelta(minutes=1))
    assert [w.room for w in personal.to_call()] == [tour[0]]  # the operator is reminded at the time
    first = dialling.claim_next("line")
    assert first is not None and first.wakeup_id == plain.id
    clock.advance(backup - timedelta(seconds=1))
    assert dialling.claim_next("line") is None  # not before its time plus the backup minutes
    assert book.escalate_due() == []  # nor to the manual list
    clock.advance(timedelta(seconds=1))
    order = dialling.claim_next("line")
    assert order is not None and order.wakeup_id == call.id  # nobody marked it: the dialler calls
    assert personal.to_call() == []


def test_a_personal_wake_up_marked_done_is_never_dialled(
    store: Store, clock: FakeClock, tour: list[str]
) -> None:
    book = SqlWakeUpBook(store, clock)
    call = book.book_due(tour[0], clock.now() + timedelta(minutes=1), DESK, personal=True)
    personal = SqlPersonalWakeUps(store, clock)
    clock.advance(timedelta(minutes=2))
    [due] = personal.to_call()
    with pytest.raises(PermissionDenied):
        personal.mark_done(due.id, due.version, MANAGER)
    personal.mark_done(due.id, due.version, DESK)
    clock.advance(timedelta(hours=1))
    assert SqlWakeUpDialling(store, clock, RULES).claim_next("line") is None
    row = wakeups(store)[call.id]
    assert (row.status, row.outcome, row.handled_by) == (
        WakeUpStatus.HANDLED.value,
        "called in person",
        "frontdesk",
    )
    assert personal.to_call() == [] and book.escalate_due() == []


def test_a_personal_wake_up_is_not_daily(store: Store, clock: FakeClock, tour: list[str]) -> None:
    """Tomorrow's call of a daily series is booked when the dialler takes today's; one marked done in
    person is never taken, so a daily personal series would stop after its first day."""
    with pytest.raises(InputError) as refused:
        SqlWakeUpBook(store, clock).book_due(
            tour[0], clock.now() + timedelta(hours=8), DESK, repeat="daily", personal=True
        )
    assert refused.value.key == "wakeup.personal_daily" and wakeups(store) == {}


def test_a_personal_group_keeps_its_backup_when_moved(
    store: Store, clock: FakeClock, tour: list[str]
) -> None:
    groups = SqlWakeUpGroups(store, clock, personal_backup=timedelta(minutes=3))
    due = clock.now() + timedelta(hours=1)
    group = groups.book(GroupKind.GROUP, TOUR, due, DESK, personal=True).group_id
    groups.move(group, due + timedelta(minutes=20), DESK)
    rows = [w for w in wakeups(store).values() if w.group_id == group]
    assert {(w.personal, w.dial_at) for w in rows} == {(True, due + timedelta(minutes=23))}


def test_the_backup_minutes_come_from_the_settings() -> None:
    assert personal_backup_from({}) == (timedelta(minutes=5), [])
    assert personal_backup_from({"personal_backup_minutes": "8"}) == (timedelta(minutes=8), [])
    fallback, notes = personal_backup_from({"personal_backup_minutes": "-1"})
    assert fallback == timedelta(minutes=5) and notes


def test_room_lists_are_read_as_typed() -> None:
    assert room_list("1201, 1202;1203，1201") == ["1201", "1202", "1203"]
    with pytest.raises(InputError):
        room_list("1201 <script>")
    with pytest.raises(InputError):
        room_list(" , ")
