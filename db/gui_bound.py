"""The GUI thread's database calls, held under a bound the window never freezes for (issue 14).

A server whose packets are dropped never refuses: libpq waits its connect time-out (seconds) and
TCP its retransmissions, and on the thread that paints the window every such wait is a frozen
console. Once the composition root names the GUI thread (``Store.guard_gui_thread``), a unit of
work on that thread against a network database:

- takes its connection from a worker thread (the pool's pre-ping, a new connection if the pool
  has none), waiting at most ``bound``; later than that, the database counts as away and the
  worker hands the connection back to the pool whenever it comes;
- has each statement, commit and rollback watched: still waiting after ``bound``, a watchdog
  shuts the connection's socket down, so the driver returns at once with a broken connection
  (which the pool then drops).

``Store`` keeps the flag that says the database is away and refuses GUI-thread calls at once
while it is set, without touching the network; ``db.health.DatabaseWatch`` clears it from its
own thread when a probe finds the database again.
"""

from __future__ import annotations

import logging
import os
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event

log = logging.getLogger(__name__)

BOUND = 0.05  # seconds the GUI thread may wait on the database: half the window's 100 ms (the slot has more)


class Late(Exception):
    """The GUI thread's call did not get its connection, or its answer, within the bound."""


class _Checkout:
    """One connection asked for by the GUI thread and fetched by the worker."""

    __slots__ = ("abandoned", "connection", "done", "error", "lock")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.connection: Connection | None = None
        self.error: BaseException | None = None
        self.abandoned = False


class _Watch:
    """The GUI thread waiting on one socket since ``deadline - bound``."""

    __slots__ = ("deadline", "fd", "fired")

    def __init__(self, fd: int, deadline: float) -> None:
        self.fd = fd
        self.deadline = deadline
        self.fired = False


class GuiBound:
    """Connections and watched calls for the one GUI thread of a network database."""

    def __init__(
        self,
        engine: Engine,
        thread: threading.Thread,
        refused: Callable[[str], BaseException],
        bound: float = BOUND,
    ) -> None:
        self._engine = engine
        self._refused = refused
        self._ident = thread.ident
        self.bound = bound
        self._requests: queue.SimpleQueue[_Checkout] = queue.SimpleQueue()
        self._changed = threading.Condition()
        self._watch: _Watch | None = None
        self._depth = 0  # nested watched calls (a commit's flush) count from the outermost
        self.fired = False  # the watchdog cut a GUI-thread call since the last ``begin``
        threading.Thread(target=self._fetch, name="database-gui-checkout", daemon=True).start()
        threading.Thread(target=self._watchdog, name="database-gui-watchdog", daemon=True).start()
        event.listen(engine, "before_cursor_execute", self._before_execute)
        event.listen(engine, "after_cursor_execute", self._after_execute)
        event.listen(engine, "handle_error", self._on_error)
        event.listen(engine, "do_connect", self._no_connect_here)

    def on_gui_thread(self) -> bool:
        return threading.get_ident() == self._ident

    # ------------------------------------------------------------ the connection

    def connect(self) -> Connection:
        """A pooled connection that answered its pre-ping just now; ``Late`` after ``bound``."""
        self.fired = False
        wanted = _Checkout()
        self._requests.put(wanted)
        wanted.done.wait(self.bound)
        with wanted.lock:
            if not wanted.done.is_set():
                wanted.abandoned = True  # the worker returns the connection to the pool when it comes
                raise Late(f"no connection within {self.bound * 1000:.0f} ms")
        if wanted.error is not None:
            raise wanted.error
        assert wanted.connection is not None
        return wanted.connection

    def _fetch(self) -> None:
        while True:
            wanted = self._requests.get()
            connection: Connection | None = None
            error: BaseException | None = None
            try:
                connection = self._engine.connect()
            except BaseException as exc:  # handed to the GUI thread, which raises it as its own
                error = exc
            with wanted.lock:
                if not wanted.abandoned:
                    wanted.connection, wanted.error = connection, error
                    wanted.done.set()
                    continue
            if connection is not None:
                _close_quietly(connection)

    # ------------------------------------------------------------ the watchdog

    @contextmanager
    def watched(self, connection: Connection) -> Iterator[None]:
        """A call on ``connection`` from the GUI thread, cut off after ``bound``."""
        self._arm(connection)
        try:
            yield
        finally:
            self._disarm()

    def _no_connect_here(self, *_args: Any) -> None:
        """A new connection is the worker's to open: on the GUI thread (a connection SQLAlchemy would
        open again after one was cut off) it could wait the connect time-out, seconds."""
        if self.on_gui_thread():
            raise self._refused("no new connection on the GUI thread")

    def _before_execute(self, connection: Connection, *_args: Any) -> None:
        if self.on_gui_thread():
            self._arm(connection)

    def _after_execute(self, _connection: Connection, *_args: Any) -> None:
        if self.on_gui_thread():
            self._disarm()

    def _on_error(self, _context: Any) -> None:
        if self.on_gui_thread() and self._depth:
            self._disarm()

    def _arm(self, connection: Connection) -> None:
        self._depth += 1
        if self._depth > 1:
            return
        fd = _socket_of(connection)
        if fd < 0:
            return
        with self._changed:
            self._watch = _Watch(fd, time.monotonic() + self.bound)
            self._changed.notify()

    def _disarm(self) -> None:
        self._depth = max(0, self._depth - 1)
        if self._depth:
            return
        with self._changed:
            watch, self._watch = self._watch, None
            if watch is not None and watch.fired:
                self.fired = True

    def _watchdog(self) -> None:
        with self._changed:
            while True:
                watch = self._watch
                if watch is None or watch.fired:
                    self._changed.wait()
                    continue
                left = watch.deadline - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                    continue
                watch.fired = True
                _cut(watch.fd)


def _socket_of(connection: Connection) -> int:
    """The file descriptor of the driver's socket, or -1 when it has none (or is closed)."""
    try:
        if connection.invalidated or connection.closed:
            return -1  # ``connection.connection`` would connect again, on the GUI thread
        dbapi = connection.connection.dbapi_connection
        pgconn = getattr(dbapi, "pgconn", None)
        if pgconn is not None:
            return int(pgconn.socket)
        fileno = getattr(dbapi, "fileno", None)
        return int(fileno()) if callable(fileno) else -1
    except Exception:  # closed or invalidated: nothing to wait on
        return -1


def _cut(fd: int) -> None:
    """Wake whatever waits on the socket ``fd``: shut it down (both ways), on a duplicate of the fd."""
    try:
        with socket.socket(fileno=os.dup(fd)) as duplicate:
            duplicate.shutdown(socket.SHUT_RDWR)
        log.warning("database: a call on the GUI thread was cut off after waiting its bound")
    except OSError:
        log.debug("database: the socket to cut was gone already", exc_info=True)


def _close_quietly(connection: Connection) -> None:
    try:
        connection.close()
    except Exception:
        log.debug("closing a connection the GUI thread gave up on", exc_info=True)
