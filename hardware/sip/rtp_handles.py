"""The pjlib handles behind the console line's RTP and RTCP sockets, counted so that a call is refused
before pjsua2 runs out of them.

pjsua2 opens an RTP and an RTCP socket for every call, incoming or outgoing, in pjmedia's own I/O queue,
which has a fixed 64 handles (``PJ_IOQUEUE_MAX_HANDLES`` in the wheel). A call's sockets close when it
ends, but pjlib gives their handles back only ``PJ_IOQUEUE_KEY_FREE_DELAY`` (500 ms) later, and a call
placed when none is free does not fail: pjlib's assertion in ``pj_ioqueue_register_sock2`` aborts the
process. Nothing leaks (the open sockets and free handles return to where they were); calls begun and
ended faster than some 60 a second exhaust the queue all the same, as the races test's consultations
that a room refuses or never answers did (two calls a round, the caller's and the consultation, at up
to 30 rounds a second). The wheel cannot ask the queue how many are free, so the line counts here.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

QUEUE_HANDLES = 64  # PJ_IOQUEUE_MAX_HANDLES: pjmedia's I/O queue in the wheel holds no more sockets
PER_CALL = 2  # RTP and RTCP: one audio stream, no video in the wheel
FREE_DELAY_S = 0.5  # PJ_IOQUEUE_KEY_FREE_DELAY: a closed handle is reused only this much later
# Kept aside: handles for sockets the line never sees as a call of its own (an INVITE pjsua2 refuses
# with 488 opens and closes its pair before any callback), and time for pjmedia's I/O thread, which
# lets go of a handle only after a read it was dispatching on it. A call's end is seen in ``pump``,
# after pjsua2 closed its sockets, so the delay already runs from no earlier than pjlib's.
RESERVE = 4
MARGIN_S = 0.1


class RtpHandles:
    """Handles taken by the line's open calls and by calls ended less than the free delay ago."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._closed: deque[float] = deque()  # when each ended call's pair was seen closed

    def closed(self) -> None:
        """One call has ended: its pair of handles comes back after the free delay."""
        self._closed.append(self._now())

    def closing(self) -> int:
        """Calls whose handles are not back yet."""
        cutoff = self._now() - FREE_DELAY_S - MARGIN_S
        while self._closed and self._closed[0] <= cutoff:
            self._closed.popleft()
        return len(self._closed)

    def spare(self, open_calls: int) -> int:
        """How many more calls could open their sockets now, besides ``open_calls``."""
        taken = PER_CALL * (open_calls + self.closing())
        return max(0, (QUEUE_HANDLES - RESERVE - taken) // PER_CALL)
