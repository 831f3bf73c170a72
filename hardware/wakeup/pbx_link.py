"""Wake-ups run by the PBX itself: the dialler process hands them over on the PBX's FIAS link.

``[wakeup] mode = pbx`` and ``pbx_url = socket://host:port`` (FIAS over TCP, STX record ETX).
One loop: keep the link up (reconnect every few seconds), hand over what was booked, clear what
was cancelled or moved, record the PBX's answers, and beat so the consoles know whether the PBX
can be reached; while it cannot, due calls go to the operators' manual list."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

import serial

from hardware.ports import open_port
from switchboard.errors import ConsoleError
from switchboard.fias.framing import TcpFramer, frame_tcp
from switchboard.fias.pbx_wakeups import PbxAnswer, PbxHandoverBook, PbxWakeUpSession
from switchboard.fias.records import FiasRecord, format_record, parse

log = logging.getLogger(__name__)


class PbxWakeUpLink:
    RECONNECT_S = 3.0
    STEP_S = 0.5
    BEAT_S = 2.0

    def __init__(
        self, url: str, book: PbxHandoverBook, now: Callable[[], datetime], *, name: str = "pbx-wakeups"
    ) -> None:
        self._url = url
        self._book = book
        self._name = name
        self._answers: list[PbxAnswer] = []
        self.session = PbxWakeUpSession(now, self._answers.append)
        self._port: serial.SerialBase | None = None
        self._framer = TcpFramer()
        self._book_failing = False

    def run(self, stop: threading.Event) -> None:
        next_connect = next_step = next_beat = 0.0
        try:
            while not stop.is_set():
                now = time.monotonic()
                if self._port is None and now >= next_connect:
                    next_connect = now + self.RECONNECT_S
                    self._connect()
                self._read()
                try:
                    if now >= next_step:
                        next_step = now + self.STEP_S
                        self._work()
                    if now >= next_beat:
                        next_beat = now + self.BEAT_S
                        self._book.beat(
                            self._name,
                            self.session.alive,
                            0,
                            0,
                            "" if self.session.alive else "PBX link down",
                        )
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

    def _connect(self) -> None:
        try:
            self._port = open_port(self._url, timeout=0.1)
        except (serial.SerialException, OSError, ValueError) as exc:
            log.warning("PBX wake-up link %s not reachable: %s", self._url, exc)
            self._port = None
            return
        self._framer = TcpFramer()
        self._write(self.session.connected())
        log.info("PBX wake-up link connected to %s", self._url)

    def _drop(self) -> None:
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
            data = self._port.read(4096)
        except (serial.SerialException, OSError) as exc:
            log.warning("PBX wake-up link lost: %s", exc)
            self._drop()
            return
        for payload in self._framer.feed(data):
            try:
                rec = parse(payload)
            except ConsoleError as exc:
                log.warning("unreadable record from the PBX ignored: %s", exc)
                continue
            self._write(self.session.receive(rec))

    def _write(self, records: list[FiasRecord]) -> None:
        if self._port is None:
            return
        try:
            for rec in records:
                self._port.write(frame_tcp(format_record(rec)))
        except (serial.SerialException, OSError) as exc:
            log.warning("PBX wake-up link lost while writing: %s", exc)
            self._drop()

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
        rooms = self._book.overdue()
        if rooms:
            log.error("the PBX never answered the wake-ups of %s: escalated to a person", ", ".join(rooms))
