"""What the outage tests and bench share: a private PostgreSQL that can be stopped and started again
on the same port and data, a TCP relay that cuts one client off the database (the dialler's side of
a broken network while the consoles still reach it), and the dialler process."""

from __future__ import annotations

import contextlib
import select
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from switchboard.clock import Clock
from tests.pg_server import PostgresServer, free_port

ROOT = Path(__file__).resolve().parents[1]


class PausablePostgres(PostgresServer):
    """``pause()`` stops the server as a crash or a restart would (fast shutdown: sessions cut);
    ``resume()`` starts it again on the same port with the same data."""

    def options(self) -> str:
        return (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )

    def pause(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            self.options(),
            "-w",
            "-t",
            "60",
            "start",
        )


class Relay:
    """A TCP relay on loopback to ``target``; ``cut()`` drops every connection and refuses new ones
    (closes them at once) until ``mend()``; ``stall()`` forwards nothing either way, connections old and
    new left open, as a network that drops packets does, until ``mend()``."""

    def __init__(self, target_port: int) -> None:
        self._target = ("127.0.0.1", target_port)
        self.port = free_port()
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._server.settimeout(0.2)
        self._cut = threading.Event()
        self._stalled = threading.Event()
        self._closed = threading.Event()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, name="relay", daemon=True).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._cut.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self._target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while not self._cut.is_set() and not self._closed.is_set():
                if self._stalled.is_set():
                    time.sleep(0.05)
                    continue
                ready, _, _ = select.select([a, b], [], [], 0.2)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (b if sock is a else a).sendall(data)
        except OSError:
            pass
        finally:
            for sock in (a, b):
                with contextlib.suppress(OSError):
                    sock.close()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def cut(self) -> None:
        self._cut.set()
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def stall(self) -> None:
        self._stalled.set()

    def mend(self) -> None:
        self._cut.clear()
        self._stalled.clear()

    def close(self) -> None:
        self._closed.set()
        self.cut()
        self._server.close()


def start_dialler(settings: Path, url: str, data: Path, log: Path | None = None) -> subprocess.Popen[bytes]:
    """The dialler process as a hotel runs it (``dialler.py``, composed as ``main.py --dialler``)."""
    out = log.open("ab") if log is not None else subprocess.DEVNULL
    try:
        return subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "dialler.py"),
                "--settings",
                str(settings),
                "--database",
                url,
                "--data-dir",
                str(data),
                "--timezone",
                "Asia/Shanghai",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=out,
        )
    finally:
        if log is not None and not isinstance(out, int):
            out.close()


def wait_for(check: Callable[[], bool], seconds: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return check()


def next_minute(clock: Clock, at_least: float) -> datetime:
    """The first whole minute at least ``at_least`` seconds away (bookings are by the minute)."""
    moment = clock.now() + timedelta(seconds=at_least)
    return moment.replace(second=0, microsecond=0) + (
        timedelta(minutes=1) if moment.second or moment.microsecond else timedelta(0)
    )


def sleep_until(clock: Clock, moment: datetime) -> None:
    time.sleep(max(0.0, (moment - clock.now()).total_seconds()))
