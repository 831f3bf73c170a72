"""Cutting FIAS byte streams into records.

TCP carries ``STX record ETX``; RS-232 carries ``STX record ETX LRC`` and the
receiver answers each frame with ACK or NAK. The framers only turn bytes into
record payloads and back, so the same code serves a socket, a pty or a
``loop://`` port, and tests feed them any chunking they like.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass

STX = 0x02
ETX = 0x03
ENQ = 0x05
ACK = 0x06
NAK = 0x15

log = logging.getLogger(__name__)

# A record longer than this is garbage on the line, not a record (the spec caps records at 2000).
MAX_RECORD = 4096
SAMPLE = 200  # bytes of a damaged stretch kept for the link monitor


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
    """What a serial framer found: a good record, a bad frame (answer NAK) or a control byte.

    ``truncated`` marks a bad frame cut off before its ETX (a new STX, or garbage past the size
    limit): the sender never finished it, so it is owed no answer; its ENQ will get a NAK.
    """

    record: bytes | None = None
    bad: bool = False
    control: int | None = None
    truncated: bool = False


class TcpFramer:
    """Splits ``STX record ETX`` out of arbitrary chunks; bytes outside a frame are dropped.

    ``discarded`` counts the bytes dropped; ``damaged`` counts each stretch of them once (a frame cut
    short by the next STX, a frame past ``MAX_RECORD`` with the rest of it, noise between frames) in
    any chunks; ``bad`` gets the start of each (``SAMPLE`` bytes at most) for the link monitor."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._inside = False
        self._noise: bytearray | None = None  # the start of the stretch of noise being dropped
        self.discarded = 0
        self.damaged = 0
        self.bad: list[bytearray] = []

    def _spoilt(self, start: bytes | bytearray) -> bytearray:
        self.damaged += 1
        self.bad.append(bytearray(start[:SAMPLE]))
        return self.bad[-1]

    def feed(self, data: bytes) -> list[bytes]:
        records: list[bytes] = []
        for byte in data:
            if byte == STX:
                if self._inside and self._buffer:
                    self.discarded += 1
                    self._spoilt(self._buffer)
                self._noise = None
                self._buffer.clear()
                self._inside = True
            elif not self._inside:
                self.discarded += 1
                if self._noise is None:
                    self._noise = self._spoilt(b"")
                if len(self._noise) < SAMPLE:
                    self._noise.append(byte)
            elif byte == ETX:
                records.append(bytes(self._buffer))
                self._buffer.clear()
                self._inside = False
            elif len(self._buffer) >= MAX_RECORD:
                log.warning("FIAS frame longer than %d bytes dropped", MAX_RECORD)
                self.discarded += 1
                self._noise = self._spoilt(self._buffer)  # the rest of it, up to the next STX, goes with it
                self._buffer.clear()
                self._inside = False
            else:
                self._buffer.append(byte)
        return records


class SerialFramer:
    """Splits ``STX record ETX LRC`` frames; the LRC is found by position, never by value.

    Control bytes (ACK, NAK, ENQ) between frames are reported as they come so the
    link can run its ACK/NAK dialogue; a frame whose LRC does not match is reported
    as bad so the link answers NAK and the sender repeats it. Other bytes between
    frames (a frame whose STX was damaged) are counted in ``noise``.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._state = "idle"  # idle | record | lrc
        self.noise = 0

    @property
    def idle(self) -> bool:
        """Between frames, where a byte is a control byte and not part of a record or LRC."""
        return self._state == "idle"

    def feed(self, data: bytes) -> list[FrameEvent]:
        events: list[FrameEvent] = []
        for byte in data:
            event = self.step(byte)
            if event is not None:
                events.append(event)
        return events

    def step(self, byte: int) -> FrameEvent | None:
        """Take one byte; returns what it completed, if anything."""
        if self._state == "lrc":
            record = bytes(self._buffer)
            self._buffer.clear()
            self._state = "idle"
            return FrameEvent(record=record) if lrc(record) == byte else FrameEvent(bad=True)
        if byte == STX:
            cut = self._state == "record"
            self._buffer.clear()
            self._state = "record"
            return FrameEvent(bad=True, truncated=True) if cut else None
        if self._state == "record":
            if byte in (ACK, NAK, ENQ):
                # Control bytes never occur inside a record: the frame's end was lost on the
                # line. Give it up silently; the sender's ENQ gets our NAK and it sends again.
                self._buffer.clear()
                self._state = "idle"
                return FrameEvent(control=byte)
            if byte == ETX:
                self._state = "lrc"
            elif len(self._buffer) >= MAX_RECORD:
                self._buffer.clear()
                self._state = "idle"
                return FrameEvent(bad=True, truncated=True)
            else:
                self._buffer.append(byte)
            return None
        if byte in (ACK, NAK, ENQ):
            return FrameEvent(control=byte)
        self.noise += 1
        return None


@dataclass(frozen=True, slots=True)
class LineEvent:
    """What the serial dialogue gave: a record received, a bad frame (answered NAK), or one of
    our frames acknowledged by the peer (``delivered``, in the order they were sent)."""

    record: bytes | None = None
    delivered: bytes | None = None
    bad: bool = False


class FipsLine:
    """The RS-232 dialogue of FIPS on one connection, without I/O.

    Every frame is answered ACK or NAK; ours go one at a time, NAK repeats one, and
    silence is asked about with ENQ, which the peer answers by repeating its last
    answer. FIPS numbers nothing, so an answer can only mean "the frame in flight":

    * a frame counts as delivered only on an ACK that came while it was in flight;
      an answer with nothing in flight is stale and ignored;
    * each frame sent and each ENQ makes the peer owe one answer. After an ENQ both
      the late first answer and the repeat may come, so the next frame waits until
      every owed answer is in (or has had twice ``ack_timeout_s``), or the repeat
      would be taken for the answer to the next frame, which may have been lost;
      likewise a NAK repeats the frame only once no other answer is owed;
    * a damaged STX can read as ACK: an answer amid noise, or one followed within
      ``settle_s`` by the body of a frame rather than a control byte or STX, is
      asked about again with ENQ before the frame counts as delivered;
    * NAK and ENQ are one bit apart. Our NAK, damaged, makes the peer answer a question
      nobody asked, an answer that would shift every later one onto the wrong frame:
      after writing NAK no new frame starts until the peer's next STX or ENQ shows how
      it took it (by then any such answer is in, and ignored). The peer's ENQ, damaged,
      reads as NAK: a NAK that comes while the peer waits for our answer to bytes we
      could not read is answered as that ENQ would be, and our frame asked about;
    * the spec drops a frame after 3 NAKs; on a noisy line that is a good record lost.
      A NAK shows the peer listens, so the frame is repeated up to ``max_sends`` times;
      after that, or after the spec's 3 unanswered ENQs, the line is ``broken``: the
      link restarts the connection and sends the frame again there.

    ``step`` takes the bytes read (possibly none) and the monotonic time, and
    returns what to write and what happened.
    """

    def __init__(
        self, ack_timeout_s: float = 3.0, retries: int = 3, settle_s: float = 0.0, max_sends: int = 16
    ) -> None:
        self.ack_timeout_s = ack_timeout_s
        self.retries = retries
        self.settle_s = settle_s
        self.max_sends = max_sends
        self.broken = False
        self.stale_answers = 0
        self._framer = SerialFramer()
        self._last_answer = NAK  # what an ENQ from the peer gets
        self._queue: deque[bytes] = deque()
        self._current: bytes | None = None  # in flight, answer awaited
        self._verdict: int | None = None  # NAK once the frame in flight was refused
        self._taken: tuple[bytes, float] | None = None  # ACKed, counted once ``settle_s`` passes cleanly
        self._sends = 0
        self._enquiries = 0
        self._deadline = 0.0
        self._owed: deque[float] = deque()  # answers the peer still owes, by when they must have come
        self._noise = False
        self._guard = 0.0  # after a NAK of ours, no new frame before the peer's next STX or ENQ
        self._unanswered = False  # the peer sent bytes we have not answered (a frame we could not read)
        self._out = bytearray()
        self._events: list[LineEvent] = []

    def send(self, payload: bytes) -> None:
        self._queue.append(payload)

    @property
    def busy(self) -> bool:
        """A frame is in flight, awaiting confirmation, or queued."""
        return self._current is not None or self._taken is not None or bool(self._queue)

    @property
    def current(self) -> bytes | None:
        """The frame in flight, if any."""
        return self._current

    def unacknowledged(self) -> list[bytes]:
        """Frames the peer has not (surely) acknowledged, oldest first, for the next connection."""
        pending = [self._taken[0]] if self._taken is not None else []
        if self._current is not None:
            pending.append(self._current)
        return pending + list(self._queue)

    def step(self, data: bytes, now: float) -> tuple[bytes, list[LineEvent]]:
        for byte in data:
            self._byte(byte, now)
        self._timers(now)
        out, events = bytes(self._out), self._events
        self._out = bytearray()
        self._events = []
        return out, events

    # --- receiving ---------------------------------------------------------
    def _byte(self, byte: int, now: float) -> None:
        idle = self._framer.idle
        event = self._framer.step(byte)
        if event is None:
            # Frame bytes, and bytes outside any frame, make our answer to an ENQ a NAK: the
            # peer may have sent a frame we never saw whole.
            self._last_answer = NAK
            self._unanswered = True
            if idle and byte == STX:
                self._noise = False
                self._guard = 0.0
                self._confirm()
            elif idle:
                self._noise = True
                self._doubt(now)
            return
        if event.record is not None:
            self._last_answer = ACK
            self._unanswered = False
            self._out.append(ACK)
            self._events.append(LineEvent(record=event.record))
        elif event.bad:
            self._last_answer = NAK
            if not event.truncated:
                self._write_nak(now)
            self._events.append(LineEvent(bad=True))
        elif event.control == ENQ:
            self._guard = 0.0
            self._unanswered = False
            if self._last_answer == NAK:
                self._write_nak(now)
            else:
                self._out.append(ACK)
            self._confirm()
            self._noise = False
        elif idle and event.control is not None:
            self._answered(event.control, now)
        else:
            # ACK or NAK inside a frame: a damaged data byte, or an answer after a frame whose
            # ETX was lost. Neither is trusted; if it was our answer, an ENQ gets it again.
            self._noise = True

    def _write_nak(self, now: float) -> None:
        self._out.append(NAK)
        self._unanswered = False
        self._guard = now + 2 * self.ack_timeout_s

    def _answered(self, byte: int, now: float) -> None:
        doubtful = self._noise
        self._noise = False
        if byte == NAK and self._unanswered:
            self._write_nak(now)  # what the peer's ENQ, if that is what it was, asks for
            doubtful = True
        if self._taken is not None:
            # A control byte right after the ACK we took: that ACK was real, this one is extra.
            self._confirm()
        if self._current is None:
            self._took_owed(now)
            self.stale_answers += 1
            return
        if doubtful:
            self._enquire(now)
            return
        self._took_owed(now)
        if byte == ACK:
            payload, self._current = self._current, None
            if self.settle_s > 0:
                self._taken = (payload, now + self.settle_s)
            else:
                self._events.append(LineEvent(delivered=payload))
        else:
            self._verdict = NAK  # repeated once no other answer is owed (see _timers)

    def _took_owed(self, now: float) -> None:
        """An owed answer came; any owed behind it (an ENQ's repeat) follow at once if at all."""
        if self._owed:
            self._owed.popleft()
        drained = now + self.ack_timeout_s / 4
        self._owed = deque(min(due, drained) for due in self._owed)

    def _confirm(self) -> None:
        if self._taken is not None:
            self._events.append(LineEvent(delivered=self._taken[0]))
            self._taken = None

    def _doubt(self, now: float) -> None:
        """The body of a frame right after the ACK we took: it was probably a damaged STX."""
        if self._taken is not None:
            self._current = self._taken[0]
            self._verdict = None
            self._taken = None
            self._enquire(now)

    # --- sending -----------------------------------------------------------
    def _timers(self, now: float) -> None:
        while self._owed and self._owed[0] <= now:
            self._owed.popleft()  # not come in twice the time-out: lost on the line
        if self._taken is not None and now >= self._taken[1]:
            self._confirm()
        if self._current is not None:
            if self._verdict == NAK:
                if not self._owed:
                    if self._sends >= self.max_sends:
                        self.broken = True
                    else:
                        self._transmit(self._current, now)
            elif now >= self._deadline:
                if self._enquiries >= self.retries:
                    self.broken = True
                else:
                    self._enquire(now)
        elif (
            self._taken is None and self._queue and not self._owed and now >= self._guard and not self.broken
        ):
            self._sends = 0
            self._transmit(self._queue.popleft(), now)

    def _transmit(self, payload: bytes, now: float) -> None:
        self._current = payload
        self._verdict = None
        self._sends += 1
        self._enquiries = 0
        self._expect(now)
        self._out += frame_serial(payload)

    def _enquire(self, now: float) -> None:
        self._enquiries += 1
        self._expect(now)
        self._out.append(ENQ)

    def _expect(self, now: float) -> None:
        self._owed.append(now + 2 * self.ack_timeout_s)
        self._deadline = now + self.ack_timeout_s
