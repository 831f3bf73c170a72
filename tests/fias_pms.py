"""A PMS (the IFC side of FIAS) for tests: TCP server or a pty end, speaking the spec.

It keeps its own room database, starts the link with LS, answers LD/LR/LA with LA,
answers DR with DS, a GI or GO with SF per room, DE, answers every PS with PA, and
in serial mode runs ACK/NAK with retransmission. ``corrupt`` flips that share of
the bytes in the frames it sends, to prove the console NAKs and nothing is lost.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import serial

from switchboard.fias.framing import ACK, ENQ, NAK, SerialFramer, TcpFramer, frame_serial, frame_tcp
from switchboard.fias.records import FiasRecord, format_record, parse


class PmsPeer:
    def __init__(self, *, serial_framing: bool, corrupt: float = 0.0, seed: int = 1) -> None:
        self.serial_framing = serial_framing
        self.corrupt = corrupt
        self._rng = random.Random(seed)
        self.guests: dict[str, tuple[str, str]] = {}  # room -> (reservation, name)
        self.received: list[FiasRecord] = []
        self.alive = threading.Event()
        self._outbox: deque[bytes] = deque()
        self._waiting: tuple[bytes, float] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._io: _Io | None = None
        self._thread: threading.Thread | None = None
        self.connections = 0
        self._described = False
        self.naks_sent = 0
        self.damaged = 0

    # --- the test's side ---------------------------------------------------
    def send(self, kind: str, *fields: tuple[str, str]) -> None:
        rec = FiasRecord(kind, tuple(fields))
        if kind == "GI":
            self.guests[rec.get("RN")] = (rec.get("G#"), rec.get("GN"))
        elif kind == "GO":
            self.guests.pop(rec.get("RN"), None)
        elif kind == "GC" and rec.get("RO"):
            self.guests[rec.get("RN")] = self.guests.pop(rec.get("RO"))
        with self._lock:
            self._outbox.append(format_record(rec))

    def records(self, kind: str) -> list[FiasRecord]:
        with self._lock:
            return [r for r in self.received if r.kind == kind]

    def wait_for(self, kind: str, count: int = 1, timeout: float = 20.0) -> list[FiasRecord]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.records(kind)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"PMS got {len(self.records(kind))} {kind}, wanted {count}")

    def serve(self, io: _Io) -> None:
        self._io = io
        self.connections += 1
        self.alive.clear()
        self._thread = threading.Thread(target=self._run, args=(io,), daemon=True)
        self._thread.start()

    def drop(self) -> None:
        """Pull the cable: the console must notice and come back by itself."""
        if self._io is not None:
            self._io.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.alive.clear()
        if self._waiting is not None:
            # Not acknowledged, so not delivered: it goes again on the next connection.
            with self._lock:
                self._outbox.appendleft(self._waiting[0])
            self._waiting = None

    def stop(self) -> None:
        self._stop.set()
        self.drop()

    # --- the wire ----------------------------------------------------------
    def _run(self, io: _Io) -> None:
        framer: TcpFramer | SerialFramer = SerialFramer() if self.serial_framing else TcpFramer()
        self._waiting = None
        self._described = False
        self._write_record(io, b"LS|DA%s|TI%s|" % _stamp())
        while not self._stop.is_set():
            try:
                data = io.read()
            except OSError:
                return
            if data is None:
                return
            if isinstance(framer, TcpFramer):
                for payload in framer.feed(data):
                    self._handle(io, payload)
            else:
                for event in framer.feed(data):
                    if event.control == ACK and self._waiting is not None:
                        self._waiting = None
                    elif event.control == NAK and self._waiting is not None:
                        self._put(io, self._waiting[0], fresh=False)
                    elif event.control == ENQ:
                        io.write(bytes([ACK]))
                    elif event.bad:
                        self.naks_sent += 1
                        io.write(bytes([NAK]))
                    elif event.record is not None:
                        io.write(bytes([ACK]))
                        self._handle(io, event.record)
                if self._waiting is not None and time.monotonic() - self._waiting[1] > 2.0:
                    # No answer: ask with ENQ (the console repeats its last answer), never resend blind,
                    # or a late ACK would be taken for the next frame.
                    self._waiting = (self._waiting[0], time.monotonic())
                    io.write(bytes([ENQ]))
            # TCP needs no acknowledgement, so everything queued goes at once; serial waits for each ACK.
            while self.alive.is_set() and self._waiting is None:
                with self._lock:
                    payload = self._outbox.popleft() if self._outbox else None
                if payload is None:
                    break
                self._write_record(io, payload)

    def _handle(self, io: _Io, payload: bytes) -> None:
        rec = parse(payload)
        with self._lock:
            self.received.append(rec)
        if rec.kind == "LA" and not self.alive.is_set():
            self._write_record(io, b"LA|DA%s|TI%s|" % _stamp())
            self.alive.set()
        elif rec.kind == "LS" and not self._described:
            # We started before the console listened: ask it to describe its link.
            self._write_record(io, b"LS|DA%s|TI%s|" % _stamp())
        elif rec.kind == "LS":
            self._write_record(io, b"LA|DA%s|TI%s|" % _stamp())
        elif rec.kind == "LD":
            self._described = True
        elif rec.kind == "PS":
            self._queue_front(
                FiasRecord(
                    "PA",
                    (
                        ("AS", "OK"),
                        ("RN", rec.get("RN")),
                        ("P#", rec.get("P#")),
                        ("DA", rec.get("DA")),
                        ("TI", rec.get("TI")),
                    ),
                )
            )
        elif rec.kind == "DR":
            self._queue_resync()

    def _queue_front(self, rec: FiasRecord) -> None:
        with self._lock:
            self._outbox.appendleft(format_record(rec))

    def _queue_resync(self, rooms: list[str] | None = None) -> None:
        da, ti = _stamp()
        batch = [b"DS|DA%s|TI%s|" % (da, ti)]
        for room in rooms if rooms is not None else sorted(self.guests):
            reservation, name = self.guests[room]
            batch.append(
                format_record(
                    FiasRecord(
                        "GI", (("RN", room), ("G#", reservation), ("GN", name), ("GS", "N"), ("SF", ""))
                    )
                )
            )
        batch.append(b"DE|DA%s|TI%s|" % (da, ti))
        with self._lock:
            self._outbox.extend(batch)

    def _write_record(self, io: _Io, payload: bytes) -> None:
        if self.serial_framing:
            self._put(io, payload, fresh=True)
        else:
            io.write(frame_tcp(payload))

    def _put(self, io: _Io, payload: bytes, fresh: bool) -> None:
        frame = bytearray(frame_serial(payload))
        # At most one damaged byte per frame: two flips of the same bit cancel out in an LRC,
        # a weakness of the spec's check that no receiver can see through.
        hits = [i for i in range(1, len(frame)) if self._rng.random() < self.corrupt]
        if hits:
            frame[hits[0]] ^= 1 << self._rng.randrange(7)
            self.damaged += 1
        self._waiting = (payload, time.monotonic())
        io.write(bytes(frame))


def _stamp() -> tuple[bytes, bytes]:
    now = datetime.now()
    return now.strftime("%y%m%d").encode(), now.strftime("%H%M%S").encode()


class _Io:
    def read(self) -> bytes | None: ...
    def write(self, data: bytes) -> None: ...
    def close(self) -> None: ...


class SocketIo(_Io):
    def __init__(self, conn: socket.socket) -> None:
        self._conn = conn
        conn.settimeout(0.05)

    def read(self) -> bytes | None:
        try:
            data = self._conn.recv(4096)
        except TimeoutError:
            return b""
        return data or None

    def write(self, data: bytes) -> None:
        self._conn.sendall(data)

    def close(self) -> None:
        try:
            self._conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._conn.close()


class SerialIo(_Io):
    def __init__(self, path: str) -> None:
        self._port = serial.Serial(path, baudrate=9600, timeout=0.05)
        self._closed = False

    def read(self) -> bytes | None:
        if self._closed:
            return None
        data = bytes(self._port.read(1))
        if data and self._port.in_waiting:
            data += self._port.read(self._port.in_waiting)
        return data

    def write(self, data: bytes) -> None:
        self._port.write(data)

    def close(self) -> None:
        self._closed = True
        time.sleep(0.1)
        self._port.close()


@contextmanager
def pms_on_tcp() -> Iterator[tuple[PmsPeer, int]]:
    """A PMS listening on a free loopback port (it takes the console's connections, reconnects too)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    pms = PmsPeer(serial_framing=False)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            pms.serve(SocketIo(conn))

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield pms, server.getsockname()[1]
    finally:
        stop.set()
        pms.stop()
        acceptor.join(timeout=2)
        server.close()
