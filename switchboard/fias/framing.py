"""Cutting FIAS byte streams into records.

TCP carries ``STX record ETX``; RS-232 carries ``STX record ETX LRC`` and the
receiver answers each frame with ACK or NAK. The framers only turn bytes into
record payloads and back, so the same code serves a socket, a pty or a
``loop://`` port, and tests feed them any chunking they like.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

STX = 0x02
ETX = 0x03
ENQ = 0x05
ACK = 0x06
NAK = 0x15

log = logging.getLogger(__name__)

# A record longer than this is garbage on the line, not a record (the spec caps records at 2000).
MAX_RECORD = 4096


def lrc(record: bytes) -> int:
    """XOR of every byte after STX up to and including ETX."""
    value = 0
    for byte in record:
        value ^= byte
    return value ^ ETX


def frame_tcp(record: bytes) -> bytes:
    return bytes([STX]) + record + bytes([ETX])


def frame_serial(record: bytes) -> bytes:
    return bytes([STX]) + record + bytes([ETX, lrc(record)])


@dataclass(frozen=True, slots=True)
class FrameEvent:
    """What a serial framer found: a good record, a bad frame (answer NAK) or a control byte."""

    record: bytes | None = None
    bad: bool = False
    control: int | None = None


class TcpFramer:
    """Splits ``STX record ETX`` out of arbitrary chunks; bytes outside a frame are dropped."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._inside = False
        self.discarded = 0

    def feed(self, data: bytes) -> list[bytes]:
        records: list[bytes] = []
        for byte in data:
            if byte == STX:
                if self._inside and self._buffer:
                    self.discarded += 1
                self._buffer.clear()
                self._inside = True
            elif not self._inside:
                self.discarded += 1
            elif byte == ETX:
                records.append(bytes(self._buffer))
                self._buffer.clear()
                self._inside = False
            elif len(self._buffer) >= MAX_RECORD:
                log.warning("FIAS frame longer than %d bytes dropped", MAX_RECORD)
                self.discarded += 1
                self._buffer.clear()
                self._inside = False
            else:
                self._buffer.append(byte)
        return records


class SerialFramer:
    """Splits ``STX record ETX LRC`` frames; the LRC is found by position, never by value.

    Control bytes (ACK, NAK, ENQ) between frames are reported as they come so the
    link can run its ACK/NAK dialogue; a frame whose LRC does not match is reported
    as bad so the link answers NAK and the sender repeats it.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._state = "idle"  # idle | record | lrc

    @property
    def idle(self) -> bool:
        """Between frames, where a byte is a control byte and not part of a record or LRC."""
        return self._state == "idle"

    def feed(self, data: bytes) -> list[FrameEvent]:
        events: list[FrameEvent] = []
        for byte in data:
            if self._state == "lrc":
                record = bytes(self._buffer)
                self._buffer.clear()
                self._state = "idle"
                if lrc(record) == byte:
                    events.append(FrameEvent(record=record))
                else:
                    events.append(FrameEvent(bad=True))
            elif byte == STX:
                if self._state == "record":
                    events.append(FrameEvent(bad=True))
                self._buffer.clear()
                self._state = "record"
            elif self._state == "record":
                if byte in (ACK, NAK, ENQ):
                    # Control bytes never occur inside a record: the frame's end was lost on the
                    # line. Give it up silently; the sender's ENQ gets our NAK and it sends again.
                    self._buffer.clear()
                    self._state = "idle"
                    events.append(FrameEvent(control=byte))
                elif byte == ETX:
                    self._state = "lrc"
                elif len(self._buffer) >= MAX_RECORD:
                    events.append(FrameEvent(bad=True))
                    self._buffer.clear()
                    self._state = "idle"
                else:
                    self._buffer.append(byte)
            elif byte in (ACK, NAK, ENQ):
                events.append(FrameEvent(control=byte))
        return events
