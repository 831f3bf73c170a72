"""A PMS interface (Oracle's IFC) written from the FIAS specification alone, to test the console's link.

It knows nothing of the console's code. Each rule carries the page of Oracle Hospitality PMS Interface
HGBU-IFC8-FIAS Interface Specification, Release 2.20.23 (November 2018) it comes from ([SPEC p.N]; the
PDF is kept in the public repository atom-tr/fias-integration). The IFC is the TCP server and one client
at a time may be connected; a new one replaces the old [SPEC p.97-98]. On the serial line it speaks FIPS:
STX record ETX LRC, the receiver answering ACK or NAK, an ENQ asking for the last answer again
[SPEC p.91-97].
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

STX, ETX, ENQ, ACK, NAK = 0x02, 0x03, 0x05, 0x06, 0x15
Fields = tuple[tuple[str, str], ...]


def lrc(record: bytes) -> int:
    """[SPEC p.93] the XOR of every byte after STX up to and including ETX."""
    value = 0
    for byte in record + bytes([ETX]):
        value ^= byte
    return value


def record_bytes(kind: str, fields: Fields, encoding: str) -> bytes:
    """[SPEC p.20-23] record ID, '|', then each field as its 2-character ID, data and '|'."""
    return (kind + "|" + "".join(f"{fid}{value}|" for fid, value in fields)).encode(encoding)


def parse(data: bytes, encoding: str) -> Received:
    text = data.decode(encoding, errors="strict")
    kind, _, rest = text.partition("|")
    parts = rest.split("|")
    if parts and parts[-1] == "":  # [SPEC p.21] a trailing '|' ends the record
        parts.pop()
    return Received(kind, tuple((p[:2], p[2:]) for p in parts), time.monotonic(), data)


@dataclass(frozen=True)
class Received:
    kind: str
    fields: Fields
    at: float  # time.monotonic() when it arrived
    raw: bytes = b""

    def get(self, fid: str) -> str | None:
        """[SPEC p.21] field order does not matter; the first occurrence of a field."""
        return next((v for f, v in self.fields if f == fid), None)

    def has(self, fid: str) -> bool:
        return any(f == fid for f, _ in self.fields)


@dataclass
class PmsBehaviour:
    """How this PMS answers; a test changes it to play another PMS."""

    answer_link_start: bool = True  # [SPEC p.100-102] LA after the vendor's LD, LR..., LA block
    answer_alive_check: bool = True  # [SPEC p.102] LA to a vendor's LS while the link is alive
    posting_answers: list[str] = field(default_factory=list)  # AS for each PS in turn; then OK
    answer_postings: bool = True


class OutsiderPms:
    """The PMS side of one link. Records the vendor sent are kept in order in ``received``."""

    def __init__(self, encoding: str = "utf-8", serial: bool = False) -> None:
        self.encoding = encoding
        self.serial = serial
        self.behaviour = PmsBehaviour()
        self.received: list[Received] = []
        self.undecodable: list[bytes] = []
        self.link_blocks = 0  # complete LD ... LA blocks seen
        self.lrc_errors = 0  # frames of the vendor whose LRC was wrong (we answered NAK)
        self.acks: list[int] = []  # ACK / NAK bytes the vendor sent us, in order
        self.connections = 0
        self.closed_by_vendor = threading.Event()
        self._cond = threading.Condition()
        self._write: Callable[[bytes], None] = lambda _data: None
        self._buffer = bytearray()
        self._last_answer = NAK  # [SPEC p.95] before any record, an ENQ gets NAK
        self._in_block = False
        self.drop: Callable[[], None] = lambda: None  # the PMS side goes away (TCP)

    # --- what a test uses ---------------------------------------------------------------------
    def send(self, kind: str, *fields: tuple[str, str]) -> None:
        self.send_bytes(record_bytes(kind, tuple(fields), self.encoding))

    def send_bytes(self, record: bytes) -> None:
        """One record framed for the wire: STX record ETX, and on serial lines the LRC [SPEC p.22, 93]."""
        frame = bytes([STX]) + record + bytes([ETX])
        if self.serial:
            frame += bytes([lrc(record)])
        self._write(frame)

    def send_raw(self, data: bytes) -> None:
        self._write(data)

    def link_start(self) -> None:
        """[SPEC p.25] LS: 'describe your link'; DA and TI are the IFC's date and time."""
        now = datetime.now()
        self.send("LS", ("DA", now.strftime("%y%m%d")), ("TI", now.strftime("%H%M%S")))

    def of_kind(self, kind: str) -> list[Received]:
        with self._cond:
            return [r for r in self.received if r.kind == kind]

    def wait_for(
        self,
        kind: str,
        count: int = 1,
        timeout: float = 15.0,
        where: Callable[[Received], bool] = lambda _r: True,
    ) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [r for r in self.received if r.kind == kind and where(r)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    kinds = [r.kind for r in self.received]
                    raise AssertionError(f"{count} x {kind} not received in {timeout}s; got {kinds}")
                self._cond.wait(left)

    # --- bytes from the vendor ----------------------------------------------------------------
    def _take(self, data: bytes) -> None:
        self._buffer += data
        while self._buffer:
            first = self._buffer[0]
            if first in (ACK, NAK):
                self.acks.append(first)
                del self._buffer[0]
                continue
            if first == ENQ and self.serial:  # [SPEC p.95] repeat the last answer, never the record
                del self._buffer[0]
                self._write(bytes([self._last_answer]))
                continue
            if first != STX:
                del self._buffer[0]
                if self.serial:
                    self._last_answer = NAK  # [SPEC p.95] any other byte resets the last answer
                continue
            end = self._buffer.find(bytes([ETX]))
            if end < 0 or (self.serial and len(self._buffer) < end + 2):
                return
            record = bytes(self._buffer[1:end])
            if self.serial:
                check = self._buffer[end + 1]
                del self._buffer[: end + 2]
                if check != lrc(record):
                    self.lrc_errors += 1
                    self._last_answer = NAK
                    self._write(bytes([NAK]))
                    continue
                self._last_answer = ACK
                self._write(bytes([ACK]))
            else:
                del self._buffer[: end + 1]
            self._record(record)

    def _record(self, data: bytes) -> None:
        try:
            rec = parse(data, self.encoding)
        except UnicodeDecodeError:
            self.undecodable.append(data)
            return
        with self._cond:
            self.received.append(rec)
            self._cond.notify_all()
        self._answer(rec)

    def _answer(self, rec: Received) -> None:
        now = datetime.now()
        stamp = (("DA", now.strftime("%y%m%d")), ("TI", now.strftime("%H%M%S")))
        if rec.kind == "LD":
            self._in_block = True
        elif rec.kind == "LA" and self._in_block:
            self._in_block = False
            self.link_blocks += 1
            if self.behaviour.answer_link_start:
                self.send("LA", *stamp)  # [SPEC p.100-102] the link is alive
        elif rec.kind == "LS" and not self.link_blocks:
            self.send("LS", *stamp)  # [SPEC p.100] the vendor asks first: the IFC starts the link
        elif rec.kind == "LS" and self.behaviour.answer_alive_check:
            self.send("LA", *stamp)  # [SPEC p.102] the alive check; the IFC knows the configuration
        elif rec.kind == "PS" and self.behaviour.answer_postings:
            status = self.behaviour.posting_answers.pop(0) if self.behaviour.posting_answers else "OK"
            echo = [(f, rec.get(f) or "") for f in ("RN", "P#", "DA", "TI") if rec.has(f)]
            self.send("PA", ("AS", status), *echo)  # [SPEC p.80-81] PA echoes P#, RN, DA, TI

    # --- transports -----------------------------------------------------------------------------
    def serve_tcp(self) -> tuple[int, Callable[[], None]]:
        """Listen on a free port; each connection gets an LS at once [SPEC p.99-100]. Returns the port and
        a function that closes everything."""
        server = socket.create_server(("127.0.0.1", 0))
        server.settimeout(0.2)
        stop = threading.Event()
        current: list[socket.socket] = []

        def accept() -> None:
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                for old in current:  # [SPEC p.97] a new client replaces the old one
                    _close(old)
                current[:] = [conn]
                self.connections += 1
                self._buffer.clear()
                self._write = _sender(conn)
                threading.Thread(target=self._read_socket, args=(conn, stop), daemon=True).start()
                self.link_start()

        threading.Thread(target=accept, daemon=True).start()

        def close() -> None:
            stop.set()
            server.close()
            for conn in current:
                _close(conn)

        def drop() -> None:
            for conn in current:
                _close(conn)

        self.drop = drop
        return server.getsockname()[1], close

    def _read_socket(self, conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(0.2)
        while not stop.is_set():
            try:
                data = conn.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            if not data:
                self.closed_by_vendor.set()
                return
            self._take(data)

    def serve_pty(self, path: str) -> Callable[[], None]:
        """Read and write one end of a socat pty pair; the IFC starts with LS when its port opens."""
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        stop = threading.Event()
        lock = threading.Lock()

        def write(data: bytes) -> None:
            with lock:
                view = memoryview(data)
                while view:
                    try:
                        view = view[os.write(fd, view) :]
                    except BlockingIOError:
                        time.sleep(0.005)

        self._write = write
        os.set_blocking(fd, False)

        def read() -> None:
            while not stop.is_set():
                try:
                    data = os.read(fd, 4096)
                except BlockingIOError:
                    time.sleep(0.01)
                    continue
                except OSError:
                    return
                if data:
                    self._take(data)

        threading.Thread(target=read, daemon=True).start()
        self.connections += 1

        def close() -> None:
            stop.set()
            time.sleep(0.05)
            os.close(fd)

        return close


def _sender(conn: socket.socket) -> Callable[[bytes], None]:
    lock = threading.Lock()

    def write(data: bytes) -> None:
        with lock:
            try:
                conn.sendall(data)
            except OSError:
                pass

    return write


def _close(conn: socket.socket) -> None:
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    conn.close()
