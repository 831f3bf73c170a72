"""Wake-ups handed to a PBX that runs them itself, over FIAS on TCP. The PBX in the test is a real
FIAS PBX interface: the console's own IFPB session (the side it plays towards a PMS), on a socket."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from db.rows import WakeUpRow
from db.store import Store, sqlite_url
from db.wakeup_book import SqlWakeUpBook
from db.wakeup_handover import SqlPbxHandover
from hardware.wakeup.pbx_link import PbxWakeUpLink
from switchboard.clock import SystemClock, zone_named
from switchboard.fias.framing import TcpFramer, frame_tcp
from switchboard.fias.records import FiasRecord, format_record, parse
from switchboard.fias.session import FiasSession
from switchboard.wakeup_status import WakeUpStatus
from tests.test_fias_link import eventually
from tests.wakeup_lab import DESK, attempts_by_wakeup, hotel_with_guests, wakeups

CLOCK = SystemClock(zone_named("Asia/Shanghai"))


class PbxPeer:
    """A PBX's FIAS interface on a loopback port: takes WR/WC, answers WA when told to."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.received: list[FiasRecord] = []
        self._lock = threading.Lock()
        self._conn: socket.socket | None = None
        self.session = FiasSession(lambda: CLOCK.now(), self.received.append)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(0.1)
            self._conn, framer = conn, TcpFramer()
            with self._lock:
                self.session.connected()
            while not self._stop.is_set():
                try:
                    data = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                for payload in framer.feed(data):
                    with self._lock:
                        self._write(self.session.receive(parse(payload)))
            conn.close()
            self._conn = None

    def _write(self, records: list[FiasRecord]) -> None:
        if self._conn is not None:
            for rec in records:
                self._conn.sendall(frame_tcp(format_record(rec)))

    def answer(self, wr: FiasRecord, status: str) -> None:
        rec = FiasRecord(
            "WA", (("RN", wr.get("RN")), ("DA", wr.get("DA")), ("TI", wr.get("TI")), ("AS", status))
        )
        with self._lock:
            self._write(self.session.send(rec))

    def drop(self) -> None:
        if self._conn is not None:
            self._conn.close()

    def of(self, kind: str) -> list[FiasRecord]:
        return [r for r in self.received if r.kind == kind]

    def close(self) -> None:
        self._stop.set()
        self.server.close()
        self._thread.join(timeout=2)


@contextmanager
def running(link: PbxWakeUpLink) -> Iterator[None]:
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
    rooms = [room for room, _ in hotel_with_guests(store, CLOCK, 4)]
    yield store, rooms
    store.dispose()


def test_wake_ups_go_to_the_pbx_and_its_answers_come_back(hotel: tuple[Store, list[str]]) -> None:
    store, rooms = hotel
    book = SqlWakeUpBook(store, CLOCK)
    due = CLOCK.now().replace(microsecond=0) + timedelta(hours=2)
    calls = [book.book_due(room, due, DESK) for room in rooms[:3]]
    pbx = PbxPeer()
    try:
        with running(
            PbxWakeUpLink(f"socket://127.0.0.1:{pbx.port}", SqlPbxHandover(store, CLOCK), CLOCK.now)
        ):
            eventually(lambda: len(pbx.of("WR")) == 3)
            wr = {r.get("RN"): r for r in pbx.of("WR")}
            assert {(r.get("DA"), r.get("TI")) for r in wr.values()} == {(f"{due:%y%m%d}", f"{due:%H%M%S}")}
            assert all(w.status == WakeUpStatus.HANDED_TO_PBX.value for w in wakeups(store).values())

            # the console cancels one: the PBX is told with WC, under the same room and time
            third = calls[2]
            book.cancel(third.id, _version(store, third.id), DESK)
            eventually(lambda: [r.get("RN") for r in pbx.of("WC")] == [rooms[2]])

            # the PBX runs the other two and answers each once
            pbx.answer(wr[rooms[0]], "OK")
            pbx.answer(wr[rooms[1]], "NR")
            eventually(lambda: wakeups(store)[calls[1].id].status == WakeUpStatus.ESCALATED.value)
            eventually(lambda: wakeups(store)[calls[0].id].status == WakeUpStatus.CONFIRMED.value)
            assert wakeups(store)[calls[2].id].status == WakeUpStatus.CANCELLED.value
            tried = attempts_by_wakeup(store)
            assert [(a.result, a.detail) for a in tried[calls[1].id]] == [("no_answer", "WA ASNR")]
            assert len(pbx.of("WR")) == 3  # nothing handed over twice
    finally:
        pbx.close()


def test_while_the_pbx_link_is_down_due_calls_go_to_the_manual_list(hotel: tuple[Store, list[str]]) -> None:
    store, rooms = hotel
    book = SqlWakeUpBook(store, CLOCK)
    call = book.book_due(rooms[0], CLOCK.now() + timedelta(seconds=2), DESK)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nobody listens there: the PBX is unreachable
    with running(PbxWakeUpLink(f"socket://127.0.0.1:{port}", SqlPbxHandover(store, CLOCK), CLOCK.now)):
        eventually(lambda: (state := book.dialler()) is not None and not state.pbx_up)
        time.sleep(2.5)
        moved = book.escalate_due()  # what every console does every few seconds
    assert [w.room for w in moved] == [rooms[0]]
    assert wakeups(store)[call.id].status == WakeUpStatus.MANUAL.value


def _version(store: Store, wakeup_id: int) -> int:
    with store.read() as s:
        row = s.get(WakeUpRow, wakeup_id)
        assert row is not None
        return row.version


def test_the_dialler_process_runs_the_handover_when_the_setting_says_so(
    hotel: tuple[Store, list[str]], tmp_path: Path
) -> None:
    store, rooms = hotel
    SqlWakeUpBook(store, CLOCK).book_due(rooms[0], CLOCK.now() + timedelta(hours=1), DESK)
    pbx = PbxPeer()
    settings = tmp_path / "console.ini"
    settings.write_text(f"[wakeup]\nmode = pbx\npbx_url = socket://127.0.0.1:{pbx.port}\n", encoding="utf-8")
    dialler = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "--dialler",
            "--settings",
            str(settings),
            "--database",
            store.url,
            "--data-dir",
            str(tmp_path / "data"),
            "--timezone",
            "Asia/Shanghai",
        ],
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        eventually(lambda: [r.get("RN") for r in pbx.of("WR")] == [rooms[0]], timeout=30)
    finally:
        dialler.send_signal(signal.SIGTERM)
        assert dialler.wait(timeout=10) == 0
        pbx.close()
