"""Lines the dialler places wake-up calls on: SIP line processes, or the training PBX's pretend rooms.

Both give the dialler the same four things: how many lines are free, place a
call, the results that came in, close."""

from __future__ import annotations

import json
import logging
import queue
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from hardware.wakeup.gate_log import GateLog
from switchboard.wakeup_plan import CallResult, DialOrder

log = logging.getLogger(__name__)

Result = tuple[DialOrder, CallResult, str]


class Lines(Protocol):
    capacity: int

    def free(self) -> int: ...

    def place(self, order: DialOrder, recording: Path, ring_s: float, listen_s: float) -> None: ...

    def results(self, wait: float) -> list[Result]:
        """Results that came in, waiting up to ``wait`` seconds for the first."""
        ...

    def close(self) -> None: ...


def _key(order: DialOrder) -> str:
    return f"{order.wakeup_id}.{order.attempt_no}"


@dataclass
class _Process:
    number: int
    popen: subprocess.Popen[str]
    slots: int
    orders: dict[str, DialOrder] = field(default_factory=dict)
    ready: bool = False
    port: int = 0  # its SIP port, once ready


class SipLines:
    """``lines`` simultaneous calls as ceil(lines / 4) pjsua2 processes (4 calls each at most).

    Each process's SIP port hears only the PBX at ``proxy`` and the ``trusted`` addresses, networks or names
    (``[pbx] trusted``); what their gates drop is logged here (``GateLog``)."""

    PER_PROCESS = 4

    def __init__(
        self,
        proxy: str,
        lines: int,
        host: str = "",
        log_path: Path | None = None,
        trusted: Iterable[str] = (),
    ) -> None:
        self.capacity = lines
        self._proxy, self._host = proxy, host
        self._trusted = ",".join(t.strip() for t in trusted if t.strip())
        self.gates = GateLog(log)
        # pjsip's own messages from every line process, for the engineer
        self._log = log_path.open("ab") if log_path is not None else None
        self._events: queue.Queue[tuple[int, dict[str, object] | None]] = queue.Queue()
        self._processes: dict[int, _Process] = {}
        left = lines
        number = 0
        while left > 0:
            slots = min(self.PER_PROCESS, left)
            self._start(number, slots)
            left -= slots
            number += 1

    def _start(self, number: int, slots: int) -> None:
        popen = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hardware.wakeup.sip_line",
                "--proxy",
                self._proxy,
                "--host",
                self._host,
                "--slots",
                str(slots),
                "--trusted",
                self._trusted,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        self._processes[number] = _Process(number, popen, slots)
        assert popen.stdout is not None
        threading.Thread(
            target=self._read, args=(number, popen.stdout), name=f"line{number}", daemon=True
        ).start()

    def _read(self, number: int, out: IO[str]) -> None:
        for text in out:
            try:
                self._events.put((number, json.loads(text)))
            except ValueError:
                log.warning("line %d said %r", number, text[:200])
        self._events.put((number, None))

    def free(self) -> int:
        return sum(p.slots - len(p.orders) for p in self._processes.values() if p.ready)

    def place(self, order: DialOrder, recording: Path, ring_s: float, listen_s: float) -> None:
        process = max(
            (p for p in self._processes.values() if p.ready and len(p.orders) < p.slots),
            key=lambda p: p.slots - len(p.orders),
        )
        key = _key(order)
        process.orders[key] = order
        message = {
            "op": "dial",
            "id": key,
            "extension": order.extension,
            "wav": str(recording),
            "ring_s": ring_s,
            "listen_s": listen_s,
        }
        try:
            assert process.popen.stdin is not None
            process.popen.stdin.write(json.dumps(message) + "\n")
            process.popen.stdin.flush()
        except OSError:
            log.warning("line %d is gone; its calls are failed and it restarts", process.number)

    def ports(self) -> list[int]:
        """The SIP ports of the line processes that are ready."""
        return [p.port for p in self._processes.values() if p.ready]

    def results(self, wait: float) -> list[Result]:
        out: list[Result] = []
        try:
            event = self._events.get(timeout=wait)
            while True:
                out.extend(self._handle(*event))
                event = self._events.get_nowait()
        except queue.Empty:
            self.gates.flush()
            return out

    def _handle(self, number: int, event: dict[str, object] | None) -> list[Result]:
        process = self._processes.get(number)
        if process is None:
            return []
        if event is None:  # the process ended: its calls failed; a fresh one takes its place
            lost = [(o, CallResult.FAILED, "line process stopped") for o in process.orders.values()]
            process.popen.wait()
            self.gates.stopped(number)
            log.warning("line %d stopped (rc %s); starting it again", number, process.popen.returncode)
            del self._processes[number]
            self._start(number, process.slots)
            return lost
        kind = event.get("ev")
        if kind == "ready":
            process.ready = True
            port = event.get("port")
            process.port = port if isinstance(port, int) else 0
            log.info("wake-up line %d is ready on SIP port %d", number, process.port)
        elif kind == "gate":
            refused, rejected = event.get("refused"), event.get("rejected")
            if isinstance(refused, int) and isinstance(rejected, int):
                self.gates.counts(number, refused, rejected, str(event.get("last", "")))
        elif kind == "result":
            order = process.orders.pop(str(event.get("id")), None)
            if order is not None:
                try:
                    result = CallResult(str(event.get("result")))
                except ValueError:
                    result = CallResult.FAILED
                return [(order, result, str(event.get("detail", "")))]
        elif kind == "error":
            log.warning("line %d: %s", number, event.get("detail"))
        return []

    def close(self) -> None:
        for process in self._processes.values():
            try:
                assert process.popen.stdin is not None
                process.popen.stdin.close()
            except OSError:
                pass
        for process in self._processes.values():
            try:
                process.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.popen.kill()
        self.gates.flush(force=True)
        self._processes.clear()
        if self._log is not None:
            self._log.close()


class TrainingLines:
    """The training PBX's rooms: most guests answer and press 1, some sleep on, some are busy."""

    OUTCOMES = (
        (0.80, CallResult.CONFIRMED),
        (0.05, CallResult.SNOOZED),
        (0.07, CallResult.NO_ANSWER),
        (0.04, CallResult.BUSY),
        (0.04, CallResult.NO_KEY),
    )

    def __init__(
        self, lines: int, seconds: tuple[float, float] = (3.0, 12.0), seed: int | None = None
    ) -> None:
        self.capacity = lines
        self._seconds = seconds
        self._random = random.Random(seed)
        self._calls: list[tuple[float, DialOrder, CallResult]] = []

    def free(self) -> int:
        return self.capacity - len(self._calls)

    def place(self, order: DialOrder, recording: Path, ring_s: float, listen_s: float) -> None:
        draw, result = self._random.random(), CallResult.CONFIRMED
        for share, outcome in self.OUTCOMES:
            if draw < share:
                result = outcome
                break
            draw -= share
        self._calls.append((time.monotonic() + self._random.uniform(*self._seconds), order, result))

    def results(self, wait: float) -> list[Result]:
        deadline = time.monotonic() + wait
        while True:
            now = time.monotonic()
            done = [c for c in self._calls if c[0] <= now]
            if done or now >= deadline:
                self._calls = [c for c in self._calls if c[0] > now]
                return [(order, result, "training PBX") for _, order, result in done]
            time.sleep(min(0.05, deadline - now))

    def close(self) -> None:
        self._calls.clear()
