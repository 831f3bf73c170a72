"""The night shift's bulk entry: the hand-written wake-up list typed in as lines of "room time [note]".

Lines are read one by one; a line that cannot be read says why and keeps its text,
so nothing typed is lost and the good lines around it still book."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

_LINE = re.compile(r"^\s*(\S+?)[\s,;]+(\d{1,2})[:.h]?(\d{2})\b[\s,;]*(.*)$")


@dataclass(frozen=True, slots=True)
class BulkLine:
    number: int  # 1-based line in the text
    text: str
    room: str = ""
    at: time | None = None
    note: str = ""
    problem: str = ""  # message key when the line cannot be read


def read_bulk(text: str) -> list[BulkLine]:
    """Every non-empty line, read or with its problem (``wakeup.bulk_format`` / ``wakeup.bulk_time``)."""
    lines: list[BulkLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        if match is None:
            lines.append(BulkLine(number, line, problem="wakeup.bulk_format"))
            continue
        room, hours, minutes, note = match.groups()
        if int(hours) > 23 or int(minutes) > 59:
            lines.append(BulkLine(number, line, room=room, problem="wakeup.bulk_time"))
            continue
        lines.append(BulkLine(number, line, room, time(int(hours), int(minutes)), note.strip()))
    return lines
