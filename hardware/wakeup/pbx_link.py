"""Wake-ups run by the PBX itself: the dialler process hands them over on the PBX's FIAS link.

``[wakeup] mode = pbx`` and ``pbx_url = socket://host:port`` (FIAS over TCP, STX record ETX, the console
connecting), ``listen://host:port`` (the same, the PBX connecting to the console, one PBX at a time) or a
serial port with ``pbx_serial_framing = yes`` (STX record ETX LRC, ACK/NAK: ``FipsLine``).
One loop: keep the link up (reconnect every few seconds), hand over what was booked, clear what
was cancelled or moved, record the PBX's answers, tell the PBX each room's DND and class of service
when it asked for them (``RE``; ``rooms`` gives room number -> rule), and beat so the consoles know
whether the PBX can be reached and what it takes; while it cannot be reached, due calls go to the
operators' manual list."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime

import serial

from hardware.ports import ListeningPort, TcpConnection, open_port
from switchboard.errors import ConsoleError
from switchboard.fias.framing import FipsLine, TcpFramer, frame_tcp
from switchboard.fias.pbx_wakeups import PbxAnswer, PbxHandoverBook, PbxWakeUpSession
from switchboard.fias.records import FiasRecord, format_record, parse
from switchboard.room_policy import RE_FIELDS, RoomRule, told_detail

log = logging.getLogger(__name__)


class PbxWakeUpLink:
    RECONNECT_S = 3.0
    STEP_S = 0.5
    BEAT_S = 2.0
    ROOMS_S = 2.0
    ACK_TIMEOUT_S = 3.0  # FIAS p.94: an answer within 3 s

    def __init__(
        self,
        url: str,
        book: PbxHandoverBook,
        now: Callable[[], datetime],
        *,
        name: str = "pbx-wakeups",
        rooms: Callable[[], Mapping[str, RoomRule]] | None = None,
        serial_framing: bool = False,
    ) -> None:
        self._url = url
        self._book = book
        self._name = name
        self._rooms = rooms
        self._serial = serial_framing
        self._line: FipsLine | None = None
        self._next_rooms = 0.0
        self._said_untold = False
        self._answers: list[PbxAnswer] = []
        self.session = PbxWakeUpSession(now, self._answers.append)
        self._port: serial.SerialBase | TcpConnection | None = None
        self._listening = url.startswith("listen://")
        self._listener: ListeningPort | None = None
        self._framer = TcpFramer()
        self._book_failing = False

    def run(self, stop: threading.Event) -> None:
        next_connect = next_step = next_beat = 0.0
        try:
            while not stop.is_set():
                now = time.monotonic()
                if self._port is None and (self._listening or now >= next_connect):
                    next_connect = now + self.RECONNECT_S
                    self._connect()
                elif self._listener is not None:
                    self._listener.refuse_others()
                self._read()
                try:
                    if now >= next_step:
                        next_step = now + self.STEP_S
                        self._work()
                    if now >= next_beat:
                        next_beat = now + self.BEAT_S
                        self._book.beat(self._name, self.session.alive, 0, 0, self._detail())
                    if self._book_failing:
                        log.warning("the wake-up book answers again")
                    self._book_failing = False
                except Exception as exc:  # the database away: the PBX holds the calls handed over; go on
                    if not self._book_failing:
                        log.exception("the wake-up book cannot be reached (%s); trying again", exc)
                    self._book_failing = True
                    stop.wait(1.0)
        finally:
            self._drop()
            if self._listener is not None:
                self._listener.close()

    def _connect(self) -> None:
        if self._listening:
            self._port = self._accept()
            if self._port is None:
                return
        else:
            try:
                self._port = open_port(self._url, timeout=0.1)
            except (serial.SerialException, OSError, ValueError) as exc:
                log.warning("PBX wake-up link %s not reachable: %s", self._url, exc)
                self._port = None
                return
        self._framer = TcpFramer()
        self._line = FipsLine(self.ACK_TIMEOUT_S) if self._serial else None
        self._next_rooms = 0.0
        self._write(self.session.connected())
        log.info("PBX wake-up link connected to %s", self._url)

    def _accept(self) -> TcpConnection | None:
        """Listening: the PBX's connection if it has come (waits a moment: the loop's pause)."""
        if self._listener is None:
            try:
                self._listener = ListeningPort(self._url)
            except (OSError, ValueError) as exc:
                log.error("PBX wake-up link cannot listen on %s: %s", self._url, exc)
                time.sleep(self.RECONNECT_S)
                return None
        return self._listener.accept()

    def _drop(self) -> None:
        if self._line is not None:
            # WR and WC the PBX never acknowledged go again on the next connection; RE go in its resync
            unsure = [parse(p) for p in self._line.unacknowledged()]
            self.session.hold_again([r for r in unsure if r.kind in ("WR", "WC")])
            self._line = None
        self.session.disconnected()
        if self._port is not None:
            try:
                self._port.close()
            except (serial.SerialException, OSError):
                pass
        self._port = None

    def _read(self) -> None:
        if self._port is None:
            time.sleep(0.1)
            return
        try:
            # read(1) returns as soon as a byte comes (an ACK must not wait out the time-out); then the rest
            data = self._port.read(1)
            if data and self._port.in_waiting:
                data += self._port.read(self._port.in_waiting)
        except (serial.SerialException, OSError) as exc:
            log.warning("PBX wake-up link lost: %s", exc)
            self._drop()
            return
        if self._line is not None:
            self._pump(data)
            return
        for payload in self._framer.feed(data):
            self._record(payload)

    def _record(self, payload: bytes) -> None:
        try:
            rec = parse(payload)
        except ConsoleError as exc:
            log.warning("unreadable record from the PBX ignored: %s", exc)
            return
        self._write(self.session.receive(rec))

    def _pump(self, data: bytes) -> None:
        """Run the serial dialogue (ACK/NAK, ENQ) until it has nothing more to say for now."""
        while self._line is not None and self._port is not None:
            out, events = self._line.step(data, time.monotonic())
            data = b""
            if out:
                self._raw(out)
            for event in events:
                if event.record is not None:
                    self._record(event.record)
            if self._line is not None and self._line.broken:
                log.warning("the PBX stopped answering on the serial line; connecting again")
                self._drop()  # what was not acknowledged is sent again: a resync and the book's next turn
                return
            if not events:
                return

    def _write(self, records: list[FiasRecord]) -> None:
        if self._port is None or not records:
            return
        if self._line is not None:
            for rec in records:
                self._line.send(format_record(rec))
            self._pump(b"")
            return
        self._raw(b"".join(frame_tcp(format_record(rec)) for rec in records))

    def _raw(self, data: bytes) -> None:
        if self._port is None:
            return
        try:
            self._port.write(data)
        except (serial.SerialException, OSError) as exc:
            log.warning("PBX wake-up link lost while writing: %s", exc)
            self._drop()

    def _detail(self) -> str:
        """The beat's detail: down, or which of DN and CS the PBX takes in RE (consoles read it)."""
        if not self.session.alive:
            return "PBX link down"
        return told_detail(self.session.takes("RE")) if self._rooms is not None else ""

    def _tell_rooms(self) -> None:
        if self._rooms is None:
            return
        now = time.monotonic()
        if now < self._next_rooms:
            return
        self._next_rooms = now + self.ROOMS_S
        if not self.session.takes("RE") & RE_FIELDS:
            if not self._said_untold:
                log.warning("the PBX's LR takes neither DN nor CS in RE: DND and barring are the console's")
            self._said_untold = True
        self._write(self.session.tell_rooms(self._rooms()))

    def _work(self) -> None:
        """One committed step each: answers first, then clears, then new requests, then the overdue."""
        while self._answers:
            answer = self._answers[0]
            if not self._book.answer(answer):  # kept until the book has taken it
                log.warning("WA from the PBX for no wake-up we handed over: %s", answer)
            self._answers.pop(0)
        if not self.session.alive:
            return
        for call in self._book.to_clear():
            self._write(self.session.clear(call.room, call.due_at))
        for call in self._book.to_hand_over():
            self._write(self.session.request(call.room, call.due_at))
        self._tell_rooms()
        rooms = self._book.overdue()
        if rooms:
            log.error("the PBX never answered the wake-ups of %s: escalated to a person", ", ".join(rooms))
