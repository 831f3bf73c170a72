"""What other positions changed: the console polls the ``changes`` table (every
unit of work that changes shared data writes a row there), so two consoles on
one database see each other's work within a second, on PostgreSQL and SQLite alike."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from db.rows import ChangeRow
from db.store import Store


@dataclass(frozen=True, slots=True)
class Changes:
    last_id: int
    topics: frozenset[str]
    keys: tuple[tuple[str, str], ...]


class SqlChangeFeed:
    def __init__(self, store: Store, position: str) -> None:
        self._store = store
        self._position = position
        with store.read() as s:
            self.last_id = int(s.scalar(select(func.max(ChangeRow.id))) or 0)

    def poll(self) -> Changes:
        """Changes made by other positions since the last poll."""
        with self._store.read() as s:
            rows = s.execute(
                select(ChangeRow.id, ChangeRow.topic, ChangeRow.key, ChangeRow.position)
                .where(ChangeRow.id > self.last_id)
                .order_by(ChangeRow.id)
            ).all()
        if rows:
            self.last_id = rows[-1].id
        theirs = [r for r in rows if r.position != self._position]
        return Changes(
            self.last_id, frozenset(r.topic for r in theirs), tuple((r.topic, r.key) for r in theirs)
        )
