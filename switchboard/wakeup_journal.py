"""The dialler's own journal of the wake-ups due in the coming hours, free of I/O.

The database is one server on the hotel network; a wake-up call is not allowed to depend on it.
The dialler keeps a copy of the calls due soon (refreshed from the book every minute) and writes
every step it takes (claim, result, manual list) into this journal before acting on it. While the
book is away it dials from the journal by the same rules (`after_attempt`); when the book returns,
each call the journal changed (`dirty`) is told to the book once and then marked settled.

Every step is an event (a small dict) applied by `Journal.apply`, so the file layer can append the
events and replay them after a crash; events and snapshots are validated as hostile input."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Protocol

from switchboard.wakeup_journal_calls import (
    JournalAttempt,
    JournalCall,
    JournalDamaged,
    call_from_dict,
    count_of,
    iso,
    key_of,
    local_id,
    maybe_time_of,
    result_of,
    status_of,
    text_of,
    time_of,
    when_due,
)
from switchboard.wakeup_plan import (
    CallResult,
    DiallingRules,
    DialOrder,
    NextStep,
    WakeUpDialling,
    after_attempt,
)
from switchboard.wakeup_status import WakeUpStatus

HORIZON = timedelta(hours=12)  # how far ahead the journal holds the book's calls
REFRESH_EVERY = 10.0  # seconds between copies of the book while it is reachable: a call booked
# by phone at the front desk a quarter of a minute before an outage must already be in the copy
Event = dict[str, object]
DUE = frozenset({WakeUpStatus.BOOKED, WakeUpStatus.RETRY_WAIT})
FINAL = frozenset({WakeUpStatus.CONFIRMED, WakeUpStatus.ESCALATED, WakeUpStatus.MANUAL})


class OnlineBook(WakeUpDialling, Protocol):
    """The book as the journalled dialler needs it; every method raises `BookAway` when unreachable."""

    def ping(self) -> None: ...

    def upcoming(self, until: datetime) -> list[JournalCall]:
        """Open calls due up to ``until``, retries waiting and calls being dialled."""
        ...

    def reconcile(self, call: JournalCall) -> None:
        """Tell the book what the journal did to ``call`` while it was away; safe to repeat."""
        ...


class Journal:
    def __init__(self, rules: DiallingRules, calls: Iterable[JournalCall] = ()) -> None:
        self.rules = rules
        self.calls: dict[str, JournalCall] = {c.key: c for c in calls}

    # --- decisions: each returns the event it applied ----------------------------------------
    def claim_next(self, now: datetime, line: str) -> tuple[DialOrder, Event] | None:
        """The earliest due call, claimed from the journal alone (the book is away)."""
        due = [c for c in self.calls.values() if c.status in DUE and when_due(c) <= now]
        if not due:
            return None
        call = min(due, key=lambda c: (when_due(c), c.room))
        event: Event = {"e": "claim", "k": call.key, "n": call.attempts + 1, "at": iso(now), "line": line}
        self.apply({**event, "off": 1})
        return self.order(call), {**event, "off": 1}

    def claimed(self, order: DialOrder, line: str) -> Event:
        """The book claimed ``order``: the journal follows, so it never dials the same attempt again."""
        event: Event = {
            "e": "claim",
            "k": key_of(order.wakeup_id),
            "n": order.attempt_no,
            "at": iso(order.started_at),
            "line": line,
            "off": 0,
            "call": {
                "key": key_of(order.wakeup_id),
                "id": order.wakeup_id,
                "room": order.room,
                "ext": order.extension,
                "lang": order.language,
                "due": iso(order.due_at),
                "status": WakeUpStatus.BOOKED.value,
                "attempts": order.attempt_no - 1,
            },
        }
        self.apply(event)
        return event

    def finished(
        self, order: DialOrder, result: CallResult, detail: str, now: datetime, step: NextStep | None = None
    ) -> tuple[NextStep, Event]:
        """The result of ``order``; ``step`` is the book's decision, None when the journal decides alone."""
        offline = step is None
        if step is None:
            step = after_attempt(self.rules, order.attempt_no, order.started_at, result, now)
        key = self.key_for(order)
        event: Event = {
            "e": "end",
            "k": key,
            "n": order.attempt_no,
            "at": iso(now),
            "r": result.value,
            "d": detail[:400],
            "s": step.status.value,
            "next": iso(step.next_attempt_at),
            "snooze": iso(step.snooze_until) if offline else None,
            "off": int(offline),
        }
        self.apply(event)
        return step, event

    def interrupted(self, now: datetime) -> list[Event]:
        """After a restart: every call the journal left dialling ended unknown, decided as interrupted."""
        events: list[Event] = []
        for call in [c for c in self.calls.values() if c.in_flight]:
            attempt = next((a for a in call.tried if a.attempt_no == call.attempts), None)
            started = attempt.started_at if attempt is not None else now
            order = self.order(call, started)
            _step, event = self.finished(
                order, CallResult.INTERRUPTED, "the dialler stopped during the call", now
            )
            events.append(event)
        return events

    def to_manual(self, now: datetime, reason: str, *, told: bool = False) -> list[Event]:
        """Due calls go to the operators' manual list (the PBX is away); ``told``: the book did it too."""
        events: list[Event] = []
        for call in [c for c in self.calls.values() if c.status in DUE and when_due(c) <= now]:
            event: Event = {
                "e": "manual",
                "k": call.key,
                "at": iso(now),
                "why": reason[:40],
                "off": int(not told),
            }
            self.apply(event)
            events.append(event)
        return events

    def settled(self, call: JournalCall) -> Event:
        event: Event = {"e": "settled", "k": call.key}
        self.apply(event)
        return event

    def refreshed(self, calls: Iterable[JournalCall]) -> None:
        """A fresh copy of the book; calls still holding untold steps or ringing now are kept as they are."""
        kept = {k: c for k, c in self.calls.items() if c.dirty or c.in_flight}
        self.calls = {c.key: c for c in calls}
        self.calls.update(kept)

    # --- what the dialler and the book read ----------------------------------------------------
    def pending(self) -> list[JournalCall]:
        """Calls with steps the book has not heard of: the book's own calls first, then new snoozes."""
        # a new snooze ringing now is told when its result is in: the book has no row to finish it on
        dirty = [c for c in self.calls.values() if c.dirty and not (c.wakeup_id is None and c.in_flight)]
        return sorted(dirty, key=lambda c: (c.wakeup_id is None, when_due(c), c.key))

    def needing_a_person(self) -> list[JournalCall]:
        return sorted(
            (
                c
                for c in self.calls.values()
                if c.dirty and c.status in {WakeUpStatus.ESCALATED, WakeUpStatus.MANUAL}
            ),
            key=lambda c: (when_due(c), c.room),
        )

    def key_for(self, order: DialOrder) -> str:
        if order.wakeup_id > 0:
            return key_of(order.wakeup_id)
        for key, call in self.calls.items():
            if call.wakeup_id is None and local_id(key) == -order.wakeup_id:
                return key
        raise JournalDamaged(f"no snooze {-order.wakeup_id} in the journal")

    def order(self, call: JournalCall, started: datetime | None = None) -> DialOrder:
        attempt = next((a for a in call.tried if a.attempt_no == call.attempts), None)
        return DialOrder(
            call.wakeup_id if call.wakeup_id is not None else -local_id(call.key),
            call.attempts,
            call.room,
            call.extension,
            call.language,
            call.due_at,
            started or (attempt.started_at if attempt is not None else call.due_at),
        )

    # --- events --------------------------------------------------------------------------------
    def apply(self, event: Mapping[str, object]) -> None:
        kind = event.get("e")
        key = text_of(event, "k", 80)
        if kind == "claim" and "call" in event:
            raw = event["call"]
            if not isinstance(raw, Mapping):
                raise JournalDamaged("claim: call is not an object")
            if key not in self.calls:
                self.calls[key] = call_from_dict(raw)
        call = self.calls.get(key)
        if call is None:
            raise JournalDamaged(f"{kind}: no call {key!r} in the journal")
        offline = bool(event.get("off", 1))
        if kind == "claim":
            call.attempts = count_of(event, "n")
            call.status = WakeUpStatus.DIALLING
            call.tried.append(JournalAttempt(call.attempts, time_of(event, "at"), text_of(event, "line", 40)))
            call.dirty = call.dirty or offline
        elif kind == "end":
            number = count_of(event, "n")
            attempt = next((a for a in call.tried if a.attempt_no == number), None)
            if attempt is None:
                raise JournalDamaged(f"end: no attempt {number} for {key!r}")
            attempt.ended_at, attempt.result = time_of(event, "at"), result_of(event)
            attempt.detail = text_of(event, "d", 400)
            call.status, call.next_attempt_at = status_of(event, "s"), maybe_time_of(event, "next")
            call.outcome = attempt.result
            call.dirty = call.dirty or offline
            snooze = maybe_time_of(event, "snooze")
            if snooze is not None:
                self._snooze(call, snooze)
        elif kind == "manual":
            call.status, call.outcome = WakeUpStatus.MANUAL, text_of(event, "why", 40)
            call.dirty = call.dirty or offline
        elif kind == "settled":
            call.dirty = False
            if call.wakeup_id is None or call.status in FINAL:
                del self.calls[key]  # the book has it now; the next copy brings it back if still open
        else:
            raise JournalDamaged(f"unknown event {kind!r}")

    def _snooze(self, call: JournalCall, due: datetime) -> None:
        local = 1 + max((local_id(k) for k in self.calls), default=0)
        self.calls[f"s{local}"] = JournalCall(
            key=f"s{local}",
            wakeup_id=None,
            room=call.room,
            extension=call.extension,
            language=call.language,
            due_at=due,
            status=WakeUpStatus.BOOKED,
            attempts=0,
            parent_id=call.wakeup_id if call.wakeup_id is not None else call.parent_id,
            dirty=True,
        )
