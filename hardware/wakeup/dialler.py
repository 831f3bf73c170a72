"""The wake-up dialler: works the book in due-time order on the lines it has.

It runs as its own process (``main.py --dialler``), apart from any window: a
console that closes or crashes does not stop wake-ups. Each step is committed in
the book before the next (claim → place → result), and on start it recovers the
calls a previous dialler left half done. While the PBX does not answer, due
calls go to the operators' manual list at once. While an evacuation roll-call runs
it has the lines (``roll_call``), and due wake-ups wait until it stops."""

from __future__ import annotations

import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from hardware.wakeup.lines import Lines, Result
from switchboard.errors import ConsoleError
from switchboard.wakeup_journal_calls import BookAway
from switchboard.wakeup_plan import CallResult, DiallingRules, WakeUpDialling

log = logging.getLogger(__name__)


def sip_reachable(server: str, timeout: float = 1.0) -> bool:
    """One SIP OPTIONS to ``host:port``; any answer means the PBX is there."""
    host, _, port = server.rpartition(":")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        try:
            s.connect((host or server, int(port or 5060)))
            me = s.getsockname()
            tag = uuid.uuid4().hex[:10]
            s.send(
                (
                    f"OPTIONS sip:{server} SIP/2.0\r\n"
                    f"Via: SIP/2.0/UDP {me[0]}:{me[1]};branch=z9hG4bK{tag}\r\n"
                    f"Max-Forwards: 5\r\nFrom: <sip:wakeup@{me[0]}>;tag={tag}\r\nTo: <sip:{server}>\r\n"
                    f"Call-ID: {tag}@dialler\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
                ).encode()
            )
            s.recv(4096)
            return True
        except (OSError, ValueError):
            return False


class RollCallTurn(Protocol):
    """``hardware.wakeup.roll_caller.RollCaller``, or ``RollCallPause`` in training mode."""

    def turn(self) -> bool:
        """Ring the roll-call's rooms on the free lines; True while one runs (wake-ups wait)."""
        ...

    def take(self, results: list[Result]) -> list[Result]:
        """Record the roll-call's results; the wake-ups' are handed back."""
        ...


class RollCallPause:
    """Training mode: the console rings the roll-call on its own training lines; wake-ups only wait."""

    def __init__(self, running: Callable[[], int | None]) -> None:
        self._running = running

    def turn(self) -> bool:
        return self._running() is not None

    def take(self, results: list[Result]) -> list[Result]:
        return results


class Dialler:
    PROBE_EVERY = 5.0
    BEAT_EVERY = 2.0

    def __init__(
        self,
        book: WakeUpDialling,
        lines: Lines,
        rules: DiallingRules,
        recordings: Mapping[str, Path],
        *,
        name: str = "dialler",
        reachable: Callable[[], bool] | None = None,
        roll_call: RollCallTurn | None = None,
        away: Callable[[], bool] | None = None,
    ) -> None:
        self._book = book
        self._lines = lines
        self._rules = rules
        self._recordings = recordings
        self._name = name
        self._reachable = reachable
        self._roll_call = roll_call
        self._roll_call_runs = False  # as last read: kept while the database is away
        self._away = away or (lambda: False)  # the book is away: the roll-call is not asked either
        self._roll_call_failing = False
        self._pbx_up = True
        self._failed_probes = 0
        self._next_probe = 0.0
        self._next_beat = 0.0
        self.placed = 0

    def recording(self, language: str) -> Path:
        code = language.strip().lower()[:2]
        return self._recordings.get(code) or self._recordings["en"]

    def start(self) -> None:
        recovered = self._book.recover()
        if recovered:
            log.warning("%d wake-up calls were under way when the dialler stopped; decided again", recovered)

    def step(self, wait: float = 0.1) -> None:
        """One turn: check the PBX, fill free lines with due calls, record the results that came in."""
        now = time.monotonic()
        if self._reachable is not None and now >= self._next_probe:
            self._next_probe = now + self.PROBE_EVERY
            self._probe()
        if now >= self._next_beat:
            self._next_beat = now + self.BEAT_EVERY
            busy = self._lines.capacity - self._lines.free()
            self._book.beat(self._name, self._pbx_up, self._lines.capacity, busy)
        if not self._pbx_up:
            rooms = self._book.to_manual("PBX unreachable")
            if rooms:
                log.error("PBX unreachable: wake-ups for %s are on the manual list", ", ".join(rooms))
        elif self._failed_probes == 0 and not self._roll_call_turn():
            # after one unanswered probe, wait for the next before dialling; a roll-call has the lines
            while self._lines.free() > 0:
                order = self._book.claim_next(self._name)
                if order is None:
                    break
                self._lines.place(
                    order,
                    self.recording(order.language),
                    self._rules.ring_time.total_seconds(),
                    self._rules.listen_time.total_seconds(),
                )
                self.placed += 1
        for order, result, detail in self._take(self._lines.results(wait)):
            step = self._book.finish(order, result, detail)
            log.info(
                "room %s attempt %d: %s → %s", order.room, order.attempt_no, result.value, step.status.value
            )

    def _roll_call_turn(self) -> bool:
        """The roll-call's turn on the lines; True while it runs (then no wake-up is claimed)."""
        if self._roll_call is None:
            return False
        if self._away():
            return self._roll_call_runs
        try:
            runs = self._roll_call.turn()
        except (BookAway, ConsoleError) as exc:  # the database away: the roll-call is as last read
            if not self._roll_call_failing:  # once, not at every turn (ten a second)
                log.warning(
                    "the roll-call cannot be read (%s); taken as %s",
                    exc,
                    "running" if self._roll_call_runs else "not running",
                )
            self._roll_call_failing = True
            return self._roll_call_runs
        except Exception:
            if not self._roll_call_failing:
                log.exception(
                    "the roll-call's turn failed; taken as %s", "running" if self._roll_call_runs else "not"
                )
            self._roll_call_failing = True
            return self._roll_call_runs
        if self._roll_call_failing:
            log.warning("the roll-call is read again")
        self._roll_call_failing = False
        if runs != self._roll_call_runs:
            log.warning(
                "evacuation roll-call %s: wake-ups %s",
                *(("started", "wait") if runs else ("stopped", "go on")),
            )
        self._roll_call_runs = runs
        return runs

    def _take(self, results: list[Result]) -> list[Result]:
        return self._roll_call.take(results) if self._roll_call is not None else results

    def _probe(self) -> None:
        assert self._reachable is not None
        if self._reachable():
            if not self._pbx_up:
                log.warning("PBX reachable again: wake-ups are dialled")
            self._pbx_up, self._failed_probes = True, 0
            return
        self._failed_probes += 1
        self._next_probe = time.monotonic() + min(1.0, self.PROBE_EVERY)  # one lost packet is not an outage
        if self._failed_probes >= 2 and self._pbx_up:
            self._pbx_up = False
            log.error("PBX does not answer: due wake-ups go to the manual list")
            self._book.beat(self._name, False, self._lines.capacity, 0, "PBX unreachable")

    def run(self, stop: threading.Event) -> None:
        """Until ``stop``: a turn that fails is logged and taken again a second later, never the end."""
        started = False
        try:
            while not stop.is_set():
                try:
                    if not started:
                        self.start()
                        started = True
                    self.step()
                except Exception:
                    log.exception("the dialler's turn failed; it goes on in a second")
                    stop.wait(1.0)
        finally:
            self._lines.close()
            for order, result, detail in self._take(self._lines.results(0)):
                try:
                    self._book.finish(order, result, detail)
                except Exception:
                    log.exception(
                        "room %s attempt %d: its result could not be recorded", order.room, order.attempt_no
                    )


__all__ = ["CallResult", "Dialler", "RollCallPause", "sip_reachable"]
