"""An anchored logbook head explained only by edits the audit trail records; anchor lines that are heads.

A kept old text (``logbook_versions``) lets a changed entries head verify only when a ``logbook.edit``
audit row, where the audit chain holds, records that edit by the entry's author while its shift was
open (``db/chain_edits.py``).  An anchor-file line counts only with a chain's name, a place and the
full hash (``db/anchor_file.py``).  On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from db import anchor_file
from db.anchor_file import CONSOLE_ANCHOR, Head
from db.chain import link_hash, seal_existing, verify_log
from db.chain_anchor import check_anchors
from db.logbook import SqlLogbook
from db.rows import AuditRow, LogbookEntryRow, LogbookVersionRow
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
WORDS = ["Lift 2 noisy", "Cot for 1203", "CCTV tape changed", "Quiet"]


def _write(store: Store, clock: FakeClock, words: list[str] = WORDS, actor: Actor = LIN) -> list[int]:
    book = SqlLogbook(store, clock)
    ids = []
    for w in words:
        clock.advance(timedelta(minutes=2))
        ids.append(book.write(LogCategory.OTHER, w, actor).id)
    return ids


def _last(c: Connection, cls: Any) -> tuple[int, str]:
    found = c.execute(select(cls.chain_seq, cls.chain_hash).order_by(cls.chain_seq.desc()).limit(1)).first()
    return (int(found[0]), str(found[1])) if found is not None else (0, "0" * 64)


def _append_version(c: Connection, entry_id: int, number: int, old: str, at: datetime, user: str) -> None:
    """A version row sealed onto the end of its chain, as db/chain.py would have sealed it."""
    seq, last = _last(c, LogbookVersionRow)
    values = {
        "id": 7000 + seq,
        "entry_id": entry_id,
        "version_no": number,
        "text": old,
        "replaced_at": at,
        "replaced_by": user,
    }
    c.execute(
        insert(LogbookVersionRow).values(
            **values, chain_seq=seq + 1, chain_hash=link_hash("logbook_versions", last, values)
        )
    )


def _append_audit(
    c: Connection,
    entry_id: int,
    number: int,
    at: datetime,
    user: str,
    *,
    sealed: bool = True,
    row_id: int = 0,
) -> None:
    """A ``logbook.edit`` audit row: sealed onto the chain's end, or with a hash that does not fit."""
    seq, last = _last(c, AuditRow)
    values = {
        "id": row_id or 8000 + seq,
        "at": at,
        "actor": user,
        "position": "Console 1",
        "action": "logbook.edit",
        "entity": "logbook",
        "entity_id": str(entry_id),
        "detail": {"version": number},
    }
    link = link_hash("audit_log", last, values) if sealed else "f" * 64
    c.execute(insert(AuditRow).values(**values, chain_seq=seq + 1, chain_hash=link))


def _change(c: Connection, entry_id: int, new: str) -> str:
    old = c.execute(select(LogbookEntryRow.text).where(LogbookEntryRow.id == entry_id)).scalar_one()
    c.execute(text("UPDATE logbook_entries SET text = :t WHERE id = :i"), {"t": new, "i": entry_id})
    return str(old)


def _reseal(store: Store, table: str = "logbook_entries") -> None:
    with store.engine.begin() as c:
        c.execute(text(f"UPDATE {table} SET chain_seq = NULL"))
        seal_existing(c, table)


def _closed_shift(store: Store, clock: FakeClock, tmp_path: Path) -> tuple[list[int], Path, datetime]:
    """Four entries written and one edited in the evening shift, which then closes; the console stops.
    Returns the ids, the anchor file and a moment inside the shift."""
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock)
    inside = clock.now()
    SqlLogbook(store, clock).edit(ids[0], "Lift 3 noisy", LIN)
    clock.advance(timedelta(hours=2))  # past midnight: the shift closes
    assert SqlShifts(store, clock).close_ended() != []
    store.anchor = None
    return ids, anchor, inside


# ------------------------------------------------------------------------------ edits that verify


def test_edits_in_an_open_shift_from_two_positions_verify(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Each position's file alone: the other position's edits re-seal what it anchored, and the audit
    trail records them, so the recomputed heads hold."""
    url = store.engine.url.render_as_string(hide_password=False)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    store.anchor = one / CONSOLE_ANCHOR
    other = Store(url, anchor=two / CONSOLE_ANCHOR)
    mine = _write(store, clock, ["Lift 2 noisy", "Quiet"])
    theirs = _write(other, clock, ["Cot for 1203"], CHEN)
    SqlLogbook(other, clock).edit(theirs[0], "Baby cot for 1203", CHEN)
    SqlLogbook(store, clock).edit(mine[0], "Lift 3 noisy", LIN)
    SqlLogbook(other, clock).edit(theirs[0], "Baby cot for 1203, delivered", CHEN)
    assert verify_log(store.engine) == []
    assert _findings(store, one / CONSOLE_ANCHOR) == [] and _findings(store, two / CONSOLE_ANCHOR) == []
    for folder in (one, two):
        done = _verify(store, "--data-dir", str(folder))
        assert done.returncode == 0, done.stdout + done.stderr
        assert "every row as it was written" in done.stdout
    other.dispose()


def test_a_genuine_edit_still_verifies_after_its_shift_closed(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    _ids, anchor, _inside = _closed_shift(store, clock, tmp_path)
    assert _findings(store, anchor) == []
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------------------------ edits forged by SQL


def test_a_forged_edit_without_any_earlier_edit_names_the_entry(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """No edit ever made: the versions chain was empty, so the forged row is its only row. The entry
    is named (exit 1), not only the versions chain called unanchored."""
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock)
    inside = clock.now()
    store.anchor = None
    with store.engine.begin() as c:
        old = _change(c, ids[1], "Nothing to report")
        _append_version(c, ids[1], 1, old, inside, LIN.user)
    _reseal(store)
    assert verify_log(store.engine) == []
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"ALTERED: logbook_entries row {ids[1]} (place 2)" in done.stdout


def test_a_forged_edit_with_a_forged_audit_row_that_breaks_the_audit_chain_is_caught(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """In a shift still open, by the author, at a time inside it: all the edit lacks is an audit row
    that fits its chain (this one does not), so it explains nothing."""
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock)
    inside = clock.now()
    store.anchor = None
    with store.engine.begin() as c:
        old = _change(c, ids[1], "Nothing to report")
        _append_version(c, ids[1], 1, old, inside, LIN.user)
        _append_audit(c, ids[1], 1, inside, LIN.user, sealed=False)
    _reseal(store)
    breaks = [str(b) for b in verify_log(store.engine)]
    assert len(breaks) == 1 and breaks[0].startswith("audit_log row ") and breaks[0].endswith("changed"), (
        breaks
    )
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"ALTERED: logbook_entries row {ids[1]} (place 2)" in done.stdout


def test_a_forged_edit_with_a_sealed_audit_row_after_the_shift_closed_is_caught(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """The forged audit row fits its chain (sealed onto its end, past the newest anchor) and carries a
    time inside the shift, but it stands after the shift's closing row: no edit was possible then."""
    ids, _anchor, inside = _closed_shift(store, clock, tmp_path)
    with store.engine.begin() as c:
        old = _change(c, ids[1], "Nothing to report")
        _append_version(c, ids[1], 1, old, inside, LIN.user)
        _append_audit(c, ids[1], 1, inside, LIN.user)
    _reseal(store)
    assert verify_log(store.engine) == []
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"ALTERED: logbook_entries row {ids[1]} (place 2)" in done.stdout
    assert "ALTERED: audit_log" not in done.stdout


def test_a_forged_audit_row_slipped_before_the_closing_row_is_caught(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """The audit chain computed anew with the forged edit's row in front of the shift's closing row:
    the audit anchor shows that, and the edit it would vouch for explains nothing."""
    ids, _anchor, inside = _closed_shift(store, clock, tmp_path)
    with store.engine.begin() as c:
        closing = c.execute(select(AuditRow.id).where(AuditRow.action == "shift.close_at_end")).scalar_one()
        c.execute(text("UPDATE audit_log SET id = :n WHERE id = :o"), {"n": closing + 1000, "o": closing})
        old = _change(c, ids[1], "Nothing to report")
        _append_version(c, ids[1], 1, old, inside, LIN.user)
        _append_audit(c, ids[1], 1, inside, LIN.user, row_id=closing)
    _reseal(store)
    _reseal(store, "audit_log")
    assert verify_log(store.engine) == []
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ALTERED: audit_log row " in done.stdout
    assert f"ALTERED: logbook_entries row {ids[1]} (place 2)" in done.stdout


def test_a_forged_edit_by_someone_other_than_the_author_is_caught(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """In a shift still open, with a version row and an audit row that fit their chains: but the entry
    is lin's, and only its author may edit an entry."""
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock)
    inside = clock.now()
    store.anchor = None
    with store.engine.begin() as c:
        old = _change(c, ids[1], "Nothing to report")
        _append_version(c, ids[1], 1, old, inside, CHEN.user)
        _append_audit(c, ids[1], 1, inside, CHEN.user)
    _reseal(store)
    assert verify_log(store.engine) == []
    found = _findings(store, anchor)
    assert any(f.startswith(f"ALTERED: logbook_entries row {ids[1]} (place 2)") for f in found), found


def test_a_forged_edit_dated_outside_the_shift_is_caught(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock)
    store.anchor = None
    yesterday = clock.now() - timedelta(days=1)
    with store.engine.begin() as c:
        old = _change(c, ids[1], "Nothing to report")
        _append_version(c, ids[1], 1, old, yesterday, LIN.user)
        _append_audit(c, ids[1], 1, yesterday, LIN.user)
    _reseal(store)
    found = _findings(store, anchor)
    assert any(f.startswith(f"ALTERED: logbook_entries row {ids[1]} (place 2)") for f in found), found


# ------------------------------------------------------------------------------ anchor lines


GOOD = Head("audit_log", 3, "ab" * 32).line()


@pytest.mark.parametrize(
    "line, why",
    [
        ('{"table":"audit_log","seq":3,"hash":""}', "the hash is empty"),
        ('{"table":"audit_log","seq":3,"hash":"a"}', "the hash has 1 characters, not 64"),
        ('{"table":"audit_log","seq":3,"hash":"' + "ab" * 16 + '"}', "the hash has 32 characters, not 64"),
        ('{"table":"audit_log","seq":3,"hash":"' + "zz" * 32 + '"}', "the hash is not hexadecimal"),
        ('{"table":"audit_log","seq":3,"hash":7}', "the hash is not text"),
        ('{"table":"audit_log","seq":3}', "the hash is not text"),
        ('{"table":"users","seq":3,"hash":"' + "ab" * 32 + '"}', "no chain's name as its table"),
        (
            '{"table":"audit_log","seq":0,"hash":"' + "ab" * 32 + '"}',
            "its place is not a whole number from 1",
        ),
        ('{"table":"audit_log","seq":true,"hash":"' + "ab" * 32 + '"}', "its place is not a whole number"),
        ('{"table":"audit_log","seq":"3","hash":"' + "ab" * 32 + '"}', "its place is not a whole number"),
        ('{"table":"audit_log","seq":3,"hash":"' + "ab" * 32 + '","versions":2}', "its versions place"),
        (
            '{"table":"logbook_entries","seq":3,"hash":"' + "ab" * 32 + '","versions":-1}',
            "its versions place",
        ),
        ('{"table":"audit_log","seq":3,"hash":"' + "ab" * 32 + '","at":5}', "its time is not text"),
        ("[1,2,3]", "not a JSON object"),
        ('{"table": "audit_log", "se', "not a JSON line"),
    ],
)
def test_an_anchor_line_that_is_not_a_whole_head_is_named_with_its_reason(
    tmp_path: Path, line: str, why: str
) -> None:
    path = tmp_path / CONSOLE_ANCHOR
    path.write_text(f"{GOOD}\n{line}\n{GOOD}\n")
    read = anchor_file.read(path)
    assert len(read.heads) == 2 and read.unreadable == 1
    assert read.problems[0].startswith(f"line 2: {why}"), read.problems


def test_a_whole_head_reads_back_and_a_printed_head_may_be_short() -> None:
    full = "0123456789abcdef" * 4
    assert anchor_file.parse_token(f"logbook_entries:4:{full[:12]}:v2").hash == full[:12]
    for word in (
        f"logbook_entries:4:{full[:11]}",
        "logbook_entries:4:",
        f"users:4:{full}",
        f"audit_log:0:{full}",
    ):
        with pytest.raises(ValueError):
            anchor_file.parse_token(word)


def test_heads_without_a_whole_hash_anchor_nothing(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    """Hashes blanked, cut to a character or to 11: no head counts, so the chains are NOT ANCHORED and
    each line is named; given to check_anchors directly, such heads hold no link either."""
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    _write(store, clock)
    store.anchor = None
    heads = _heads(anchor)
    cuts = ["", "a", heads[0].hash[:11]]
    anchor.write_text(
        "".join(
            Head(h.table, h.seq, cuts[n % 3], h.versions, h.at).line() + "\n" for n, h in enumerate(heads)
        )
    )
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 3, done.stdout + done.stderr
    assert f"0 head(s), {len(heads)} unreadable line(s)" in done.stdout
    assert f"{CONSOLE_ANCHOR}, line 1: the hash is empty" in done.stdout
    assert f"{CONSOLE_ANCHOR}, line 2: the hash has 1 characters" in done.stdout
    assert "NOT ANCHORED: no line of the anchor files is a well-formed head" in done.stdout
    assert "NOT ANCHORED: logbook_entries" in done.stdout
    blank = [Head(h.table, h.seq, "", h.versions) for h in heads]
    report = check_anchors(store.engine, blank)
    assert report.findings == [] and all(c.anchored == 0 for c in report.coverage)


def test_one_bad_line_among_whole_heads_is_named_and_the_rest_anchor(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    anchor = tmp_path / CONSOLE_ANCHOR
    store.anchor = anchor
    ids = _write(store, clock)
    store.anchor = None
    with anchor.open("a") as f:
        f.write('{"at":"x","table":"logbook_entries","seq":4,"hash":""}\n')
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 unreadable line(s), not counted as anchors" in done.stdout
    assert "line 9: the hash is empty" in done.stdout
    with store.engine.begin() as c:  # and they still catch a change computed anew
        _change(c, ids[2], "Nothing")
    _reseal(store)
    done = _verify(store, "--data-dir", str(tmp_path))
    assert done.returncode == 1 and f"ALTERED: logbook_entries row {ids[2]} (place 3)" in done.stdout
