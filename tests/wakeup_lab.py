"""What the wake-up tests and the rush bench share: a hotel with guests, wake-ups due now, and
banks of room phones (sipp) registered at the lab's Kamailio, each bank giving one kind of answer."""

from __future__ import annotations

import os
import socket
import subprocess
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from db.frontoffice import SqlFrontOffice
from db.rows import RoomRow, StayRow, WakeUpAttemptRow, WakeUpRow
from db.seed import seed_demo_hotel
from db.store import Store
from db.wakeup_book import SqlWakeUpBook
from switchboard.clock import Clock
from switchboard.frontoffice import CheckIn
from switchboard.hotel import Actor, Role, StayStatus
from tests.sip_lab.ports import free_port

ROOMS = Path(__file__).parent / "sip_lab" / "rooms"
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)


def hotel_with_guests(store: Store, clock: Clock, count: int) -> list[tuple[str, str]]:
    """The demo hotel with ``count`` more rooms checked in; returns (room, extension) of every in-house room,
    the first ``count`` ones being rooms without a guest before."""
    seed_demo_hotel(store, clock)
    with store.read() as s:
        taken = set(s.scalars(select(StayRow.room_id).where(StayRow.status == StayStatus.IN_HOUSE.value)))
        free = [
            (r.number, r.extension)
            for r in s.scalars(select(RoomRow).order_by(RoomRow.number))
            if r.id not in taken
        ]
    office = SqlFrontOffice(store, clock)
    today: date = clock.now().date()
    chosen = free[:count]
    for number, _ext in chosen:
        office.check_in(
            CheckIn(room=number, name=f"Guest {number}", departure=today + timedelta(days=3), language="en"),
            DESK,
        )
    return chosen


def book_all(store: Store, clock: Clock, rooms: Iterable[str], due: datetime) -> list[int]:
    book = SqlWakeUpBook(store, clock)
    return [book.book_due(room, due, DESK).id for room in rooms]


def register(domain: str, extension: str, port: int) -> None:
    """Register ``extension`` at the lab's Kamailio with its contact at 127.0.0.1:``port`` (a room bank)."""
    host, kport = domain.split(":")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        s.settimeout(2)
        me = s.getsockname()[1]
        tag = uuid.uuid4().hex
        s.sendto(
            (
                f"REGISTER sip:{domain} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK{tag}\r\n"
                f"From: <sip:{extension}@{domain}>;tag={tag[:8]}\r\nTo: <sip:{extension}@{domain}>\r\n"
                f"Call-ID: {tag}@bank\r\nCSeq: 1 REGISTER\r\nContact: <sip:{extension}@127.0.0.1:{port}>\r\n"
                "Expires: 3600\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
            ).encode(),
            (host, int(kport)),
        )
        answer = s.recv(4096).decode(errors="replace")
    if not answer.startswith("SIP/2.0 200"):
        raise RuntimeError(f"register {extension}: {answer.splitlines()[0] if answer else 'no answer'}")


class RoomBank:
    """One sipp acting as every room registered to it; ``kind`` is a scenario in sip_lab/rooms/,
    ``keys`` its generic parameters (sipp ``-key``)."""

    def __init__(self, kind: str, run_dir: Path, keys: dict[str, str] | None = None) -> None:
        self.kind = kind
        run_dir.mkdir(parents=True, exist_ok=True)
        self.run_dir = run_dir
        for _try in range(5):  # sipp also binds the port after -mp (+2, video): a test elsewhere may hold it
            self.port = free_port(both=False)
            self._process = self._start(kind, keys)
            try:
                self._process.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                return  # listening
        raise RuntimeError(f"sipp room bank {kind} would not start; see {run_dir}")

    def _start(self, kind: str, keys: dict[str, str] | None) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                "sipp",
                "-sf",
                str(ROOMS / f"{kind}.xml"),
                "-i",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-mp",
                str(free_port(both=False)),
                "-nostdin",
                "-trace_err",
                *(["-trace_msg"] if os.environ.get("ROOM_TRACE") else []),
                *(arg for key, value in (keys or {}).items() for arg in ("-key", key, value)),
                "127.0.0.1:9",
            ],
            cwd=self.run_dir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def close(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


@dataclass(frozen=True)
class Attempt:
    attempt_no: int
    started_at: datetime
    ended_at: datetime | None
    result: str
    detail: str


@dataclass(frozen=True)
class Call:
    id: int
    room_number: str
    status: str
    attempts: int
    source: str
    due_at: datetime


def attempts_by_wakeup(store: Store) -> dict[int, list[Attempt]]:
    with store.read() as s:
        out: dict[int, list[Attempt]] = {}
        for a in s.scalars(
            select(WakeUpAttemptRow).order_by(WakeUpAttemptRow.wakeup_id, WakeUpAttemptRow.attempt_no)
        ):
            out.setdefault(a.wakeup_id, []).append(
                Attempt(a.attempt_no, a.started_at, a.ended_at, a.result, a.detail)
            )
        return out


def wakeups(store: Store) -> dict[int, Call]:
    with store.read() as s:
        return {
            w.id: Call(w.id, w.room_number, w.status, w.attempts, w.source, w.due_at)
            for w in s.scalars(select(WakeUpRow))
        }
