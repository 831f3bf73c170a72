"""The training PBX's side of the shared training world (switchboard/shared_calls.py): a round every
``EVERY_S`` in the PBX's pump renews or takes the lead (only the leading position invents callers), finds
the calls rung on the shared operator number that this position has not offered yet, and those offered
here that another position answered meanwhile. A database away never stops the simulation: the
position goes on alone with its own calls (said once) until it is back."""

from __future__ import annotations

import logging
import time
from collections.abc import Collection

from switchboard.errors import DatabaseUnavailable
from switchboard.shared_calls import LEAD_S, NIGHT_SERVICE, OperatorCalls, SharedCall

log = logging.getLogger(__name__)

EVERY_S = 0.5
RECALL_WAIT_S = 600.0  # how long a call handed back to all positions waits for one of them
TIDY_S = 3600.0  # calls older than this leave the table (the lead tidies)


class TrainingWorld:
    def __init__(self, calls: OperatorCalls, fresh_s: float) -> None:
        self.calls = calls
        self.leading = False
        self.away = False  # the database was away at the last try (said once)
        self.live: set[str] = set()  # shared calls offered here and not yet answered or gone
        self._fresh_s = fresh_s  # a waiting caller hangs up after this long: older calls are not offered
        self._seen: set[str] = set()
        self._due = 0.0
        self._tidied = 0.0

    def round(self, here: Collection[str]) -> tuple[list[SharedCall], dict[str, str]]:
        """The calls to offer here now, and those of ``live`` another position took (key -> by)."""
        now = time.monotonic()
        if now < self._due:
            return [], {}
        self._due = now + EVERY_S
        self.live &= set(here)
        try:
            self.leading = self.calls.lead(LEAD_S)
            offers = [
                c for c in self.calls.waiting(self._fresh_s, RECALL_WAIT_S) if c.call_key not in self._seen
            ]
            gone = self.calls.taken(self.live)
            if self.leading and now > self._tidied + 60:
                self._tidied = now
                self.calls.tidy(TIDY_S)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            self.leading = True  # alone, the position invents its own callers
            return [], {}
        self._back()
        for call in offers:
            self._seen.add(call.call_key)
        if len(self._seen) > 10_000:  # keys already offered and long gone
            self._seen = {c.call_key for c in offers} | self.live
        self.live -= set(gone)
        return offers, gone

    def ring(self, call: SharedCall) -> bool:
        """Ring the shared operator number with a call that starts here; False: night service."""
        try:
            rung = self.calls.ring(call)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return True  # offered here alone
        self._back()
        self._seen.add(call.call_key)
        if rung:
            self.live.add(call.call_key)
        return rung

    def hand_back(self, call: SharedCall) -> str:
        """A call aside here goes to every position (this one too: it is not seen here yet): "all
        positions", or "night service" with none signed in; "" if the database is away (kept here)."""
        try:
            rung = self.calls.ring(call)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return ""
        return "all positions" if rung else NIGHT_SERVICE

    def take(self, call_key: str) -> str:
        """Answer a shared call here: "" if it is this position's now, else who took it first."""
        if call_key not in self.live:
            return ""
        self.live.discard(call_key)
        try:
            return self.calls.take(call_key)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return ""

    def resign(self) -> None:
        try:
            self.calls.resign()
        except DatabaseUnavailable as exc:
            log.info("training: the lead not given up: %s", exc)

    def _lost(self, exc: DatabaseUnavailable) -> None:
        if not self.away:
            log.warning("training PBX: shared calls not read, going on alone: %s", exc)
        self.away = True

    def _back(self) -> None:
        if self.away:
            log.warning("training PBX: shared calls read again")
        self.away = False
