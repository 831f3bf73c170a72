"""Opening the outside links' ports by URL through pyserial: RS-232, a pty, ``socket://host:port``;
and ``listen://host:port``, where the peer connects to the console."""

from __future__ import annotations

import logging
import socket
from urllib.parse import urlsplit

import serial

log = logging.getLogger(__name__)


def open_port(
    url: str, *, timeout: float, baudrate: int = 9600, parity: str = "N", bytesize: int = 8, stopbits: int = 1
) -> serial.SerialBase:
    """The port, open, with nothing it received thrown away.

    pyserial empties the input when it opens a port; a peer that sends the moment the connection
    is made (a PBX its buffered call records, a PMS its records still to be acknowledged) would lose
    them. Raises what pyserial raises (``SerialException``, ``OSError``, ``ValueError``)."""
    port = serial.serial_for_url(
        url,
        baudrate=baudrate,
        parity=parity,
        bytesize=bytesize,
        stopbits=stopbits,
        timeout=timeout,
        do_not_open=True,
    )
    port.reset_input_buffer = lambda: None
    port.open()
    return port


class ListeningPort:
    """``listen://host:port``: the console is the TCP server and the peer (a PBX) connects to it, as in
    FIAS where the PMS side listens. One peer at a time: a second connection while one is served is
    closed at once. ``accept()`` gives a ``TcpConnection`` read like a serial port, or None."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme != "listen" or not parts.port:
            raise ValueError(f"not listen://host:port: {url!r}")
        self._server = socket.create_server((parts.hostname or "0.0.0.0", parts.port))
        self._server.settimeout(0.1)
        self.address: tuple[str, int] = self._server.getsockname()[:2]

    def accept(self) -> TcpConnection | None:
        try:
            conn, peer = self._server.accept()
        except (TimeoutError, BlockingIOError):
            return None
        log.info("%s:%s connected", *peer[:2])
        return TcpConnection(conn)

    def refuse_others(self) -> None:
        """Close, without waiting, any connection beyond the one being served."""
        self._server.settimeout(0.0)
        try:
            while True:
                conn, peer = self._server.accept()
                log.warning("%s:%s refused: one peer at a time", *peer[:2])
                conn.close()
        except (BlockingIOError, TimeoutError, OSError):
            pass
        finally:
            self._server.settimeout(0.1)

    def close(self) -> None:
        self._server.close()


class TcpConnection:
    """An accepted connection with the part of pyserial's interface the links use."""

    MAX_READ = 65536  # one read, bounded

    def __init__(self, conn: socket.socket) -> None:
        self._conn = conn
        self._conn.settimeout(0.1)

    def read(self, size: int = 1) -> bytes:
        try:
            data = self._conn.recv(max(1, min(size, self.MAX_READ)))
        except TimeoutError:
            return b""
        if not data:
            raise serial.SerialException("the peer closed the connection")
        return data

    @property
    def in_waiting(self) -> int:
        try:
            return len(self._conn.recv(self.MAX_READ, socket.MSG_PEEK | socket.MSG_DONTWAIT))
        except (BlockingIOError, TimeoutError, OSError):
            return 0

    def write(self, data: bytes) -> int:
        self._conn.sendall(data)
        return len(data)

    def close(self) -> None:
        self._conn.close()
