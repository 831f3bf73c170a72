"""The training PBX's calls to the operator number, shared by every training position on one database
(``switchboard.shared_calls.OperatorCalls``). The database decides every race: one lead (a conditional
UPDATE of its one row, or the INSERT whose primary key wins), one position taking a call (a
conditional UPDATE while ``taken_by`` is empty)."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from db.rows import PositionStateRow
from db.store import Store
from db.training_rows import TrainingCallRow, TrainingLeadRow
from switchboard.clock import Clock
from switchboard.pbx import CallKind
from switchboard.positions import PositionState
from switchboard.shared_calls import NIGHT_SERVICE, SharedCall

log = logging.getLogger(__name__)

LEAD = "callers"


def _call(row: TrainingCallRow) -> SharedCall | None:
    try:
        kind = CallKind(row.kind)
    except ValueError:
        log.warning("training call %s: unknown kind %r", row.id, row.kind)
        return None
    return SharedCall(
        row.call_key, row.caller, row.caller_name, kind, row.offered_at, row.recall_of, row.taken_by, row.id
    )


class SqlTrainingCalls:
    def __init__(self, store: Store, clock: Clock, position: str) -> None:
        self._store = store
        self._clock = clock
        self.position = position[:80]

    def lead(self, for_s: float) -> bool:
        now = self._clock.now()
        until = now + timedelta(seconds=for_s)
        with self._store.unit() as s:
            done = s.execute(
                update(TrainingLeadRow)
                .where(
                    TrainingLeadRow.name == LEAD,
                    or_(TrainingLeadRow.position == self.position, TrainingLeadRow.until < now),
                )
                .values(position=self.position, until=until)
            )
            if getattr(done, "rowcount", 0) == 1:
                return True
            if s.get(TrainingLeadRow, LEAD) is not None:
                return False
        try:  # nobody has led yet: the first INSERT wins the primary key
            with self._store.unit() as s:
                s.add(TrainingLeadRow(name=LEAD, position=self.position, until=until))
        except IntegrityError:
            return False
        return True

    def resign(self) -> None:
        with self._store.unit() as s:
            s.execute(
                update(TrainingLeadRow)
                .where(TrainingLeadRow.name == LEAD, TrainingLeadRow.position == self.position)
                .values(until=self._clock.now() - timedelta(seconds=1))
            )

    def ring(self, call: SharedCall) -> SharedCall | None:
        with self._store.unit() as s:
            signed_in = s.scalars(
                select(PositionStateRow.position)
                .where(PositionStateRow.state == PositionState.SIGNED_IN.value)
                .limit(1)
            ).first()
            row = TrainingCallRow(
                call_key=call.call_key[:64],
                caller=call.caller[:80],
                caller_name=call.caller_name[:120],
                kind=call.kind.value,
                recall_of=call.recall_of[:20],
                offered_at=call.offered_at,
                taken_by="" if signed_in is not None else NIGHT_SERVICE,
            )
            s.add(row)
            s.flush()  # the row's id: the operator number's order of its calls
            order = row.id
        return replace(call, order=order) if signed_in is not None else None

    def waiting(self, fresh_s: float, recall_s: float, after: int = 0) -> list[SharedCall]:
        now = self._clock.now()
        fresh, recall = now - timedelta(seconds=fresh_s), now - timedelta(seconds=recall_s)
        with self._store.unit() as s:
            rows = s.scalars(
                select(TrainingCallRow)
                .where(
                    TrainingCallRow.id > after,
                    TrainingCallRow.taken_by == "",
                    TrainingCallRow.offered_at >= min(fresh, recall),
                )
                .order_by(TrainingCallRow.offered_at, TrainingCallRow.id)
                .limit(200)
            ).all()
            found = [_call(r) for r in rows if r.offered_at >= (recall if r.recall_of else fresh)]
            return [c for c in found if c is not None]

    def night_service(self, fresh_s: float, after: int) -> list[SharedCall]:
        fresh = self._clock.now() - timedelta(seconds=fresh_s)
        with self._store.unit() as s:
            rows = s.scalars(
                select(TrainingCallRow)
                .where(
                    TrainingCallRow.id > after,
                    TrainingCallRow.taken_by == NIGHT_SERVICE,
                    TrainingCallRow.offered_at >= fresh,
                )
                .order_by(TrainingCallRow.id)
                .limit(50)
            ).all()
            found = [_call(r) for r in rows]
            return [c for c in found if c is not None]

    def take(self, call_key: str) -> str:
        with self._store.unit() as s:
            done = s.execute(
                update(TrainingCallRow)
                .where(TrainingCallRow.call_key == call_key[:64], TrainingCallRow.taken_by == "")
                .values(taken_by=self.position)
            )
            if getattr(done, "rowcount", 0) == 1:
                return ""
            by = s.scalars(
                select(TrainingCallRow.taken_by).where(TrainingCallRow.call_key == call_key[:64])
            ).first()
            return "" if by in (None, self.position) else by  # an unknown call is the local world's

    def taken(self, call_keys: Collection[str]) -> dict[str, str]:
        keys = [k[:64] for k in call_keys][:500]
        if not keys:
            return {}
        with self._store.unit() as s:
            rows = s.execute(
                select(TrainingCallRow.call_key, TrainingCallRow.taken_by).where(
                    TrainingCallRow.call_key.in_(keys),
                    TrainingCallRow.taken_by != "",
                    TrainingCallRow.taken_by != self.position,
                )
            ).all()
            return {key: by for key, by in rows}

    def tidy(self, older_than_s: float) -> None:
        before = self._clock.now() - timedelta(seconds=older_than_s)
        with self._store.unit() as s:
            s.execute(delete(TrainingCallRow).where(TrainingCallRow.offered_at < before))
