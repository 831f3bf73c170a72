"""Every write service, called with each of the four roles, allows or refuses as switchboard.auth says.

The table under test is ``switchboard.auth.GRANTS``; each case names the permission the service
must check.  A refused call raises ``PermissionDenied`` and writes nothing (no audit row, no change);
an allowed call goes through.  On SQLite and on the real PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from db.audit_trail import SqlAuditTrail
from db.board import SqlBoard
from db.console_calls import SqlConsoleCalls
from db.duties import SqlDuties
from db.frontoffice import SqlFrontOffice
from db.handover import SqlHandovers
from db.hotel_info import SqlHotelInfo
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.pms_wakeups import SqlPmsWakeUps
from db.retention import SqlRetention
from db.room_board import SqlRoomBoard
from db.rows import AuditRow, WakeUpRow
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.shifts import SqlShifts
from db.store import Store
from db.users import UserDirectory
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_history import SqlWakeUpHistory
from switchboard.audit_trail import AuditQuery
from switchboard.auth import GRANTS, LINK_GRANTS, Permission, allowed
from switchboard.call_log import CallCategory
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory, LogQuery
from switchboard.errors import PermissionDenied
from switchboard.frontoffice import CheckIn, GuestChange
from switchboard.hotel import Actor, Housekeeping, Role
from switchboard.settings import SettingChange
from switchboard.shifts import ShiftSlot, shift_at
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

P = Permission
NOW = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)
ADMIN = Actor(user="root", position="Office", role=Role.ADMINISTRATOR)


@dataclass
class Hotel:
    store: Store
    clock: FakeClock
    vacant: list[str]
    let: list[str]
    days_back: int = 0

    def take_vacant(self) -> str:
        return self.vacant.pop()

    def take_let(self) -> str:
        """A let room of its own (check-out, room move)."""
        return self.let.pop()

    def some_let(self) -> str:
        """A let room that others may use too."""
        self.days_back += 1
        return self.let[self.days_back % len(self.let)]

    def later(self, hours: int) -> datetime:
        """A time in ``hours`` that no other call used (wake-ups are one per room and minute)."""
        self.days_back += 1
        return self.clock.now() + timedelta(hours=hours, minutes=self.days_back)

    def earlier_shift(self) -> ShiftSlot:
        self.days_back += 1
        return shift_at(self.clock.now() - timedelta(days=self.days_back))


@dataclass(frozen=True)
class Case:
    name: str
    permission: Permission
    prepare: Callable[[Hotel, Actor], Any]  # with an administrator, whatever the call needs
    act: Callable[[Hotel, Actor, Any], object]


def _as_admin(actor: Actor) -> Actor:
    """The same user name with an administrator's role, to prepare what the actor will touch."""
    return Actor(user=actor.user, position=actor.position, role=Role.ADMINISTRATOR)


def _nothing(h: Hotel, a: Actor) -> None:
    return None


def _entry(h: Hotel, a: Actor) -> int:
    log = SqlLogbook(h.store, h.clock)
    return log.write(LogCategory.OTHER, "Lift 2 noisy", _as_admin(a), follow_up=True).id


def _wakeup(h: Hotel, a: Actor) -> tuple[int, int]:
    view = SqlWakeUpBook(h.store, h.clock).book_due(h.some_let(), h.later(8), ADMIN)
    return view.id, view.version


def _wakeup_room(h: Hotel, a: Actor) -> str:
    room = h.take_let()
    SqlWakeUpBook(h.store, h.clock).book_due(room, h.later(7), ADMIN)
    return room


def _manual_wakeup(h: Hotel, a: Actor) -> tuple[int, int]:
    wakeup_id, _version = _wakeup(h, a)
    with h.store.unit() as s:
        s.execute(update(WakeUpRow).where(WakeUpRow.id == wakeup_id).values(status="manual", version=7))
    return wakeup_id, 7


def _message(h: Hotel, a: Actor) -> tuple[int, int]:
    view = SqlMessageBook(h.store, h.clock).take(h.some_let(), "Mr Smith", "", "Call back", ADMIN)
    return view.id, view.version


def _callback(h: Hotel, a: Actor) -> int:
    calls = SqlConsoleCalls(h.store, h.clock)
    return calls.add_callback("Mr Lee", "13800000000", "8001", "", h.clock.now(), ADMIN).id


def _duty(h: Hotel, a: Actor) -> int:
    return SqlDuties(h.store, h.clock).define("CCTV tape", "", "night", "23:45", "all", ADMIN)


def _handover_item(h: Hotel, a: Actor) -> int:
    handover = SqlHandovers(h.store, h.clock).compose(shift_at(h.clock.now()), "Pool closed", ADMIN)
    return handover.items[0].id


def _user_count(h: Hotel) -> int:
    return UserDirectory(h.store, h.clock).count()


def _front(h: Hotel) -> SqlFrontOffice:
    return SqlFrontOffice(h.store, h.clock)


CASES: tuple[Case, ...] = (
    Case(
        "check in",
        P.MANAGE_STAYS,
        lambda h, a: h.take_vacant(),
        lambda h, a, room: _front(h).check_in(CheckIn(room=room, name="Müller"), a),
    ),
    Case(
        "check out",
        P.MANAGE_STAYS,
        lambda h, a: h.take_let(),
        lambda h, a, room: _front(h).check_out(room, "", a),
    ),
    Case(
        "privacy flag off",
        P.MANAGE_STAYS,
        lambda h, a: h.some_let(),
        lambda h, a, room: _front(h).change_guest(GuestChange(room=room, privacy=False), a),
    ),
    Case(
        "room move",
        P.MANAGE_STAYS,
        lambda h, a: (h.take_let(), h.take_vacant()),
        lambda h, a, rooms: _front(h).move_room(rooms[0], rooms[1], "", a),
    ),
    Case("resync begins", P.MANAGE_STAYS, _nothing, lambda h, a, _: _front(h).begin_resync(a)),
    Case(
        "housekeeping",
        P.SET_ROOM_STATE,
        lambda h, a: h.take_vacant(),
        lambda h, a, room: _front(h).set_housekeeping(room, Housekeeping.DIRTY, a),
    ),
    Case(
        "class of service",
        P.SET_ROOM_STATE,
        lambda h, a: h.some_let(),
        lambda h, a, room: _front(h).set_class_of_service(room, 1, a),
    ),
    Case("DND", P.SET_DND, lambda h, a: h.some_let(), lambda h, a, room: _front(h).set_dnd(room, True, a)),
    Case(
        "DND on the room board",
        P.SET_DND,
        lambda h, a: h.some_let(),
        lambda h, a, room: SqlRoomBoard(h.store, h.clock).set_dnd(room, True, a),
    ),
    Case(
        "take a message",
        P.TAKE_MESSAGES,
        lambda h, a: h.some_let(),
        lambda h, a, room: SqlMessageBook(h.store, h.clock).take(room, "Ms Wu", "", "Lunch at 1", a),
    ),
    Case(
        "deliver a message",
        P.TAKE_MESSAGES,
        _message,
        lambda h, a, m: SqlMessageBook(h.store, h.clock).deliver(m[0], m[1], a),
    ),
    Case(
        "message lamp",
        P.TAKE_MESSAGES,
        lambda h, a: h.some_let(),
        lambda h, a, room: _front(h).set_message_lamp(room, True, a),
    ),
    Case(
        "whereabouts",
        P.TAKE_MESSAGES,
        lambda h, a: h.some_let(),
        lambda h, a, room: _front(h).set_whereabouts(
            room, "At the pool", h.clock.now() + timedelta(hours=1), a
        ),
    ),
    Case(
        "book a wake-up",
        P.BOOK_WAKEUPS,
        lambda h, a: h.some_let(),
        lambda h, a, room: SqlWakeUpBook(h.store, h.clock).book_due(room, h.later(9), a),
    ),
    Case(
        "cancel a wake-up",
        P.BOOK_WAKEUPS,
        _wakeup,
        lambda h, a, w: SqlWakeUpBook(h.store, h.clock).cancel(w[0], w[1], a),
    ),
    Case(
        "PMS wake-up cancel",
        P.BOOK_WAKEUPS,
        _wakeup_room,
        lambda h, a, room: SqlPmsWakeUps(h.store, h.clock).cancel(room, None, a),
    ),
    Case(
        "wake-up done by hand",
        P.HANDLE_ESCALATIONS,
        _manual_wakeup,
        lambda h, a, w: SqlWakeUpBook(h.store, h.clock).mark_done(w[0], w[1], a),
    ),
    Case(
        "logbook entry",
        P.WRITE_LOGBOOK,
        _nothing,
        lambda h, a, _: SqlLogbook(h.store, h.clock).write(LogCategory.MAINTENANCE, "Lift 2 noisy", a),
    ),
    Case(
        "logbook correction",
        P.WRITE_LOGBOOK,
        _entry,
        lambda h, a, e: SqlLogbook(h.store, h.clock).correct(e, "Lift 3, not 2", a),
    ),
    Case(
        "logbook resolution",
        P.WRITE_LOGBOOK,
        _entry,
        lambda h, a, e: SqlLogbook(h.store, h.clock).resolve(e, "Engineer came", a),
    ),
    Case(
        "logbook edit of one's own entry",
        P.WRITE_LOGBOOK,
        _entry,
        lambda h, a, e: SqlLogbook(h.store, h.clock).edit(e, "Lift 2 very noisy", a),
    ),
    Case(
        "logbook annotation",
        P.ANNOTATE_LOGBOOK,
        _entry,
        lambda h, a, e: SqlLogbook(h.store, h.clock).annotate(e, "Seen", a),
    ),
    Case(
        "board notice",
        P.WRITE_LOGBOOK,
        _nothing,
        lambda h, a, _: SqlBoard(h.store, h.clock).add_notice("weather", "", "Typhoon warning", a),
    ),
    Case(
        "handover",
        P.WRITE_LOGBOOK,
        _nothing,
        lambda h, a, _: SqlHandovers(h.store, h.clock).compose(shift_at(h.clock.now()), "Quiet night", a),
    ),
    Case(
        "handover acknowledged",
        P.WRITE_LOGBOOK,
        _handover_item,
        lambda h, a, item: SqlHandovers(h.store, h.clock).acknowledge(item, a),
    ),
    Case(
        "duty ticked",
        P.WRITE_LOGBOOK,
        _duty,
        lambda h, a, duty: SqlDuties(h.store, h.clock).tick(duty, shift_at(h.clock.now()), a),
    ),
    Case(
        "duty defined",
        P.EDIT_HOTEL_INFO,
        _nothing,
        lambda h, a, _: SqlDuties(h.store, h.clock).define("Music off", "", "mid", "23:00", "all", a),
    ),
    Case(
        "duty retired",
        P.EDIT_HOTEL_INFO,
        _duty,
        lambda h, a, duty: SqlDuties(h.store, h.clock).retire(duty, a),
    ),
    Case(
        "hotel information",
        P.EDIT_HOTEL_INFO,
        _nothing,
        lambda h, a, _: SqlHotelInfo(h.store, h.clock).save(None, 0, "Pool", "", "Open 7-22", "", "", a),
    ),
    Case(
        "call note",
        P.HANDLE_CALLS,
        _nothing,
        lambda h, a, _: SqlConsoleCalls(h.store, h.clock).categorise(
            f"call-{a.user}", CallCategory.ENQUIRY, "", a
        ),
    ),
    Case(
        "call-back",
        P.HANDLE_CALLS,
        _nothing,
        lambda h, a, _: SqlConsoleCalls(h.store, h.clock).add_callback(
            "Mr Lee", "13800000000", "8001", "", h.clock.now(), a
        ),
    ),
    Case(
        "call-back done",
        P.HANDLE_CALLS,
        _callback,
        lambda h, a, task: SqlConsoleCalls(h.store, h.clock).callback_done(task, a),
    ),
    Case(
        "shift closed by hand",
        P.CLOSE_SHIFTS,
        lambda h, a: h.earlier_shift(),
        lambda h, a, slot: SqlShifts(h.store, h.clock).close(slot, a),
    ),
    Case(
        "user unlocked",
        P.MANAGE_USERS,
        lambda h, a: (
            UserDirectory(h.store, h.clock)
            .create(f"locked-{a.user}", "Locked", Role.OPERATOR, "long-enough-1", ADMIN)
            .username
        ),
        lambda h, a, name: UserDirectory(h.store, h.clock).unlock(name, a),
    ),
    Case(
        "settings change audited",
        P.CHANGE_SETTINGS,
        _nothing,
        lambda h, a, _: SqlAuditTrail(h.store, h.clock).record_settings(
            [SettingChange("pbx.server", "pbx.hotel", "pbx2.hotel")], a
        ),
    ),
    Case(
        "retention purge",
        P.PURGE_DATA,
        _nothing,
        lambda h, a, _: SqlRetention(h.store, h.clock).purge(a),
    ),
    Case(
        "user created",
        P.MANAGE_USERS,
        _nothing,
        lambda h, a, _: UserDirectory(h.store, h.clock).create(
            f"new-{a.user}", "New", Role.ADMINISTRATOR, "long-enough-1", a
        ),
    ),
)

ROLES = tuple(Role)


def _audit_rows(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditRow)) or 0)


@pytest.fixture
def hotel(store: Store) -> Hotel:
    clock = FakeClock(NOW)
    seed_demo_hotel(store, clock)
    UserDirectory(store, clock).create("root", "Root", Role.ADMINISTRATOR, "long-enough-1", ADMIN)
    rooms = SqlRoomBoard(store, clock).rooms(READER)
    vacant = [r.number for r in rooms if not r.guest and r.occupancy == "vacant"]
    let = [r.number for r in rooms if r.guest]
    return Hotel(store, clock, vacant, let)


def test_every_write_service_checks_the_table(hotel: Hotel) -> None:
    outcomes: list[tuple[str, str, str]] = []
    for number, case in enumerate(CASES):
        for role in ROLES:
            actor = Actor(user=f"{role.value}-{number}", position="Console 9", role=role)
            state = case.prepare(hotel, actor)
            before = _audit_rows(hotel.store)
            expected = case.permission in GRANTS[role]
            try:
                case.act(hotel, actor, state)
            except PermissionDenied as exc:
                assert not expected, f"{role.value} was refused {case.name}: {exc}"
                assert exc.args_map["permission"] == case.permission.value
                assert _audit_rows(hotel.store) == before, f"{case.name} wrote something for {role.value}"
                outcomes.append((case.name, role.value, "refused"))
                continue
            assert expected, f"{role.value} was allowed {case.name}"
            assert _audit_rows(hotel.store) > before, f"{case.name} left no audit row"
            outcomes.append((case.name, role.value, "allowed"))
    # every case was tried with every role; every role but the administrator is refused something
    assert len(outcomes) == len(CASES) * len(ROLES)
    for role in ROLES:
        refused = [o for o in outcomes if o[1] == role.value and o[2] == "refused"]
        assert bool(refused) == (role is not Role.ADMINISTRATOR)


def test_an_actor_without_a_role_may_do_nothing_and_links_only_their_part(hotel: Hotel) -> None:
    nobody = Actor(user="?", position="Console 9")
    pms = Actor.link("PMS")
    for permission in Permission:
        assert not allowed(nobody, permission)
        assert allowed(pms, permission) == (permission in LINK_GRANTS)
    room = hotel.take_let()
    with pytest.raises(PermissionDenied):
        SqlLogbook(hotel.store, hotel.clock).write(LogCategory.OTHER, "hello", nobody)
    with pytest.raises(PermissionDenied):
        _front(hotel).set_dnd(room, True, nobody)
    _front(hotel).set_dnd(room, True, pms)
    with pytest.raises(PermissionDenied):
        SqlLogbook(hotel.store, hotel.clock).write(LogCategory.OTHER, "hello", pms)


def test_a_link_creates_users_only_until_there_is_an_administrator(store: Store) -> None:
    clock = FakeClock(NOW)
    users = UserDirectory(store, clock)
    first = Actor.link("first start")
    users.create("lin", "Lin", Role.OPERATOR, "long-enough-1", first)
    users.create("chief", "Chief", Role.ADMINISTRATOR, "long-enough-1", first)
    with pytest.raises(PermissionDenied):
        users.create("mallory", "Mallory", Role.ADMINISTRATOR, "long-enough-1", first)
    operator = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
    with pytest.raises(PermissionDenied):
        users.create("mallory", "Mallory", Role.ADMINISTRATOR, "long-enough-1", operator)
    assert [u.username for u in users.all()] == ["chief", "lin"]


def test_roles_page_shows_the_table_the_services_check() -> None:
    page = (Path(__file__).parent.parent / "docs" / "ROLES.md").read_text(encoding="utf-8")
    rows = {
        cells[0].strip("` "): [c.strip() == "yes" for c in cells[2:7]]
        for line in page.splitlines()
        if line.startswith("| `")
        for cells in [line.strip("|").split("|")]
    }
    assert set(rows) == {p.value for p in Permission}
    for permission in Permission:
        expected = [permission in GRANTS[role] for role in ROLES] + [permission in LINK_GRANTS]
        assert rows[permission.value] == expected, permission.value


READS: tuple[tuple[str, Permission, Callable[[Hotel, Actor], object]], ...] = (
    ("audit trail", P.READ_AUDIT, lambda h, a: SqlAuditTrail(h.store, h.clock).search(AuditQuery(), a)),
    ("audit export", P.READ_AUDIT, lambda h, a: SqlAuditTrail(h.store, h.clock).export_csv(AuditQuery(), a)),
    ("logbook export", P.REVIEW_LOGBOOK, lambda h, a: SqlLogbook(h.store, h.clock).export_csv(LogQuery(), a)),
    (
        "earlier versions of an entry",
        P.REVIEW_LOGBOOK,
        lambda h, a: SqlLogbook(h.store, h.clock).versions(1, a),
    ),
    ("locked users", P.MANAGE_USERS, lambda h, a: UserDirectory(h.store, h.clock).locked(a)),
)


def test_reads_of_private_data_check_the_table(hotel: Hotel) -> None:
    for name, permission, read in READS:
        for role in ROLES:
            actor = Actor(user=f"{role.value}-reader", position="Console 9", role=role)
            if permission in GRANTS[role]:
                assert read(hotel, actor) is not None, name
            else:
                with pytest.raises(PermissionDenied):
                    read(hotel, actor)


# ------------------------------------------------------------ reads of private data (issue 16)

SECRET = "Guest in 1203 asked for the safe code"  # logbook text only operators and duty managers read


def _private_data(h: Hotel) -> tuple[datetime, datetime]:
    """One of each: a logbook entry, a message, a wake-up, a handover; the period they fall in."""
    since = h.clock.now()
    SqlLogbook(h.store, h.clock).write(LogCategory.OTHER, SECRET, ADMIN, follow_up=True)
    _message(h, ADMIN)
    _wakeup(h, ADMIN)
    SqlHandovers(h.store, h.clock).compose(shift_at(h.clock.now()), "Pool closed", ADMIN)
    return since - timedelta(hours=1), since + timedelta(days=1)


def _figures(h: Hotel, a: Actor, period: tuple[datetime, datetime]) -> object:
    return SqlShiftStats(h.store, h.clock).figures("tonight", *period, a).log


Read = Callable[[Hotel, Actor, tuple[datetime, datetime]], object]
PRIVATE_READS: tuple[tuple[str, Permission, Read], ...] = (
    ("logbook, recent", P.READ_LOGBOOK, lambda h, a, _p: SqlLogbook(h.store, h.clock).recent(a)),
    (
        "logbook, search",
        P.READ_LOGBOOK,
        lambda h, a, _p: SqlLogbook(h.store, h.clock).search(LogQuery(text="safe code"), a),
    ),
    ("messages waiting", P.READ_MESSAGES, lambda h, a, _p: SqlMessageBook(h.store, h.clock).waiting(a)),
    ("wake-ups booked", P.READ_WAKEUPS, lambda h, a, _p: SqlWakeUpBook(h.store, h.clock).upcoming(a)),
    ("wake-up history", P.READ_WAKEUPS, lambda h, a, p: SqlWakeUpHistory(h.store, h.clock).between(*p, a)),
    ("latest handover", P.READ_LOGBOOK, lambda h, a, _p: SqlHandovers(h.store, h.clock).latest(a)),
    (
        "handovers not acknowledged",
        P.READ_LOGBOOK,
        lambda h, a, _p: SqlHandovers(h.store, h.clock).unacknowledged(a),
    ),
    ("daily board", P.READ_BOARD, lambda h, a, _p: SqlBoard(h.store, h.clock).today(a).arrivals),
    ("room board", P.READ_ROOMS, lambda h, a, _p: SqlRoomBoard(h.store, h.clock).rooms(a)),
    ("shift report figures", P.PRINT_REPORTS, _figures),
)


def test_every_read_of_private_data_checks_the_table(hotel: Hotel) -> None:
    """Each read, with each role, a link and nobody: the allowed read the data, the others are refused."""
    period = _private_data(hotel)
    nobody = Actor(user="?", position="Console 9")
    wrong = []
    for name, permission, read in PRIVATE_READS:
        for role in ROLES:
            actor = Actor(user=f"{role.value}-reader", position="Console 9", role=role)
            try:
                got = read(hotel, actor, period)
            except PermissionDenied as exc:
                assert exc.args_map["permission"] == permission.value, name
                if permission in GRANTS[role]:
                    wrong.append(f"{name}: {role.value} refused")
                continue
            if permission not in GRANTS[role]:
                wrong.append(f"{name}: {role.value} allowed")
            elif not got:
                wrong.append(f"{name}: {role.value} read nothing")
        for other in (nobody, Actor.link("PMS")):
            with pytest.raises(PermissionDenied):
                read(hotel, other, period)
    assert wrong == []


def test_the_read_rights_are_what_each_role_works_with() -> None:
    """Operators and duty managers read everything; the front desk what it books, takes and checks in,
    never the logbook or the shift report; a link and nobody signed in read nothing."""
    reads = {P.READ_LOGBOOK, P.READ_WAKEUPS, P.READ_MESSAGES, P.READ_ROOMS, P.READ_BOARD, P.PRINT_REPORTS}
    for role in (Role.OPERATOR, Role.DUTY_MANAGER, Role.ADMINISTRATOR):
        assert reads <= GRANTS[role], role
    assert reads & GRANTS[Role.FRONT_DESK] == {P.READ_WAKEUPS, P.READ_MESSAGES, P.READ_ROOMS, P.READ_BOARD}
    assert not reads & LINK_GRANTS


def test_a_front_desk_reads_the_desks_lists_but_not_the_logbook(hotel: Hotel) -> None:
    period = _private_data(hotel)
    desk = Actor(user="wang", position="Front desk 1", role=Role.FRONT_DESK)
    assert "Call back" in [m.text for m in SqlMessageBook(hotel.store, hotel.clock).waiting(desk)]
    assert SqlWakeUpBook(hotel.store, hotel.clock).upcoming(desk)
    assert SqlWakeUpHistory(hotel.store, hotel.clock).between(*period, desk)
    for read in (
        lambda: SqlLogbook(hotel.store, hotel.clock).recent(desk),
        lambda: SqlLogbook(hotel.store, hotel.clock).search(LogQuery(text="safe code"), desk),
        lambda: SqlHandovers(hotel.store, hotel.clock).latest(desk),
        lambda: _figures(hotel, desk, period),
    ):
        with pytest.raises(PermissionDenied) as refused:
            read()
        assert refused.value.key == "auth.denied"
