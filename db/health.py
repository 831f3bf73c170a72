"""The database watched from a thread of its own, so the window learns that it is away (the
DATABASE lamp and one banner) without a database call on the GUI thread.

``DatabaseWatch`` probes every few seconds (``Store.probe``, bounded by the store's time-outs)
and hands each change of state (and the first state) to ``on_change`` on its own thread; the
composition root passes ``EventBridge.post`` so the window gets it on the GUI thread. A save
that failed can ask for a probe at once with ``check_now``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from db.store import Store
from switchboard.errors import DatabaseState

log = logging.getLogger(__name__)


class DatabaseWatch:
    def __init__(
        self,
        store: Store,
        on_change: Callable[[DatabaseState], object],
        *,
        interval: float = 5.0,
        name: str = "database-watch",
    ) -> None:
        self._store = store
        self._on_change = on_change
        self._interval = interval
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.last: DatabaseState | None = None

    def start(self) -> None:
        self._thread.start()

    def check_now(self) -> None:
        """Probe at once (after a call that failed), not at the next interval. The window showed that
        failure itself, so the next probe's state is handed on even if it is the one handed on last."""
        self.last = None
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopped.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                self._once()
            except Exception:  # the watch outlives any one failure; the next probe tries again
                log.exception("database watch: a probe round failed")
            self._wake.wait(self._interval)
            self._wake.clear()

    def _once(self) -> None:
        state = self._store.probe()
        before = self.last
        self.last = state
        if before is not None and (before.key, before.where) == (state.key, state.where):
            return
        if state.up:
            log.info("database %s answers (%.3f s)", state.where, state.seconds)
        else:
            log.warning("database %s away: %s %s", state.where, state.key, state.detail)
        self._on_change(state)
