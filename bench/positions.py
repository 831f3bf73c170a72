"""Three operator positions on one operator number, calls at 2 per second for 60 s through Kamailio,
each position answering as soon as a call is offered (the hardest case: all three press F5 at once).

Each position is a pjsua2 position in its own process claiming calls in one PostgreSQL database;
sipp is the callers. Counts every call the callers placed: answered by exactly one position, by none
(lost), by more than one (double); and how long after the answering position connected the call left
each other position's queue.

Last line: ``positions: calls=N answered_once=N lost=N double=N p99_gone_ms=N``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.store import Store
from tests.pg_server import PostgresServer
from tests.positions_lab import Position
from tests.sip_lab.kamailio import KamailioLab
from tests.sip_lab.sipp import run_sipp_calls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--positions", type=int, default=3)
    parser.add_argument("--rate", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    calls = int(args.rate * args.seconds)
    pg = PostgresServer()
    pg.start()
    lab = KamailioLab()
    lab.start()
    positions: list[Position] = []
    try:
        url = pg.new_database()
        store = Store(url)
        store.migrate()
        store.dispose()
        positions = [Position(f"P{i}", lab, url, answer=True) for i in range(1, args.positions + 1)]
        for p in positions:
            p.wait("link", status="up", timeout=30)
        with tempfile.TemporaryDirectory() as tmp:
            result = run_sipp_calls(
                lab.domain,
                "9",
                Path(tmp),
                calls=calls,
                rate=args.rate,
                limit=12,
                hold_ms=1500,
                timeout=args.seconds + 120,
            )
        time.sleep(2.0)
        names = {e["name"] for p in positions for e in p.of("offered")}
        once = lost = double = 0
        gone: list[float] = []
        for name in names:
            takers = [(p, p.of("state", name=name, state="connected")) for p in positions]
            takers = [(p, events[0]) for p, events in takers if events]
            if not takers:
                lost += 1
                continue
            if len(takers) > 1:
                double += 1
                continue
            once += 1
            winner, at = takers[0]
            for other in positions:
                ended = [e for e in other.of("ended", name=name) if e["reason"] == "answered elsewhere"]
                if other is not winner and ended:
                    gone.append(max(0.0, (ended[0]["t"] - at["t"]) * 1000))
        lost += calls - len(names)  # calls that never rang anywhere
        if not result.ok:
            print(f"sipp: {result.stdout[-600:]}")
        p99 = sorted(gone)[int(len(gone) * 0.99)] if gone else float("nan")
        print(
            f"gone after the answer: p50 {statistics.median(gone):.1f} ms, max {max(gone):.1f} ms"
            if gone
            else ""
        )
        print(
            f"positions: calls={calls} answered_once={once} lost={lost} double={double} p99_gone_ms={p99:.1f}"
        )
    finally:
        for p in positions:
            p.stop()
        lab.close()
        pg.stop()


if __name__ == "__main__":
    main()
