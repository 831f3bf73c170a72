"""The console's side of the outside FIAS tests: its link, front desk and posting numbers composed as
console/links.py composes them, against tests/fias_outsider_pms.py over TCP or a socat pty pair."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from db.fias_sequence import SqlPostingNumbers
from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsWakeUps
from db.room_board import SqlRoomBoard
from db.rows import GuestRow, RoomRow, StayRow
from db.seed import seed_demo_hotel
from db.store import Store
from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import SystemClock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.session import LinkPhase
from switchboard.link_monitor import LinkCounters, LinkJournal
from switchboard.pbx import LinkName
from tests.fias_outsider_pms import OutsiderPms
from tests.reader import READER
from tests.test_fias_link import SocatPair, eventually

ZONE = ZoneInfo("Asia/Shanghai")


@dataclass
class Console:
    """The console's side as console/links.py composes it: link, front desk, posting numbers in the db."""

    store: Store
    url: str
    serial: bool
    options: dict[str, object]
    events: list[object] = field(default_factory=list)
    settled: list[tuple[int, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.clock = SystemClock(ZONE)
        holder: list[PmsFrontDesk] = []
        settings = LinkSettings(self.url, serial_framing=self.serial, **self.options)  # type: ignore[arg-type]
        self.link = FiasLink(
            settings,
            self.clock,
            lambda rec: holder[0].apply(rec),
            self.events.append,
            numbers=SqlPostingNumbers(self.store),
        )
        self.desk = PmsFrontDesk(
            SqlFrontOffice(self.store, self.clock), SqlPmsWakeUps(self.store, self.clock), self.link.send
        )
        holder.append(self.desk)
        self.link.session.on_settled = lambda posting, ok: self.settled.append((posting.reference, ok))
        self.link.start()

    def journal(self) -> LinkJournal:
        journal = LinkJournal()
        for event in list(self.events):
            journal.take(event)
        return journal

    def errors(self) -> int:
        counters = [e for e in list(self.events) if isinstance(e, LinkCounters) and e.link is LinkName.PMS]
        return counters[-1].errors if counters else 0

    def alive(self) -> bool:
        return self.link.session.phase is LinkPhase.ALIVE


@dataclass
class Rig:
    pms: OutsiderPms
    console: Console
    wire: str
    new_console: Callable[[], Console]
    raised: list[BaseException]


def link_options(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {"listen_s": 0.5, "ack_timeout_s": 0.5}
    base.update(extra)
    return base


def rigs(store: Store, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    """The body of each test module's ``rig_factory`` fixture: makes rigs, closes them after the test."""
    closers: list[Callable[[], None]] = []
    raised: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: raised.append(args.exc_value or RuntimeError("thread died"))
    seed_demo_hotel(store, SystemClock(ZONE))

    def make(wire: str = "tcp", encoding: str = "utf-8", **extra: object) -> Rig:
        pms = OutsiderPms(encoding, serial=wire == "pty")
        options = link_options(encoding=encoding, **extra)
        if wire == "tcp":
            port, close = pms.serve_tcp()
            closers.append(close)
            url = f"socket://127.0.0.1:{port}"
        else:
            assert shutil.which("socat"), "socat is part of the test packages"
            pair = SocatPair(tmp_path)
            pair.start()
            closers.append(pair.stop)
            closers.append(pms.serve_pty(pair.a))
            url = pair.b
        consoles: list[Console] = []

        def new_console() -> Console:
            console = Console(store, url, wire == "pty", options)
            consoles.append(console)
            closers.append(console.link.stop)
            return console

        return Rig(pms, new_console(), wire, new_console, raised)

    yield make
    for close in reversed(closers):
        close()
    threading.excepthook = previous
    assert raised == [], "an exception left a link thread"


WIRES = ["tcp", pytest.param("pty", marks=pytest.mark.slow)]


def vacant(store: Store, count: int = 1) -> list[str]:
    board = SqlRoomBoard(store, SystemClock(ZONE))
    rooms = [r.number for r in board.rooms(READER) if r.occupancy == "vacant"]
    return rooms[:count]


def stay(store: Store, reservation: str) -> tuple[str, str, str, str, int] | None:
    """(status, room, last name, first name, the room's class of service) of a reservation."""
    with store.read() as s:
        row = s.execute(
            select(
                StayRow.status, RoomRow.number, GuestRow.name, GuestRow.first_name, RoomRow.class_of_service
            )
            .join(GuestRow, GuestRow.id == StayRow.guest_id)
            .join(RoomRow, RoomRow.id == StayRow.room_id, isouter=True)
            .where(StayRow.reservation == reservation)
            .order_by(StayRow.id.desc())
        ).first()
    return tuple(row) if row else None  # type: ignore[return-value]


def becomes(get: Callable[[], object], expected: object, timeout: float = 15.0) -> None:
    """Wait until ``get()`` equals ``expected``; fail showing the last value seen."""
    deadline = time.monotonic() + timeout
    value = get()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        value = get()
    assert value == expected


def alive(rig: Rig) -> None:
    rig.pms.wait_for("LA")
    eventually(rig.console.alive)
