"""Which kept old texts stand for an edit the console made: the ones the audit trail records.

An anchored ``logbook_entries`` head that differs from today's link is recomputed with each entry's
text as it read then, taken from the ``logbook_versions`` rows kept by later edits
(``db/chain_anchor.py``).  A version row alone proves nothing: one appended by SQL to the end of its
chain (past the newest anchor, so held by that chain alone) would explain any change to an entry.
So a kept text counts only when the edit was one the console could have made and did record:

- a ``logbook.edit`` audit row names the entry and the version number, by the same user at the same
  moment, at a place where the audit chain holds (its walk, and its anchors: ``trusted_to``);
- the user is the entry's author, and the entry's shift was open then: inside its hours, before its
  ``closed_at``, and before the shift's closing audit row, in time and in the chain's order (an audit
  row appended later by SQL sits after the closing row, whatever time it carries).

What this cannot tell apart: someone with SQL who, in a shift still open, writes the version row and
the audit row the console would write, as the entry's author.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from db.rows import AuditRow, LogbookEntryRow, LogbookVersionRow, ShiftRow

_CLOSINGS = ("shift.close", "shift.close_at_end", "shift.close_last_out")  # db/shifts.py


def recorded_edits(connection: Connection, trusted_to: int) -> set[int]:
    """The ids of the version rows whose edit the audit trail (up to place ``trusted_to``) records."""
    v = LogbookVersionRow
    columns = (v.id, v.entry_id, v.version_no, v.replaced_at, v.replaced_by)
    kept = list(connection.execute(select(*columns).where(v.chain_seq.is_not(None))))
    if not kept:
        return set()
    entries = _entries(connection, {int(k.entry_id) for k in kept})
    shifts = _shifts(connection, {s for _, s in entries.values() if s is not None})
    closings = _closings(connection)
    edits = _edits(connection, trusted_to)
    vouched: set[int] = set()
    for k in kept:
        author, shift_id = entries.get(int(k.entry_id), ("", None))
        if k.replaced_by != author or shift_id is None or shift_id not in shifts:
            continue
        starts, ends, closed = shifts[shift_id]
        if not starts <= k.replaced_at < ends or (closed is not None and k.replaced_at >= closed):
            continue
        closing = closings.get(str(shift_id))
        for place, at in edits.get((str(k.entry_id), int(k.version_no), str(k.replaced_by)), []):
            if at == k.replaced_at and (closing is None or (place < closing[0] and at < closing[1])):
                vouched.add(int(k.id))
                break
    return vouched


def _entries(connection: Connection, ids: set[int]) -> dict[int, tuple[str, int | None]]:
    e = LogbookEntryRow
    rows = connection.execute(select(e.id, e.author, e.shift_id).where(e.id.in_(ids)))
    return {int(i): (str(a), int(s) if s is not None else None) for i, a, s in rows}


def _shifts(connection: Connection, ids: set[int]) -> dict[int, tuple[datetime, datetime, datetime | None]]:
    s = ShiftRow
    rows = connection.execute(select(s.id, s.starts_at, s.ends_at, s.closed_at).where(s.id.in_(ids)))
    return {int(i): (starts, ends, closed) for i, starts, ends, closed in rows}


def _closings(connection: Connection) -> dict[str, tuple[int, datetime]]:
    """Each shift's first closing audit row: (place, time); unsealed rows too (they only refuse)."""
    a = AuditRow
    query = select(a.entity_id, a.chain_seq, a.at).where(a.action.in_(_CLOSINGS), a.entity == "shift")
    first: dict[str, tuple[int, datetime]] = {}
    for shift_id, place, at in connection.execute(query):
        here = (int(place) if place is not None else 0, at)
        known = first.get(str(shift_id))
        first[str(shift_id)] = here if known is None else (min(known[0], here[0]), min(known[1], here[1]))
    return first


def _edits(connection: Connection, trusted_to: int) -> dict[tuple[str, int, str], list[tuple[int, datetime]]]:
    """The sealed ``logbook.edit`` rows up to ``trusted_to``: (entry, version, user) -> (place, time)."""
    a = AuditRow
    query = select(a.entity_id, a.detail, a.actor, a.chain_seq, a.at).where(
        a.action == "logbook.edit", a.entity == "logbook", a.chain_seq.is_not(None), a.chain_seq <= trusted_to
    )
    found: dict[tuple[str, int, str], list[tuple[int, datetime]]] = defaultdict(list)
    for entry_id, detail, actor, place, at in connection.execute(query):
        number = detail.get("version") if isinstance(detail, dict) else None
        if isinstance(number, int) and not isinstance(number, bool):
            found[(str(entry_id), number, str(actor))].append((int(place), at))
    return found
