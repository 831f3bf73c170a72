"""An Oracle IFC (the PMS end of FIAS), written for tests from the specification alone.

It shares no code with ``switchboard.fias``: its framing, LRC, ACK/NAK dialogue and
record syntax are written here, rule by rule, from the Oracle Hospitality
*HGBU-IFC8-FIAS Interface Specification* release 2.20.23 (Nov 2018; the PDF is in the
public repository atom-tr/fias-integration). Page numbers below refer to that PDF.
Where the specification leaves a choice, NethVoice's PMS simulator
(nethesis/ns8-nethvoice, freepbx/usr/share/neth-hotel-fias/fias-server.php) was read
for how a real implementation behaves.

The test scripts it: records to send once the link is alive, the answer status of
the next PAs, an LE to end the link, silence (a half-open line). It records every
record the console sent, per connection, with the time it came.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

import serial

STX, ETX, ENQ, ACK, NAK = 0x02, 0x03, 0x05, 0x06, 0x15


def lrc(body: bytes) -> int:
    """p.95: XOR of every byte after STX up to and including ETX, starting from 0."""
    value = 0
    for byte in body + bytes([ETX]):
        value ^= byte
    return value


@dataclass(frozen=True)
class Rec:
    """One record as received: ``RI|FFdata|…|`` (p.20–23), fields in the order sent."""

    kind: str
    fields: tuple[tuple[str, str], ...]
    connection: int
    at: float  # time.monotonic()

    def get(self, field: str) -> str | None:
        return next((v for k, v in self.fields if k == field), None)


def split(text: str, connection: int) -> Rec | None:
    """p.20: a two-character record ID, '|', then fields of a two-character ID and data each ended
    by '|'. p.21: field order is free and unknown fields are skipped (kept here for the test)."""
    if len(text) < 3 or text[2] != "|":
        return None
    pieces = text[3:].split("|")
    if pieces and pieces[-1] == "":
        pieces.pop()
    return Rec(text[:2], tuple((p[:2], p[2:]) for p in pieces), connection, time.monotonic())


def join(kind: str, *fields: tuple[str, str]) -> str:
    return kind + "|" + "".join(f"{k}{v}|" for k, v in fields)


def stamp() -> tuple[tuple[str, str], tuple[str, str]]:
    """p.23: dates YYMMDD, times HHMMSS."""
    now = datetime.now()
    return ("DA", now.strftime("%y%m%d")), ("TI", now.strftime("%H%M%S"))


class Ifc:
    """The PMS end of one FIAS link; ``attach`` a connection (TCP socket or serial port)."""

    def __init__(self, *, serial_framing: bool, encoding: str = "utf-8", ack_timeout_s: float = 3.0) -> None:
        self.serial_framing = serial_framing
        self.encoding = encoding
        self.ack_timeout_s = ack_timeout_s  # p.94: ACK/NAK within 3 s
        self.received: list[Rec] = []
        self.link_records: dict[str, str] = {}  # LR: record ID -> field IDs asked for
        self.pa_statuses: deque[str] = deque()  # AS of the next PAs; OK once used up
        self.alive = threading.Event()
        self.closed_by_console = threading.Event()
        self.silent = False  # a half-open line: read everything, answer nothing
        self.connection = 0
        self._outbox: deque[bytes] = deque()
        self._urgent: deque[bytes] = deque()
        self._lock = threading.Lock()
        self._wire: _Wire | None = None
        self._thread: threading.Thread | None = None
        self._described = False
        self._ending = False
        self._last_answer = NAK
        self._in_flight: tuple[bytes, float, int] | None = None  # frame, sent at, tries

    # --- the test's side ---------------------------------------------------
    def send(self, kind: str, *fields: tuple[str, str]) -> None:
        self.send_raw(join(kind, *fields).encode(self.encoding))

    def send_raw(self, record: bytes) -> None:
        """p.100: data records wait until the link is alive."""
        with self._lock:
            self._outbox.append(record)

    def end_link(self) -> None:
        """p.27: LE ends the link; the other side answers LE and both drop the connection.
        Here the IFC keeps its end open, so the test sees who hangs up."""
        self._ending = True
        self._write(join("LE", *stamp()).encode())
        self.alive.clear()

    def records(self, kind: str, connection: int | None = None) -> list[Rec]:
        with self._lock:
            return [r for r in self.received if r.kind == kind and connection in (None, r.connection)]

    def on_connection(self, connection: int) -> list[Rec]:
        with self._lock:
            return [r for r in self.received if r.connection == connection]

    def wait_for(
        self, kind: str, count: int = 1, timeout: float = 20.0, connection: int | None = None
    ) -> list[Rec]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(found := self.records(kind, connection)) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"IFC got {len(self.records(kind, connection))} {kind}, wanted {count}")

    # --- connections -------------------------------------------------------
    def attach(self, wire: _Wire) -> None:
        """p.97: one client per port; a new connection replaces the old one."""
        self.detach()
        self.connection += 1
        self._wire = wire
        self._described = self._ending = False
        self._urgent.clear()
        self.alive.clear()
        self.closed_by_console.clear()
        self._thread = threading.Thread(target=self._run, args=(wire, self.connection), daemon=True)
        self._thread.start()

    def detach(self) -> None:
        if self._wire is not None:
            self._wire.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._wire = self._thread = None

    def _run(self, wire: _Wire, connection: int) -> None:
        body = bytearray()
        state = "idle"  # idle | body | lrc (serial)
        self._last_answer = NAK  # p.96: an ENQ before any frame is answered NAK
        self._in_flight = None
        try:
            self._write(join("LS", *stamp()).encode())  # p.99: IFC sends LS as soon as it sees a connect
            while True:
                data = wire.read()
                if data is None:
                    self.closed_by_console.set()
                    return
                for byte in data:
                    if state == "lrc":
                        state = "idle"
                        good = lrc(bytes(body)) == byte
                        if not self.silent:
                            self._last_answer = ACK if good else NAK
                            wire.write(bytes([self._last_answer]))  # p.94: answer each frame
                        if good:
                            self._take(bytes(body), connection)
                    elif byte == STX:
                        body.clear()
                        state = "body"
                    elif state == "body" and byte == ETX:
                        if self.serial_framing:
                            state = "lrc"
                        else:
                            state = "idle"
                            self._take(bytes(body), connection)  # p.98: TCP frames carry no LRC
                    elif state == "body":
                        body.append(byte)
                    elif byte == ENQ and not self.silent:
                        wire.write(bytes([self._last_answer]))  # p.96: repeat the last answer
                    elif byte in (ACK, NAK):
                        self._answered(wire, byte)
                self._pump(wire)
        except OSError:
            self.closed_by_console.set()

    def _take(self, body: bytes, connection: int) -> None:
        rec = split(body.decode(self.encoding, errors="replace"), connection)
        if rec is None:
            return
        with self._lock:
            self.received.append(rec)
        if self.silent or self._ending:
            return
        if rec.kind == "LD":
            self._described = True
        elif rec.kind == "LR":
            self.link_records[rec.get("RI") or ""] = rec.get("FL") or ""
        elif rec.kind == "LA" and not self.alive.is_set():
            self._write(join("LA", *stamp()).encode())  # p.100: end of the vendor's link records
            self.alive.set()
        elif rec.kind == "LS":
            # p.27: the vendor's alive check is answered LA; before its description, ask for it.
            self._write(join("LA" if self._described else "LS", *stamp()).encode())
        elif rec.kind == "LE":
            self._write(join("LE", *stamp()).encode())
        elif rec.kind == "PS":
            with self._lock:
                status = self.pa_statuses.popleft() if self.pa_statuses else "OK"
            # p.84: the PA echoes P#, room, date and time of the posting.
            fields = [("AS", status), ("RN", rec.get("RN") or ""), ("P#", rec.get("P#") or "")]
            fields += [("DA", rec.get("DA") or ""), ("TI", rec.get("TI") or "")]
            self._write(join("PA", *fields).encode())

    def _write(self, record: bytes) -> None:
        """Link records and answers go before the test's queued data records."""
        with self._lock:
            self._urgent.append(record)

    def _pump(self, wire: _Wire) -> None:
        """Send what is due: link records at once, data records once alive; serial: one frame at a
        time, each waiting for its ACK (p.94–96: NAK repeats it, silence asks with ENQ, 3 retries)."""
        now = time.monotonic()
        if self.serial_framing and self._in_flight is not None:
            frame, sent_at, tries = self._in_flight
            if now - sent_at >= self.ack_timeout_s:
                if tries > 3:
                    self._in_flight = None  # p.95: given up after the retries, logged, carry on
                else:
                    wire.write(bytes([ENQ]))
                    self._in_flight = (frame, now, tries + 1)
            return
        with self._lock:
            if self.silent:
                return
            if self._urgent:
                head = self._urgent.popleft()
            elif self._outbox and self.alive.is_set() and not self._ending:
                head = self._outbox.popleft()
            else:
                return
        frame = bytes([STX]) + head + bytes([ETX])
        if self.serial_framing:
            frame += bytes([lrc(head)])
            self._in_flight = (frame, now, 1)
        wire.write(frame)

    def _answered(self, wire: _Wire, byte: int) -> None:
        if self._in_flight is None:
            return
        frame, _sent_at, tries = self._in_flight
        if byte == ACK or tries > 3:
            self._in_flight = None
        else:
            wire.write(frame)
            self._in_flight = (frame, time.monotonic(), tries + 1)


class _Wire:
    def read(self) -> bytes | None: ...  # None: the other end closed
    def write(self, data: bytes) -> None: ...
    def close(self) -> None: ...


class SocketWire(_Wire):
    def __init__(self, conn: socket.socket) -> None:
        self._conn = conn
        conn.settimeout(0.01)

    def read(self) -> bytes | None:
        try:
            return self._conn.recv(4096) or None
        except TimeoutError:
            return b""

    def write(self, data: bytes) -> None:
        self._conn.sendall(data)

    def close(self) -> None:
        try:
            self._conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._conn.close()


class SerialWire(_Wire):
    """p.91–93: asynchronous, 8 data bits, one stop bit (a pty ignores the rate)."""

    def __init__(self, path: str) -> None:
        self._port = serial.Serial(path, baudrate=9600, timeout=0.01)

    def read(self) -> bytes | None:
        try:
            data = bytes(self._port.read(1))
            if data and self._port.in_waiting:
                data += self._port.read(self._port.in_waiting)
        except (serial.SerialException, TypeError, OSError):
            return None
        return data

    def write(self, data: bytes) -> None:
        self._port.write(data)

    def close(self) -> None:
        self._port.close()


class _Attachable(Protocol):
    def attach(self, wire: _Wire) -> None: ...

    def detach(self) -> None: ...


P = TypeVar("P", bound=_Attachable)


@contextmanager
def listening(peer: P) -> Iterator[tuple[P, int]]:
    """``peer`` as the TCP server: each connection on a free port is attached to it in turn."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.1)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            peer.attach(SocketWire(conn))

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield peer, server.getsockname()[1]
    finally:
        stop.set()
        acceptor.join(timeout=2)
        peer.detach()
        server.close()


@contextmanager
def ifc_on_tcp(**options: object) -> Iterator[tuple[Ifc, int]]:
    """p.97: the IFC is the TCP server; the vendor system connects to it."""
    with listening(Ifc(serial_framing=False, **options)) as listened:  # type: ignore[arg-type]
        yield listened
