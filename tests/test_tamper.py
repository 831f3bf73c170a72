"""The logbook and the audit trail are tamper-evident; shifts close themselves; edits keep the old text.

Rows are changed, deleted and inserted behind the console's back with plain SQL, as someone with the
database file or a PostgreSQL login would; ``verify_log`` names the first row that does not fit.
On SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from db.chain import seal_existing, verify_log
from db.logbook import SqlLogbook
from db.rows import AuditRow, LogbookEntryRow, ShiftRow
from db.shifts import SqlShifts
from db.store import Store
from db.users import UserDirectory
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.errors import InputError, PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from tests.conftest import HOTEL_ZONE
from tests.reader import READER

LIN = Actor(user="lin", position="Console 1", role=Role.OPERATOR)
CHEN = Actor(user="chen", position="Console 2", role=Role.OPERATOR)
MANAGER = Actor(user="wang", position="Office", role=Role.DUTY_MANAGER)
EVENING = datetime(2026, 11, 20, 22, 0, tzinfo=HOTEL_ZONE)  # mid shift, 15:30-24:00


def _logbook(store: Store) -> tuple[SqlLogbook, FakeClock, list[int]]:
    clock = FakeClock(EVENING)
    book = SqlLogbook(store, clock)
    ids = []
    for n, words in enumerate(
        ["Lift 2 noisy", "Guest in 1203 asked for a cot", "CCTV tape changed", "Quiet"]
    ):
        clock.advance(timedelta(minutes=5))
        ids.append(book.write(LogCategory.OTHER, words, LIN if n % 2 else CHEN).id)
    return book, clock, ids


def test_an_untouched_log_verifies(store: Store) -> None:
    _logbook(store)
    assert verify_log(store.engine) == []


def test_a_logbook_entry_changed_by_sql_is_named(store: Store) -> None:
    _book, _clock, ids = _logbook(store)
    with store.engine.begin() as c:
        c.execute(text("UPDATE logbook_entries SET text = 'Nothing happened' WHERE id = :id"), {"id": ids[1]})
    breaks = verify_log(store.engine)
    assert [(b.table, b.row_id, b.reason) for b in breaks] == [("logbook_entries", ids[1], "changed")]
    assert f"logbook_entries row {ids[1]}" in str(breaks[0])


def test_an_audit_row_changed_by_sql_is_named(store: Store) -> None:
    _logbook(store)
    with store.read() as s:
        audit_ids = list(s.scalars(select(AuditRow.id).order_by(AuditRow.id)))
    victim = audit_ids[2]
    with store.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET actor = 'somebody' WHERE id = :id"), {"id": victim})
    assert [(b.table, b.row_id, b.reason) for b in verify_log(store.engine)] == [
        ("audit_log", victim, "changed")
    ]


def test_a_deleted_or_slipped_in_row_is_named(store: Store) -> None:
    _logbook(store)
    with store.read() as s:
        audit_ids = list(s.scalars(select(AuditRow.id).order_by(AuditRow.id)))
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": audit_ids[1]})
    assert [(b.row_id, b.reason) for b in verify_log(store.engine)] == [(audit_ids[2], "missing before")]
    with store.engine.begin() as c:  # put back, and add one of our own
        c.execute(text("DELETE FROM audit_log"))
    _logbook(store)
    with store.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO audit_log (at, actor, position, action, entity, entity_id, detail, chain_hash) "
                "VALUES (:at, 'ghost', '', 'logbook.entry', 'logbook', '1', '{}', '')"
            ),
            {"at": datetime(2026, 11, 20, 14, 0)},
        )
        ghost = c.execute(text("SELECT max(id) FROM audit_log")).scalar()
    breaks = verify_log(store.engine)
    assert [(b.table, b.row_id, b.reason) for b in breaks] == [("audit_log", ghost, "not sealed")]


def test_positions_writing_at_once_keep_one_chain(store: Store) -> None:
    clock = FakeClock(EVENING)
    book = SqlLogbook(store, clock)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for k in range(5):
                book.write(
                    LogCategory.OTHER, f"position {n} note {k}", Actor(f"op{n}", f"C{n}", Role.OPERATOR)
                )
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(LogbookEntryRow)) == 30
        assert s.scalar(select(func.max(LogbookEntryRow.chain_seq))) == 30
    assert verify_log(store.engine) == []


def test_an_edit_while_open_keeps_the_old_text_for_the_duty_manager(store: Store) -> None:
    book, _clock, ids = _logbook(store)
    first = ids[0]  # written by chen
    with pytest.raises(PermissionDenied):
        book.edit(first, "Lift 3 noisy", LIN)  # not the author
    book.edit(first, "Lift 3 noisy", CHEN)
    book.edit(first, "Lift 3 very noisy", CHEN)
    assert next(e for e in book.recent(READER) if e.id == first).text == "Lift 3 very noisy"
    versions = book.versions(first, MANAGER)
    assert [(v.version_no, v.text, v.replaced_by) for v in versions] == [
        (1, "Lift 2 noisy", "chen"),
        (2, "Lift 3 noisy", "chen"),
    ]
    with pytest.raises(PermissionDenied):
        book.versions(first, LIN)
    assert verify_log(store.engine) == []  # the edit re-sealed the entry and those after it
    with store.engine.begin() as c:
        c.execute(text("UPDATE logbook_versions SET text = 'Nothing' WHERE version_no = 1"))
    assert [(b.table, b.reason) for b in verify_log(store.engine)] == [("logbook_versions", "changed")]


def test_a_shift_closes_at_its_end_and_its_entries_stay_as_written(store: Store) -> None:
    book, clock, ids = _logbook(store)
    shifts = SqlShifts(store, clock)
    assert shifts.close_ended() == []
    clock.set(EVENING.replace(hour=23, minute=55))  # in the overlap: the mid shift still runs
    assert shifts.close_ended() == []
    book.edit(ids[1], "Guest in 1203 asked for a baby cot", LIN)
    clock.advance(timedelta(minutes=5))  # 00:00: the mid shift has ended
    with pytest.raises(InputError) as info:  # closed by its end even before the shift clock runs
        book.edit(ids[1], "Guest asked for nothing", LIN)
    assert info.value.key == "logbook.closed"
    closed = shifts.close_ended()
    assert len(closed) == 1
    with store.read() as s:
        row = s.get(ShiftRow, closed[0])
        assert row is not None and row.closed_by == "link:shift-clock" and row.kind == "mid"
    with pytest.raises(InputError):
        book.edit(ids[1], "Guest asked for nothing", LIN)
    correction = book.correct(ids[1], "It was a baby bed, not a cot", LIN)  # answered by a new entry
    assert correction.corrects_id == ids[1]
    assert verify_log(store.engine) == []


def test_a_shift_closes_when_its_last_operator_signs_out_after_the_handover(store: Store) -> None:
    clock = FakeClock(EVENING)
    users = UserDirectory(store, clock)
    users.create("lin", "Lin", Role.OPERATOR, "night-shift-1", Actor.link("first start"))
    users.create("chen", "Chen", Role.OPERATOR, "night-shift-2", Actor.link("first start"))
    shifts = SqlShifts(store, clock)
    lin, chen = shifts.sign_in("lin", "Console 1"), shifts.sign_in("chen", "Console 2")
    mid = shift_at(clock.now())

    def closed() -> bool:
        with store.read() as s:
            row = s.scalars(select(ShiftRow).where(ShiftRow.kind == mid.kind.value)).one()
            return row.closed_at is not None

    shifts.sign_out(lin, LIN)  # 22:00, a change of operator in mid-shift: still open
    assert not closed()
    lin = shifts.sign_in("lin", "Console 1")
    clock.advance(timedelta(hours=1, minutes=35))  # 23:35: the night shift has begun
    shifts.sign_out(lin, LIN)
    assert not closed()  # chen is still on
    shifts.sign_out(chen, CHEN)
    assert closed()


def test_a_sign_in_closes_shifts_the_shift_clock_missed(store: Store) -> None:
    clock = FakeClock(EVENING)
    UserDirectory(store, clock).create(
        "lin", "Lin", Role.OPERATOR, "night-shift-1", Actor.link("first start")
    )
    shifts = SqlShifts(store, clock)
    shifts.sign_in("lin", "Console 1")  # the mid shift's row
    clock.advance(timedelta(hours=10))  # 08:00 next day: mid and night have ended, nobody ran the clock
    shifts.sign_in("lin", "Console 1")
    with store.read() as s:
        rows = {(r.kind, r.closed_at is not None) for r in s.scalars(select(ShiftRow))}
    assert rows == {("mid", True), ("early", False)}


def test_rows_written_before_the_chains_are_sealed_by_the_migration(store: Store) -> None:
    # rows as an older version wrote them: no place in a chain, no hash (what migration 0008 finds)
    with store.engine.begin() as c:
        for n in range(3):
            c.execute(
                text(
                    "INSERT INTO audit_log (at, actor, position, action, entity, entity_id, detail) "
                    "VALUES (:at, 'lin', 'Console 1', 'logbook.entry', 'logbook', :n, '{\"n\": 1}')"
                ),
                {"at": datetime(2026, 11, 20, 14, n), "n": str(n)},
            )
    assert [b.reason for b in verify_log(store.engine)] == ["not sealed"]
    with store.engine.begin() as c:
        seal_existing(c, "audit_log")  # what the migration runs
    assert verify_log(store.engine) == []
    with store.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET entity_id = '9' WHERE entity_id = '1'"))
    assert [b.reason for b in verify_log(store.engine)] == ["changed"]
