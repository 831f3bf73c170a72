"""The chains' heads anchored outside the database (issue 16): what a hash chain alone cannot show.

Someone with a database login deletes the newest rows, empties a table, or changes a row and
computes the chain anew; the anchor file each position keeps in its data folder (and a head typed
from a printout) says so.  Normal use (edits while the shift is open, a shift closing, a restart,
two positions) verifies.  On SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.anchor_file import CONSOLE_ANCHOR
from db.chain import seal_existing, verify_log
from db.logbook import SqlLogbook
from db.rows import AuditRow, LogbookEntryRow
from db.shifts import SqlShifts
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.desk import LogCategory
from switchboard.hotel import Actor, Role
from tests.verify_log_lab import findings as _findings
from tests.verify_log_lab import heads as _heads
from tests.verify_log_lab import verify as _verify

ROOT = Path(__file__).resolve().parent.parent
LIN = Actor("lin", "Console 1", Role.OPERATOR)
CHEN = Actor("chen", "Console 2", Role.OPERATOR)


def _write(store: Store, clock: FakeClock, words: list[str], actor: Actor = LIN) -> list[int]:
    book = SqlLogbook(store, clock)
    ids = []
    for w in words:
        clock.advance(timedelta(minutes=2))
        ids.append(book.write(LogCategory.OTHER, w, actor).id)
    return ids


def test_each_commit_appends_its_heads_to_a_private_file(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    _write(store, clock, ["Lift 2 noisy", "Quiet"])
    assert stat.S_IMODE(anchor.stat().st_mode) == 0o600
    heads = _heads(anchor)
    assert [(h.table, h.seq) for h in heads] == [
        ("audit_log", 1),
        ("logbook_entries", 1),
        ("audit_log", 2),
        ("logbook_entries", 2),
    ]
    with store.read() as s:
        newest = s.scalars(select(LogbookEntryRow).order_by(LogbookEntryRow.chain_seq.desc())).first()
        assert newest is not None and heads[-1].hash == newest.chain_hash
    assert heads[-1].versions == 0 and heads[-1].at
    assert _findings(store, anchor) == []


def test_the_newest_entry_deleted_is_missing(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    store.anchor = tmp_path / CONSOLE_ANCHOR
    ids = _write(store, clock, ["Lift 2 noisy", "Cot for 1203", "Quiet"])
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM logbook_entries WHERE id = :i"), {"i": ids[-1]})
    assert verify_log(store.engine) == []  # the chain alone holds together
    found = _findings(store, store.anchor)
    assert len(found) == 1 and found[0].startswith("MISSING: logbook_entries from place 3 on: ")
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "MISSING: logbook_entries from place 3 on: the chain ends at place 2" in done.stdout


def test_the_newest_audit_row_deleted_is_missing(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    store.anchor = tmp_path / CONSOLE_ANCHOR
    _write(store, clock, ["Lift 2 noisy", "Quiet"])
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log WHERE chain_seq = (SELECT max(chain_seq) FROM audit_log)"))
    assert verify_log(store.engine) == []
    found = _findings(store, store.anchor)
    assert [f.split(":")[:2] for f in found] == [["MISSING", " audit_log from place 2 on"]]


def test_a_table_emptied_is_missing(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    store.anchor = tmp_path / CONSOLE_ANCHOR
    ids = _write(store, clock, ["Lift 2 noisy", "Cot for 1203"])
    SqlLogbook(store, clock).edit(ids[0], "Lift 3 noisy", LIN)  # a version row too
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM logbook_versions"))
        c.execute(text("DELETE FROM logbook_entries"))
    assert verify_log(store.engine) == []  # empty chains hold together
    found = _findings(store, store.anchor)
    assert any(
        f.startswith("MISSING: logbook_entries from place 1 on: the chain ends at place 0") for f in found
    )
    assert any(f.startswith("MISSING: logbook_versions from place 1 on") for f in found)


def test_a_row_deleted_and_the_chain_computed_anew_is_altered(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    store.anchor = tmp_path / CONSOLE_ANCHOR
    ids = _write(store, clock, ["Lift 2 noisy", "Cot for 1203", "CCTV tape changed", "Quiet"])
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM logbook_entries WHERE id = :i"), {"i": ids[1]})
        c.execute(text("UPDATE logbook_entries SET chain_seq = NULL"))
        seal_existing(c, "logbook_entries")  # what someone who read db/chain.py would run
    assert verify_log(store.engine) == []
    found = _findings(store, store.anchor)
    # places 1 and 2 were anchored when entries 1 and 2 were the newest: the first that differs is 2,
    # now held by the third entry; and the chain no longer reaches place 4
    assert f"ALTERED: logbook_entries row {ids[2]} (place 2): " in "\n".join(found), found
    assert any(f.startswith("MISSING: logbook_entries from place 4 on") for f in found)


def test_a_text_changed_by_sql_and_resealed_is_altered_even_where_edits_are_allowed(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    store.anchor = tmp_path / CONSOLE_ANCHOR
    ids = _write(store, clock, ["Lift 2 noisy", "Cot for 1203", "Quiet"])  # the shift is still open
    with store.engine.begin() as c:
        c.execute(text("UPDATE logbook_entries SET text = 'Nothing' WHERE id = :i"), {"i": ids[1]})
        c.execute(text("UPDATE logbook_entries SET chain_seq = NULL"))
        seal_existing(c, "logbook_entries")
    assert verify_log(store.engine) == []
    found = _findings(store, store.anchor)
    assert [f.split(": not the link")[0] for f in found] == [
        f"ALTERED: logbook_entries row {ids[1]} (place 2)"
    ]


def test_edits_a_shift_closing_and_a_restart_verify(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    book = SqlLogbook(store, clock)
    ids = _write(store, clock, ["Lift 2 noisy", "Cot for 1203", "Quiet"])
    book.edit(ids[0], "Lift 3 noisy", LIN)  # re-seals entries 1 to 3: their anchored hashes change
    _write(store, clock, ["Taxi for 1508 at 6"])
    book.edit(ids[1], "Baby cot for 1203", LIN)
    book.edit(ids[0], "Lift 3 very noisy", LIN)
    clock.advance(timedelta(hours=2))  # past midnight: the mid shift closes
    assert SqlShifts(store, clock).close_ended() != []
    book.correct(ids[2], "Not quiet: a noisy party in 1402", LIN)
    url = store.engine.url.render_as_string(hide_password=False)
    store.dispose()
    again = Store(url, anchor=anchor)  # the console started anew
    _write(again, clock, ["Night round done"])
    assert verify_log(again.engine) == [] and _findings(again, anchor) == []
    done = _verify(again, "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "every row as it was written" in done.stdout
        and "anchored: logbook_entries to place 6 of 6" in done.stdout
    )
    again.dispose()


def test_two_positions_each_anchor_what_they_wrote(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    store.anchor = one / CONSOLE_ANCHOR
    other = Store(url, anchor=two / CONSOLE_ANCHOR)
    ids = _write(store, clock, ["Lift 2 noisy"])
    _write(other, clock, ["Cot for 1203"], CHEN)
    _write(store, clock, ["Quiet"])
    SqlLogbook(store, clock).edit(ids[0], "Lift 3 noisy", LIN)  # re-seals what position two anchored
    newest = _write(other, clock, ["Taxi for 1508 at 6"], CHEN)[0]
    both = ["--anchor", str(one), "--anchor", str(two / CONSOLE_ANCHOR)]
    for given in (["--data-dir", str(one)], ["--data-dir", str(two)], both):
        done = _verify(store, *given)
        assert done.returncode == 0, done.stdout + done.stderr
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM logbook_entries WHERE id = :i"), {"i": newest})
    assert _findings(store, one / CONSOLE_ANCHOR) == []  # position one never saw it
    done = _verify(store, *both)
    assert done.returncode == 1 and "MISSING: logbook_entries from place 4 on" in done.stdout, done.stdout
    other.dispose()


def test_no_anchor_is_said_and_is_not_a_pass(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    _write(store, clock, ["Lift 2 noisy"])  # a store that keeps no anchor file
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "NOT ANCHORED: no anchor file in " in done.stdout
    assert "NOT ANCHORED: logbook_entries: no anchor holds a head of it" in done.stdout
    assert "every row as it was written" not in done.stdout
    gone = _verify(store, "--anchor", str(tmp_path / "nowhere.log"))  # a file named but not there
    assert gone.returncode == 2 and "anchor cannot be read" in gone.stderr


def test_a_head_from_a_printout_anchors_and_a_torn_line_is_counted(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    _write(store, clock, ["Lift 2 noisy", "Quiet"])
    with store.read() as s:
        newest = s.scalars(select(AuditRow).order_by(AuditRow.chain_seq.desc())).first()
        assert newest is not None
        paper, newest_id = f"audit_log:{newest.chain_seq}:{newest.chain_hash[:16]}", newest.id
    with anchor.open("a") as f:
        f.write('{"table": "audit_log", "se')  # a crash in the middle of a line
    done = _verify(store, "--data-dir", str(tmp_path), "--head", paper)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 unreadable line(s)" in done.stdout
    with store.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": newest_id})
    (tmp_path / "paper-only").mkdir()  # a folder without anchor files: the printout alone
    done = _verify(store, "--anchor", str(tmp_path / "paper-only"), "--head", paper)
    assert done.returncode == 1 and "MISSING: audit_log from place 2 on" in done.stdout, done.stdout


def test_a_shift_closing_carries_the_heads_into_the_trail_and_the_log(
    store: Store, clock: FakeClock, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _write(store, clock, ["Lift 2 noisy", "Cot for 1203", "Quiet"])  # no anchor file kept
    clock.advance(timedelta(hours=2))
    with caplog.at_level(logging.INFO, logger="db.shifts"):
        assert SqlShifts(store, clock).close_ended() != []
    with store.read() as s:
        closing = s.scalars(select(AuditRow.detail).where(AuditRow.action == "shift.close_at_end")).one()
        newest = s.scalars(select(LogbookEntryRow.chain_hash).where(LogbookEntryRow.id == ids[-1])).one()
    token = f"logbook_entries:3:{newest}:v0"
    assert token in closing["heads"] and token in caplog.text
    with store.engine.begin() as c:  # the logbook cut back, the trail left alone
        c.execute(text("DELETE FROM logbook_entries WHERE id = :i"), {"i": ids[-1]})
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "MISSING: logbook_entries from place 3 on: the chain ends at place 2, but the shift closing"
        in done.stdout
    )
    assert "NOT ANCHORED: no anchor file" in done.stdout  # the trail's own heads are not an outside anchor
