"""The one door from I/O threads into the GUI thread.

SIP, serial, database-notification and training-PBX threads call ``post`` with
an immutable event; the bridge re-emits it on the GUI thread through a queued
signal.  Nothing else crosses threads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot


class EventBridge(QObject):
    """Re-emits events posted from any thread as ``arrived`` on the GUI thread."""

    arrived = Signal(object)
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued even when posting from the GUI thread, so a handler never runs inside the poster's call.
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, event: object) -> None:
        """Thread-safe: hand an event to the GUI thread."""
        self._posted.emit(event)

    @Slot(object)
    def _deliver(self, event: object) -> None:
        self.arrived.emit(event)
