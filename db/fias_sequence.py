"""The PMS link's posting numbers (FIAS P#), kept in the database so they go on after a restart.

The specification wants P# from 1 to 99999999, each after the last; a PMS that sees a
number again may take a new charge for a repeat. One row holds the last number taken;
taking the next is one UPDATE in its own transaction, so two console processes never
get the same number.
"""

from __future__ import annotations

from sqlalchemy import select, update

from db.rows import FiasSequenceRow
from db.store import Store

LAST_NUMBER = 99_999_999
POSTING = "posting"


class SqlPostingNumbers:
    """``switchboard.fias.postings.PostingNumbers`` over the database."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def take(self) -> int:
        with self._store.unit() as s:
            row = FiasSequenceRow.__table__.c
            bumped = s.execute(
                update(FiasSequenceRow).where(row.name == POSTING).values(value=row.value % LAST_NUMBER + 1)
            )
            if bumped.rowcount == 0:  # type: ignore[attr-defined]
                s.add(FiasSequenceRow(name=POSTING, value=1))
                return 1
            value = s.scalar(select(FiasSequenceRow.value).where(FiasSequenceRow.name == POSTING))
            assert value is not None
            return int(value)

    def last(self) -> int:
        with self._store.read() as s:
            return int(s.scalar(select(FiasSequenceRow.value).where(FiasSequenceRow.name == POSTING)) or 0)
