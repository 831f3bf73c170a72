"""Reads too long for the GUI thread run on a worker thread; the answer comes back queued (issue 14).

The GUI thread's database calls are cut off after 50 ms (``db.gui_bound``), and every millisecond
they take is a millisecond the call keys do not answer. A busy night's shift report takes a few
hundred milliseconds on PostgreSQL, a logbook search or the day's wake-up history tens
(``bench/page_reads.py``): those reads run here, on a thread of their own, under the database's
ordinary time-outs (seconds), and the page stays usable meanwhile.

One ``OffGuiRead`` per page or dialog: one read at a time; a request while one runs waits, and a
newer request replaces a waiting one (a search typed again, a refresh asked twice), so what the
page shows is what was asked last. A result that arrives after its page was deleted, or after
``stop()`` (the dialog closed), is dropped. The worker touches no widget: the read is a closure
over values taken on the GUI thread, and its result or error crosses back through one queued
signal, as ``ui.bridge`` does for events.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel

from switchboard.errors import ConsoleError

log = logging.getLogger(__name__)

T = TypeVar("T")

# While a read runs beside it, the GUI thread waits for the interpreter's lock at most this long
# each time it enters Python (every slot, every delegate's paint); at the default 5 ms a window's
# burst of a hundred small callbacks behind a busy worker is half a second.
SWITCH_INTERVAL = 0.0005
_running = 0
_usual_interval = sys.getswitchinterval()


def _one_more(change: int) -> None:
    """Count the reads running on workers; the switch interval is short exactly while any runs."""
    global _running, _usual_interval
    if _running == 0 and change > 0:
        _usual_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(_usual_interval, SWITCH_INTERVAL))
    _running = max(0, _running + change)
    if _running == 0:
        sys.setswitchinterval(_usual_interval)


def reading_text() -> str:
    """What a page says while its read runs."""
    return QCoreApplication.translate("OffGuiRead", "Reading…")


def reading_label(*readers: OffGuiRead) -> QLabel:
    """A label that says "Reading…" while any of ``readers`` reads, and nothing otherwise."""
    label = QLabel()
    label.setObjectName("reading")

    def show(_busy: bool) -> None:
        label.setText(reading_text() if any(r.busy for r in readers) else "")

    for reader in readers:
        reader.busy_changed.connect(show)
    return label


def said_as_today(error: BaseException) -> None:
    """An error of a read, said where it would have been had the read run on the GUI thread: the
    crash guard (``sys.excepthook``), which tells a database that is away by its lamp and banner and
    anything else in one calm sentence."""
    sys.excepthook(type(error), error, error.__traceback__)


class _Job:
    __slots__ = ("error", "failed", "read", "reader", "result", "show")

    def __init__(
        self,
        reader: weakref.ReferenceType[OffGuiRead],
        read: Callable[[], Any],
        show: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        self.reader = reader
        self.read = read
        self.show = show
        self.failed = failed
        self.result: Any = None
        self.error: BaseException | None = None


class _Courier(QObject):
    """Lives as long as the application, so a worker never emits on an object being deleted."""

    finished = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.finished.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _arrived(self, job: _Job) -> None:
        reader = job.reader()
        if reader is not None and shiboken6.isValid(reader):
            reader._finished(job)


_courier: _Courier | None = None


def _the_courier() -> _Courier:
    global _courier
    if _courier is None or not shiboken6.isValid(_courier):
        app = QCoreApplication.instance()
        assert app is not None, "a read off the GUI thread needs the application"
        _courier = _Courier(app)
    return _courier


class OffGuiRead(QObject):
    """One page's reads on a worker thread, their answers on the GUI thread."""

    busy_changed = Signal(bool)  # a read started (True) or the last one asked for ended (False)

    def __init__(self, parent: QObject, name: str) -> None:
        super().__init__(parent)
        self._name = name
        self._running: _Job | None = None
        self._waiting: _Job | None = None
        self._stopped = False

    @property
    def busy(self) -> bool:
        return self._running is not None

    def run(
        self,
        read: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None] = said_as_today,
    ) -> None:
        """On the GUI thread: ``read()`` on a worker, then ``show(result)`` or ``failed(error)`` here.
        ``read`` must not touch a widget: take what it needs from them before."""
        self._stopped = False
        job = _Job(weakref.ref(self), read, show, failed)
        if self._running is not None:
            self._waiting = job  # the newest request wins; an older waiting one is never read
            return
        self._start(job)

    def stop(self) -> None:
        """Drop whatever answer is still to come (the dialog closed); a later ``run`` starts afresh."""
        self._stopped = True
        self._waiting = None

    def _start(self, job: _Job) -> None:
        courier = _the_courier()
        first = self._running is None
        self._running = job
        threading.Thread(target=_work, args=(job, courier), name=f"read-{self._name}", daemon=True).start()
        if first:
            _one_more(+1)
            self.busy_changed.emit(True)

    def _finished(self, job: _Job) -> None:
        if job is not self._running:
            return
        waiting, self._waiting = self._waiting, None
        if waiting is not None and not self._stopped:
            self._start(waiting)  # what was asked since is what the page shows: this answer is stale
            return
        self._running = None
        _one_more(-1)
        self.busy_changed.emit(False)
        if self._stopped:
            return
        if job.error is not None:
            job.failed(job.error)
        else:
            job.show(job.result)


def _work(job: _Job, courier: _Courier) -> None:
    try:
        job.result = job.read()
    except ConsoleError as exc:  # refused, away, not found: the page says it as it does today
        job.error = exc
    except Exception as exc:  # a read that failed unexpectedly reaches the crash guard, on the GUI thread
        log.debug("read off the GUI thread failed", exc_info=True)
        job.error = exc
    try:
        courier.finished.emit(job)
    except RuntimeError:  # the application is gone (the console closed): nobody to tell
        log.debug("read finished after the application closed")
