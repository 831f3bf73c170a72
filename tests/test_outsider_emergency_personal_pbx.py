"""Personal (VIP) wake-ups in ``[wakeup] mode = pbx``, tested from outside with a PBX interface written
from the FIAS specification (Oracle Hospitality "Fidelio Interface Application Specification" 2.x):

- TCP framing: each record between STX (0x02) and ETX (0x03), no LRC on sockets.
- Link start: the interface sends LS (DA, TI), its LD (DA, TI, V#, IF), one LR per record type it
  takes (RI and the fields in FL), and LA; it answers LS with the same and keeps the link alive with LA.
- WR (wake-up request: RN, DA yymmdd, TI hhmmss), WC (clear: RN, DA, TI), WA (answer: RN, DA, TI,
  AS = OK | BY | NR | UR ...).

The room must be called only after the backup minutes, never if marked done in time, exactly once."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.store import Store, sqlite_url
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_handover import SqlPbxHandover
from db.wakeup_personal import SqlPersonalWakeUps
from hardware.wakeup.pbx_link import PbxWakeUpLink
from switchboard.clock import SystemClock, zone_named
from switchboard.hotel import Actor, Role
from tests.wakeup_lab import hotel_with_guests, wakeups

CLOCK = SystemClock(zone_named("Asia/Shanghai"))
DESK = Actor(user="frontdesk", position="Front desk", role=Role.FRONT_DESK)
OPERATOR = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
BACKUP = timedelta(seconds=6)
LEAD = timedelta(seconds=2)  # db.wakeup_handover.HANDOVER_LEAD (a minute before the backup), scaled likewise
STX, ETX = b"\x02", b"\x03"


class SpecPbx:
    """A FIAS PBX interface on a loopback port, from the specification alone."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.server.settimeout(0.2)
        self.port = int(self.server.getsockname()[1])
        self.records: list[tuple[float, str, dict[str, str]]] = []
        self._conn: socket.socket | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _stamp(self) -> str:
        now = datetime.now()
        return f"DA{now:%y%m%d}|TI{now:%H%M%S}|"

    def _send(self, text: str) -> None:
        if self._conn is not None:
            self._conn.sendall(STX + text.encode("ascii") + ETX)

    def _start(self) -> None:
        self._send(f"LS|{self._stamp()}")
        self._send(f"LD|{self._stamp()}V#1.0|IFPB|")
        self._send("LR|RIWR|FLRNDATI|")
        self._send("LR|RIWC|FLRNDATI|")
        self._send("LR|RIWA|FLRNDATIAS|")
        self._send(f"LA|{self._stamp()}")

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(0.1)
            self._conn = conn
            self._start()
            buffer = b""
            while not self._stop.is_set():
                try:
                    data = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                buffer += data
                while STX in buffer and ETX in buffer[buffer.index(STX) :]:
                    start = buffer.index(STX)
                    end = buffer.index(ETX, start)
                    self._take(buffer[start + 1 : end].decode("utf-8", errors="replace"))
                    buffer = buffer[end + 1 :]
            conn.close()
            self._conn = None

    def _take(self, text: str) -> None:
        kind, _, rest = text.partition("|")
        fields = {f[:2]: f[2:] for f in rest.split("|") if len(f) >= 2}
        self.records.append((time.time(), kind, fields))
        if kind == "LS":
            self._start()  # the other side restarted the link: describe ourselves again
        elif kind == "LA":
            pass

    def of(self, kind: str) -> list[tuple[float, dict[str, str]]]:
        return [(t, f) for t, k, f in self.records if k == kind]

    def answer(self, wr: dict[str, str], status: str) -> None:
        self._send(f"WA|RN{wr['RN']}|DA{wr['DA']}|TI{wr['TI']}|AS{status}|")

    def close(self) -> None:
        self._stop.set()
        self.server.close()
        self._thread.join(timeout=2)


@contextmanager
def linked(store: Store, pbx: SpecPbx) -> Iterator[None]:
    link = PbxWakeUpLink(f"socket://127.0.0.1:{pbx.port}", SqlPbxHandover(store, CLOCK, lead=LEAD), CLOCK.now)
    stop = threading.Event()
    thread = threading.Thread(target=link.run, args=(stop,))
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


@pytest.fixture
def hotel(tmp_path: Path) -> Iterator[tuple[Store, list[str]]]:
    store = Store(sqlite_url(tmp_path / "hotel.db"))
    store.migrate()
    rooms = [room for room, _ in hotel_with_guests(store, CLOCK, 3)]
    yield store, rooms
    store.dispose()


@pytest.fixture
def pbx() -> Iterator[SpecPbx]:
    peer = SpecPbx()
    yield peer
    peer.close()


def _until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


def test_an_unmarked_personal_wake_up_goes_to_the_pbx_once_at_its_backup_time(
    hotel: tuple[Store, list[str]], pbx: SpecPbx
) -> None:
    store, rooms = hotel
    book = SqlWakeUpBook(store, CLOCK, personal_backup=BACKUP)
    due = CLOCK.now() + timedelta(seconds=3)
    call = book.book_due(rooms[0], due, DESK, personal=True)
    with linked(store, pbx):
        assert _until(lambda: bool(SqlPersonalWakeUps(store, CLOCK).to_call()), 8)  # the operator's turn
        assert pbx.of("WR") == []  # not before the backup time
        assert _until(lambda: bool(pbx.of("WR")), 15)
        ((at, wr),) = pbx.of("WR")
        dial_at = due + BACKUP
        # handed over shortly before the backup time, so the time it names is still to come
        assert dial_at.timestamp() - LEAD.total_seconds() - 0.5 <= at < dial_at.timestamp(), (at, dial_at)
        assert wr["RN"] == rooms[0]
        assert (wr["DA"], wr["TI"]) == (f"{dial_at:%y%m%d}", f"{dial_at:%H%M%S}")
        time.sleep(3)
        assert len(pbx.of("WR")) == 1 and pbx.of("WC") == []  # exactly once
        pbx.answer(wr, "OK")
        assert _until(lambda: wakeups(store)[call.id].status == "confirmed", 5)
        time.sleep(1)
        assert len(pbx.of("WR")) == 1


def test_a_personal_wake_up_marked_done_in_time_never_reaches_the_pbx(
    hotel: tuple[Store, list[str]], pbx: SpecPbx
) -> None:
    store, rooms = hotel
    book = SqlWakeUpBook(store, CLOCK, personal_backup=BACKUP)
    due = CLOCK.now() + timedelta(seconds=2)
    call = book.book_due(rooms[1], due, DESK, personal=True)
    personal = SqlPersonalWakeUps(store, CLOCK)
    with linked(store, pbx):
        assert _until(lambda: bool(pbx.of("LS")) or bool(pbx.records), 5)
        assert _until(lambda: bool(personal.to_call()), 6)
        (shown,) = personal.to_call()
        personal.mark_done(shown.id, shown.version, OPERATOR)
        time.sleep((due + BACKUP - CLOCK.now()).total_seconds() + 4)
        assert pbx.of("WR") == [] and pbx.of("WC") == []
        assert wakeups(store)[call.id].status == "handled"


def test_a_personal_wake_up_marked_done_after_the_handover_is_cleared_once(
    hotel: tuple[Store, list[str]], pbx: SpecPbx
) -> None:
    store, rooms = hotel
    book = SqlWakeUpBook(store, CLOCK, personal_backup=BACKUP)
    due = CLOCK.now() + timedelta(seconds=2)
    book.book_due(rooms[2], due, DESK, personal=True)
    personal = SqlPersonalWakeUps(store, CLOCK)
    with linked(store, pbx):
        assert _until(lambda: bool(pbx.of("WR")), 15)
        (shown,) = personal.to_call()  # still the operator's to mark while the PBX has not answered
        personal.mark_done(shown.id, shown.version, OPERATOR)
        assert _until(lambda: bool(pbx.of("WC")), 8)
        ((_t, wr),) = pbx.of("WR")
        ((_t2, wc),) = pbx.of("WC")
        assert (wc["RN"], wc["DA"], wc["TI"]) == (wr["RN"], wr["DA"], wr["TI"])
        time.sleep(2)
        assert len(pbx.of("WR")) == 1 and len(pbx.of("WC")) == 1
