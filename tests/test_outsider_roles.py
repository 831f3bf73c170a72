"""Roles, sign-in and tamper evidence tried from outside, as a curious operator, a front-desk clerk, a
duty manager and someone with the database would: on SQLite and the real PostgreSQL server.

The rules under test are the ones written down for the hotel (docs/ROLES.md, issue 16), not the code:
every write service refuses whatever the table does not grant (links and an actor with no role
included), sign-in slows down and locks and does not tell who exists, and a row changed, deleted or
slipped in by SQL is named by ``main.py --verify-log``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from db.anchor_file import CONSOLE_ANCHOR
from db.emergencies import SqlEmergencies
from db.logbook import SqlLogbook
from db.pms_wakeups import SqlPmsWakeUps
from db.roll_calls import SqlRollCalls
from db.room_states import RoomStates
from db.rows import AuditRow, LogbookEntryRow, UserRow
from db.shifts import SqlShifts
from db.store import Store
from db.users import UserDirectory
from switchboard.auth import GRANTS, LINK_GRANTS, Permission
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.emergency import EmergencyDialled, Source
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.roll_call import Scope
from switchboard.signin import SignInPolicy
from tests.test_roles import ADMIN, CASES, NOW, Case, Hotel, _audit_rows, hotel  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent
P = Permission

# services the table covers that the roles test does not call
EXTRA: tuple[Case, ...] = (
    Case(
        "PMS books a wake-up",
        P.BOOK_WAKEUPS,
        lambda h, a: h.some_let(),
        lambda h, a, room: SqlPmsWakeUps(h.store, h.clock).book(room, h.later(10), a),
    ),
    Case(
        "PMS message through the room states",
        P.TAKE_MESSAGES,
        lambda h, a: h.some_let(),
        lambda h, a, room: RoomStates(h.store, h.clock).take_message(room, "PMS", "Fax at the desk", a),
    ),
    Case(
        "evacuation roll-call started",
        P.EVACUATE,
        lambda h, a: SqlRollCalls(h.store, h.clock).stop(ADMIN),
        lambda h, a, _: SqlRollCalls(h.store, h.clock).start(Scope.FLOOR, a, floor=2),
    ),
    Case(
        "evacuation roll-call stopped",
        P.EVACUATE,
        lambda h, a: (
            SqlRollCalls(h.store, h.clock).stop(ADMIN),
            SqlRollCalls(h.store, h.clock).start(Scope.FLOOR, ADMIN, floor=3),
        ),
        lambda h, a, _: SqlRollCalls(h.store, h.clock).stop(a),
    ),
)


def _outcome(h: Hotel, case: Case, actor: Actor) -> str:
    state = case.prepare(h, actor)
    before = _audit_rows(h.store)
    try:
        case.act(h, actor, state)
    except PermissionDenied:
        assert _audit_rows(h.store) == before, f"{case.name} wrote something for {actor.user}"
        return "refused"
    return "allowed"


def test_links_and_nobody_get_exactly_what_the_table_says(hotel: Hotel) -> None:  # noqa: F811
    """The 'Links' column and 'nobody signed in may do nothing', row by row, for every write service."""
    wrong = []
    for number, case in enumerate((*CASES, *EXTRA)):
        if case.name == "user created":  # a link may create users only until there is an administrator
            continue
        link = Actor.link(f"pms-{number}")
        nobody = Actor(user=f"someone-{number}", position="Console 9")  # a role lost on the way
        pretender = Actor(user=f"linkish-{number}", position="link:PMS")  # a position named like a link
        expected = "allowed" if case.permission in LINK_GRANTS else "refused"
        for actor, want in ((link, expected), (nobody, "refused"), (pretender, "refused")):
            got = _outcome(hotel, case, actor)
            if got != want:
                wrong.append(f"{case.name}: {actor.user} {got}, the table says {want}")
    assert wrong == []
    # a link cannot make an administrator once there is one (the roles test's fixture made "root")
    with pytest.raises(PermissionDenied):
        UserDirectory(hotel.store, hotel.clock).create(
            "mallory", "Mallory", Role.ADMINISTRATOR, "long-enough-1", Actor.link("PMS")
        )


def test_the_services_the_roles_test_leaves_out_follow_the_table(hotel: Hotel) -> None:  # noqa: F811
    wrong = []
    for case in EXTRA:
        for role in Role:
            actor = Actor(user=f"{role.value}-x", position="Console 9", role=role)
            want = "allowed" if case.permission in GRANTS[role] else "refused"
            got = _outcome(hotel, case, actor)
            if got != want:
                wrong.append(f"{case.name}: {role.value} {got}")
    assert wrong == []


def test_an_emergency_alarm_is_raised_and_acknowledged_only_by_those_who_take_calls(
    hotel: Hotel,  # noqa: F811
) -> None:
    alarms = SqlEmergencies(hotel.store, hotel.clock)
    room = hotel.some_let()
    dialled = EmergencyDialled("sos-1", room, "110", hotel.clock.now(), Source.PBX)
    with pytest.raises(PermissionDenied):
        alarms.raise_alarm(dialled, Actor(user="x", position="Console 9"))
    alarm, new = alarms.raise_alarm(dialled, Actor.link("pbx"))
    assert new
    for role in Role:
        actor = Actor(user=f"{role.value}-ack", position="Console 9", role=role)
        if P.HANDLE_ESCALATIONS in GRANTS[role]:
            continue
        with pytest.raises(PermissionDenied):
            alarms.acknowledge(alarm.id, actor)
    assert alarms.acknowledge(alarm.id, Actor("lin", "Console 1", Role.OPERATOR)).acknowledged_by == "lin"


# ---------------------------------------------------------------- sign-in


def _users(store: Store, clock: FakeClock, policy: SignInPolicy) -> UserDirectory:
    users = UserDirectory(store, clock, policy)
    users.create("chief", "Chief", Role.ADMINISTRATOR, "chief-password-1", Actor.link("first start"))
    users.create("lin", "Lin", Role.OPERATOR, "night-shift-1", Actor("chief", "Office", Role.ADMINISTRATOR))
    return users


def _try(users: UserDirectory, name: str, password: str, position: str = "Console 1") -> tuple[str, int]:
    try:
        users.authenticate(name, password, position)
    except PermissionDenied as exc:
        return exc.key, int(str(exc.args_map.get("seconds") or 0))
    return "ok", 0


def test_fifty_wrong_passwords_meet_a_growing_delay_and_a_lock(store: Store, clock: FakeClock) -> None:
    """The documented defaults: 2 free failures, then 1 s doubling to 60 s; locked after 10."""
    users = _users(store, clock, SignInPolicy())
    waits, answers = [], []
    for _ in range(50):
        key, seconds = _try(users, "lin", "guess")
        if key == "auth.wait":  # the attacker waits as told and tries again
            waits.append(seconds)
            clock.advance(timedelta(seconds=seconds))
            key, seconds = _try(users, "lin", "guess")
        answers.append(key)
    assert set(answers) == {"auth.wrong"}
    assert waits[:6] == [1, 2, 4, 8, 16, 32] and max(waits) == 60
    assert sum(waits) == 63 + 41 * 60  # 50 guesses cost the attacker 42 minutes of waiting
    # locked: even the right password is refused, with the same words
    clock.advance(timedelta(minutes=2))
    assert _try(users, "lin", "night-shift-1")[0] == "auth.wrong"
    chief = Actor("chief", "Office", Role.ADMINISTRATOR)
    assert users.locked(chief) == ["lin"]
    for role in (Role.OPERATOR, Role.FRONT_DESK, Role.DUTY_MANAGER):
        with pytest.raises(PermissionDenied):
            users.unlock("lin", Actor("wang", "Office", role))
    users.unlock("lin", chief)
    assert _try(users, "lin", "night-shift-1", "Console 2") == ("ok", 0)
    with store.read() as s:
        actions = list(s.scalars(select(AuditRow.action).where(AuditRow.action.like("%lock%"))))
    assert actions == ["signin.locked", "user.unlock"]


@pytest.mark.parametrize("who", ["lin", "locked"])
def test_an_unknown_user_takes_as_long_as_a_known_one(store: Store, clock: FakeClock, who: str) -> None:
    """Median of 30 failures each, interleaved: an unknown name, a known name, a locked name."""
    users = _users(store, clock, SignInPolicy(lock_after=3, free_failures=10_000))
    users.create("locked", "L", Role.OPERATOR, "night-shift-2", Actor("chief", "Office", Role.ADMINISTRATOR))
    for _ in range(3):
        _try(users, "locked", "wrong")
    assert _try(users, "locked", "night-shift-2")[0] == "auth.wrong"
    times: dict[str, list[float]] = {who: [], "no-such-user": []}
    for _ in range(30):
        for name in times:
            start = time.perf_counter()
            assert _try(users, name, "night-shift-2" if name == "locked" else "wrong")[0] == "auth.wrong"
            times[name].append(time.perf_counter() - start)
    known, unknown = statistics.median(times[who]), statistics.median(times["no-such-user"])
    print(f"{store.engine.dialect.name}: {who} {known * 1000:.1f} ms, unknown {unknown * 1000:.1f} ms")
    assert known > 0.01
    assert 0.75 < unknown / known < 1.33


def test_a_password_typed_as_the_user_name_is_stored_nowhere(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Through the console's own log set-up (console.log) and the audit table, byte for byte."""
    import logging

    from console.arguments import setup_logging

    setup_logging(tmp_path)
    root = logging.getLogger()
    try:
        users = _users(store, clock, SignInPolicy(free_failures=10_000))
        secret = "Night-Shift-1 "  # Lin's password (almost), typed into the name box
        for typed in (secret, "night-shift-1", "NIGHT-SHIFT-1\t", "night-shift-1\x00", "\u202enight-shift-1"):
            assert _try(users, typed, "", "Console 3")[0] == "auth.wrong"
    finally:
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", "").startswith(str(tmp_path))]:
            handler.close()
            root.removeHandler(handler)
    logged = (tmp_path / "console.log").read_text(encoding="utf-8").lower()
    assert "unknown user" in logged
    with store.read() as s:
        audit = " ".join(
            f"{r.actor} {r.position} {r.entity_id} {r.detail}" for r in s.scalars(select(AuditRow))
        ).lower()
        names = set(s.scalars(select(UserRow.username)))
    for haystack in (logged, audit):
        assert "night-shift" not in haystack
    assert names == {"chief", "lin"}


# ---------------------------------------------------------------- tamper evidence


def _anchored(store: Store, tmp_path: Path) -> Path:
    """The data folder of a console writing through ``store``: its chain heads go to the anchor file there."""
    store.anchor = tmp_path / CONSOLE_ANCHOR  # as console/startup.py opens the store
    return tmp_path


def _verify(url: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """``main.py --verify-log`` on the position whose data folder is ``folder`` (the anchor file in it)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--verify-log", "--database", url, "--data-dir", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _written(store: Store, clock: FakeClock) -> list[int]:
    book = SqlLogbook(store, clock)
    lin = Actor("lin", "Console 1", Role.OPERATOR)
    ids = []
    for words in ("Lift 2 noisy", "Cot for 1203", "CCTV tape changed", "Taxi for 1508 at 6", "Quiet"):
        clock.advance(timedelta(minutes=3))
        ids.append(book.write(LogCategory.OTHER, words, lin).id)
    return ids


@pytest.mark.parametrize(
    "tamper",
    ["update entry", "update audit", "delete entry", "insert entry", "update audit detail", "swap rows"],
)
def test_verify_log_names_the_first_row_tampered_by_sql(
    store: Store, clock: FakeClock, tamper: str, tmp_path: Path
) -> None:
    folder = _anchored(store, tmp_path)
    ids = _written(store, clock)
    url = store.engine.url.render_as_string(hide_password=False)
    clean = _verify(url, folder)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    with store.read() as s:
        audit_ids = list(s.scalars(select(AuditRow.id).order_by(AuditRow.id)))
    with store.engine.begin() as c:
        if tamper == "update entry":
            c.execute(text("UPDATE logbook_entries SET text = 'Cot for 1204' WHERE id = :i"), {"i": ids[1]})
            named = ("logbook_entries", ids[1])
        elif tamper == "update audit":
            c.execute(text("UPDATE audit_log SET actor = 'wang' WHERE id = :i"), {"i": audit_ids[2]})
            named = ("audit_log", audit_ids[2])
        elif tamper == "update audit detail":
            c.execute(text("UPDATE audit_log SET position = 'Office' WHERE id = :i"), {"i": audit_ids[1]})
            named = ("audit_log", audit_ids[1])
        elif tamper == "delete entry":
            c.execute(text("DELETE FROM logbook_versions WHERE entry_id = :i"), {"i": ids[2]})
            c.execute(text("DELETE FROM logbook_entries WHERE id = :i"), {"i": ids[2]})
            named = ("logbook_entries", ids[3])
        elif tamper == "swap rows":  # two whole rows' texts exchanged: each still hashes to itself?
            c.execute(text("UPDATE logbook_entries SET text = 'Quiet' WHERE id = :i"), {"i": ids[0]})
            c.execute(text("UPDATE logbook_entries SET text = 'Lift 2 noisy' WHERE id = :i"), {"i": ids[4]})
            named = ("logbook_entries", ids[0])
        else:
            seq = c.execute(text("SELECT max(chain_seq) FROM logbook_entries")).scalar()
            c.execute(
                text(
                    "INSERT INTO logbook_entries (shift_id, kind, created_at, author, category, room_number,"
                    " text, follow_up, assignee, resolved_by, resolution, version, chain_seq, chain_hash)"
                    " SELECT shift_id, kind, created_at, 'wang', category, room_number, 'Nothing happened',"
                    " follow_up, assignee, resolved_by, resolution, version, :seq, chain_hash"
                    " FROM logbook_entries WHERE id = :i"
                ),
                {"seq": (seq or 0) + 1, "i": ids[4]},
            )
            new = c.execute(text("SELECT max(id) FROM logbook_entries")).scalar()
            named = ("logbook_entries", int(str(new)))
    found = _verify(url, folder)
    assert found.returncode == 1, found.stdout + found.stderr
    assert f"ALTERED: {named[0]} row {named[1]} " in found.stdout, found.stdout


def test_verify_log_notices_the_newest_entry_deleted(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    folder = _anchored(store, tmp_path)
    ids = _written(store, clock)
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM logbook_versions WHERE entry_id = :i"), {"i": ids[-1]})
        c.execute(text("DELETE FROM logbook_entries WHERE id = :i"), {"i": ids[-1]})
    found = _verify(store.engine.url.render_as_string(hide_password=False), folder)
    assert found.returncode == 1, found.stdout


def test_a_closed_shifts_entry_cannot_be_changed_through_the_services(store: Store, clock: FakeClock) -> None:
    ids = _written(store, clock)
    book = SqlLogbook(store, clock)
    lin = Actor("lin", "Console 1", Role.OPERATOR)
    clock.advance(timedelta(hours=3))  # past midnight: the mid shift has ended
    for actor in (lin, ADMIN, Actor("wang", "Office", Role.DUTY_MANAGER)):
        with pytest.raises((InputError, PermissionDenied)):
            book.edit(ids[1], "Cot for 1204", actor)
    assert SqlShifts(store, clock).close_ended()  # the shift clock marks it closed
    clock.set(clock.now() - timedelta(hours=3))  # a console whose clock is set back does not reopen it
    with pytest.raises(InputError):
        book.edit(ids[1], "Cot for 1204", lin)
    with store.read() as s:
        assert s.scalar(select(LogbookEntryRow.text).where(LogbookEntryRow.id == ids[1])) == "Cot for 1203"
        assert s.scalar(select(func.count()).select_from(LogbookEntryRow)) == len(ids)


def test_an_operators_language_save_cannot_carry_other_keys_past_the_check(
    store: Store, tmp_path: Path
) -> None:
    """The service checks what the save changes in the file, not what the caller says it had before."""
    from db.audit_trail import SqlAuditTrail
    from switchboard import settings as console_settings
    from switchboard.settings import ConsoleSettings

    path = tmp_path / "console.ini"
    on_disk = ConsoleSettings(sections={"pbx": {"server": "pbx.hotel"}})
    console_settings.save(on_disk, path)
    trail = SqlAuditTrail(store, FakeClock(NOW))
    operator = Actor("lin", "Console 1", Role.OPERATOR)
    moved = on_disk.with_section("pbx", {"server": "evil.example"})  # told as if it were the old one
    with pytest.raises(PermissionDenied):
        trail.save_settings(moved, moved.with_language("zh_CN"), path, operator)
    assert console_settings.load(path).section("pbx")["server"] == "pbx.hotel"
    assert [c.key for c in trail.save_settings(on_disk, on_disk.with_language("zh_CN"), path, operator)] == [
        "console.language"
    ]


PRIVATE_READS = (  # service reads that return guest names, rooms, messages or the logbook's text
    "db.logbook:SqlLogbook.recent",
    "db.logbook:SqlLogbook.search",
    "db.message_book:SqlMessageBook.waiting",
    "db.wakeup_book:SqlWakeUpBook.upcoming",
    "db.wakeup_history:SqlWakeUpHistory.between",
    "db.handover:SqlHandovers.latest",
    "db.board:SqlBoard.today",
    "db.room_board:SqlRoomBoard.rooms",
    "db.shift_stats:SqlShiftStats.figures",
)


def test_every_read_of_private_data_takes_the_actor() -> None:
    """The signature only; ``tests/test_roles.py`` calls each read with every role and nobody."""
    import importlib
    import inspect

    missing = []
    for target in PRIVATE_READS:
        module, qualified = target.split(":")
        cls_name, method = qualified.split(".")
        function = getattr(getattr(importlib.import_module(module), cls_name), method)
        if "actor" not in inspect.signature(function).parameters:
            missing.append(target)
    assert missing == []
