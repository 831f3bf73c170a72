"""Operator positions in processes of their own (tests/position_process.py), for tests and benches
of several positions on one operator number."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.sip_lab import KamailioLab

ROOT = Path(__file__).resolve().parent.parent


class Position:
    """A position process and the events it printed."""

    def __init__(
        self, name: str, lab: KamailioLab, database: str, *, answer: bool, extra: tuple[str, ...] = ()
    ) -> None:
        self.name = name
        command = [sys.executable, "-m", "tests.position_process", "--server", lab.domain, "--name", name]
        command += ["--database", database, *extra] + (["--answer"] if answer else [])
        self.proc = subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                try:
                    self.events.append(json.loads(line))
                except ValueError:
                    pass

    def wait(self, ev: str, timeout: float = 15.0, **match: object) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in list(self.events):
                if event.get("ev") == ev and all(event.get(k) == v for k, v in match.items()):
                    return event
            time.sleep(0.02)
        raise TimeoutError(f"{self.name}: no {ev} {match}; saw {self.events[-5:]}")

    def of(self, ev: str, **match: object) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("ev") == ev and all(e.get(k) == v for k, v in match.items())]

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(5)


def answered_once(positions: list[Position], names: set[str]) -> tuple[dict[str, str], list[float]]:
    """Which position answered each call, and how long after that answer it left each other position."""
    winners: dict[str, str] = {}
    gone_ms: list[float] = []
    for name in names:
        connected = [(p, p.of("state", name=name, state="connected")) for p in positions]
        takers = [(p, events[0]) for p, events in connected if events]
        assert len(takers) == 1, f"{name} answered by {[p.name for p, _ in takers]}"
        winner, at = takers[0]
        winners[name] = winner.name
        for other in positions:
            if other is winner:
                continue
            assert other.of("offered", name=name), f"{name} never rang on {other.name}"
            ended = other.of("ended", name=name)
            assert ended and ended[0]["reason"] == "answered elsewhere", (other.name, name, ended)
            gone_ms.append(max(0.0, (ended[0]["t"] - at["t"]) * 1000))
    return winners, gone_ms
