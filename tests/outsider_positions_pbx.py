"""A PBX (the vendor side of a FIAS link) written from the specification alone, for the outside tests of
``[wakeup] mode = pbx`` / ``[pbx] policy = fias``. The console plays the PMS/IFC side towards it.

Spec: Oracle Hospitality HGBU-IFC8-FIAS Interface Specification 2.20.23 (digest: shared reference notes
"Protocol facts", section 1):
- p.20-23, 25: a record is ``RI|FFdata|FFdata|`` (two-character record ID, two-character field IDs, each
  field ended by ``|``); field order is free; bytes 0x00-0x1F and 0x7F are link control, never data.
- p.97-98: on TCP every record is ``STX record ETX``, no LRC, no ACK/NAK.
- p.91-97: on RS-232 ``STX record ETX LRC`` (LRC = XOR of every byte after STX up to and including ETX);
  the receiver answers ACK or NAK within 3 s; NAK: the sender repeats, 3 retries; no answer: ENQ, and the
  receiver repeats its last answer.
- p.25-30, 99-102: the PMS side sends ``LS``; the vendor answers ``LD``, one ``LR|RIxx|FLffff|`` per record it
  uses (the fields it wants), then ``LA``; the PMS side answers ``LA`` and only then sends data records.
- p.36-38: ``DR`` asks for the database; the answer is ``DS``, the records, ``DE``.
- p.62-67: ``RE`` from the PMS side: ``DN`` Y/N, ``CS`` 0 barred/internal only, 1 local, 2 national, 3 all.
- p.67-69: ``WR``/``WC`` with ``RN``, ``DA`` (YYMMDD), ``TI`` (HHMMSS); one final ``WA`` per wake-up
  with ``AS``.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime

import serial as pyserial

STX, ETX, ACK, NAK, ENQ = 0x02, 0x03, 0x06, 0x15, 0x05
LINK_KINDS = {"LS", "LD", "LR", "LA", "LE", "LC", "DR", "DS", "DE"}  # p.36: no LR needed for these
MAX_RECORD = 2000  # p.25 general limit


def lrc(record: bytes) -> int:
    value = 0
    for b in record + bytes([ETX]):
        value ^= b
    return value


@dataclass
class Rec:
    kind: str
    fields: list[tuple[str, str]]
    at: float = field(default_factory=time.monotonic)

    def get(self, fid: str) -> str | None:
        return next((v for k, v in self.fields if k == fid), None)

    def ids(self) -> list[str]:
        return [k for k, _ in self.fields]


def split_record(data: bytes) -> Rec | None:
    """The record between STX and ETX, by the syntax of p.20-23; None if it is not one."""
    try:
        text = data.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
        return None
    if len(text) < 3 or text[2] != "|" or not text.endswith("|"):
        return None
    parts = text[3:-1].split("|") if len(text) > 3 else []
    return Rec(text[:2], [(p[:2], p[2:]) for p in parts])


def join_record(kind: str, *fields: str) -> bytes:
    return ("|".join([kind, *fields]) + "|").encode("latin-1")


DEFAULT_LR: dict[str, str] = {  # the vendor's wishes, Oracle's PBX example p.28-29 / 45-46 style
    "RE": "RNDNCS",
    "WR": "RNDATI",
    "WC": "RNDATI",
    "WA": "RNDATIAS",
}


class OutsiderPbx:
    """One PBX: a TCP server (``tcp()``) or one end of a pty pair (``pty(path)``)."""

    def __init__(self, link_records: dict[str, str] | None = None, serial: bool = False) -> None:
        self.link_records = dict(DEFAULT_LR if link_records is None else link_records)
        self.serial = serial
        self.received: list[Rec] = []
        self.raw_in = bytearray()
        self.violations: list[str] = []
        self.alive = threading.Event()
        self.connections = 0
        self.describe = True  # answer LS with LD/LR/LA
        self.answer_mode = "ack"  # serial: ack | nak | silent
        self.acks_seen = 0
        self.naks_seen = 0
        self._last_answer = NAK
        self._lock = threading.Lock()
        self._conn: socket.socket | None = None
        self._port: pyserial.Serial | None = None
        self._server: socket.socket | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.port = 0

    # ---- transports
    def tcp(self) -> OutsiderPbx:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._spawn(self._accept)
        return self

    def client(self, host: str, port: int) -> OutsiderPbx:
        """The PBX as the TCP client of a PMS side that listens (p.97-98: the same STX record ETX either
        way); ``drop()`` and ``client()`` again connect anew."""
        conn = socket.create_connection((host, port), timeout=5)
        conn.settimeout(0.05)
        self._conn = conn
        self.connections += 1
        self.alive.clear()
        self._spawn(lambda: self._serve(lambda: self._read_sock(conn), conn))
        return self

    def pty(self, path: str) -> OutsiderPbx:
        self._port = pyserial.Serial(path, timeout=0.05)
        self.serial = True
        self._spawn(lambda: self._serve(self._read_pty))
        return self

    def _spawn(self, target: object) -> None:
        t = threading.Thread(target=target, daemon=True)  # type: ignore[arg-type]
        t.start()
        self._threads.append(t)

    def _accept(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                continue
            conn.settimeout(0.05)
            old, self._conn = self._conn, conn  # p.98: a new client replaces the old one
            if old is not None:
                old.close()
            self.connections += 1
            self.alive.clear()
            self._spawn(lambda c=conn: self._serve(lambda: self._read_sock(c), c))

    def _read_sock(self, conn: socket.socket) -> bytes | None:
        try:
            data = conn.recv(65536)
        except TimeoutError:
            return b""
        except OSError:
            return None
        return data if data else None

    def _read_pty(self) -> bytes | None:
        try:
            port = self._port
            assert port is not None
            data = bytes(port.read(1))
            waiting = port.in_waiting
            return data + bytes(port.read(waiting)) if data and waiting else data
        except Exception:
            return None

    def _serve(self, read: object, conn: socket.socket | None = None) -> None:
        buf = bytearray()
        while not self._stop.is_set():
            if conn is not None and conn is not self._conn:
                return
            data = read()  # type: ignore[operator]
            if data is None:
                return
            if not data:
                continue
            self.raw_in += data
            buf += data
            self._consume(buf)

    def _consume(self, buf: bytearray) -> None:
        while buf:
            if buf[0] in (ACK, NAK):
                self.acks_seen += buf[0] == ACK
                self.naks_seen += buf[0] == NAK
                del buf[0]
                continue
            if buf[0] == ENQ:  # p.95: repeat the last answer
                del buf[0]
                if self.answer_mode != "silent":
                    self._out(bytes([self._last_answer]))
                continue
            self._last_answer = NAK  # p.95: any byte but ENQ resets the last answer to NAK
            if buf[0] != STX:
                self.violations.append(f"byte {buf[0]:#04x} outside a frame")
                del buf[0]
                continue
            end = buf.find(bytes([ETX]))
            if end < 0:
                return
            need = end + 2 if self.serial else end + 1
            if len(buf) < need:
                return
            body = bytes(buf[1:end])
            good = True
            if self.serial:
                good = buf[end + 1] == lrc(body)
                if not good:
                    self.violations.append(f"bad LRC on {body!r}")
            del buf[:need]
            if self.serial:
                answer = {"ack": ACK if good else NAK, "nak": NAK, "silent": None}[self.answer_mode]
                if answer is not None:
                    self._last_answer = answer
                    self._out(bytes([answer]))
                if self.answer_mode != "ack" or not good:
                    continue  # a NAKed or unanswered frame is not taken
            self._take(body)

    def _take(self, body: bytes) -> None:
        if any(b < 0x20 or b == 0x7F for b in body):
            self.violations.append(f"control byte inside a record: {body!r}")
        rec = split_record(body)
        if rec is None:
            self.violations.append(f"not a FIAS record: {body!r}")
            return
        with self._lock:
            self.received.append(rec)
        if rec.kind == "LS":
            self.alive.clear()
            if self.describe:
                self.send_description()
        elif rec.kind == "LA":
            self.alive.set()
        elif rec.kind == "LE":
            self.send("LE", f"DA{datetime.now():%y%m%d}", f"TI{datetime.now():%H%M%S}")
        elif rec.kind not in LINK_KINDS:
            if not self.alive.is_set():
                self.violations.append(f"{rec.kind} before the link was alive")
            wanted = self.link_records.get(rec.kind)
            if wanted is None:
                self.violations.append(f"{rec.kind} sent though no LR asked for it")
            else:
                allowed = {wanted[i : i + 2] for i in range(0, len(wanted), 2)}
                extra = [f for f in rec.ids() if f not in allowed]
                if extra:
                    self.violations.append(f"{rec.kind} carries fields {extra} not in its LR")

    # ---- sending
    def send_description(self) -> None:
        now = datetime.now()
        self.send("LD", f"DA{now:%y%m%d}", f"TI{now:%H%M%S}", "V#1.0", "IFPB")
        for kind, flds in self.link_records.items():
            self.send("LR", f"RI{kind}", f"FL{flds}")
        self.send("LA", f"DA{now:%y%m%d}", f"TI{now:%H%M%S}")

    def send(self, kind: str, *fields: str) -> None:
        body = join_record(kind, *fields)
        frame = bytes([STX]) + body + bytes([ETX])
        if self.serial:
            frame += bytes([lrc(body)])
        self._out(frame)

    def send_raw(self, data: bytes) -> None:
        self._out(data)

    def _out(self, data: bytes) -> None:
        try:
            if self._port is not None:
                self._port.write(data)
            elif self._conn is not None:
                self._conn.sendall(data)
        except OSError:
            pass

    def resync(self) -> None:
        now = datetime.now()
        self.send("DR", f"DA{now:%y%m%d}", f"TI{now:%H%M%S}")

    def answer_wakeup(self, wr: Rec, status: str) -> None:
        self.send("WA", f"RN{wr.get('RN')}", f"DA{wr.get('DA')}", f"TI{wr.get('TI')}", f"AS{status}")

    def drop(self) -> None:
        conn, self._conn = self._conn, None
        self.alive.clear()
        if conn is not None:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()

    # ---- reading back
    def mark(self) -> int:
        with self._lock:
            return len(self.received)

    def since(self, mark: int = 0) -> list[Rec]:
        with self._lock:
            return list(self.received[mark:])

    def records(self, kind: str, mark: int = 0) -> list[Rec]:
        return [r for r in self.since(mark) if r.kind == kind]

    def close(self) -> None:
        self._stop.set()
        self.drop()
        if self._server is not None:
            self._server.close()
        if self._port is not None:
            self._port.close()
        for t in self._threads:
            t.join(timeout=2)
