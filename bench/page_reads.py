"""How long each page's read takes on a busy night on PostgreSQL (issue 14): the demo hotel and
``db.busy_night.fill`` (5,000 calls, 300 wake-ups, 200 logbook entries) on a private server started
here, each read as the window asks it, five rounds; the median and the worst in milliseconds.

Any read whose worst passes ~30 ms belongs off the GUI thread (``ui.off_gui``). ``--sqlite`` reads the
same night from a SQLite file instead.

Last line: ``page_reads: worst_ms=N`` (the slowest read's worst round).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from db import busy_night
from db.audit_trail import SqlAuditTrail
from db.board import SqlBoard
from db.callers import SqlCallers
from db.chain import current_heads
from db.duties import SqlDuties
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.message_book import SqlMessageBook
from db.roll_call_board import SqlRollCallBoard
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.store import Store, sqlite_url
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_history import SqlWakeUpHistory
from switchboard.audit_trail import AuditQuery
from switchboard.clock import FakeClock
from switchboard.desk import LogQuery
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from tests.pg_server import PostgresServer

DUTY_MANAGER = Actor(user="duty", position="Console 1", role=Role.DUTY_MANAGER)
ROUNDS = 5


def reads(store: Store, clock: FakeClock) -> dict[str, Callable[[], object]]:
    """Each page's read, as the page (or the report box) asks it."""
    night = shift_at(clock.now() - timedelta(minutes=1))
    actor = DUTY_MANAGER
    board = SqlBoard(store, clock)
    rooms = SqlRoomBoard(store, clock, lambda _e, _on: None)
    logbook = SqlLogbook(store, clock)
    day = datetime.combine(clock.now().date(), datetime.min.time(), clock.now().tzinfo)

    def report() -> object:
        duties = SqlDuties(store, clock).for_shift(night)
        figures = SqlShiftStats(store, clock).figures("night", night.starts_at, night.ends_at, actor)
        with store.read() as s:
            heads = current_heads(s)
        return figures, duties, heads

    return {
        "shift report (figures, duties, heads)": report,
        "shift figures alone": lambda: SqlShiftStats(store, clock).figures(
            "night", night.starts_at, night.ends_at, actor
        ),
        "logbook page (search, 500)": lambda: logbook.search(LogQuery(), actor, limit=500),
        "logbook search text": lambda: logbook.search(LogQuery(text="客人"), actor, limit=500),
        "logbook export": lambda: logbook.export_csv(LogQuery(), actor),
        "wake-up page (upcoming)": lambda: SqlWakeUpBook(store, clock).upcoming(actor),
        "wake-up history (day)": lambda: SqlWakeUpHistory(store, clock).between(
            day - timedelta(days=1), day + timedelta(days=1), actor
        ),
        "rooms page (rooms)": lambda: rooms.rooms(actor),
        "messages page (waiting)": lambda: SqlMessageBook(store, clock, lambda _e, _on: None).waiting(actor),
        "daily board / arrivals (today)": lambda: board.today(actor),
        "directory build": lambda: SqlCallers(store, clock).directory_entries(),
        "handover composition": lambda: SqlHandovers(store, clock).compose(night, "", actor),
        "roll-call board stamp": lambda: SqlRollCallBoard(store).stamp(),
        "audit page (search)": lambda: SqlAuditTrail(store, clock).search(AuditQuery(), actor),
    }


def measure(store: Store) -> dict[str, tuple[float, float]]:
    clock = FakeClock(datetime(2026, 11, 20, 23, 40, tzinfo=ZoneInfo("Asia/Shanghai")))
    night = shift_at(clock.now())
    seed_demo_hotel(store, clock)
    busy_night.fill(store, night)
    clock.set(night.ends_at - timedelta(minutes=5))
    found: dict[str, tuple[float, float]] = {}
    for name, read in reads(store, clock).items():
        read()  # the first round warms the pool and the server's caches
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            read()
            times.append((time.perf_counter() - started) * 1000)
        found[name] = (statistics.median(times), max(times))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="read from a SQLite file, not PostgreSQL")
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        server: PostgresServer | None = None
        if args.sqlite:
            url = sqlite_url(Path(tmp) / "night.db")
        else:
            server = PostgresServer()
            server.start()
            url = server.new_database()
        store = Store(url)
        try:
            store.migrate()
            found = measure(store)
        finally:
            store.dispose()
            if server is not None:
                server.stop()
    del app
    for name, (median, worst) in sorted(found.items(), key=lambda kv: -kv[1][1]):
        print(f"{name:40} median_ms={median:7.1f} worst_ms={worst:7.1f}")
    print(f"page_reads: worst_ms={max(w for _m, w in found.values()):.1f}")


if __name__ == "__main__":
    main()
