"""Morning rush: 600 rooms due at the same minute, real SIP calls through Kamailio to auto-answering
room phones that press 1; the dialler works them on its configured lines.

    python bench/wakeup_rush.py [--rooms 600] [--lines 40]

Last line: ``wakeup_rush: seconds=N bound_seconds=N ratio=N lateness_p99_s=N`` where
seconds is first due to last confirmed, bound = rooms / lines × mean call length (what the
lines allow), ratio = seconds / bound, and lateness is how long a call waited for its line
after the line was free (or after its due time, whichever came later)."""

from __future__ import annotations

import argparse
import heapq
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.store import Store, sqlite_url
from db.wakeup_reconcile import SqlDiallerBook
from hardware.wakeup.dialler import Dialler, sip_reachable
from hardware.wakeup.journal_file import JournalFile
from hardware.wakeup.journalled import JournalledBook
from hardware.wakeup.lines import SipLines
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_plan import DiallingRules
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import RoomBank, attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups
from tests.wakeup_outage_lab import next_minute

SOUNDS = Path(__file__).resolve().parents[1] / "resources" / "sounds"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=600)
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wakeup-rush-"))
    clock = SystemClock(zone_named("Asia/Shanghai"))
    store = Store(sqlite_url(work / "hotel.db"))
    store.migrate()
    print(f"checking in {args.rooms} rooms …", flush=True)
    rooms = hotel_with_guests(store, clock, args.rooms)
    lab = KamailioLab()
    lab.start()
    bank = RoomBank("confirm", work / "rooms")
    try:
        for _room, extension in rooms:
            register(lab.domain, extension, bank.port)
        rules = DiallingRules(
            ring_time=timedelta(seconds=20), listen_time=timedelta(seconds=10), lines=args.lines
        )
        lines = SipLines(lab.domain, rules.lines, host="127.0.0.1")
        book = JournalledBook(  # as dialler.py composes it: every step also in the journal, fsynced
            SqlDiallerBook(store, clock, rules), JournalFile(work / "data", rules), clock.now
        )
        dialler = Dialler(
            book,
            lines,
            rules,
            {"en": SOUNDS / "wakeup_en.wav", "zh": SOUNDS / "wakeup_zh.wav"},
            reachable=lambda: sip_reachable(lab.domain),
        )
        due = next_minute(clock, 45)  # bookings are by the minute; booking 600 takes a while
        book_all(store, clock, [r for r, _ in rooms], due)
        print(f"{args.rooms} rooms due at {due:%H:%M:%S}, {args.lines} lines", flush=True)
        stop = threading.Event()
        thread = threading.Thread(target=dialler.run, args=(stop,))
        thread.start()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if all(w.status == "confirmed" for w in wakeups(store).values()):
                break
            time.sleep(0.5)
        stop.set()
        thread.join(timeout=30)
    finally:
        bank.close()
        lab.close()
    calls = wakeups(store)
    tried = attempts_by_wakeup(store)
    firsts = sorted((tried[w.id][0] for w in calls.values()), key=lambda a: a.started_at)
    unconfirmed = sum(w.status != "confirmed" for w in calls.values())
    ends = [a.ended_at for a in firsts if a.ended_at is not None]
    lengths = [(a.ended_at - a.started_at).total_seconds() for a in firsts if a.ended_at is not None]
    seconds = (max(ends) - due).total_seconds()
    bound = args.rooms / args.lines * statistics.fmean(lengths)
    lateness: list[float] = []
    busy: list[float] = []  # end times of the calls on the lines
    for a in firsts:
        free_at = due.timestamp()
        if len(busy) >= args.lines:
            free_at = max(free_at, heapq.heappop(busy))
        lateness.append(max(0.0, a.started_at.timestamp() - free_at))
        heapq.heappush(busy, (a.ended_at or a.started_at).timestamp())
    p99 = statistics.quantiles(lateness, n=100)[98] if len(lateness) > 1 else lateness[0]
    print(
        f"calls {len(calls)}, not confirmed {unconfirmed}, mean call {statistics.fmean(lengths):.2f} s, "
        f"retries {sum(len(t) - 1 for t in tried.values())}"
    )
    print(
        f"wakeup_rush: seconds={seconds:.1f} bound_seconds={bound:.1f} ratio={seconds / bound:.2f} "
        f"lateness_p99_s={p99:.2f}"
    )


if __name__ == "__main__":
    main()
