"""A FIAS database resync of 2,000 rooms over a 9600-baud serial line, into the console's SQLite.

Sets up a SQLite database with the demo hotel grown to 2,000 rooms and the test PMS
with a guest in each (names as the directory bench makes them). The console's link
runs the serial framing (LRC, ACK/NAK per frame) through a relay that paces the bytes
at 9600 baud, 10 bits a byte, each way on its own. Once the link is up the console
asks for a resync (DR); the PMS answers DS, 2,000 GI with SF, DE, each frame waiting
for its ACK as FIPS wants. ``seconds`` runs from asking to the DE applied (the stays
not resent checked out); ``wire_seconds`` is the bytes the PMS sent meanwhile (its
frames, and its ACK of the DR) × 10 / 9600, the time the line itself needs.

The PMS and the paced line run in a child process, as they are another machine and a
cable: in the console's process they would wait for its GIL at every hop.

The console's database starts without the PMS's guests (a new console, or one whose
data was lost: the case a resync is for), so every GI is a check-in.

Last line: ``fias_resync: seconds=N wire_seconds=N ratio=N``.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import random
import sys
import tempfile
import threading
import time
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select

from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsWakeUps
from db.rows import RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store, sqlite_url
from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import FakeClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.records import FiasRecord
from switchboard.fias.session import LinkPhase
from tests.fias_line import Line
from tests.fias_pms import pms_on_tcp

BAUD = 9600
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯晨欣雪琳"
WESTERN = [
    "Smith, James",
    "Müller, Hans",
    "Dubois, Claire",
    "Rossi, Marco",
    "Tanaka, Hiroshi",
    "Kim, Min-jun",
]


def guest_name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return rng.choice(WESTERN)


def build(store: Store, clock: FakeClock, rooms: int) -> list[str]:
    """The demo hotel with floors added above it until it has ``rooms`` rooms; the first ``rooms`` numbers."""
    seed_demo_hotel(store, clock)
    with store.read() as s:
        numbers = list(s.scalars(select(RoomRow.number).order_by(RoomRow.id)))
    extra: list[dict[str, str | int]] = []
    floor = 21
    while len(numbers) + len(extra) < rooms:
        for n in range(1, 40):
            if len(numbers) + len(extra) < rooms:
                number = f"{floor}{n:02d}"
                extra.append({"number": number, "floor": floor, "room_type": "KING", "extension": number})
        floor += 1
    if extra:
        with store.unit() as s:
            s.execute(insert(RoomRow), extra)
    return (numbers + [str(r["number"]) for r in extra])[:rooms]


def pms_and_line(guests: dict[str, tuple[str, str]], control: Connection) -> None:
    """The child process: the test PMS behind a relay paced at 9600 baud; tells the line's port,
    then answers "bytes" with what the PMS has sent through it, until "stop"."""
    with (
        pms_on_tcp(serial_framing=True, ack_timeout_s=3.0) as (pms, pms_port),
        Line(pms_port, baud=BAUD) as line,
    ):
        pms.guests.update(guests)
        control.send(line.port)
        while (command := control.recv()) != "stop":
            control.send(line.bytes_to_console if command == "bytes" else None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=2000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    rng = random.Random(2026)
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(sqlite_url(Path(tmp) / "bench.db"))
        store.migrate()
        rooms = build(store, clock, args.rooms)
        guests = {room: (f"B{n:07d}", guest_name(rng)) for n, room in enumerate(rooms)}
        control, child_end = multiprocessing.Pipe()
        child = multiprocessing.get_context("spawn").Process(target=pms_and_line, args=(guests, child_end))
        child.start()
        port = control.recv()
        done = threading.Event()
        applied_at: list[float] = []
        apply_s: list[float] = []  # how long the front office took over each record
        holder: list[PmsFrontDesk] = []

        def deliver(rec: FiasRecord) -> None:
            at = time.perf_counter()
            holder[0].apply(rec)
            apply_s.append(time.perf_counter() - at)
            if rec.kind == "DE":
                applied_at.append(time.perf_counter())
                done.set()

        settings = LinkSettings(
            f"socket://127.0.0.1:{port}", serial_framing=True, baudrate=BAUD, listen_s=0.5
        )
        link = FiasLink(settings, clock, deliver, lambda _event: None)
        desk = PmsFrontDesk(SqlFrontOffice(store, clock), SqlPmsWakeUps(store, clock), link.send)
        holder.append(desk)
        link.start()
        try:
            deadline = time.monotonic() + 30
            while link.session.phase is not LinkPhase.ALIVE:
                if time.monotonic() > deadline:
                    raise SystemExit("the link did not come up")
                time.sleep(0.05)
            time.sleep(1.0)  # the link start's last bytes through the paced line
            control.send("bytes")
            sent_before = control.recv()
            started = time.perf_counter()
            link.request_resync()
            if not done.wait(timeout=args.rooms * 0.2 + 60):
                raise SystemExit("no DE within the time allowed")
            seconds = applied_at[0] - started
            apply_de = apply_s[-1] * 1000
            control.send("bytes")
            pms_bytes = control.recv() - sent_before
        finally:
            link.stop()
            control.send("stop")
            child.join(timeout=10)
        with store.read() as s:
            in_house = dict(
                s.execute(
                    select(RoomRow.number, StayRow.reservation)
                    .join(StayRow, StayRow.room_id == RoomRow.id)
                    .where(StayRow.status == "in_house")
                ).all()
            )
            stays = s.scalar(select(func.count()).select_from(StayRow).where(StayRow.status == "in_house"))
        store.dispose()
    right = stays == len(guests) and in_house == {room: g[0] for room, g in guests.items()}
    wire_seconds = pms_bytes * 10 / BAUD
    print(
        f"rooms={len(rooms)} records_applied={desk.applied} failed={desk.failed} pms_bytes={pms_bytes} "
        f"in_house={stays} state_equals_pms={right}"
    )
    records_ms = [a * 1000 for a in apply_s[:-1]]  # DS and the GIs; DE checks out the stays not resent
    mean_ms = sum(records_ms) / len(records_ms)
    print(f"apply_ms_mean={mean_ms:.1f} apply_ms_max={max(records_ms):.0f} apply_de_ms={apply_de:.0f}")
    ratio = seconds / wire_seconds
    print(f"fias_resync: seconds={seconds:.1f} wire_seconds={wire_seconds:.1f} ratio={ratio:.3f}")


if __name__ == "__main__":
    main()
