"""Twenty emergency calls from rooms through Kamailio: from the room's INVITE to the alarm reaching an
operator position (a pjsua2 position in its own process, its ringing front hearing the PBX's MESSAGE
and handing the alarm to the window's event bridge), two positions registered as in a real hotel.

Last line: ``emergency_alert: p50_ms=N p99_ms=N missed=N``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.store import Store
from tests.pg_server import PostgresServer
from tests.positions_lab import Position
from tests.sip_lab.kamailio import KamailioLab
from tests.sip_lab.raw_phone import RawPhone

CALLS = 20


def main() -> None:
    pg = PostgresServer()
    pg.start()
    lab = KamailioLab()
    lab.start()
    positions: list[Position] = []
    phones: list[RawPhone] = []
    try:
        url = pg.new_database()
        store = Store(url)
        store.migrate()
        store.dispose()
        positions = [Position(f"P{i}", lab, url, answer=False) for i in (1, 2)]
        for p in positions:
            p.wait("link", status="up", timeout=30)
        trunk = RawPhone("trunk", lab.port)
        trunk.register()
        phones.append(trunk)
        latencies: list[float] = []
        missed = 0
        for n in range(CALLS):
            room = RawPhone(f"{12 + n // 10}{n % 10:02d}", lab.port)  # 1200..1219
            room.register()
            phones.append(room)
            dialled = time.time()
            room.call("110")
            for p in positions:
                try:
                    told = p.wait("emergency", timeout=5, extension=room.user)
                except TimeoutError:
                    missed += 1
                    continue
                latencies.append((told["t"] - dialled) * 1000)
            time.sleep(0.2)
        latencies.sort()
        p50 = statistics.median(latencies) if latencies else float("nan")
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
        print(f"alarms: {len(latencies)} of {CALLS * len(positions)}, slowest {max(latencies):.1f} ms")
        print(f"emergency_alert: p50_ms={p50:.1f} p99_ms={p99:.1f} missed={missed}")
    finally:
        for phone in phones:
            phone.close()
        for p in positions:
            p.stop()
        lab.close()
        pg.stop()


if __name__ == "__main__":
    main()
