"""Hash chains over the audit trail and the logbook: a row changed or deleted by SQL is named.

Each chained row carries its place (``chain_seq``, unique) and ``chain_hash`` = SHA-256 of the
previous row's hash and the row's own content.  Rows added in a unit of work are sealed just
before it commits, under a lock (PostgreSQL: a transaction advisory lock; SQLite: the write lock
the unit already holds), so two positions never take the same place and the lock is the last one
the unit takes.  ``verify`` walks each chain and names the first row that does not fit.

A logbook entry may still be edited while its shift is open (the service keeps the old text as a
version); that edit re-seals the entry and the entries after it.  There is no secret key: the
chain shows a change made behind the console's back, it does not stop someone who recomputes it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.engine import Connection, Engine, RowMapping
from sqlalchemy.orm import Session

from db import anchor_file
from db.rows import AuditRow, LogbookEntryRow, LogbookVersionRow

log = logging.getLogger(__name__)

GENESIS = "0" * 64
_PENDING = "chain_pending"
_RESEAL = "chain_reseal"
_HEADS = "chain_heads"

# what each chain covers: every column a person's action sets, never one that a later step updates
FIELDS: dict[str, tuple[str, ...]] = {
    "audit_log": ("id", "at", "actor", "position", "action", "entity", "entity_id", "detail"),
    "logbook_entries": (
        "id",
        "shift_id",
        "kind",
        "created_at",
        "author",
        "category",
        "room_number",
        "text",
        "follow_up",
        "due_at",
        "assignee",
        "corrects_id",
    ),
    "logbook_versions": ("id", "entry_id", "version_no", "text", "replaced_at", "replaced_by"),
}
ROWS: dict[str, Any] = {
    "audit_log": AuditRow,
    "logbook_entries": LogbookEntryRow,
    "logbook_versions": LogbookVersionRow,
}
_LOCK_KEY = {"audit_log": 16_001, "logbook_entries": 16_002, "logbook_versions": 16_003}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def link_hash(table: str, previous: str, values: Mapping[str, Any] | RowMapping) -> str:
    content = json.dumps(
        [_plain(values[f]) for f in FIELDS[table]], ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(f"{previous}\n{content}".encode()).hexdigest()


def _values(row: Any, table: str) -> dict[str, Any]:
    return {f: getattr(row, f) for f in FIELDS[table]}


def seal(session: Session, row: Any) -> None:
    """Seal ``row`` (just added to the session) into its chain when the unit of work commits."""
    session.info.setdefault(_PENDING, []).append(row)


def reseal(session: Session, row: LogbookEntryRow) -> None:
    """The entry's text changed (an edit while its shift is open): re-seal it and the entries after it."""
    marks: dict[str, int] = session.info.setdefault(_RESEAL, {})
    if row.chain_seq is not None:
        marks["logbook_entries"] = min(marks.get("logbook_entries", row.chain_seq), row.chain_seq)


def _lock(session: Session, table: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy import text

        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY[table]})


def _last(session: Session, table: str) -> tuple[int, str]:
    cls = ROWS[table]
    found = session.execute(
        select(cls.chain_seq, cls.chain_hash)
        .where(cls.chain_seq.is_not(None))
        .order_by(cls.chain_seq.desc())
        .limit(1)
    ).first()
    return (int(found[0]), str(found[1])) if found is not None else (0, GENESIS)


@event.listens_for(Session, "before_commit")
def _seal_pending(session: Session) -> None:
    pending: list[Any] = session.info.pop(_PENDING, [])
    reseal_from: dict[str, int] = session.info.pop(_RESEAL, {})
    if not pending and not reseal_from:
        return
    session.flush()  # every row has its id; on SQLite the unit now holds the write lock
    tables = sorted({r.__tablename__ for r in pending} | set(reseal_from))
    heads: list[anchor_file.Head] = []
    for table in tables:
        _lock(session, table)
        if table in reseal_from:
            _reseal_from(session, table, reseal_from[table])
        seq, previous = _last(session, table)
        for row in sorted((r for r in pending if r.__tablename__ == table), key=lambda r: r.id):
            seq += 1
            previous = link_hash(table, previous, _values(row, table))
            row.chain_seq, row.chain_hash = seq, previous
        heads.append(anchor_file.Head(table, seq, previous))
    session.flush()
    if "logbook_entries" in tables:  # under the entries lock, which every edit takes too
        versions = _last(session, "logbook_versions")[0]
        heads = [h if h.table != "logbook_entries" else _with_versions(h, versions) for h in heads]
    session.info[_HEADS] = heads


def _with_versions(head: anchor_file.Head, versions: int) -> anchor_file.Head:
    return anchor_file.Head(head.table, head.seq, head.hash, versions)


@event.listens_for(Session, "after_commit")
def _anchor_heads(session: Session) -> None:
    """The heads just committed, appended to the position's anchor file (``db/anchor_file.py``)."""
    heads: list[anchor_file.Head] = session.info.pop(_HEADS, [])
    path: Path | None = session.info.get(anchor_file.SESSION_KEY)
    if not heads or path is None:
        return
    at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        anchor_file.append(path, (anchor_file.Head(h.table, h.seq, h.hash, h.versions, at) for h in heads))
    except OSError as exc:  # the commit stands; the anchor lags until the next one is written
        log.error("chain heads not anchored in %s: %s", path, exc)


@event.listens_for(Session, "after_rollback")
def _forget_heads(session: Session) -> None:
    session.info.pop(_HEADS, None)


def current_heads(session: Session) -> list[anchor_file.Head]:
    """Each chain's newest link now, for a record that leaves the database (a shift's closing, a printout)."""
    found = {table: _last(session, table) for table in FIELDS}
    versions = found["logbook_versions"][0]
    return [
        anchor_file.Head(t, seq, h, versions if t == "logbook_entries" else None)
        for t, (seq, h) in found.items()
        if seq > 0
    ]


def _reseal_from(session: Session, table: str, seq: int) -> None:
    cls = ROWS[table]
    before = session.execute(select(cls.chain_hash).where(cls.chain_seq == seq - 1)).scalar()
    previous = before if before is not None else GENESIS
    for row in session.scalars(select(cls).where(cls.chain_seq >= seq).order_by(cls.chain_seq)):
        previous = link_hash(table, previous, _values(row, table))
        row.chain_hash = previous


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first row of a chain that does not fit: changed, inserted or with a row before it deleted."""

    table: str
    row_id: int
    seq: int | None
    reason: str  # "changed", "missing before", "not sealed"

    def __str__(self) -> str:
        return f"{self.table} row {self.row_id} (place {self.seq}): {self.reason}"


def _walk(rows: Iterable[RowMapping], table: str) -> ChainBreak | None:
    previous, expected = GENESIS, 1
    for values in rows:
        seq = values["chain_seq"]
        if seq is None:
            return ChainBreak(table, int(values["id"]), None, "not sealed")
        if seq != expected:
            return ChainBreak(table, int(values["id"]), seq, "missing before")
        if link_hash(table, previous, values) != values["chain_hash"]:
            return ChainBreak(table, int(values["id"]), seq, "changed")
        previous, expected = values["chain_hash"], seq + 1
    return None


def verify_table(connection: Connection, table: str) -> ChainBreak | None:
    """The first row of ``table``'s chain that does not fit, or None."""
    cls = ROWS[table]
    columns = [cls.__table__.c[f] for f in (*FIELDS[table], "chain_seq", "chain_hash")]
    query = select(*columns).order_by(cls.chain_seq.is_(None), cls.chain_seq, cls.id)
    result = connection.execution_options(yield_per=2000).execute(query)
    return _walk((row._mapping for row in result), table)


def seal_existing(connection: Connection, table: str) -> None:
    """Seal rows written before the chains existed, in the order they were written (the migration)."""
    cls = ROWS[table]
    t = cls.__table__
    columns = [t.c[f] for f in FIELDS[table]]
    previous = GENESIS
    rows = list(connection.execute(select(*columns).order_by(t.c.id)).mappings())
    for seq, values in enumerate(rows, start=1):
        previous = link_hash(table, previous, values)
        connection.execute(
            t.update().where(t.c.id == values["id"]).values(chain_seq=seq, chain_hash=previous)
        )


def verify_log(engine: Engine) -> list[ChainBreak]:
    """Every chain checked; the first row that does not fit in each (``main.py --verify-log``)."""
    with engine.connect() as connection:
        found = [verify_table(connection, table) for table in FIELDS]
    return [b for b in found if b is not None]
