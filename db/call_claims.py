"""Which position answers a call that rings on every position: the first to claim it.

The claim is one INSERT against a unique key, so two operators pressing F5 in the same millisecond
cannot both answer (a forking PBX would pass both answers to the caller). A database that cannot be
reached does not stop the call being answered: the claim then counts as won, and the PBX's CANCEL to
the other positions settles it as it would without the console.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from db.rows import CallClaimRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.errors import ConsoleError

log = logging.getLogger(__name__)

KEEP = timedelta(hours=1)


class SqlCallClaims:
    def __init__(self, store: Store, clock: Clock, position: str) -> None:
        self._store = store
        self._clock = clock
        self.position = position[:80]

    def claim(self, call_key: str) -> bool:
        """True when this position may answer the call (it is the first to ask, or nobody can tell)."""
        key = call_key[:200]
        if not key:
            return True
        try:
            with self._store.unit() as s:
                s.add(CallClaimRow(call_key=key, position=self.position, at=self._clock.now()))
        except IntegrityError:
            return False  # another position claimed it first
        except ConsoleError as exc:
            log.warning("call claim not recorded (answering anyway): %s", exc)
            return True
        return True

    def release(self, call_key: str) -> None:
        """The claimed call could not be answered here after all: another position may take it."""
        try:
            with self._store.unit() as s:
                s.execute(
                    delete(CallClaimRow).where(
                        CallClaimRow.call_key == call_key[:200], CallClaimRow.position == self.position
                    )
                )
        except ConsoleError as exc:
            log.warning("call claim not released: %s", exc)

    def purge(self) -> None:
        with self._store.unit() as s:
            s.execute(delete(CallClaimRow).where(CallClaimRow.at < self._clock.now() - KEEP))
