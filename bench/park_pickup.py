"""Two operator positions through Kamailio and one PostgreSQL database: how long a position takes to
leave the PBX when it goes on break, and how long a call parked at one position takes to be connected at
the other after the pick-up (the parking position's REFER to the picking position's GRUU, the caller's
new INVITE, the answer). A baresip telephone is the caller; each round parks one call and picks it up.

Last line: ``park_pickup: rounds=N pickup_p50_ms=N pickup_max_ms=N break_max_ms=N``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.shared_parks import SqlSharedParks
from db.store import Store
from switchboard.clock import SystemClock
from tests.pg_server import PostgresServer
from tests.positions_lab import Position
from tests.sip_lab.baresip import BaresipPhone
from tests.sip_lab.kamailio import KamailioLab


def contacts(lab: KamailioLab) -> int:
    return len(re.findall(r"Address:", lab.rpc("ul.lookup", "location", "s:9")))


def until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("bench step timed out")
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    pg = PostgresServer()
    pg.start()
    lab = KamailioLab()
    lab.start()
    url = pg.new_database()
    store = Store(url)
    store.migrate()
    book = SqlSharedParks(store, SystemClock(), "bench")
    parking = Position("Parking", lab, url, answer=True)
    picking = Position("Picking", lab, url, answer=False)
    phone: BaresipPhone | None = None
    breaks: list[float] = []
    picks: list[float] = []
    try:
        for p in (parking, picking):
            p.wait("link", status="up")
        until(lambda: contacts(lab) == 2)
        for _ in range(args.rounds):
            started = time.monotonic()
            picking.send("break")
            until(lambda: contacts(lab) == 1)
            breaks.append((time.monotonic() - started) * 1000)
            picking.send("back")
            until(lambda: contacts(lab) == 2)
        phone = BaresipPhone("1401", lab.domain)
        phone.start()
        phone.wait_registered()
        for _ in range(args.rounds):
            parking.events.clear()
            picking.events.clear()
            phone.dial("9")
            answered = parking.wait("state", state="connected")
            parking.send(f"park {answered['call']}")
            parking.wait("state", call=answered["call"], state="parked")
            until(lambda: bool(book.all()))
            key = book.all()[0].call_key
            started_at = time.time()
            picking.send(f"pickup-shared {key}")
            connected = picking.wait("state", state="connected", timeout=10)
            picks.append((connected["t"] - started_at) * 1000)
            phone.hangup()
            until(lambda: not book.all() and bool(picking.of("ended")))
            time.sleep(0.3)
    finally:
        for p in (parking, picking):
            p.stop()
        if phone is not None:
            phone.close()
        store.dispose()
        lab.close()
        pg.stop()
    print(
        f"park_pickup: rounds={len(picks)} pickup_p50_ms={statistics.median(picks):.0f} "
        f"pickup_max_ms={max(picks):.0f} break_max_ms={max(breaks):.0f}"
    )


if __name__ == "__main__":
    main()
