"""What the roll-call board reads every second: a stamp of the latest roll-call, so the page reads
its rooms again only when something moved.

The stamp is one row of the roll-call and, per answer, how many rooms, their attempts and their
latest call: a claim raises the attempts, a result moves a room from calling to its answer, so any
change between two reads changes the stamp. Both queries stay on the roll-call's index.
"""

from __future__ import annotations

from sqlalchemy import func, select

from db.rows import RollCallRoomRow, RollCallRow
from db.store import Store

Stamp = tuple[object, ...]


class SqlRollCallBoard:
    def __init__(self, store: Store) -> None:
        self._store = store

    def stamp(self) -> Stamp:
        """Changes whenever the latest roll-call or one of its rooms changes; () when there is none."""
        with self._store.read() as s:
            call = s.execute(
                select(RollCallRow.id, RollCallRow.running, RollCallRow.stopped_at)
                .order_by(RollCallRow.id.desc())
                .limit(1)
            ).first()
            if call is None:
                return ()
            parts = s.execute(
                select(
                    RollCallRoomRow.answer,
                    func.count(),
                    func.sum(RollCallRoomRow.attempts),
                    func.max(RollCallRoomRow.last_at),
                )
                .where(RollCallRoomRow.roll_call_id == call.id)
                .group_by(RollCallRoomRow.answer)
                .order_by(RollCallRoomRow.answer)
            ).all()
            return (tuple(call), *(tuple(p) for p in parts))
