"""The shift report for a busy synthetic night: 5,000 calls, 300 wake-up calls,
200 logbook entries, on SQLite. Times reading the figures and writing the PDF.

Last line: ``shift_report: seconds=N``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from db import busy_night
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.store import Store, sqlite_url
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from ui.shift_report import render

# who reads the report: a duty manager prints shift reports and reads the logbook
DUTY_MANAGER = Actor(user="duty", position="Console 1", role=Role.DUTY_MANAGER)


def main() -> None:
    app = QCoreApplication.instance() or QCoreApplication([])
    clock = FakeClock(datetime(2026, 11, 20, 23, 40, tzinfo=ZoneInfo("Asia/Shanghai")))
    night = shift_at(clock.now())
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(sqlite_url(Path(tmp) / "night.db"))
        store.migrate()
        seed_demo_hotel(store, clock)
        busy_night.fill(store, night)
        clock.set(night.ends_at)
        started = time.perf_counter()
        figures = SqlShiftStats(store, clock).figures(
            "2026-11-20 night", night.starts_at, night.ends_at, DUTY_MANAGER
        )
        read_s = time.perf_counter() - started
        pdf = render(figures, Path(tmp) / "report.pdf", "Grand Harbour Hotel", clock.now())
        total = time.perf_counter() - started
        size = pdf.stat().st_size
        store.dispose()
    del app
    print(
        f"calls={figures.calls_offered} wakeups={figures.wakeups_booked} entries={figures.logbook_entries} "
        f"read_s={read_s:.2f} pdf_bytes={size}"
    )
    print(f"shift_report: seconds={total:.2f}")


if __name__ == "__main__":
    main()
