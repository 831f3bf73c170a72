"""The FIAS link to the PMS over a pyserial port: RS-232, a pty, or TCP as ``socket://host:port``.

This thread only moves bytes: it opens the port by URL, feeds the framer and the
session, writes what they answer, and reopens the port with back-off when the
line drops. State changes and raw frames leave as frozen events through ``sink``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import serial

from switchboard.clock import Clock
from switchboard.errors import InputError
from switchboard.fias.framing import ACK, ENQ, NAK, SerialFramer, TcpFramer, frame_serial, frame_tcp
from switchboard.fias.records import FiasRecord, format_record, parse
from switchboard.fias.session import FiasSession, LinkPhase, Posting
from switchboard.link_monitor import LinkCounters, RawFrame
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus

log = logging.getLogger(__name__)

RETRIES = 3


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """Where and how the PMS is wired; ``serial_framing`` adds LRC and ACK/NAK (RS-232)."""

    url: str
    serial_framing: bool = False
    baudrate: int = 9600
    parity: str = "N"
    bytesize: int = 8
    stopbits: int = 1
    encoding: str = "utf-8"
    listen_s: float = 3.0  # the spec: listen this long for the PMS's LS before sending our own
    ack_timeout_s: float = 3.0


@dataclass
class _Counts:
    records_in: int = 0
    records_out: int = 0
    errors: int = 0
    reconnects: int = 0
    last_record_at: datetime | None = field(default=None)


class FiasLink:
    def __init__(self, settings: LinkSettings, clock: Clock, deliver: Callable[[FiasRecord], None],
                 sink: Callable[[object], None]) -> None:
        self.settings = settings
        self._clock = clock
        self._sink = sink
        self.session = FiasSession(clock.now, deliver)
        self._outbox: queue.Queue[Callable[[], list[FiasRecord]]] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fias-link", daemon=True)
        self._port: serial.SerialBase | None = None
        self._counts = _Counts()
        self._framer: TcpFramer | SerialFramer = TcpFramer()
        self._last_answer = NAK

    # --- called from any thread ---------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def send(self, rec: FiasRecord) -> None:
        self._outbox.put(lambda: self.session.send(rec))

    def post(self, posting: Posting) -> None:
        self._outbox.put(lambda: self.session.post(posting))

    def request_resync(self) -> None:
        self._outbox.put(self.session.request_resync)

    # --- the link thread ---------------------------------------------------
    def _run(self) -> None:
        delay = 0.2
        while not self._stop.is_set():
            self._state(LinkStatus.CONNECTING)
            try:
                self._port = serial.serial_for_url(
                    self.settings.url, baudrate=self.settings.baudrate, parity=self.settings.parity,
                    bytesize=self.settings.bytesize, stopbits=self.settings.stopbits, timeout=0.05)
            except (serial.SerialException, OSError, ValueError) as exc:
                self._state(LinkStatus.DOWN, str(exc))
                self._stop.wait(delay)
                delay = min(delay * 2, 5.0)
                continue
            delay = 0.2
            try:
                self._serve()
            except (serial.SerialException, OSError) as exc:
                log.warning("PMS link dropped: %s", exc)
            finally:
                self._port.close()
                self.session.disconnected()
                self._counts.reconnects += 1
                self._state(LinkStatus.DOWN)
            self._stop.wait(0.1)

    def _serve(self) -> None:
        assert self._port is not None
        self._framer = SerialFramer() if self.settings.serial_framing else TcpFramer()
        self._write_records(self.session.connected())
        opened = time.monotonic()
        started = False
        last_tick = opened
        while not self._stop.is_set():
            # read(1) returns as soon as a byte comes; then take whatever else is waiting.
            data = self._port.read(1)
            if data and self._port.in_waiting:
                data += self._port.read(self._port.in_waiting)
            if data:
                self._take(data)
            waited = time.monotonic() - opened
            if not started and self.session.phase is LinkPhase.DOWN and waited > self.settings.listen_s:
                started = True
                self._write_records(self.session.start())
            while True:
                try:
                    action = self._outbox.get_nowait()
                except queue.Empty:
                    break
                self._write_records(action())
            if time.monotonic() - last_tick > 1.0:
                last_tick = time.monotonic()
                self._write_records(self.session.tick())
                self._publish()

    def _take(self, data: bytes) -> None:
        if isinstance(self._framer, TcpFramer):
            for payload in self._framer.feed(data):
                self._record(payload)
            return
        if any(byte not in (ENQ, ACK, NAK) for byte in data):
            # Frame bytes make the last answer NAK, so a frame whose start was damaged (never
            # answered) is sent again on ENQ rather than taken as acknowledged. The peer's own
            # ACK/NAK for our frames must not reset it, or a late answer would cause a repeat.
            self._last_answer = NAK
        for event in self._framer.feed(data):
            if event.control == ENQ:
                self._write_raw(bytes([self._last_answer]))
            elif event.control is not None:
                continue  # a stray ACK/NAK outside our own send
            elif event.bad:
                self._counts.errors += 1
                self._answer(NAK)
            elif event.record is not None:
                self._answer(ACK)
                self._record(event.record)

    def _answer(self, byte: int) -> None:
        self._last_answer = byte
        self._write_raw(bytes([byte]))

    def _record(self, payload: bytes) -> None:
        self._sink(RawFrame(LinkName.PMS, False, payload, self._clock.now()))
        try:
            rec = parse(payload, self.settings.encoding)
        except InputError as exc:
            self._counts.errors += 1
            log.warning("PMS record skipped: %s", exc)
            return
        self._counts.records_in += 1
        self._counts.last_record_at = self._clock.now()
        was_alive = self.session.phase in (LinkPhase.ALIVE, LinkPhase.RESYNC)
        self._write_records(self.session.receive(rec))
        if not was_alive and self.session.phase is LinkPhase.ALIVE:
            self._state(LinkStatus.UP)

    def _write_records(self, records: list[FiasRecord]) -> None:
        for rec in records:
            payload = format_record(rec, self.settings.encoding)
            self._sink(RawFrame(LinkName.PMS, True, payload, self._clock.now()))
            self._counts.records_out += 1
            if self.settings.serial_framing:
                self._send_acknowledged(payload)
            else:
                self._write_raw(frame_tcp(payload))

    def _send_acknowledged(self, payload: bytes) -> None:
        """Send one serial frame and wait for its ACK: NAK repeats it, silence asks with ENQ."""
        assert self._port is not None
        frame = frame_serial(payload)
        attempts = enquiries = 0
        self._write_raw(frame)
        deadline = time.monotonic() + self.settings.ack_timeout_s
        while not self._stop.is_set():
            data = self._port.read(1)
            if not data:
                if time.monotonic() < deadline:
                    continue
                if enquiries >= RETRIES:
                    break
                enquiries += 1
                self._write_raw(bytes([ENQ]))
                deadline = time.monotonic() + self.settings.ack_timeout_s
                continue
            between_frames = isinstance(self._framer, SerialFramer) and self._framer.idle
            if between_frames and data[0] == ACK:
                return
            if between_frames and data[0] == NAK:
                if attempts >= RETRIES:
                    break
                attempts += 1
                self._write_raw(frame)
                deadline = time.monotonic() + self.settings.ack_timeout_s
                continue
            # The peer's own frame crossed ours: handle it, keep waiting for our answer.
            self._take(data)
        self._counts.errors += 1
        log.warning("PMS did not acknowledge %r; dropped after retries", payload[:40])

    def _write_raw(self, data: bytes) -> None:
        assert self._port is not None
        self._port.write(data)

    def _state(self, status: LinkStatus, detail: str = "") -> None:
        self._sink(LinkStateChanged(LinkName.PMS, status, self._clock.now(), detail))
        self._publish()

    def _publish(self) -> None:
        c = self._counts
        self._sink(LinkCounters(LinkName.PMS, c.records_in, c.records_out, c.errors, c.reconnects,
                                c.last_record_at))
