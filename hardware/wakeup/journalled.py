"""The book the dialler works: the database while it answers, the local journal while it does not.

Every step the database takes (claim, result, manual list) is followed in the journal, so the
journal always knows which attempt was placed last. When a database call fails the dialler goes on
from the journal at once, by the same rules; a thread asks the database every few seconds whether it
is back, and the dialler's own thread then tells it every step taken meanwhile (each call once,
marked settled in the journal after its transaction), takes a fresh copy and goes on with the database.
An escalation while the database is away is logged loudly and listed in the data folder's
``wakeup-calls-for-a-person.txt``; the consoles see it as an escalated call once the database is back."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from hardware.wakeup.journal_file import JournalFile
from hardware.wakeup.person_list import TEXT, write_person_list
from switchboard.errors import ConflictError
from switchboard.wakeup_journal import HORIZON, REFRESH_EVERY, OnlineBook
from switchboard.wakeup_journal_calls import BookAway, JournalDamaged
from switchboard.wakeup_plan import CallResult, DialOrder, NextStep
from switchboard.wakeup_status import WakeUpStatus

log = logging.getLogger(__name__)


class JournalledBook:
    PROBE_EVERY = 2.0

    def __init__(self, online: OnlineBook, store: JournalFile, now: Callable[[], datetime]) -> None:
        self._online = online
        self._file = store
        self._journal = store.journal
        self._now = now
        self.away = False
        self.away_since: datetime | None = None
        self._back = threading.Event()
        self._closed = threading.Event()
        self._probe: threading.Thread | None = None
        self._next_refresh = 0.0
        self.reconciled = 0

    # --- the database comes and goes -------------------------------------------------------------
    def _went_away(self, exc: BaseException) -> None:
        if not self.away:
            self.away, self.away_since = True, self._now()
            log.error(
                "the database cannot be reached (%s): wake-ups are dialled from the journal (%d calls held)",
                exc,
                len(self._journal.calls),
            )
        if self._probe is None or not self._probe.is_alive():
            self._back.clear()
            self._probe = threading.Thread(target=self._ask, name="database-probe", daemon=True)
            self._probe.start()

    def _ask(self) -> None:
        while not self._closed.is_set():
            try:
                self._online.ping()
                self._back.set()
                return
            except BookAway:
                pass
            except Exception:  # the probe must outlive any surprise; it is asked again
                log.exception("asking the database whether it is back failed")
            self._closed.wait(self.PROBE_EVERY)

    def _tick(self) -> None:
        if self.away and self._back.is_set():
            self._back.clear()
            self._return()
        elif not self.away and time.monotonic() >= self._next_refresh:
            try:
                self._refresh()
            except BookAway as exc:
                self._went_away(exc)

    def _return(self) -> None:
        try:
            told = self._reconcile()
            self._refresh()
        except BookAway as exc:
            self._went_away(exc)
            return
        except Exception as exc:  # not the database away: asked again in a moment, never left stuck away
            log.exception("telling the database what the dialler did meanwhile failed")
            self._went_away(exc)
            return
        log.warning(
            "the database is back (away since %s): %d wake-ups told what the dialler did meanwhile",
            f"{self.away_since:%H:%M:%S %Z}" if self.away_since else "?",
            told,
        )
        self.away, self.away_since = False, None
        write_person_list(self._file.folder, [], self._now(), None)

    def _reconcile(self) -> int:
        told = 0
        for call in self._journal.pending():
            for attempt in range(3):
                try:
                    self._online.reconcile(call)
                    break
                except ConflictError:  # a console changed the same call this moment: read it again
                    if attempt == 2:
                        raise
            self._file.record(self._journal.settled(call))
            told += 1
        self.reconciled += told
        return told

    def _refresh(self) -> None:
        self._next_refresh = time.monotonic() + 5.0  # a copy that fails is tried again, not every turn
        now = self._now()
        calls = self._online.upcoming(now + HORIZON)
        self._journal.refreshed(calls)
        self._file.write_snapshot(now)
        self._next_refresh = time.monotonic() + REFRESH_EVERY

    # --- WakeUpDialling ----------------------------------------------------------------------------
    def recover(self) -> int:
        events = self._journal.interrupted(self._now())
        for event in events:
            self._file.record(event)
        count = len(events)
        try:
            self._reconcile()
            count += self._online.recover()
            self._refresh()
        except BookAway as exc:
            self._went_away(exc)
        return count

    def claim_next(self, line: str) -> DialOrder | None:
        self._tick()
        if not self.away:
            try:
                order = self._online.claim_next(line)
            except BookAway as exc:
                self._went_away(exc)
            else:
                if order is not None:
                    self._file.record(self._journal.claimed(order, line))
                return order
        got = self._journal.claim_next(self._now(), line)
        if got is None:
            return None
        order, event = got
        self._file.record(event)
        return order

    def finish(self, order: DialOrder, result: CallResult, detail: str = "") -> NextStep:
        if not self.away and order.wakeup_id > 0:
            try:
                step = self._online.finish(order, result, detail)
            except BookAway as exc:
                self._went_away(exc)
            else:
                try:
                    _step, event = self._journal.finished(order, result, detail, self._now(), step)
                    self._file.record(event)
                except JournalDamaged as exc:  # a call the journal never held: the book has the result
                    log.warning("room %s: the journal does not follow this result (%s)", order.room, exc)
                if step.snooze_until is not None:
                    self._next_refresh = 0.0  # the new call is in the book: copy it before it could be missed
                return step
        try:
            step, event = self._journal.finished(order, result, detail, self._now())
        except JournalDamaged as exc:  # cannot happen by design; a result must never take the turn down
            log.error(
                "room %s attempt %d ended %s, a call the journal does not hold (%s)",
                order.room,
                order.attempt_no,
                result.value,
                exc,
            )
            return NextStep(WakeUpStatus.MANUAL, None)
        self._file.record(event)
        if step.status is WakeUpStatus.ESCALATED:
            log.critical(
                "WAKE-UP NOT ANSWERED, A PERSON MUST CALL: room %s (due %s), %d attempts, last %s; "
                "listed in %s",
                order.room,
                f"{order.due_at.astimezone(self._now().tzinfo):%H:%M}",
                order.attempt_no,
                result.value,
                self._file.folder / TEXT,
            )
        if self.away:
            self._write_person_list()
        elif order.wakeup_id < 0:  # a snooze asked for while the database was away, ended after it returned
            try:
                self._reconcile()
            except BookAway as exc:
                self._went_away(exc)
        return step

    def to_manual(self, reason: str) -> list[str]:
        self._tick()
        if not self.away:
            try:
                rooms = self._online.to_manual(reason)
            except BookAway as exc:
                self._went_away(exc)
            else:
                for event in self._journal.to_manual(self._now(), reason, told=True):
                    self._file.record(event)
                return rooms
        events = self._journal.to_manual(self._now(), reason)
        for event in events:
            self._file.record(event)
        if events:
            self._write_person_list()
        return [self._journal.calls[str(e["k"])].room for e in events]

    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None:
        self._tick()
        if self.away:
            return
        try:
            self._online.beat(dialler, pbx_up, lines, busy, detail)
        except BookAway as exc:
            self._went_away(exc)

    def _write_person_list(self) -> None:
        write_person_list(self._file.folder, self._journal.needing_a_person(), self._now(), self.away_since)

    def close(self) -> None:
        self._closed.set()
        self._file.close()
