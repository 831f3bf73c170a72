"""The PBX side (IFPB) of a FIAS link, as a state machine without I/O.

The link feeds received records in with ``receive`` and sends whatever comes
back; ``tick`` drives keep-alive and posting time-outs. Postings (PS) go out one
at a time through ``PostingQueue`` and are kept while the link is down or a
resync runs, so no charge is lost to a dropped line. The phase ``ENDED`` tells the
link to close the connection: the PMS ended the link with LE (answered, as the
specification says, with LE and a hang-up), or a keep-alive LS got no answer (a
half-open TCP connection, whose writes succeed but reach nobody). Records the line never
acknowledged come back with ``disconnected`` and go again after the next link
start. A resync counts only when it ran whole: one cut by a drop, or on a line
that lost bytes meanwhile (TCP has no check), is not allowed to check guests
out, and is asked for again.
"""

from __future__ import annotations

import enum
import logging
from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from switchboard.fias.postings import FIRST_PAUSE, CountedNumbers, Posting, PostingNumbers, PostingQueue
from switchboard.fias.records import FiasRecord, stamped

__all__ = ["FiasSession", "LinkPhase", "Posting"]

log = logging.getLogger(__name__)

VERSION = "1.0"

# The records this console uses, both directions, with the fields it understands.
LINK_RECORDS: tuple[tuple[str, str], ...] = (
    ("GI", "RNG#GNGFGTGLGVGGGAGDGSCSSF"),
    ("GO", "RNG#GSSF"),
    ("GC", "RNG#GNGFGTGLGVGDGSCSRO"),
    ("RE", "RNDNMLCSRSG#ID"),
    ("WR", "RNDATI"),
    ("WC", "RNDATI"),
    ("WA", "RNDATIAS"),
    ("XL", "RNG#MIMTDATI"),
    ("XD", "RNG#MI"),
    ("XM", "RNG#"),
    ("XT", "RNG#MIMTDATI"),
    ("PS", "RNPTTADDDUPCCTP#DATIMAM#"),
    ("PA", "ASRNP#DATICT"),
)

# Link control belongs to one connection; the next one starts its own.
LINK_CONTROL = frozenset({"LS", "LD", "LR", "LA", "LE"})

KEEP_ALIVE = timedelta(minutes=5)
# The spec's application time-out: a PA, or the next record of a resync under way.
ANSWER_TIMEOUT = timedelta(seconds=30)
# The spec warns against needless DRs: one asked for by the console itself waits this long after the last.
RESYNC_PAUSE = timedelta(minutes=2)


class LinkPhase(enum.Enum):
    DOWN = "down"
    WAIT_LA = "wait_la"
    ALIVE = "alive"
    RESYNC = "resync"
    ENDED = "ended"  # the link must hang up this connection (see ``end_reason``)


class FiasSession:
    """Link control, resync and the outgoing queue; data records go to ``deliver``."""

    def __init__(
        self,
        now: Callable[[], datetime],
        deliver: Callable[[FiasRecord], None],
        answer_timeout: timedelta = ANSWER_TIMEOUT,
        resync_pause: timedelta = RESYNC_PAUSE,
        numbers: PostingNumbers | None = None,
        keep_alive: timedelta = KEEP_ALIVE,
        retry_pause: timedelta = FIRST_PAUSE,
    ) -> None:
        self._now = now
        self._deliver = deliver
        self._answer_timeout = answer_timeout
        self._resync_pause = resync_pause
        self._keep_alive = keep_alive
        self.phase = LinkPhase.DOWN
        self.end_reason = ""
        self.ended_by_pms = False  # the PMS said goodbye (LE) rather than the line failing
        self.postings = PostingQueue(now, numbers or CountedNumbers(), answer_timeout, retry_pause)
        self._held: deque[FiasRecord] = deque()
        self._last_sent = now()
        self._probe_sent: datetime | None = None  # our keep-alive LS, while unanswered
        self._start_sent: datetime | None = None  # our LS or link description, while unanswered
        self.answers: deque[FiasRecord] = deque(maxlen=100)  # the latest PA records, newest last
        self.ignored = 0
        self._last_resync_record = now()
        self._resync_spoiled = False  # bytes were lost during the resync under way
        self._resync_wanted = False  # a resync was cut short or spoiled: ask for another
        self._resync_asked: datetime | None = None  # when the console last asked by itself
        self.resyncs_refused = 0

    @property
    def on_settled(self) -> Callable[[Posting, bool], None]:
        """Told of each posting the PMS settled: True posted, False refused for good."""
        return self.postings.on_settled

    @on_settled.setter
    def on_settled(self, handler: Callable[[Posting, bool], None]) -> None:
        self.postings.on_settled = handler

    # --- link events -------------------------------------------------------
    def connected(self) -> list[FiasRecord]:
        """A fresh connection: wait for the PMS's LS (the link calls ``start`` if none comes)."""
        self.phase = LinkPhase.DOWN
        self.end_reason = ""
        self.ended_by_pms = False
        self._probe_sent = self._start_sent = None
        self.postings.line_lost()
        return []

    def start(self) -> list[FiasRecord]:
        """No LS came: announce ourselves with LS."""
        self._start_sent = self._now()
        return self._sent([stamped("LS", self._now())])

    def disconnected(self, unacknowledged: Iterable[FiasRecord] = ()) -> None:
        """The line dropped; ``unacknowledged`` are records it never confirmed, oldest first."""
        if self.phase is LinkPhase.RESYNC:
            log.warning("PMS link dropped during a resync; it will be asked for again")
            self._resync_wanted = True
        # Postings come back through their own queue (a PS waits for its PA, not for the line).
        again = [r for r in unacknowledged if r.kind not in LINK_CONTROL and r.kind != "PS"]
        self._held.extendleft(reversed(again))
        self.connected()

    def damaged(self) -> list[FiasRecord]:
        """Bytes were lost on a line that cannot ask for them again (TCP framing): records may be gone."""
        if self.phase is LinkPhase.RESYNC:
            self._resync_spoiled = True
            return []
        self._resync_wanted = True
        return self._sent(self._resync_if_wanted())

    def receive(self, rec: FiasRecord) -> list[FiasRecord]:
        kind = rec.kind
        self._probe_sent = None  # anything from the PMS shows the line is alive
        if self.phase is LinkPhase.ENDED:
            self.ignored += 1
            return []
        if kind == "LS":
            self.phase = LinkPhase.WAIT_LA
            self._start_sent = self._now()
            return self._sent(self._description())
        if kind == "LA":
            if self.phase in (LinkPhase.WAIT_LA, LinkPhase.DOWN):
                self.phase = LinkPhase.ALIVE
                return self._sent(self._flush() + self._resync_if_wanted())
            return []
        if kind == "LE":
            # The PMS is going away: answer LE and hang up; no new handshake on this connection.
            self.disconnected()
            self._end("the PMS ended the link (LE)")
            self.ended_by_pms = True
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
            out = self._flush() + self._resync_if_wanted()
        self._last_resync_record = self._now()
        if kind == "DS":
            self.phase = LinkPhase.RESYNC
            self._resync_spoiled = False
            self._deliver(rec)
            return self._sent(out)
        if kind == "DE":
            if self.phase is not LinkPhase.RESYNC or self._resync_spoiled:
                # Without its DS, or with records lost on the way, the resync is not the PMS's
                # whole database: its end must not check out the guests it seemed to leave out.
                log.warning(
                    "PMS resync incomplete (%s); its end is ignored and it will be asked for again",
                    "bytes lost" if self._resync_spoiled else "no DS",
                )
                self.resyncs_refused += 1
                self._resync_wanted = True
            else:
                self._deliver(rec)
                self._resync_wanted = False
            self.phase = LinkPhase.ALIVE
            return self._sent(out + self._flush() + self._resync_if_wanted())
        if kind == "PA":
            self.answers.append(rec)
            self.postings.answer(rec)
            return self._sent(out + self._flush())
        if kind in ("NS", "NE"):
            # Night audit: no postings from its start to its end.
            self.postings.night_audit(kind == "NS")
            self._deliver(rec)
            return self._sent(out + self._flush())
        self._deliver(rec)
        return self._sent(out)

    def tick(self) -> list[FiasRecord]:
        now = self._now()
        out: list[FiasRecord] = []
        if self.phase is LinkPhase.RESYNC and now - self._last_resync_record >= self._answer_timeout:
            log.warning(
                "PMS resync stalled for %s; its end is not waited for any longer", self._answer_timeout
            )
            self.phase = LinkPhase.ALIVE
            self._resync_wanted = True
        starting = self.phase in (LinkPhase.DOWN, LinkPhase.WAIT_LA) and self._start_sent is not None
        if starting and self._start_sent is not None and now - self._start_sent >= self._answer_timeout:
            # A PMS that took the connection but never answers it (half-open, or not running).
            self._end(f"no answer to the link start within {self._answer_timeout}")
            return []
        if self.phase is LinkPhase.ALIVE:
            self._start_sent = None
            if self._probe_sent is not None and now - self._probe_sent >= self._answer_timeout:
                self._end(f"no answer to the keep-alive LS within {self._answer_timeout}")
                return []
            out += self._flush()
            out += self._resync_if_wanted()
            if self._probe_sent is None and now - self._last_sent >= self._keep_alive:
                out.append(stamped("LS", now))
                self._probe_sent = now
        return self._sent(out)

    # --- outgoing ----------------------------------------------------------
    def send(self, rec: FiasRecord) -> list[FiasRecord]:
        """Queue a record for the PMS (WA, RE, XD, …); held while down or resyncing."""
        self._held.append(rec)
        return self._sent(self._flush()) if self.phase is LinkPhase.ALIVE else []

    def post(self, posting: Posting) -> list[FiasRecord]:
        self.postings.add(posting)
        return self._sent(self._flush()) if self.phase is LinkPhase.ALIVE else []

    def request_resync(self) -> list[FiasRecord]:
        return self.send(stamped("DR", self._now()))

    @property
    def pending_postings(self) -> int:
        return len(self.postings)

    def _end(self, reason: str) -> None:
        log.warning("PMS link closed: %s", reason)
        self.phase = LinkPhase.ENDED
        self.end_reason = reason

    def _flush(self) -> list[FiasRecord]:
        if self.phase is not LinkPhase.ALIVE:
            return []  # nothing goes to the PMS during its resync (DS…DE), nor before the link is up
        out = list(self._held)
        self._held.clear()
        ps = self.postings.next_record()
        if ps is not None:
            out.append(ps)
        return out

    def _resync_if_wanted(self) -> list[FiasRecord]:
        now = self._now()
        if not self._resync_wanted or self.phase is not LinkPhase.ALIVE:
            return []
        if self._resync_asked is not None and now - self._resync_asked < self._resync_pause:
            return []
        self._resync_wanted = False
        self._resync_asked = now
        if any(r.kind == "DR" for r in self._held):
            return []
        return [stamped("DR", now)]

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
