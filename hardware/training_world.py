"""The training PBX's side of the shared training world (switchboard/shared_calls.py): a round every
``EVERY_S`` in the PBX's pump renews or takes the lead (only the leading position invents callers) and
reads every call waiting on the shared operator number; between them a quick round every ``QUICK_S``
reads only what changed: the calls rung since the last one seen (by their order, the primary key) and
which of those offered here another position answered (by the unique call key), so an answered call
leaves every other queue within ``QUICK_S`` plus a pump's tick (issue 18: 200 ms), with two small
indexed reads and no write. A database away never stops the simulation: the position goes on alone
with its own calls (said once) until it is back."""

from __future__ import annotations

import logging
import time
from collections.abc import Collection

from switchboard.errors import DatabaseUnavailable
from switchboard.shared_calls import LEAD_S, NIGHT_SERVICE, OperatorCalls, SharedCall

log = logging.getLogger(__name__)

EVERY_S = 0.5
QUICK_S = 0.08  # with the PBX's 0.1 s tick: an answer elsewhere is seen here within ~0.1 s
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
        self._quick = 0.0
        self._last = 0  # the highest order of a call read here (the quick round reads those after it)
        self._night = 0  # the highest order of a call to night service told here
        self.night: list[SharedCall] = []  # calls another position rang that went to night service
        self._tidied = 0.0

    def round(self, here: Collection[str]) -> tuple[list[SharedCall], dict[str, str]]:
        """The calls to offer here now, and those of ``live`` another position took (key -> by); ``night``
        the calls rung elsewhere that went to night service since the last round."""
        now = time.monotonic()
        self.night = []
        if now < self._quick:
            return [], {}
        full = now >= self._due
        self._quick = now + QUICK_S
        self.live &= set(here)
        try:
            if full:
                self._due = now + EVERY_S
                self.leading = self.calls.lead(LEAD_S)
            read = self.calls.waiting(self._fresh_s, RECALL_WAIT_S, 0 if full else self._last)
            offers = [c for c in read if c.call_key not in self._seen]
            gone = self.calls.taken(self.live) if self.live else {}
            if full:
                nights = self.calls.night_service(self._fresh_s, self._night)
                self._night = max([self._night, *(c.order for c in nights)])
                self.night = [c for c in nights if c.call_key not in self._seen]
            if full and self.leading and now > self._tidied + 60:
                self._tidied = now
                self.calls.tidy(TIDY_S)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            self.leading = True  # alone, the position invents its own callers
            return [], {}
        self._back()
        for call in [*offers, *self.night]:
            self._seen.add(call.call_key)
        self._last = max([self._last, *(c.order for c in read)])
        if len(self._seen) > 10_000:  # keys already offered and long gone
            self._seen = {c.call_key for c in offers} | self.live
        self.live -= set(gone)
        return offers, gone

    def ring(self, call: SharedCall) -> SharedCall | None:
        """Ring the shared operator number with a call that starts here: the call in the operator
        number's order, to offer here; None: night service."""
        try:
            rung = self.calls.ring(call)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return call  # offered here alone
        self._back()
        self._seen.add(call.call_key)
        if rung is not None:
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
        return "all positions" if rung is not None else NIGHT_SERVICE

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
