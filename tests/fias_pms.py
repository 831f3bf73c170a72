"""A PMS (the IFC side of FIAS) for tests and benches: TCP server or a pty end, speaking the spec.

It keeps its own room database (guests and DND), starts the link with LS, answers
LD/LR/LA with LA, answers DR with DS, a GI with SF per guest (and, with ``resync_dnd``,
an RE with its DND), then DE, and answers every PS with PA. In serial mode it runs the
FIPS dialogue of ``FipsLine``; a record the line had not acknowledged when a
connection ended goes again, first, once the next link is alive.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import serial

from switchboard.errors import InputError
from switchboard.fias.framing import FipsLine, TcpFramer, frame_tcp
from switchboard.fias.records import FiasRecord, format_record, parse

LINK_CONTROL = (b"LS", b"LA")  # the PMS's own link control, never carried to the next connection


class PmsPeer:
    def __init__(
        self,
        *,
        serial_framing: bool,
        ack_timeout_s: float = 0.5,
        settle_s: float = 0.0,
        resync_dnd: bool = False,
    ) -> None:
        self.serial_framing = serial_framing
        self.resync_dnd = resync_dnd  # the spec's resync is GI/GO only; tests comparing DND want it too
        self.ack_timeout_s = ack_timeout_s
        self.settle_s = settle_s  # 0 like a plain IFC; the damaged-line tests let it doubt ACKs too
        self.guests: dict[str, tuple[str, str]] = {}  # room -> (reservation, name)
        self.dnd: dict[str, bool] = {}
        self.sent: list[FiasRecord] = []  # the data records the test had the PMS send, in order
        self.received: list[FiasRecord] = []
        self.alive = threading.Event()
        self._outbox: deque[bytes] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._io: _Io | None = None
        self._thread: threading.Thread | None = None
        self.connections = 0
        self._described = False
        self.naks_sent = 0
        self.unreadable = 0  # records that did not parse (damaged on a TCP line)

    # --- the test's side ---------------------------------------------------
    def send(self, kind: str, *fields: tuple[str, str]) -> None:
        rec = FiasRecord(kind, tuple(fields))
        room = rec.get("RN")
        with self._lock:
            if kind == "GI":
                self.guests[room] = (rec.get("G#"), rec.get("GN"))
            elif kind == "GO":
                self.guests.pop(room, None)
                self.dnd.pop(room, None)
            elif kind == "GC" and rec.get("RO"):
                self.guests[room] = self.guests.pop(rec.get("RO"))
                if rec.get("RO") in self.dnd:
                    self.dnd[room] = self.dnd.pop(rec.get("RO"))
            elif kind == "RE" and rec.has("DN"):
                self.dnd[room] = rec.get("DN") == "Y"
            self.sent.append(rec)
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

    @property
    def queued(self) -> int:
        with self._lock:
            return len(self._outbox)

    def serve(self, io: _Io) -> None:
        """A new connection; like IFC, a second client replaces the first."""
        self.drop()
        self._io = io
        self.connections += 1
        self._thread = threading.Thread(target=self._run, args=(io,), daemon=True)
        self._thread.start()

    def drop(self) -> None:
        """Pull the cable: the console must notice and come back by itself."""
        if self._io is not None:
            self._io.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._io = self._thread = None

    def stop(self) -> None:
        self._stop.set()
        self.drop()

    # --- the wire ----------------------------------------------------------
    def _run(self, io: _Io) -> None:
        line = FipsLine(self.ack_timeout_s, 3, self.settle_s) if self.serial_framing else None
        framer = TcpFramer()
        self._described = False
        self.alive.clear()
        try:
            self._write_record(io, line, b"LS|DA%s|TI%s|" % _stamp())
            while not self._stop.is_set():
                data = io.read()
                if data is None:
                    return
                if line is None:
                    for payload in framer.feed(data):
                        self._handle(io, line, payload)
                    while self.alive.is_set() and (queued := self._next()) is not None:
                        io.write(frame_tcp(queued))
                elif not self._turn(io, line, data):
                    return  # no answer through every retry: hang up, the console calls again
        except OSError:
            return
        finally:
            self.alive.clear()
            if line is not None:
                again = [p for p in line.unacknowledged() if p[:2] not in LINK_CONTROL]
                with self._lock:
                    self._outbox.extendleft(reversed(again))
            io.close()

    def _turn(self, io: _Io, line: FipsLine, data: bytes) -> bool:
        """Run the serial dialogue until it rests; False when the line is broken."""
        while True:
            out, events = line.step(data, time.monotonic())
            data = b""
            if out:
                io.write(out)
            for event in events:
                if event.record is not None:
                    self._handle(io, line, event.record)
                elif event.bad:
                    self.naks_sent += 1
            fed = False
            if self.alive.is_set() and not line.busy and (payload := self._next()) is not None:
                line.send(payload)
                fed = True
            if line.broken:
                return False
            if not events and not fed:
                return True

    def _next(self) -> bytes | None:
        with self._lock:
            return self._outbox.popleft() if self._outbox else None

    def _handle(self, io: _Io, line: FipsLine | None, payload: bytes) -> None:
        try:
            rec = parse(payload)
        except InputError:
            self.unreadable += 1
            return
        with self._lock:
            self.received.append(rec)
        if rec.kind == "LA" and not self.alive.is_set():
            self._write_record(io, line, b"LA|DA%s|TI%s|" % _stamp())
            self.alive.set()
        elif rec.kind == "LS" and not self._described:
            # We started before the console listened: ask it to describe its link.
            self._write_record(io, line, b"LS|DA%s|TI%s|" % _stamp())
        elif rec.kind == "LS":
            self._write_record(io, line, b"LA|DA%s|TI%s|" % _stamp())
        elif rec.kind == "LD":
            self._described = True
        elif rec.kind == "PS":
            fields = (("AS", "OK"), ("RN", rec.get("RN")), ("P#", rec.get("P#")))
            answer = FiasRecord("PA", (*fields, ("DA", rec.get("DA")), ("TI", rec.get("TI"))))
            with self._lock:
                self._outbox.appendleft(format_record(answer))
        elif rec.kind == "DR":
            self._queue_resync()

    def _queue_resync(self) -> None:
        da, ti = _stamp()
        with self._lock:
            batch = [b"DS|DA%s|TI%s|" % (da, ti)]
            for room in sorted(self.guests):
                reservation, name = self.guests[room]
                fields = (("RN", room), ("G#", reservation), ("GN", name), ("GS", "N"), ("SF", ""))
                batch.append(format_record(FiasRecord("GI", fields)))
            for room in sorted(self.guests) if self.resync_dnd else ():
                dnd = "Y" if self.dnd.get(room) else "N"
                batch.append(format_record(FiasRecord("RE", (("RN", room), ("DN", dnd)))))
            batch.append(b"DE|DA%s|TI%s|" % (da, ti))
            self._outbox.extend(batch)

    def _write_record(self, io: _Io, line: FipsLine | None, payload: bytes) -> None:
        if line is not None:
            line.send(payload)
        else:
            io.write(frame_tcp(payload))


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
        conn.settimeout(0.005)

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
        self._port = serial.Serial(path, baudrate=9600, timeout=0.005)
        self._closed = False

    def read(self) -> bytes | None:
        if self._closed:
            return None
        try:
            data = bytes(self._port.read(1))
            if data and self._port.in_waiting:
                data += self._port.read(self._port.in_waiting)
        except (serial.SerialException, TypeError):
            return None  # closed under us
        return data

    def write(self, data: bytes) -> None:
        self._port.write(data)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            time.sleep(0.1)
            self._port.close()


@contextmanager
def pms_on_tcp(serial_framing: bool = False, **options: Any) -> Iterator[tuple[PmsPeer, int]]:
    """A PMS listening on a free loopback port (it takes the console's connections, reconnects too)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    pms = PmsPeer(serial_framing=serial_framing, **options)
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
