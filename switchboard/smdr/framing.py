"""Cutting the PBX's byte stream into records: lines, or frames with a 4-byte length (Mitel 5000 over TCP).

A line ends at CR, LF or both; NUL bytes before a record and blanks after it are padding some
PBXs send (after a restart, to fill a buffer). Leading blanks stay: a fixed-column record may begin
with a blank column. One line longer than ``max_line`` is one bad line, however long it goes on:
its bytes are dropped up to the next line end.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_LINE = 4096
MAX_FRAME = 1024  # a Mitel record is 80 to 120 characters
_PAD = b"\x00 \t"


@dataclass(frozen=True, slots=True)
class BadBytes:
    """Bytes that are no record: kept (cut to ``KEPT``) for the link monitor, with the reason."""

    data: bytes
    why: str


KEPT = 200


class LineFramer:
    def __init__(self, max_line: int = MAX_LINE) -> None:
        self._max = max_line
        self._pending = bytearray()
        self._discarding = False

    def feed(self, data: bytes) -> list[bytes | BadBytes]:
        out: list[bytes | BadBytes] = []
        pending = self._pending
        pending += data
        start = 0
        size = len(pending)
        while start < size:
            cut_lf = pending.find(b"\n", start)
            cut_cr = pending.find(b"\r", start, cut_lf if cut_lf >= 0 else size)
            cut = cut_cr if cut_cr >= 0 else cut_lf
            if cut < 0:
                break
            if self._discarding:
                self._discarding = False
            else:
                self._take(bytes(pending[start:cut]), out)
            start = cut + 1
        del pending[:start]
        if len(pending) > self._max:
            if not self._discarding:
                out.append(BadBytes(bytes(pending[:KEPT]), f"no line end within {self._max} bytes"))
                self._discarding = True
            pending.clear()
        return out

    def cut_short(self) -> bytes:
        """What is left of a line the connection dropped in the middle of (padding aside), then nothing."""
        left = b"" if self._discarding else bytes(self._pending[:KEPT]).strip(_PAD)
        self._pending.clear()
        self._discarding = False
        return left

    def _take(self, line: bytes, out: list[bytes | BadBytes]) -> None:
        if len(line) > self._max:
            out.append(BadBytes(line[:KEPT], f"no line end within {self._max} bytes"))
            return
        line = line.lstrip(b"\x00").rstrip(_PAD)
        if line.strip(_PAD):
            out.append(line)


class LengthFramer:
    """Mitel 5000 over TCP: each record is ``<uint32 LE length><record CR LF>``.

    A length that cannot be a record is one bad frame; the stream is picked up again after the next
    line end. A PBX sending plain lines on TCP (no length) still gets through: a "length" whose four
    bytes are printable text is taken as the start of a line.
    """

    _FRAME, _LINE, _SKIP = range(3)

    def __init__(self) -> None:
        self._pending = bytearray()
        self._lines = LineFramer()
        self._state = self._FRAME

    def feed(self, data: bytes) -> list[bytes | BadBytes]:
        out: list[bytes | BadBytes] = []
        pending = self._pending
        pending += data
        while pending:
            if self._state != self._FRAME:
                cut = _line_end(pending)
                if cut < 0:
                    if len(pending) > MAX_LINE:
                        if self._state == self._LINE:
                            out.append(
                                BadBytes(bytes(pending[:KEPT]), f"no line end within {MAX_LINE} bytes")
                            )
                        pending.clear()
                        self._state = self._SKIP
                    break
                if self._state == self._LINE:
                    out += self._lines.feed(bytes(pending[: cut + 1]))
                del pending[: cut + 1]
                self._state = self._FRAME
                continue
            while pending[:1] in (b"\r", b"\n"):
                del pending[:1]
            if len(pending) < 4:
                break
            head = bytes(pending[:4])
            length = int.from_bytes(head, "little")
            if 2 <= length <= MAX_FRAME:
                if len(pending) < 4 + length:
                    break
                body = bytes(pending[4 : 4 + length])
                del pending[: 4 + length]
                record = body.rstrip(b"\r\n").lstrip(b"\x00").rstrip(_PAD)
                if b"\r" in record or b"\n" in record:
                    out.append(BadBytes(body[:KEPT], f"a line end inside a frame of {length} bytes"))
                elif record.strip(_PAD):
                    out.append(record)
            elif all(0x20 <= b < 0x7F for b in head):
                self._state = self._LINE
            else:
                out.append(BadBytes(bytes(pending[:KEPT]), f"frame length {length} is no record's"))
                self._state = self._SKIP
        return out

    def cut_short(self) -> bytes:
        """What is left of a frame or line the connection dropped in the middle of, then nothing."""
        left = b"" if self._state == self._SKIP else bytes(self._pending[:KEPT]).strip(_PAD + b"\r\n")
        self._pending.clear()
        self._state = self._FRAME
        return left or self._lines.cut_short()


def _line_end(data: bytearray) -> int:
    lf = data.find(b"\n")
    cr = data.find(b"\r", 0, lf if lf >= 0 else len(data))
    return cr if cr >= 0 else lf
