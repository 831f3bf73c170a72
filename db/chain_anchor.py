"""The hash chains checked against the heads anchored outside the database (``db/anchor_file.py``).

``verify`` in ``db/chain.py`` finds a row changed, deleted or slipped in before the newest link;
this finds what that cannot: a chain that ends before a head a position saw (its newest rows
deleted, or the table emptied) is ``MISSING``, and a chain whose link at an anchored place is not
the anchored hash (rows re-hashed after a change) is ``ALTERED``.

An edit while the shift is open re-seals the logbook entries after the edited one, so an entries
head may differ from today's link for a good reason.  The head then is recomputed from the
entries as they read when it was written: each entry's text is the one kept by its first edit
after the head (``logbook_versions`` past the head's ``versions`` place).  Only an edit whose old
text is kept, and which the audit trail records as one the console could make (``db/chain_edits.py``:
a ``logbook.edit`` row where the audit chain holds, by the author, while the shift was open),
explains a difference; a row changed by SQL, or a version row slipped in to explain it, does not.

A head counts only with a well-formed hash (``anchor_file.hash_problem``): a head whose hash is empty
or cut short holds nothing and anchors nothing.

Every head is compared where it is cheap (one look-up); the recomputation, which reads the
chain, runs for the newest head of each anchor and a bisection when that one fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from db.anchor_file import SHORTEST, Head, hash_problem, parse_token
from db.chain import FIELDS, GENESIS, ROWS, link_hash, verify_table
from db.chain_edits import recorded_edits
from db.rows import AuditRow, LogbookVersionRow


@dataclass(frozen=True, slots=True)
class AnchorFinding:
    """A chain that does not reach, or does not match, a head anchored outside the database."""

    kind: str  # "MISSING" or "ALTERED"
    table: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far a chain is anchored: its newest anchored place against its end."""

    table: str
    anchored: int  # 0: no head of it anywhere
    end: int
    newest: Head | None


@dataclass(slots=True)
class AnchorReport:
    findings: list[AnchorFinding] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)


class _Chain:
    """One table's links (place -> row id, hash), read once."""

    def __init__(self, connection: Connection, table: str, edits: Callable[[], set[int]] = set) -> None:
        cls = ROWS[table]
        self.connection, self.table = connection, table
        self._edits = edits  # logbook_entries: the version rows the audit trail records (asked once)
        self._recorded: set[int] | None = None
        query = select(cls.chain_seq, cls.id, cls.chain_hash).where(cls.chain_seq.is_not(None))
        self.links = {int(s): (int(i), str(h)) for s, i, h in connection.execute(query)}
        self.end = max(self.links, default=0)
        self._then: dict[int, dict[int, str]] = {}  # versions place -> entries' hashes as of then

    def holds(self, head: Head) -> bool:
        found = self.links.get(head.seq)
        if found is None:
            return False
        if found[1].startswith(head.hash):
            return True
        if self.table != "logbook_entries" or head.versions is None:
            return False
        then = self._as_of(head.versions, head.seq)
        return then.get(head.seq, "").startswith(head.hash)

    def _as_of(self, versions: int, upto: int) -> dict[int, str]:
        """The entries chain recomputed with every text as it read at versions place ``versions``."""
        known = self._then.get(versions)
        if known is not None and max(known, default=0) >= upto:
            return known
        if self._recorded is None:
            self._recorded = self._edits()
        v = LogbookVersionRow
        earlier: dict[int, str] = {}
        kept = select(v.id, v.entry_id, v.text).where(v.chain_seq > versions).order_by(v.chain_seq.desc())
        for version_id, entry_id, text in self.connection.execute(kept):
            if int(version_id) in self._recorded:  # a kept text no recorded edit made explains nothing
                earlier[int(entry_id)] = str(text)  # the lowest place, the first edit after the head, wins
        cls = ROWS[self.table]
        columns = [cls.__table__.c[f] for f in (*FIELDS[self.table], "chain_seq")]
        rows = select(*columns).where(cls.chain_seq.is_not(None)).order_by(cls.chain_seq)
        previous, hashes = GENESIS, {}
        for values in self.connection.execution_options(yield_per=2000).execute(rows).mappings():
            now = dict(values)
            if now["id"] in earlier:
                now["text"] = earlier[now["id"]]
            previous = link_hash(self.table, previous, now)
            hashes[int(now["chain_seq"])] = previous
        self._then = {versions: hashes}  # one view kept: a bisection asks for the same one again
        return hashes

    def row_at(self, seq: int) -> int | None:
        found = self.links.get(seq)
        return found[0] if found is not None else None


def _when(head: Head) -> str:
    where = head.source or "an anchor"
    return f"{where} ({head.at})" if head.at else where


def _link(chain: _Chain, seq: int) -> str:
    """The hash at place ``seq``; empty where the place holds no row (no head of a whole hash fits it)."""
    return chain.links.get(seq, (0, ""))[1]


def _first_failing(chain: _Chain, heads: list[Head]) -> Head | None:
    """The lowest-placed head the chain does not hold; the newest is checked first, then bisected."""
    cheap = [h for h in heads if not _link(chain, h.seq).startswith(h.hash)]
    if not cheap:
        return None
    if chain.table != "logbook_entries":
        return cheap[0]
    if chain.holds(cheap[-1]):
        return None
    low, high = 0, len(cheap) - 1  # cheap[high] fails; find the first that does
    while low < high:
        middle = (low + high) // 2
        if chain.holds(cheap[middle]):
            low = middle + 1
        else:
            high = middle
    return cheap[low]


def check_anchors(engine: Engine, heads: Iterable[Head]) -> AnchorReport:
    """Each chain against every head given (from anchor files, a printout, the closing records).

    The coverage counts only heads from outside the database: the closing records' heads are
    checked too, but someone with SQL could have cut them back with the chain.  A head without a
    well-formed hash is left out: it holds nothing."""
    by_table: dict[str, list[Head]] = {t: [] for t in FIELDS}
    for head in heads:
        if head.table in by_table and head.seq >= 1 and hash_problem(head.hash, SHORTEST) is None:
            by_table[head.table].append(head)
    report = AnchorReport()
    with engine.connect() as connection:
        audit = _Chain(connection, "audit_log")
        audit_failing = _check(audit, by_table, report)
        trusted = _audit_trusted(audit, by_table["audit_log"], audit_failing)
        for table in ("logbook_entries", "logbook_versions"):
            edits = (lambda: recorded_edits(connection, trusted())) if table == "logbook_entries" else set
            _check(_Chain(connection, table, edits), by_table, report)
    return report


def _check(chain: _Chain, by_table: dict[str, list[Head]], report: AnchorReport) -> Head | None:
    """The chain's coverage and findings added to ``report``; the lowest head it does not hold."""
    table = chain.table
    anchored = by_table[table]
    reach = anchored + (_versions_reached(by_table["logbook_entries"]) if table == "logbook_versions" else [])
    newest = max(reach, key=_place, default=None)
    outside = max((h for h in reach if h.source != CLOSINGS), key=_place, default=None)
    report.coverage.append(Coverage(table, outside.seq if outside else 0, chain.end, outside))
    if newest is not None and newest.seq > chain.end:
        report.findings.append(
            AnchorFinding(
                "MISSING",
                table,
                f"{table} from place {chain.end + 1} on: the chain ends at place {chain.end}, "
                f"but {_when(newest)} saw it reach place {newest.seq}",
            )
        )
    failing: list[Head] = []
    for source in sorted({h.source for h in anchored}):
        mine = sorted((h for h in anchored if h.source == source and h.seq <= chain.end), key=_place)
        found = _first_failing(chain, mine)
        if found is not None:
            failing.append(found)
    if not failing:
        return None
    first = min(failing, key=_place)
    row = chain.row_at(first.seq)
    where = f"row {row} (place {first.seq})" if row is not None else f"place {first.seq} (no row)"
    report.findings.append(
        AnchorFinding(
            "ALTERED",
            table,
            f"{table} {where}: not the link {_when(first)} saw there: a row up to this place "
            "was changed, deleted or slipped in and the chain computed anew",
        )
    )
    return first


def _audit_trusted(chain: _Chain, heads: list[Head], failing: Head | None) -> Callable[[], int]:
    """How far the audit chain vouches for an edit: up to its first break, and, when an anchor
    fails, up to the newest head below that one which it holds (asked only when an edit matters)."""

    def upto() -> int:
        found = verify_table(chain.connection, "audit_log")
        end = chain.end if found is None or found.seq is None else found.seq - 1
        if failing is not None:
            held = (h.seq for h in heads if h.seq < failing.seq and _link(chain, h.seq).startswith(h.hash))
            end = min(end, max(held, default=0))
        return end

    return upto


CLOSINGS = "the shift closing records"


def heads_in_trail(engine: Engine) -> list[Head]:
    """The heads each shift's closing audit row carries (``db/shifts.py``): an anchor inside the trail,
    which shows the logbook cut back without the audit trail, and is what the console log repeats."""
    heads: list[Head] = []
    query = select(AuditRow.detail, AuditRow.at).where(AuditRow.action.like("shift.close%"))
    with engine.connect() as connection:
        for detail, at in connection.execute(query):
            words = detail.get("heads", "") if isinstance(detail, dict) else ""
            for word in str(words).split():
                try:
                    head = parse_token(str(word), source=CLOSINGS)
                except ValueError:
                    continue  # a changed row: the audit chain names it
                heads.append(Head(head.table, head.seq, head.hash, head.versions, str(at), CLOSINGS))
    return heads


def _place(head: Head) -> int:
    return head.seq


def _versions_reached(entries: list[Head]) -> list[Head]:
    """How far the versions chain had come by each entries head: a place, without its hash."""
    return [Head("logbook_versions", h.versions, "", at=h.at, source=h.source) for h in entries if h.versions]
