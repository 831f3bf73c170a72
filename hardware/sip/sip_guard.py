"""Who may talk to the position, and what the link monitor hears of those who may not.

Only the PBX sends the position requests: its resolved addresses, plus ``[pbx] trusted`` (addresses, networks
or host names of the other nodes of a PBX cluster). The front also hears its own pjsua2 line, by exact
address and port, and pjsua2's own port keeps the same rules (``line_gate.LineGate``). Everything else is
dropped and counted; no answer goes back, since a source address on UDP is whatever the sender wrote. The
rejected and refused datagrams reach the engineer's link monitor as bad ``RawFrame``s (at most
``FRAMES_PER_S`` a second, so a flood costs the window nothing) and the counts as ``LinkCounters`` of the PBX
link, once a second at most. Shared by the SIP thread and the lamps' thread.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime

from switchboard.clock import Clock
from switchboard.link_monitor import LinkCounters, RawFrame
from switchboard.pbx import LinkName

log = logging.getLogger(__name__)

FRAMES_PER_S = 20
FRAME_BYTES = 400
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def resolve(names: Iterable[str]) -> set[Network]:
    """Each entry as networks: an address, a network (10.1.2.0/24) or a host name (every address it has)."""
    found: set[Network] = set()
    for raw in names:
        name = raw.strip()
        if name.startswith("[") and "]" in name:
            name = name[1 : name.index("]")]
        elif name.count(":") == 1:
            name = name.split(":", 1)[0]  # host:port; the port does not matter for trust
        if not name:
            continue
        try:
            found.add(ipaddress.ip_network(name, strict=False))
            continue
        except ValueError:
            pass
        try:
            for info in socket.getaddrinfo(name, None, type=socket.SOCK_DGRAM):
                found.add(ipaddress.ip_network(str(info[4][0]).split("%", 1)[0]))
        except (OSError, UnicodeError, ValueError) as exc:
            log.warning("trusted PBX address %r cannot be resolved: %s", name, exc)
    return found


def ipv4_of(host: str) -> str:
    """A host's IPv4 address, looked up once (the name itself if it cannot be looked up now), so the SIP
    threads never wait for DNS on a packet they send."""
    try:
        return str(socket.getaddrinfo(host, None, socket.AF_INET, socket.SOCK_DGRAM)[0][4][0])
    except (OSError, UnicodeError, IndexError):
        return host


class SipGuard:
    """Trust and counts for the PBX link; every method is safe from any thread."""

    def __init__(
        self, server: str, trusted: Iterable[str], clock: Clock, report: Callable[[object], None]
    ) -> None:
        self._networks = resolve([server, *trusted])
        self._exact: set[tuple[str, int]] = set()
        self._clock = clock
        self._report = report
        self._lock = threading.Lock()
        self.received = 0
        self.sent = 0
        self.rejected = 0  # not SIP, or broken: bounded and answered 400 when it was a request from the PBX
        self.refused = 0  # from an address that is not the PBX
        self.restarts = 0
        self._last: datetime | None = None
        self._frames_second = 0.0
        self._frames_in_second = 0
        self._counted_at = 0.0
        self._dirty = False

    def also(self, address: tuple[str, int]) -> None:
        """Trust one exact address and port (the console's own pjsua2 line)."""
        self._exact.add(address)

    def is_line(self, source: tuple[str, int]) -> bool:
        return (source[0], source[1]) in self._exact

    def trusts(self, source: tuple[str, int]) -> bool:
        if (source[0], source[1]) in self._exact:
            return True
        try:
            address = ipaddress.ip_address(source[0].split("%", 1)[0])
        except ValueError:
            return False
        return any(address in network for network in self._networks)

    def good(self) -> None:
        with self._lock:
            self.received += 1
            self._last = self._clock.now()
            self._dirty = True

    def out(self) -> None:
        with self._lock:
            self.sent += 1
            self._dirty = True

    def bad(self, data: bytes, source: tuple[str, int], why: str, *, foreign: bool) -> None:
        """A datagram not taken: counted, and shown to the engineer while the rate allows."""
        with self._lock:
            if foreign:
                self.refused += 1
            else:
                self.rejected += 1
            self._dirty = True
            now = time.monotonic()
            if now - self._frames_second >= 1.0:
                self._frames_second, self._frames_in_second = now, 0
            self._frames_in_second += 1
            show = self._frames_in_second <= FRAMES_PER_S
        if show:
            label = f"[{source[0]}:{source[1]} {why}] ".encode(errors="replace")
            self._send(RawFrame(LinkName.PBX, False, label + data[:FRAME_BYTES], self._clock.now(), bad=True))
        self.publish()

    def restarted(self) -> None:
        with self._lock:
            self.restarts += 1
            self._dirty = True
        self.publish(force=True)

    def publish(self, force: bool = False) -> None:
        """Send the counters if they changed and a second has passed (or ``force``)."""
        with self._lock:
            now = time.monotonic()
            if not self._dirty or (not force and now - self._counted_at < 1.0):
                return
            self._dirty, self._counted_at = False, now
            counters = LinkCounters(
                LinkName.PBX,
                self.received,
                self.sent,
                self.rejected + self.refused,
                self.restarts,
                self._last,
            )
        self._send(counters)

    def _send(self, event: object) -> None:
        try:
            self._report(event)
        except Exception:
            log.exception("link monitor sink failed")
