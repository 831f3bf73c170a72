"""The wire between the test PMS and the console: a loopback TCP relay that damages, paces and cuts.

The damaged-line tests flip about 1% of the bytes both ways and cut the line; the
resync bench paces the bytes at 9600 baud and counts what the PMS sent.
"""

from __future__ import annotations

import random
import socket
import threading
import time


class Damage:
    """One direction's damage: about ``rate`` of the bytes get one bit flipped.

    Two flips are never closer than ``GAP`` bytes, so a frame takes at most one: the
    LRC is a parity per bit, blind to the same bit flipped twice in one frame, a
    limit of FIPS that no receiver can see through.
    """

    GAP = 80

    def __init__(self, rate: float, seed: int) -> None:
        self.rate = rate
        self.flips = 0
        self._rng = random.Random(seed)
        self._countdown = self._gap()

    def _gap(self) -> int:
        extra = 1 / self.rate - self.GAP if self.rate > 0 else 0
        return self.GAP + int(self._rng.expovariate(1 / extra)) if extra > 0 else self.GAP

    def apply(self, data: bytes) -> bytes:
        if self.rate <= 0:
            return data
        out = bytearray(data)
        at = self._countdown
        while at < len(out):
            out[at] ^= 1 << self._rng.randrange(8)
            self.flips += 1
            at += self._gap()
        self._countdown = at - len(out)
        return bytes(out)


class Line:
    """The wire between PMS and console: a loopback TCP relay to ``pms_port`` that can damage
    bytes (``damage``, both directions), pace them at ``baud`` (10 bits a byte, each direction
    on its own), and be ``cut``. The console connects to ``port``."""

    def __init__(self, pms_port: int, *, damage: float = 0.0, seed: int = 1, baud: int = 0) -> None:
        self.pms_port = pms_port
        self.baud = baud
        self.to_console = Damage(damage, seed)
        self.to_pms = Damage(damage, seed + 1)
        self.bytes_to_console = 0
        self.bytes_to_pms = 0
        self.cuts = 0
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(1)
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self._pair: tuple[socket.socket, socket.socket] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> Line:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self.cut()
        self._thread.join(timeout=2)
        self._server.close()

    def repair(self) -> None:
        self.to_console.rate = self.to_pms.rate = 0.0

    def cut(self) -> None:
        with self._lock:
            pair, self._pair = self._pair, None
        if pair is not None:
            self.cuts += 1
            for sock in pair:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                console, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                pms = socket.create_connection(("127.0.0.1", self.pms_port), timeout=2)
            except OSError:
                console.close()
                continue
            pms.settimeout(None)
            console.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            pms.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.cut()
            with self._lock:
                self._pair = (console, pms)
            threading.Thread(
                target=self._carry, args=(pms, console, self.to_console, True), daemon=True
            ).start()
            threading.Thread(target=self._carry, args=(console, pms, self.to_pms, False), daemon=True).start()

    def _carry(self, src: socket.socket, dst: socket.socket, damage: Damage, to_console: bool) -> None:
        busy_until = 0.0
        while True:
            try:
                data = src.recv(4096)
            except OSError:
                break
            if not data:
                break
            data = damage.apply(data)
            if self.baud:
                # Store and forward: the chunk arrives when its last byte would have on the wire.
                now = time.monotonic()
                busy_until = max(now, busy_until) + len(data) * 10 / self.baud
                time.sleep(max(0.0, busy_until - now))
            try:
                dst.sendall(data)
            except OSError:
                break
            if to_console:
                self.bytes_to_console += len(data)
            else:
                self.bytes_to_pms += len(data)
        with self._lock:
            mine = self._pair is not None and src in self._pair
        if mine:
            self.cut()
