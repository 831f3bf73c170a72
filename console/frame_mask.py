"""The link monitor's frames masked with the privacy guests of the day: their names read again at most
every few seconds, so a busy link does not ask the database for each frame, and a privacy flag set at
the front desk reaches the monitor within that time."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

from console.context import Console
from db.privacy import private_names
from switchboard.errors import ConsoleError
from switchboard.frame_privacy import masked
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkName

log = logging.getLogger("switchboard")
REREAD = timedelta(seconds=5)


class FrameMask:
    def __init__(self, console: Console, reread: timedelta = REREAD) -> None:
        self._console = console
        self._reread = reread
        self._names: re.Pattern[str] | None = None
        self._read_at: datetime | None = None
        pms = console.settings.section("pms").get("encoding", "utf-8").strip() or "utf-8"
        self._encodings = {LinkName.PMS: pms}

    def names(self) -> re.Pattern[str] | None:
        """How the privacy guests' names are written; the last known while the database is away."""
        now = self._console.clock.now()
        if self._read_at is None or now - self._read_at >= self._reread or now < self._read_at:
            self._read_at = now  # once per interval, also while the database is away
            try:
                with self._console.store.read() as s:
                    self._names = private_names(s)
            except ConsoleError as exc:  # the database is away: the banner says so; keep what we knew
                log.warning("Link monitor: privacy guests not read again: %s", exc)
        return self._names

    def __call__(self, frame: RawFrame) -> RawFrame:
        return masked(frame, self.names(), self._encodings.get(frame.link, "utf-8"))
