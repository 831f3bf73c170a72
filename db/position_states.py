"""Where each operator position stands (signed in, on break, signed out), shared through the database
so every position shows who is on break. A position writes only its own row."""

from __future__ import annotations

import logging

from sqlalchemy import select

from db.rows import PositionStateRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.positions import PositionState, PositionStatus

log = logging.getLogger(__name__)


class SqlPositionStates:
    def __init__(self, store: Store, clock: Clock, position: str) -> None:
        self._store = store
        self._clock = clock
        self.position = position[:80]

    def set(self, state: PositionState, operator: str) -> None:
        with self._store.unit() as s:
            row = s.get(PositionStateRow, self.position)
            if row is None:
                s.add(
                    PositionStateRow(
                        position=self.position,
                        state=state.value,
                        operator=operator[:80],
                        since=self._clock.now(),
                    )
                )
            else:
                row.state, row.operator, row.since = state.value, operator[:80], self._clock.now()

    def all(self) -> list[PositionStatus]:
        with self._store.unit() as s:
            rows = s.scalars(select(PositionStateRow).order_by(PositionStateRow.position)).all()
            found = []
            for row in rows:
                try:
                    state = PositionState(row.state)
                except ValueError:
                    log.warning("position %s: unknown state %r", row.position, row.state)
                    continue
                found.append(PositionStatus(row.position, state, row.operator, row.since))
            return found

    def state_of(self, position: str) -> PositionState:
        """A position never seen counts as signed out."""
        return next((s.state for s in self.all() if s.position == position), PositionState.SIGNED_OUT)
