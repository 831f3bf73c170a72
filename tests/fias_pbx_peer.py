"""A PBX's FIAS interface (the vendor system, ``IFPB``) for tests, written from the specification alone.

When the PBX runs the wake-ups (``[wakeup] mode = pbx``) the console is the PMS side of the PBX's
link and this peer is the PBX. It shares no code with ``switchboard.fias``: the framing, LRC and
record syntax come from ``tests/fias_ifc.py`` (written from the same specification), and the
vendor's rules are written here from the Oracle Hospitality *HGBU-IFC8-FIAS Interface Specification*
release 2.20.23 (Nov 2018; the PDF is in the public repository atom-tr/fias-integration); page
numbers refer to that PDF, and ``shared/reference/protocols.md`` 1.4-1.9 restates them:

- p.99-102: the PMS side sends LS at a connect; the vendor answers with LD (``IFPB``), one LR per
  record type it uses (``RI`` the record, ``FL`` its field IDs concatenated), then LA; the link is
  alive when the PMS side answers LA. An LS the vendor sends later is answered LA.
- p.28-30: the PMS sends a record only with the fields the vendor's LR named; here a field the
  LR did not name, or a record type with no LR, is a violation the test can see (``violations``).
- p.36-38: the vendor asks for a resync with DR; the PMS answers DS, the records, DE.
- p.62-67: RE from the PMS: ``DN`` Y/N, ``CS`` 0 barred (internal only), 1 local, 2 national,
  3 no restriction. p.67-69: WR/WC with RN, DA, TI; the vendor answers WA with AS.
- p.94-96 (serial): each frame is answered ACK (LRC right) or NAK; a sender waits for it, repeats
  a frame on NAK, asks with ENQ after 3 s of silence.

``LINK_RECORDS`` is NethVoice's production PBX set (protocols.md 1.4, source N3).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from tests.fias_ifc import (
    ACK,
    ENQ,
    ETX,
    NAK,
    STX,
    Rec,
    SerialWire,
    _Wire,
    join,
    listening,
    lrc,
    split,
    stamp,
)

LINK_RECORDS = {
    "GI": "RNG#GNGLGSSFA0A1A2A3",
    "GO": "RNG#GSSF",
    "RE": "RNRSMLCSDN",
    "WR": "DATIRN",
    "WC": "DATIRN",
    "WA": "DATIRNAS",
}
LINK_CONTROL = {"LS", "LD", "LR", "LA", "LE", "DR", "DS", "DE"}  # need no LR (p.100)


class FiasPbx:
    """The vendor end of one link; ``attach`` a connection (a TCP socket or a pty end)."""

    def __init__(self, *, serial_framing: bool, link_records: dict[str, str] | None = None) -> None:
        self.serial_framing = serial_framing
        self.link_records = dict(LINK_RECORDS if link_records is None else link_records)
        self.received: list[Rec] = []
        self.violations: list[str] = []
        self.alive = threading.Event()
        self.connection = 0
        self._lock = threading.Lock()
        self._out: deque[bytes] = deque()
        self._wire: _Wire | None = None
        self._thread: threading.Thread | None = None
        self._in_flight: tuple[bytes, float, int] | None = None
        self._last_answer = NAK

    # --- the test's side ---------------------------------------------------
    def send(self, kind: str, *fields: tuple[str, str]) -> None:
        with self._lock:
            self._out.append(join(kind, *fields).encode())

    def answer_wake_up(self, wr: Rec, status: str) -> None:
        """p.68: WA carries the room, date and time of the WR, and AS."""
        self.send(
            "WA",
            ("RN", wr.get("RN") or ""),
            ("DA", wr.get("DA") or ""),
            ("TI", wr.get("TI") or ""),
            ("AS", status),
        )

    def ask_resync(self) -> None:
        self.send("DR", *stamp())

    def records(self, kind: str, connection: int | None = None) -> list[Rec]:
        with self._lock:
            return [r for r in self.received if r.kind == kind and connection in (None, r.connection)]

    def since(self, count: int) -> list[Rec]:
        with self._lock:
            return list(self.received[count:])

    def mark(self) -> int:
        with self._lock:
            return len(self.received)

    # --- connections -------------------------------------------------------
    def attach(self, wire: _Wire) -> None:
        self.detach()
        self.connection += 1
        self._wire = wire
        self.alive.clear()
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
        state = "idle"
        self._in_flight = None
        try:
            while True:
                data = wire.read()
                if data is None:
                    return
                for byte in data:
                    if state == "lrc":
                        state = "idle"
                        good = lrc(bytes(body)) == byte
                        self._last_answer = ACK if good else NAK
                        wire.write(bytes([self._last_answer]))
                        if good:
                            self._take(bytes(body), connection)
                    elif byte == STX:
                        body.clear()
                        state = "body"
                    elif state == "body" and byte == ETX:
                        state = "lrc" if self.serial_framing else "idle"
                        if not self.serial_framing:
                            self._take(bytes(body), connection)
                    elif state == "body":
                        body.append(byte)
                    elif byte == ENQ:
                        wire.write(bytes([self._last_answer]))
                    elif byte in (ACK, NAK) and self._in_flight is not None:
                        frame, _at, tries = self._in_flight
                        if byte == NAK and tries <= 3:
                            wire.write(frame)
                            self._in_flight = (frame, time.monotonic(), tries + 1)
                        else:
                            self._in_flight = None
                self._pump(wire)
        except OSError:
            return

    def _take(self, body: bytes, connection: int) -> None:
        rec = split(body.decode("utf-8", "replace"), connection)
        if rec is None:
            self.violations.append(f"not a record: {body[:60]!r}")
            return
        with self._lock:
            self.received.append(rec)
        if rec.kind not in LINK_CONTROL:
            named = self.link_records.get(rec.kind)
            if named is None:
                self.violations.append(f"{rec.kind} sent without an LR for it")
            else:
                allowed = {named[i : i + 2] for i in range(0, len(named), 2)}
                extra = [k for k, _ in rec.fields if k not in allowed]
                if extra:
                    self.violations.append(f"{rec.kind} with fields the LR did not name: {extra}")
        if rec.kind == "LS":  # p.100: the PMS side (re)started: describe the link
            self._urgent(join("LD", *stamp(), ("V#", "1.0"), ("IF", "PB")))
            for kind, fields in self.link_records.items():
                self._urgent(join("LR", ("RI", kind), ("FL", fields)))
            self._urgent(join("LA", *stamp()))
        elif rec.kind == "LA":
            self.alive.set()
        elif rec.kind == "LE":
            self._urgent(join("LE", *stamp()))
            self.alive.clear()

    def _urgent(self, text: str) -> None:
        with self._lock:
            self._out.append(text.encode())

    def _pump(self, wire: _Wire) -> None:
        now = time.monotonic()
        if self.serial_framing and self._in_flight is not None:
            frame, sent_at, tries = self._in_flight
            if now - sent_at >= 3.0:  # p.95: silence is asked about with ENQ, three times
                if tries > 3:
                    self._in_flight = None
                else:
                    wire.write(bytes([ENQ]))
                    self._in_flight = (frame, now, tries + 1)
            return
        with self._lock:
            if not self._out:
                return
            head = self._out.popleft()
        frame = bytes([STX]) + head + bytes([ETX])
        if self.serial_framing:
            frame += bytes([lrc(head)])
            self._in_flight = (frame, now, 1)
        wire.write(frame)


@contextmanager
def pbx_on_tcp(**options: object) -> Iterator[tuple[FiasPbx, int]]:
    """The PBX listens; the console's wake-up link connects to it (``socket://``)."""
    with listening(FiasPbx(serial_framing=False, **options)) as listened:  # type: ignore[arg-type]
        yield listened


def pbx_on_pty(path: str, **options: object) -> FiasPbx:
    pbx = FiasPbx(serial_framing=True, **options)  # type: ignore[arg-type]
    pbx.attach(SerialWire(path))
    return pbx
