"""What the wake-up lines' gates dropped, in the dialler's log at a bounded rate.

Each line process reports its gate's counts (``sip_line.GateReport``, from ``hardware/sip/line_gate.py``)
once a second at most while datagrams are being dropped. A flood must not fill dialler.log, so a line's
counts are written when they first move and then at most every ``EVERY`` seconds while they keep moving,
and once more when the line stops; each line gives the totals since that line process started and the
latest datagram dropped (its source and why)."""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass


@dataclass
class _Counts:
    refused: int = 0
    rejected: int = 0
    last: str = ""
    logged: tuple[int, int] = (0, 0)
    logged_at: float = -math.inf


class GateLog:
    EVERY = 60.0

    def __init__(self, log: logging.Logger) -> None:
        self._log = log
        self._lines: dict[int, _Counts] = {}

    def counts(self, number: int, refused: int, rejected: int, last: str) -> None:
        """What line ``number`` reported; written now if it is due."""
        line = self._lines.setdefault(number, _Counts())
        line.refused, line.rejected, line.last = refused, rejected, last[:200]
        self.flush()

    def flush(self, *, force: bool = False) -> None:
        """Write the counts that moved, of every line whose turn has come (every line's, ``force``)."""
        now = time.monotonic()
        for number, line in self._lines.items():
            if (line.refused, line.rejected) != line.logged and (force or now - line.logged_at >= self.EVERY):
                self._write(number, line, now)

    def stopped(self, number: int) -> None:
        """Line ``number``'s process ended: its last counts now; a new process counts from nought."""
        line = self._lines.pop(number, None)
        if line is not None and (line.refused, line.rejected) != line.logged:
            self._write(number, line, time.monotonic())

    def _write(self, number: int, line: _Counts, now: float) -> None:
        line.logged, line.logged_at = (line.refused, line.rejected), now
        self._log.warning(
            "wake-up line %d's gate has dropped %d datagrams from hosts that are not the PBX and %d that the "
            "line does not take (unreadable, or a call to a line that only dials) since it started; "
            "latest: %s",
            number,
            line.refused,
            line.rejected,
            line.last or "?",
        )
