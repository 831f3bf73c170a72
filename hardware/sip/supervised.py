"""A thread that is started again when it ends without being asked to.

The SIP position and the lamps' watcher each do their I/O in one thread. Every message is handled under its
own guard, but whatever still escapes (a bug, an error that is not an ``Exception``) must not leave the
operator without a console: a watchdog notices the thread is gone within ``CHECK_S`` and starts the same
body again in a new thread of the same name, after telling ``died`` why. Restarts slow down if the body keeps
dying (at most one every ``SLOWEST_S``), so a failure that repeats at once does not spin.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable

log = logging.getLogger(__name__)

CHECK_S = 0.2
SLOWEST_S = 10.0


class Supervised:
    def __init__(self, name: str, body: Callable[[], None], *, died: Callable[[str], None]) -> None:
        self.name = name
        self._body = body
        self._died = died
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._watchdog: threading.Thread | None = None
        self._why = ""
        self.restarts = 0
        self.finished = False  # the body returned by itself (nothing left to do): not restarted

    @property
    def stopping(self) -> threading.Event:
        return self._stopping

    def start(self) -> None:
        self._launch()
        self._watchdog = threading.Thread(target=self._watch, name=f"{self.name}-watchdog", daemon=True)
        self._watchdog.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._watchdog is not None:
            self._watchdog.join(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            if not self._thread.is_alive() and not self.finished:
                self._launch()  # it had died: once more, to let the body close what it holds
                self._thread.join(timeout)

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _launch(self) -> None:
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._body()
            self.finished = True
        except BaseException as exc:  # the thread is ending: say why, so the watchdog can tell
            self._why = f"{type(exc).__name__}: {exc}"
            log.error("thread %s died:\n%s", self.name, traceback.format_exc())

    def _watch(self) -> None:
        delay = 0.0
        last_death = 0.0
        while not self._stopping.wait(CHECK_S):
            if self.alive() or self.finished:
                continue
            now = time.monotonic()
            delay = min(max(delay * 2, 0.5), SLOWEST_S) if now - last_death < 30.0 else 0.0
            last_death = now
            why = self._why or "ended unexpectedly"
            self._why = ""
            self.restarts += 1
            try:
                self._died(why)
            except Exception:
                log.exception("telling that %s died failed", self.name)
            if delay and self._stopping.wait(delay):
                return
            self._launch()
