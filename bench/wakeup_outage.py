"""Morning rush through a database outage: 600 rooms due at the same minute on PostgreSQL, real SIP
calls through Kamailio to auto-answering room phones that press 1, the dialler on 40 lines; in the
middle of the rush PostgreSQL is stopped for 60 s, and the dialler goes on from its journal.

    python bench/wakeup_outage.py [--rooms 600] [--lines 40] [--outage 60]

Last line: ``wakeup_outage: seconds=N bound_seconds=N ratio=N lost=N doubled=N`` where seconds is the
due time to the last confirmed call (as the book has it once the journal is reconciled), bound =
rooms / lines × mean call length (what the lines allow, as in wakeup_rush), lost = wake-ups not
confirmed in the book after the outage, doubled = rooms whose phone Kamailio saw invited more than
once (its own log of INVITEs, one per Call-ID)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.store import Store
from db.wakeup_reconcile import SqlDiallerBook
from hardware.wakeup.dialler import Dialler, sip_reachable
from hardware.wakeup.journal_file import JournalFile
from hardware.wakeup.journalled import JournalledBook
from hardware.wakeup.lines import SipLines
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_plan import DiallingRules
from tests.sip_lab.kamailio import KamailioLab
from tests.test_wakeup_crash import invites_by_extension
from tests.wakeup_lab import RoomBank, attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups
from tests.wakeup_outage_lab import PausablePostgres, next_minute, sleep_until

SOUNDS = Path(__file__).resolve().parents[1] / "resources" / "sounds"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=600)
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--outage", type=float, default=60.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wakeup-outage-"))
    clock = SystemClock(zone_named("Asia/Shanghai"))
    pg = PausablePostgres()
    pg.start()
    store = Store(pg.new_database())
    store.migrate()
    print(f"checking in {args.rooms} rooms …", flush=True)
    rooms = hotel_with_guests(store, clock, args.rooms)
    lab = KamailioLab()
    lab.start()
    bank = RoomBank("confirm", work / "rooms")
    stop = threading.Event()
    thread: threading.Thread | None = None
    journal: JournalledBook | None = None
    try:
        for _room, extension in rooms:
            register(lab.domain, extension, bank.port)
        rules = DiallingRules(
            ring_time=timedelta(seconds=20), listen_time=timedelta(seconds=10), lines=args.lines
        )
        due = next_minute(clock, 45)  # booking 600 rooms takes a while on a busy machine
        book_all(store, clock, [r for r, _ in rooms], due)
        lines = SipLines(lab.domain, rules.lines, host="127.0.0.1", log_path=work / "lines.log")
        journal = JournalledBook(
            SqlDiallerBook(store, clock, rules), JournalFile(work / "data", rules), clock.now
        )
        dialler = Dialler(
            journal,
            lines,
            rules,
            {"en": SOUNDS / "wakeup_en.wav", "zh": SOUNDS / "wakeup_zh.wav"},
            reachable=lambda: sip_reachable(lab.domain),
        )
        thread = threading.Thread(target=dialler.run, args=(stop,))
        thread.start()
        print(f"{args.rooms} rooms due at {due:%H:%M:%S}, {args.lines} lines", flush=True)
        middle = args.rooms / args.lines * 1.45 / 2  # half the rush, at wakeup_rush's call length
        sleep_until(clock, due + timedelta(seconds=middle))
        pg.pause()
        stopped = time.monotonic()
        print(f"PostgreSQL stopped at {clock.now():%H:%M:%S}", flush=True)
        time.sleep(max(0.0, args.outage - (time.monotonic() - stopped)))
        pg.resume()
        print(f"PostgreSQL started again at {clock.now():%H:%M:%S}", flush=True)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if not journal.away and all(w.status == "confirmed" for w in wakeups(store).values()):
                    break
            except Exception:  # the bench's own reads while the server starts again
                pass
            time.sleep(0.5)
        stop.set()
        thread.join(timeout=30)
        calls = wakeups(store)
        tried = attempts_by_wakeup(store)
        invites = invites_by_extension(lab.log_path)  # before the lab's folder goes
    finally:
        stop.set()
        if thread is not None:
            thread.join(timeout=30)
        bank.close()
        lab.close()
        store.dispose()
        pg.stop()
    extension_of = dict(rooms)
    firsts = [tried[w.id][0] for w in calls.values() if tried.get(w.id)]
    ends = [a.ended_at for a in firsts if a.ended_at is not None]
    lengths = [(a.ended_at - a.started_at).total_seconds() for a in firsts if a.ended_at is not None]
    seconds = (max(ends) - due).total_seconds()
    bound = args.rooms / args.lines * statistics.fmean(lengths)
    lost = sum(w.status != "confirmed" for w in calls.values())
    doubled = sum(1 for w in calls.values() if len(invites.get(extension_of[w.room_number], [])) > 1)
    stopped_at = due.timestamp() + middle
    offline = sum(1 for a in firsts if a.started_at.timestamp() > stopped_at)
    print(
        f"calls {len(calls)}, attempts {sum(len(t) for t in tried.values())}, mean call "
        f"{statistics.fmean(lengths):.2f} s, started after the stop {offline}, "
        f"reconciled {journal.reconciled if journal else 0}, INVITEs {sum(len(v) for v in invites.values())}"
    )
    print(
        f"wakeup_outage: seconds={seconds:.1f} bound_seconds={bound:.1f} ratio={seconds / bound:.2f} "
        f"lost={lost} doubled={doubled}"
    )


if __name__ == "__main__":
    main()
