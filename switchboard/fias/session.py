"""The PBX side (IFPB) of a FIAS link, as a state machine without I/O.

The link feeds received records in with ``receive`` and sends whatever comes
back; ``tick`` drives keep-alive and posting time-outs. Postings (PS) go out one
at a time, each waiting for its PA, and are kept while the link is down or a
resync runs, so no charge is lost to a dropped line.
"""

from __future__ import annotations

import enum
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from switchboard.fias.records import FiasRecord, stamped

log = logging.getLogger(__name__)

VERSION = "1.0"

# The records this console uses, both directions, with the fields it understands.
LINK_RECORDS: tuple[tuple[str, str], ...] = (
    ("GI", "RNG#GNGFGTGLGVGGGAGDGSCSSF"),
    ("GO", "RNG#GSSF"),
    ("GC", "RNG#GNGFGTGLGVGDGSCSRO"),
    ("RE", "RNDNMLCSRSG#"),
    ("WR", "RNDATI"),
    ("WC", "RNDATI"),
    ("WA", "RNDATIAS"),
    ("XL", "RNG#MIMTDATI"),
    ("XD", "RNG#MI"),
    ("XM", "RNG#"),
    ("XT", "RNG#MIMTDATI"),
    ("PS", "RNPTTADDDUPCCTP#DATI"),
    ("PA", "ASRNP#DATICT"),
)

KEEP_ALIVE = timedelta(minutes=5)
POSTING_TIMEOUT = timedelta(seconds=30)


class LinkPhase(enum.Enum):
    DOWN = "down"
    WAIT_LA = "wait_la"
    ALIVE = "alive"
    RESYNC = "resync"


@dataclass(frozen=True, slots=True)
class Posting:
    """A call charge for the PMS; ``cents`` for pre-costed charges (PT=C)."""

    room: str
    started_at: datetime
    cents: int
    digits: str
    duration_s: int
    call_type: str = ""
    reference: int = 0  # the console's own name for it (the call record), given back with the answer


class FiasSession:
    """Link control, resync and the outgoing queue; data records go to ``deliver``."""

    def __init__(self, now: Callable[[], datetime], deliver: Callable[[FiasRecord], None]) -> None:
        self._now = now
        self._deliver = deliver
        self.phase = LinkPhase.DOWN
        self._postings: deque[tuple[int, Posting]] = deque()
        self._outstanding: tuple[int, Posting, datetime] | None = None
        self._held: deque[FiasRecord] = deque()
        self._next_number = 1
        self._last_sent = now()
        self.answers: deque[FiasRecord] = deque(maxlen=100)  # the latest PA records, newest last
        # Told of each posting the PMS settled: True posted, False refused for good (not "try again").
        self.on_settled: Callable[[Posting, bool], None] = lambda _posting, _posted: None
        self.ignored = 0

    # --- link events -------------------------------------------------------
    def connected(self) -> list[FiasRecord]:
        """A fresh connection: wait for the PMS's LS (the link calls ``start`` if none comes)."""
        self.phase = LinkPhase.DOWN
        if self._outstanding is not None:
            # The PA may have been lost with the line; the posting goes out again.
            number, posting, _ = self._outstanding
            self._postings.appendleft((number, posting))
            self._outstanding = None
        return []

    def start(self) -> list[FiasRecord]:
        """No LS came: announce ourselves with LS."""
        return self._sent([stamped("LS", self._now())])

    def disconnected(self) -> None:
        self.connected()

    def receive(self, rec: FiasRecord) -> list[FiasRecord]:
        kind = rec.kind
        if kind == "LS":
            self.phase = LinkPhase.WAIT_LA
            return self._sent(self._description())
        if kind == "LA":
            if self.phase in (LinkPhase.WAIT_LA, LinkPhase.DOWN):
                self.phase = LinkPhase.ALIVE
                return self._sent(self._flush())
            return []
        if kind == "LE":
            self.disconnected()
            return self._sent([stamped("LE", self._now())])
        if self.phase is LinkPhase.DOWN:
            # Before any handshake on this connection nothing the PMS sends counts.
            self.ignored += 1
            return []
        out: list[FiasRecord] = []
        if self.phase is LinkPhase.WAIT_LA:
            # The PMS sends data only once it holds the link alive; its LA crossed ours or
            # it saw no need to repeat it. Dropping the record would lose it.
            self.phase = LinkPhase.ALIVE
            out = self._flush()
        if kind == "DS":
            self.phase = LinkPhase.RESYNC
            self._deliver(rec)
            return self._sent(out)
        if kind == "DE":
            self._deliver(rec)
            self.phase = LinkPhase.ALIVE
            return self._sent(out + self._flush())
        if kind == "PA":
            return self._sent(out + self._answer(rec))
        self._deliver(rec)
        return self._sent(out)

    def tick(self) -> list[FiasRecord]:
        now = self._now()
        out: list[FiasRecord] = []
        if self.phase is LinkPhase.ALIVE:
            if self._outstanding is not None and now - self._outstanding[2] >= POSTING_TIMEOUT:
                number, posting, _ = self._outstanding
                log.warning("no PA for posting %d within %s; sending it again", number, POSTING_TIMEOUT)
                self._outstanding = None
                self._postings.appendleft((number, posting))
                out += self._flush()
            if now - self._last_sent >= KEEP_ALIVE:
                out.append(stamped("LS", now))
        return self._sent(out)

    # --- outgoing ----------------------------------------------------------
    def send(self, rec: FiasRecord) -> list[FiasRecord]:
        """Queue a record for the PMS (WA, RE, XD, …); held while down or resyncing."""
        self._held.append(rec)
        return self._sent(self._flush()) if self.phase is LinkPhase.ALIVE else []

    def post(self, posting: Posting) -> list[FiasRecord]:
        self._postings.append((self._next_number, posting))
        self._next_number = self._next_number % 99_999_999 + 1
        return self._sent(self._flush()) if self.phase is LinkPhase.ALIVE else []

    def request_resync(self) -> list[FiasRecord]:
        return self.send(stamped("DR", self._now()))

    @property
    def pending_postings(self) -> int:
        return len(self._postings) + (self._outstanding is not None)

    def _flush(self) -> list[FiasRecord]:
        out = list(self._held)
        self._held.clear()
        if self._outstanding is None and self._postings:
            number, posting = self._postings.popleft()
            self._outstanding = (number, posting, self._now())
            out.append(_posting_record(number, posting))
        return out

    def _answer(self, rec: FiasRecord) -> list[FiasRecord]:
        self.answers.append(rec)
        if self._outstanding is None or rec.get("P#") != str(self._outstanding[0]):
            log.warning("PA for a posting not outstanding: %s", rec)
            return []
        number, posting, _ = self._outstanding
        if rec.get("AS") in ("RY", "BY", "NA"):
            self._postings.appendleft((number, posting))
        elif rec.get("AS") == "OK":
            self.on_settled(posting, True)
        else:
            log.warning("PMS refused posting %s: %s %s", rec.get("P#"), rec.get("AS"), rec.get("CT"))
            self.on_settled(posting, False)
        self._outstanding = None
        return self._flush()

    def _description(self) -> list[FiasRecord]:
        now = self._now()
        out = [stamped("LD", now, ("V#", VERSION), ("IF", "PB"))]
        out += [FiasRecord("LR", (("RI", kind), ("FL", fields))) for kind, fields in LINK_RECORDS]
        out.append(stamped("LA", now))
        return out

    def _sent(self, records: list[FiasRecord]) -> list[FiasRecord]:
        if records:
            self._last_sent = self._now()
        return records


def _posting_record(number: int, posting: Posting) -> FiasRecord:
    d = posting.duration_s
    return FiasRecord("PS", (
        ("RN", posting.room), ("PT", "C"), ("TA", str(posting.cents)),
        ("DD", "".join(ch for ch in posting.digits if ch.isdigit())),
        ("DU", f"{d // 3600:02d}{d // 60 % 60:02d}{d % 60:02d}"), ("PC", posting.call_type[:1]),
        ("P#", str(number)), ("DA", posting.started_at.strftime("%y%m%d")),
        ("TI", posting.started_at.strftime("%H%M%S")),
    ))
