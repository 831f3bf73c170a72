"""The PBX's call-record (SMDR) port: RS-232, a pty, ``socket://host:port``, or ``listen://host:port``.

The thread only moves bytes: it opens the port by URL, feeds the format's sans-I/O
parser, hands the records to ``deliver`` and reopens the port with back-off when
the line drops. Some PBXs (Avaya IP Office) connect to the collector rather than
waiting for it: ``listen://`` takes their connection. Over TCP the format's framing
applies (Mitel 5000 puts a 4-byte length before each record; its serial port does not)
and, when the collector connects to the PBX, its login frame goes first. Records that
``deliver`` could not take (the database away) are kept and offered again, so none is
lost. State, counters and the raw lines leave as frozen events through ``sink``.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import serial

from hardware.ports import open_port
from switchboard.clock import Clock
from switchboard.link_monitor import LinkCounters, RawFrame
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from switchboard.smdr.parsers import (
    CallRecord,
    Profile,
    SmdrFormat,
    SmdrParser,
    builtin,
    parser_for,
    profile_named,
    trunk_list,
)
from switchboard.smdr.profile import login_frame

log = logging.getLogger(__name__)

PUBLISH_EVERY_S = 1.0
RETRY_DELIVERY_S = 2.0
MAX_BACKOFF_S = 10.0
READ_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class SmdrSettings:
    url: str
    fmt: SmdrFormat | Profile
    baudrate: int = 9600
    parity: str = "N"
    bytesize: int = 8
    stopbits: int = 1
    password: str = ""  # for formats that log in (Mitel 5000)
    trunks: frozenset[str] = frozenset()  # Asterisk: the channel endpoints that are trunks

    @classmethod
    def from_section(cls, smdr: dict[str, str], sections: dict[str, dict[str, str]]) -> SmdrSettings:
        """From the settings file's ``[smdr]`` (url, format, baud, parity, data_bits, stop_bits,
        password, trunks) and its ``[smdr.profile NAME]`` sections; ``ValueError`` says what is wrong."""
        return cls(
            smdr.get("url", "").strip(),
            profile_named(smdr.get("format", SmdrFormat.AVAYA_IP_OFFICE.value), sections),
            baudrate=int(smdr.get("baud", "9600")),
            parity=smdr.get("parity", "N").strip()[:1].upper() or "N",
            bytesize=int(smdr.get("data_bits", "8")),
            stopbits=int(smdr.get("stop_bits", "1")),
            password=smdr.get("password", "").strip(),
            trunks=trunk_list(smdr.get("trunks", "")),
        )

    @property
    def over_tcp(self) -> bool:
        return self.url.startswith(("socket://", "listen://"))

    @property
    def profile(self) -> Profile:
        return self.fmt if isinstance(self.fmt, Profile) else builtin(self.fmt)

    def parser(self) -> SmdrParser:
        framed = self.over_tcp and self.profile.tcp_framing == "length32"
        return parser_for(self.profile, trunks=self.trunks, length_framing=framed)

    def login(self) -> bytes:
        """What the collector sends first on a connection it made to the PBX."""
        return login_frame(self.profile, self.password) if self.url.startswith("socket://") else b""


class _Listener:
    """A port the PBX connects to: one connection at a time, read like a serial port."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if not parts.port:
            raise ValueError(f"no port in {url!r}")
        self._server = socket.create_server((parts.hostname or "0.0.0.0", parts.port), reuse_port=False)
        self._server.settimeout(0.2)
        self._conn: socket.socket | None = None

    def accept(self) -> bool:
        try:
            conn, peer = self._server.accept()
        except TimeoutError:
            return False
        conn.settimeout(0.05)
        self._conn = conn
        log.info("SMDR: the PBX connected from %s:%s", *peer[:2])
        return True

    def read(self) -> bytes:
        assert self._conn is not None
        try:
            data = self._conn.recv(65536)
        except TimeoutError:
            return b""
        if not data:
            raise serial.SerialException("the PBX closed the connection")
        return data

    def drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        self.drop()
        self._server.close()


class SmdrReader:
    def __init__(
        self,
        settings: SmdrSettings,
        clock: Clock,
        deliver: Callable[[list[CallRecord]], object],
        sink: Callable[[object], None],
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._deliver = deliver
        self._sink = sink
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="smdr-reader", daemon=True)
        self._undelivered: list[CallRecord] = []
        self._next_delivery = 0.0
        self._published = 0.0
        self._bad_seen = 0
        self.records_in = 0
        self.errors = 0
        self.reconnects = 0
        self.last_record_at: datetime | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    # --- the reader thread ---------------------------------------------------
    def _run(self) -> None:
        if self.settings.url.startswith("listen://"):
            self._run_listening()
            return
        delay = 0.2
        while not self._stop.is_set():
            self._state(LinkStatus.CONNECTING)
            try:
                port = open_port(
                    self.settings.url,
                    timeout=0.05,
                    baudrate=self.settings.baudrate,
                    parity=self.settings.parity,
                    bytesize=self.settings.bytesize,
                    stopbits=self.settings.stopbits,
                )
            except (serial.SerialException, OSError, ValueError) as exc:
                self._state(LinkStatus.DOWN, str(exc))
                self._wait(delay)
                delay = min(delay * 2, MAX_BACKOFF_S)
                continue
            delay = 0.2
            try:
                login = self.settings.login()
                if login:
                    port.write(login)
            except (serial.SerialException, OSError, ValueError) as exc:
                port.close()
                self._state(LinkStatus.DOWN, f"login: {exc}")
                self._wait(MAX_BACKOFF_S)
                continue
            self._state(LinkStatus.UP)

            def read(port: serial.SerialBase = port) -> bytes:
                # What arrives within the port's time-out, up to a chunk: pyserial's socket:// says
                # one byte is waiting whatever is, so reading by in_waiting went a byte at a time.
                return bytes(port.read(READ_CHUNK))

            try:
                self._serve(read)
            except (serial.SerialException, OSError) as exc:
                log.warning("SMDR line dropped: %s", exc)
                self._state(LinkStatus.DOWN, str(exc))
            finally:
                port.close()
            self.reconnects += 1
            self._wait(0.2)
        self._last_delivery()

    def _run_listening(self) -> None:
        try:
            listener = _Listener(self.settings.url)
        except (OSError, ValueError) as exc:
            log.error("SMDR: cannot listen on %s: %s", self.settings.url, exc)
            self._state(LinkStatus.DOWN, str(exc))
            return
        try:
            while not self._stop.is_set():
                self._state(LinkStatus.CONNECTING, "waiting for the PBX")
                while not self._stop.is_set() and not listener.accept():
                    self._retry_delivery()
                if self._stop.is_set():
                    break
                self._state(LinkStatus.UP)
                try:
                    self._serve(listener.read)
                except (serial.SerialException, OSError) as exc:
                    log.warning("SMDR connection dropped: %s", exc)
                finally:
                    listener.drop()
                self.reconnects += 1
        finally:
            listener.close()
        self._last_delivery()

    def _serve(self, read: Callable[[], bytes]) -> None:
        # A fresh parser per connection: half a line from before a drop must not glue onto the next.
        parser = self.settings.parser()
        self._bad_seen = 0
        try:
            while not self._stop.is_set():
                data = read()
                if data:
                    self._take(parser, parser.feed(data))
                self._retry_delivery()
                if time.monotonic() - self._published > PUBLISH_EVERY_S:
                    self._publish()
        finally:
            parser.connection_ended()  # half a line lost with the connection is shown, not glued on
            self._take(parser, [])

    def _take(self, parser: SmdrParser, records: list[CallRecord]) -> None:
        now = self._clock.now()
        new_bad = parser.bad_lines - self._bad_seen
        self._bad_seen = parser.bad_lines
        while parser.rejected:
            self._sink(RawFrame(LinkName.SMDR, False, parser.rejected.popleft(), now, bad=True))
        self.errors += new_bad
        for rec in records:
            self._sink(RawFrame(LinkName.SMDR, False, rec.raw.encode(), now))
        if records:
            self.records_in += len(records)
            self.last_record_at = now
            self._undelivered += records
            self._next_delivery = 0.0
            self._retry_delivery()
        if records or new_bad:
            self._publish()

    def _retry_delivery(self) -> None:
        if not self._undelivered or time.monotonic() < self._next_delivery:
            return
        batch = self._undelivered
        try:
            self._deliver(batch)
        except Exception:  # the store may be away for a while; the records wait, none is dropped
            log.exception("SMDR: %d records not stored yet; trying again", len(batch))
            self.errors += 1
            self._next_delivery = time.monotonic() + RETRY_DELIVERY_S
            return
        self._undelivered = []

    def _last_delivery(self) -> None:
        self._next_delivery = 0.0
        self._retry_delivery()
        if self._undelivered:
            log.error("SMDR: %d records not stored when the reader stopped", len(self._undelivered))
        self._state(LinkStatus.DISABLED)

    def _wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._stop.is_set() and time.monotonic() < end:
            self._retry_delivery()
            self._stop.wait(min(0.2, max(0.0, end - time.monotonic())))

    def _state(self, status: LinkStatus, detail: str = "") -> None:
        self._sink(LinkStateChanged(LinkName.SMDR, status, self._clock.now(), detail))
        self._publish()

    def _publish(self) -> None:
        self._published = time.monotonic()
        self._sink(
            LinkCounters(LinkName.SMDR, self.records_in, 0, self.errors, self.reconnects, self.last_record_at)
        )
