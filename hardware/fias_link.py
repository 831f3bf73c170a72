"""The FIAS link to the PMS over a pyserial port: RS-232, a pty, or TCP as ``socket://host:port``.

This thread only moves bytes: it opens the port by URL, feeds the framer (TCP) or
the FIPS dialogue (serial) and the session, writes what they answer, and reopens
the port with back-off when the line drops. A record the serial line never got
acknowledged goes back to the session and is sent again on the next connection;
bytes lost on a TCP line, which cannot ask for them, make the session resync.
When the session ends the link (the PMS's LE, a keep-alive LS left unanswered) the
port is closed and opened again. Bytes that are not text in ``encoding`` are shown
in the link monitor as a bad frame and logged. State changes and raw frames leave
as frozen events through ``sink``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import serial

from hardware.ports import open_port
from switchboard.clock import Clock
from switchboard.errors import InputError
from switchboard.fias.framing import FipsLine, TcpFramer, frame_tcp
from switchboard.fias.postings import FIRST_PAUSE, PostingNumbers
from switchboard.fias.records import FiasRecord, check_encoding, format_record, parse, undecodable
from switchboard.fias.session import ANSWER_TIMEOUT, KEEP_ALIVE, FiasSession, LinkPhase, Posting
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
    answer_timeout_s: float = ANSWER_TIMEOUT.total_seconds()  # PA to a PS, next record of a resync
    keep_alive_s: float = KEEP_ALIVE.total_seconds()  # our LS after this long without sending
    retry_pause_s: float = FIRST_PAUSE.total_seconds()  # a posting the PMS put off (RY/BY/NA), doubling
    # After the PMS's LE it announces itself with LS when it is back; ours waits this long for it.
    quiet_after_end_s: float = 30.0

    def __post_init__(self) -> None:
        # A code page that cannot carry the framing is a settings error, not a broken link.
        object.__setattr__(self, "encoding", check_encoding(self.encoding))


@dataclass
class _Counts:
    records_in: int = 0
    records_out: int = 0
    errors: int = 0
    reconnects: int = 0
    last_record_at: datetime | None = field(default=None)


class _LineBroken(serial.SerialException):
    """The PMS left a frame unanswered through every retry: start the link again."""


class _LinkEnded(serial.SerialException):
    """The session ended the link on this connection (LE, or no answer to a keep-alive)."""


class FiasLink:
    def __init__(
        self,
        settings: LinkSettings,
        clock: Clock,
        deliver: Callable[[FiasRecord], None],
        sink: Callable[[object], None],
        numbers: PostingNumbers | None = None,
    ) -> None:
        """``numbers`` hands out the posting numbers (P#); the console keeps them in its database."""
        self.settings = settings
        self._clock = clock
        self._sink = sink
        self.session = FiasSession(
            clock.now,
            deliver,
            answer_timeout=timedelta(seconds=settings.answer_timeout_s),
            numbers=numbers,
            keep_alive=timedelta(seconds=settings.keep_alive_s),
            retry_pause=timedelta(seconds=settings.retry_pause_s),
        )
        self._outbox: queue.Queue[Callable[[], list[FiasRecord]]] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fias-link", daemon=True)
        self._port: serial.SerialBase | None = None
        self._counts = _Counts()
        self._framer = TcpFramer()
        self._line: FipsLine | None = None
        self._unacknowledged: deque[FiasRecord] = deque()  # on the serial line, oldest first
        self._refused: tuple[bytes, int] = (b"", 0)  # a frame the line broke on, and how often in a row
        self._ended_by_pms = False

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
                self._port = open_port(
                    self.settings.url,
                    timeout=0.01,
                    baudrate=self.settings.baudrate,
                    parity=self.settings.parity,
                    bytesize=self.settings.bytesize,
                    stopbits=self.settings.stopbits,
                )
            except (serial.SerialException, OSError, ValueError) as exc:
                self._state(LinkStatus.DOWN, str(exc))
                self._stop.wait(delay)
                delay = min(delay * 2, 5.0)
                continue
            delay = 0.2
            detail = ""
            try:
                self._serve()
            except _LinkEnded as exc:
                detail = str(exc)
                self._stop.wait(1.0)  # a PMS that said goodbye is not called back at once
            except _LineBroken as exc:
                self._counts.errors += 1
                log.warning("PMS link restarted: %s", exc)
            except (serial.SerialException, OSError) as exc:
                log.warning("PMS link dropped: %s", exc)
            finally:
                self._port.close()
                self.session.disconnected(self._unacknowledged)
                self._unacknowledged.clear()
                self._counts.reconnects += 1
                self._state(LinkStatus.DOWN, detail)
            self._stop.wait(0.1)

    def _serve(self) -> None:
        assert self._port is not None
        self._framer = TcpFramer()
        self._line = None
        if self.settings.serial_framing:
            # A damaged STX can read as ACK; what follows it within a few byte times tells.
            settle = max(0.002, 30 / max(self.settings.baudrate, 1))
            self._line = FipsLine(self.settings.ack_timeout_s, RETRIES, settle)
        self._write_records(self.session.connected())
        opened = time.monotonic()
        listen_s = self.settings.listen_s
        if self._ended_by_pms:
            listen_s = max(listen_s, self.settings.quiet_after_end_s)
            self._ended_by_pms = False
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
            if not started and self.session.phase is LinkPhase.DOWN and waited > listen_s:
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
            if self._line is not None:
                self._pump(b"")
            if self.session.phase is LinkPhase.ENDED:
                self._hang_up()

    def _hang_up(self) -> None:
        """Let the last answer (LE) reach the PMS, then close: no new handshake on this connection."""
        if self._line is not None:
            deadline = time.monotonic() + 2 * self.settings.ack_timeout_s
            while self._line.busy and not self._line.broken and time.monotonic() < deadline:
                data = self._port.read(1) if self._port is not None else b""
                out, _events = self._line.step(data, time.monotonic())
                if out:
                    self._write_raw(out)
        self._ended_by_pms = self.session.ended_by_pms
        raise _LinkEnded(self.session.end_reason)

    def _take(self, data: bytes) -> None:
        if self._line is not None:
            self._pump(data)
            return
        damaged = self._framer.damaged
        for payload in self._framer.feed(data):
            self._record(payload)
        for sample in self._framer.bad:  # each damaged stretch once, for the engineer to see
            self._sink(RawFrame(LinkName.PMS, False, bytes(sample), self._clock.now(), bad=True))
        self._framer.bad.clear()
        if self._framer.damaged != damaged:
            # TCP has no LRC and no NAK: bytes outside a frame are records lost for good.
            self._counts.errors += self._framer.damaged - damaged
            self._write_records(self.session.damaged())

    def _pump(self, data: bytes) -> None:
        """Run the serial dialogue until it has nothing more to say for now."""
        assert self._line is not None
        while True:
            out, events = self._line.step(data, time.monotonic())
            data = b""
            if out:
                self._write_raw(out)
            for event in events:
                if event.record is not None:
                    self._record(event.record)
                elif event.delivered is not None:
                    self._unacknowledged.popleft()
                elif event.bad:
                    self._counts.errors += 1
            if self._line.broken:
                self._give_up_on(self._line.current)
            if not events:
                return

    def _give_up_on(self, payload: bytes | None) -> None:
        """The spec drops a frame after its retries; on a noisy line that would lose a good record,
        so the link starts again and sends it there. Only a frame refused on every try of
        several connections in a row is dropped, as the spec says."""
        previous, times = self._refused
        times = times + 1 if payload == previous else 1
        self._refused = (payload or b"", times)
        if payload is not None and times >= RETRIES:
            log.warning("PMS refused %r on %d connections; dropped", payload[:40], times)
            self._refused = (b"", 0)
            for rec in list(self._unacknowledged):
                if format_record(rec, self.settings.encoding) == payload:
                    self._unacknowledged.remove(rec)
                    break
        raise _LineBroken(f"no answer to {payload[:40] if payload else b''!r} after {RETRIES} retries")

    def _record(self, payload: bytes) -> None:
        bad_bytes = undecodable(payload, self.settings.encoding)
        self._sink(RawFrame(LinkName.PMS, False, payload, self._clock.now(), bad=bool(bad_bytes)))
        if bad_bytes:
            self._counts.errors += 1
            log.warning(
                "PMS record with bytes that are not %s: %s (shown as U+FFFD) in %r",
                self.settings.encoding,
                " ".join(b.hex(" ") for b in bad_bytes),
                payload[:200],
            )
        try:
            rec = parse(payload, self.settings.encoding)
        except InputError as exc:
            self._counts.errors += 1
            log.warning("PMS record skipped: %s", exc)
            if self._line is None:
                self._write_records(self.session.damaged())
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
            if self._line is not None:
                # Written by the next _pump, one frame at a time; delivered only once acknowledged.
                self._line.send(payload)
                self._unacknowledged.append(rec)
            else:
                self._write_raw(frame_tcp(payload))

    def _write_raw(self, data: bytes) -> None:
        assert self._port is not None
        self._port.write(data)

    def _state(self, status: LinkStatus, detail: str = "") -> None:
        self._sink(LinkStateChanged(LinkName.PMS, status, self._clock.now(), detail))
        self._publish()

    def _publish(self) -> None:
        c = self._counts
        self._sink(
            LinkCounters(LinkName.PMS, c.records_in, c.records_out, c.errors, c.reconnects, c.last_record_at)
        )
