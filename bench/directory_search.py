"""Directory search per keystroke, with 2,000 in-house guests and 100,000 past stays.

Sets up a SQLite database with the demo hotel plus the guests, builds the
directory the way the console does, then types 300 queries (names, pinyin,
initials, rooms, companies) one key at a time into the real search panel
(offscreen Qt) and times each keystroke until the result list is filled.

Last line: ``directory_search: p50_ms=N p99_ms=N``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from db.callers import SqlCallers
from db.romanise import romanise
from db.rows import GuestRow, RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from switchboard.clock import FakeClock
from switchboard.directory import Directory
from ui.directory_panel import DirectoryPanel

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯晨欣雪琳"
WESTERN_SURNAMES = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Müller",
    "Schmidt",
    "Dubois",
    "Rossi",
    "Tanaka",
    "Kim",
    "Nguyen",
    "Patel",
    "Ivanova",
    "O'Connor",
]
WESTERN_GIVEN = [
    "James",
    "Mary",
    "John",
    "Linda",
    "Robert",
    "Anna",
    "Hans",
    "Claire",
    "Marco",
    "Hiroshi",
    "Min-jun",
    "Raj",
    "Sean",
    "Eva",
    "Lucía",
    "Omar",
    "Olivia",
    "Emily",
]
COMPANIES = ["华为技术", "腾讯", "Acme Corp", "Siemens AG", "Toyota", "中国银行", "Tata Group", ""]


def guest_name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return f"{rng.choice(WESTERN_SURNAMES)}, {rng.choice(WESTERN_GIVEN)}"


def build(store: Store, clock: FakeClock, rng: random.Random) -> None:
    seed_demo_hotel(store, clock)
    today = clock.now().date()
    with store.read() as s:
        room_ids = list(s.scalars(select(RoomRow.id)))
    guests, stays = [], []
    for n in range(102_000):
        name = guest_name(rng)
        romanised, initials = romanise(name)
        guests.append(
            {
                "name": name,
                "romanised": romanised,
                "initials": initials,
                "title": "",
                "language": "zh",
                "vip_level": 0,
                "company": rng.choice(COMPANIES),
            }
        )
        in_house = n < 2_000
        arrival = today - timedelta(days=rng.randint(1, 5) if in_house else rng.randint(10, 1500))
        stays.append(
            {
                "reservation": f"B{n:07d}",
                "room_id": rng.choice(room_ids),
                "status": "in_house" if in_house else "checked_out",
                "arrival": arrival,
                "departure": arrival + timedelta(days=rng.randint(1, 6)),
            }
        )
    with store.unit() as s:
        ids = list(s.scalars(insert(GuestRow).returning(GuestRow.id), guests))
        for stay, guest_id in zip(stays, ids, strict=True):
            stay["guest_id"] = guest_id
        s.execute(insert(StayRow), stays)


def main() -> None:
    rng = random.Random(2026)
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(sqlite_url(Path(tmp) / "bench.db"))
        store.migrate()
        build(store, clock, rng)
        started = time.perf_counter()
        entries = SqlCallers(store, clock).directory_entries()
        load_s = time.perf_counter() - started
        panel = DirectoryPanel(Directory(entries))
        guests = [e for e in entries if e.kind.value == "guest"]
        queries = []
        for _ in range(300):
            e = rng.choice(guests)
            queries.append(
                rng.choice([e.name, e.romanised.replace(" ", ""), e.initials, e.room, e.company or e.name])
            )
        timings = []
        for query in queries:
            panel.search.clear()
            for end in range(1, len(query) + 1):
                t = time.perf_counter()
                panel.search.setText(query[:end])
                app.processEvents()
                timings.append((time.perf_counter() - t) * 1000)
        store.dispose()
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"entries={len(entries)} keystrokes={len(timings)} load_s={load_s:.2f} max_ms={timings[-1]:.1f}")
    print(f"directory_search: p50_ms={p50:.2f} p99_ms={p99:.2f}")


if __name__ == "__main__":
    main()
