"""BLF storm: 2,000 extensions, 500 lamp changes/s for 10 s from a thread through EventBridge into BlfModel.

Latency is from post() on the worker to the model's dataChanged carrying the change (what a view repaints);
a stall is how late a 1 ms GUI timer fires beyond its interval.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from switchboard.lamp_field import ExtensionKind, FieldLamp
from switchboard.pbx import LampChanged, LampState
from ui.blf_model import BlfModel
from ui.bridge import EventBridge

EXTENSIONS = [str(3000 + i) for i in range(2000)]
RATE, SECONDS = 500, 10.0
STATES = [LampState.IDLE, LampState.RINGING, LampState.BUSY, LampState.HELD]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    model = BlfModel()
    kind = next(iter(ExtensionKind))
    model.set_lamps([FieldLamp(ext, kind, ext) for ext in EXTENSIONS])
    bridge = EventBridge()
    posted: dict[str, float] = {}  # extension -> post time of its latest change not yet shown
    applied: dict[str, float] = {}
    latencies: list[float] = []

    def on_event(ev: object) -> None:
        if isinstance(ev, LampChanged):
            model.apply(ev)
            applied[ev.extension] = posted.pop(ev.extension, time.perf_counter())

    def on_changed(*_: object) -> None:
        now = time.perf_counter()
        latencies.extend(now - t for t in applied.values())
        applied.clear()

    bridge.arrived.connect(on_event)
    model.dataChanged.connect(on_changed)
    stalls: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.001)
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()

    def produce() -> None:
        start = time.perf_counter()
        n = int(RATE * SECONDS)
        at = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
        for i in range(n):
            target = start + i / RATE
            delay = target - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            ext = EXTENSIONS[(i * 7919) % len(EXTENSIONS)]
            posted[ext] = time.perf_counter()
            bridge.post(LampChanged(ext, STATES[i % len(STATES)], at))

    worker = threading.Thread(target=produce)
    worker.start()
    while worker.is_alive():
        app.processEvents()
        time.sleep(0.0005)
    end = time.perf_counter() + 0.2
    while time.perf_counter() < end:
        app.processEvents()
    timer.stop()
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    max_stall = max(stalls[1:]) * 1000
    print(f"blf_storm: p50_ms={p50:.1f} p99_ms={p99:.1f} max_stall_ms={max_stall:.1f}")


if __name__ == "__main__":
    main()
