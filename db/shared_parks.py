"""The park area shared by every position: calls parked or camped at any position, and who picks one
up. The database decides between two positions taking the same slot (unique slot) or picking the same
call (a conditional UPDATE); each position writes and removes only its own calls."""

from __future__ import annotations

import logging

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from db.rows import SharedParkRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.positions import AsideKind, SharedPark

log = logging.getLogger(__name__)


def _park(row: SharedParkRow) -> SharedPark | None:
    try:
        kind = AsideKind(row.kind)
    except ValueError:
        log.warning("shared park %s: unknown kind %r", row.id, row.kind)
        return None
    return SharedPark(
        row.call_key,
        kind,
        row.slot or row.target,
        row.position,
        row.caller,
        row.caller_name,
        row.since,
        row.picked_by,
        row.picked_contact,
    )


class SqlSharedParks:
    def __init__(self, store: Store, clock: Clock, position: str) -> None:
        self._store = store
        self._clock = clock
        self.position = position[:80]

    def put(self, park: SharedPark) -> bool:
        """Publish a call this position holds aside; False if its park slot is another position's."""
        row = SharedParkRow(
            call_key=park.call_key[:200],
            kind=park.kind.value,
            slot=park.where[:20] if park.kind is AsideKind.PARK else None,
            target=park.where[:20] if park.kind is AsideKind.CAMP else "",
            position=self.position,
            caller=park.caller[:80],
            caller_name=park.caller_name[:120],
            since=self._clock.now(),
            picked_by="",
            picked_contact="",
        )
        try:
            with self._store.unit() as s:
                s.execute(
                    delete(SharedParkRow).where(
                        SharedParkRow.call_key == row.call_key, SharedParkRow.position == self.position
                    )
                )
                s.add(row)
        except IntegrityError:
            return False
        return True

    def remove(self, call_key: str) -> None:
        with self._store.unit() as s:
            s.execute(
                delete(SharedParkRow).where(
                    SharedParkRow.call_key == call_key[:200], SharedParkRow.position == self.position
                )
            )

    def all(self) -> list[SharedPark]:
        with self._store.unit() as s:
            rows = s.scalars(select(SharedParkRow).order_by(SharedParkRow.since, SharedParkRow.id)).all()
            return [p for p in (_park(r) for r in rows) if p is not None]

    def pick(self, call_key: str, contact: str) -> SharedPark | None:
        """Take another position's call for this one; None if it is gone or someone else was first."""
        with self._store.unit() as s:
            done = s.execute(
                update(SharedParkRow)
                .where(
                    SharedParkRow.call_key == call_key[:200],
                    SharedParkRow.picked_by == "",
                    SharedParkRow.position != self.position,
                )
                .values(picked_by=self.position, picked_contact=contact[:200])
            )
            if getattr(done, "rowcount", 0) != 1:
                return None
            row = s.scalars(select(SharedParkRow).where(SharedParkRow.call_key == call_key[:200])).first()
            return _park(row) if row is not None else None

    def handovers(self) -> list[SharedPark]:
        """This position's calls that another position has picked up: to be handed over."""
        with self._store.unit() as s:
            rows = s.scalars(
                select(SharedParkRow).where(
                    SharedParkRow.position == self.position, SharedParkRow.picked_by != ""
                )
            ).all()
            return [p for p in (_park(r) for r in rows) if p is not None]
