"""What the engineer's link monitor shows: each link's state, counters and the last raw frames.

The link threads send ``RawFrame`` and ``LinkCounters`` through the bridge with
their ``LinkStateChanged``; ``LinkJournal`` keeps what arrived per link on the GUI
thread, with the raw frames in a bounded buffer so a busy night cannot fill memory.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus

FRAMES_KEPT = 2000


@dataclass(frozen=True, slots=True)
class RawFrame:
    """One frame or line on the wire; ``outgoing`` when the console sent it."""

    link: LinkName
    outgoing: bool
    data: bytes
    at: datetime
    bad: bool = False  # a line or frame that did not parse


@dataclass(frozen=True, slots=True)
class LinkCounters:
    link: LinkName
    records_in: int
    records_out: int
    errors: int
    reconnects: int
    last_record_at: datetime | None = None


@dataclass
class LinkView:
    """One link as the monitor shows it; ``serial`` counts every frame ever added."""

    link: LinkName
    status: LinkStatus = LinkStatus.DISABLED
    detail: str = ""
    counters: LinkCounters | None = None
    frames: deque[RawFrame] = field(default_factory=lambda: deque(maxlen=FRAMES_KEPT))
    serial: int = 0

    def frames_since(self, serial: int) -> list[RawFrame]:
        """The frames added after the monitor last saw ``serial`` (all that are still kept)."""
        new = min(self.serial - serial, len(self.frames))
        return list(self.frames)[len(self.frames) - new :] if new > 0 else []


class LinkJournal:
    def __init__(self) -> None:
        self.links = {link: LinkView(link) for link in LinkName}

    def take(self, event: object) -> bool:
        """Note a link event; False for events that are not about a link."""
        if isinstance(event, RawFrame):
            view = self.links[event.link]
            view.frames.append(event)
            view.serial += 1
        elif isinstance(event, LinkCounters):
            self.links[event.link].counters = event
        elif isinstance(event, LinkStateChanged):
            view = self.links[event.link]
            view.status, view.detail = event.status, event.detail
        else:
            return False
        return True


def frame_text(data: bytes, encoding: str = "utf-8") -> str:
    """A frame as the engineer reads it, in the link's code page (the PMS's ``[pms] encoding``):
    printable text, control bytes by name."""
    names = {0x02: "<STX>", 0x03: "<ETX>", 0x05: "<ENQ>", 0x06: "<ACK>", 0x15: "<NAK>", 0x0D: "<CR>"}
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:  # a code page the settings check let through but Python does not know
        text = data.decode("utf-8", errors="replace")
    return "".join(names.get(ord(ch), f"<{ord(ch):02X}>") if ord(ch) < 0x20 else ch for ch in text)
