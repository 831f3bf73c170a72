"""The window never freezes while PostgreSQL's packets are dropped (issue 14): no GUI-thread stall
over 100 ms, calls answered, a typed message kept, and the same console writes once packets flow.

The server and the whole console (``console.startup.run`` with a settings file naming the server,
training PBX, the operator signed in) run in a network namespace of the test's own; the console
takes the namespace's loopback down itself (from a thread) and up again later, so every packet
between them is dropped meanwhile, and reports what it measured as one JSON line on stdout.

The stall meter is a precise 10 ms QTimer on the GUI thread recording the gap between its ticks;
a thread beside it notes the GUI thread's stack whenever a gap passes 60 ms, to name the culprit.
"""

from __future__ import annotations

import faulthandler
import json
import os
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_db_faults_dropped import PORT, Namespace, namespace_with_server  # noqa: F401

pytestmark = [pytest.mark.postgres, pytest.mark.beside]

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MS = 100.0
TYPED = ("Mr. Sun (Air China)", "+86 10 6459 0000", "Your flight CA1234 leaves at 08:15 from terminal 3.")


def test_dropped_packets_never_stall_the_window_and_the_same_console_writes_when_they_flow(
    namespace_with_server: tuple[Namespace, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    ns, _root = namespace_with_server
    ns.run(
        sys.executable,
        "-c",
        f"import psycopg; psycopg.connect('host=127.0.0.1 port={PORT} user=postgres dbname=postgres', "
        "autocommit=True).execute('CREATE DATABASE \"hotel\"')",
    )
    child = subprocess.Popen(
        ["ip", "netns", "exec", ns.name, sys.executable, "-m", "tests.test_gui_stall", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        out, err = child.communicate(timeout=150)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert child.returncode == 0 and lines, f"rc {child.returncode}\n{out[-3000:]}\n{err[-6000:]}"
    figures = json.loads(lines[-1])
    print(json.dumps({k: v for k, v in figures.items() if k != "stacks"}, indent=1))
    for stack in figures["stacks"]:
        print(stack)
    away = figures["away"]
    # The 10 ms timer's own jitter on a shared machine is a few ms; the baseline with the database
    # up shows it. The bound is the issue's: 100 ms.
    assert away["worst_ms"] < LIMIT_MS, figures
    assert figures["back"]["worst_ms"] < LIMIT_MS, figures
    assert away["ticks"] > 0.5 * away["seconds"] * 100, figures  # the meter itself ran
    assert figures["lamp_while_away"] == "DATABASE: AWAY"
    assert figures["answered"], figures
    assert figures["kept_while_away"] == list(TYPED), figures
    assert "Nothing was saved" in figures["said_while_away"], figures
    assert figures["lamp_back"] == "DATABASE: OK", figures
    assert figures["said_back"].startswith("Message for room"), figures
    assert figures["in_database"] == [TYPED[2]], figures


# ------------------------------------------------------------------ the console, inside the namespace


class StallMeter:
    """Gaps between the ticks of a 10 ms timer on the GUI thread, per phase; and, from a thread,
    the GUI thread's stack whenever it has not ticked for 60 ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.phase = "start"
        self.gaps: dict[str, list[float]] = {}
        self.started: dict[str, float] = {}
        self.stacks: list[str] = []
        self._last = time.monotonic()
        self._gui = threading.get_ident()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start(10)
        threading.Thread(target=self._watch, daemon=True).start()

    def begin(self, phase: str) -> None:
        self.phase = phase
        self.started[phase] = time.monotonic()
        self.gaps[phase] = []
        self._last = time.monotonic()

    def _tick(self) -> None:
        now = time.monotonic()
        self.gaps.setdefault(self.phase, []).append((now - self._last) * 1000 - 10)  # beyond the 10 ms asked
        self._last = now

    def _watch(self) -> None:
        sampled = 0.0
        while True:
            time.sleep(0.005)
            last = self._last
            if time.monotonic() - last > 0.06 and sampled != last and len(self.stacks) < 20:
                sampled = last
                frame = sys._current_frames().get(self._gui)
                if frame is not None:
                    self.stacks.append(f"[{self.phase}] " + "".join(traceback.format_stack(frame)[-14:]))

    def figures(self, phase: str) -> dict[str, Any]:
        gaps = sorted(self.gaps.get(phase, []))
        seconds = time.monotonic() - self.started.get(phase, time.monotonic())
        return {
            "seconds": round(seconds, 1),
            "ticks": len(gaps),
            "worst_ms": round(gaps[-1] + 10, 1) if gaps else 0.0,  # the whole gap between two ticks
            "p99_ms": round(gaps[int(len(gaps) * 0.99)] + 10, 1) if gaps else 0.0,
            "over_50_ms": sum(1 for g in gaps if g + 10 > 50),
        }


def _loopback(up: bool) -> None:
    """From a thread: ``ip`` is a process, and starting one is not the GUI thread's to wait for."""
    threading.Thread(
        target=subprocess.run, args=(["ip", "link", "set", "lo", "up" if up else "down"],), daemon=True
    ).start()


def _console(folder: Path) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from console import session, startup
    from ui.database_state import DatabaseLamp
    from ui.main_window import MainWindow
    from ui.messages_page import MessagesPage
    from ui.queue_panel import QueuePanel

    app = QApplication(["switchboard"])
    settings = folder / "console.ini"
    settings.write_text(
        "[console]\nposition = Console 1\nlanguage = en\n"
        f"[database]\nurl = postgresql+psycopg://postgres@127.0.0.1:{PORT}/hotel\n"
        "connect_timeout = 2\nstatement_timeout = 2\n"
        "[pbx]\nmode = training\n[wakeup]\ndialler = off\n",
        encoding="utf-8",
    )
    taken: dict[str, Any] = {}
    build_pbx = startup.training_pbx

    def training_pbx(clock: Any) -> Any:
        taken["pbx"] = build_pbx(clock)
        return taken["pbx"]

    def signed_in(console: Any, window: Any) -> None:  # the operator, without the sign-in box
        user = console.users.authenticate("operator", "training-op", console.settings.position)
        session.start_session(console, window, user)

    startup.training_pbx = training_pbx  # type: ignore[assignment]
    session.sign_in_beside = signed_in  # type: ignore[assignment]
    session.offer_take_over = lambda *_a, **_k: None  # type: ignore[assignment]  # no dialog over F5
    report: dict[str, Any] = {}

    def scenario() -> Iterator[float]:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        for _ in range(300):  # the second step opens the database on a worker, then builds the pages
            if window.findChild(MessagesPage) is not None:
                break
            yield 0.1
        yield 0.5  # the pages' first reads
        lamp = window.findChild(DatabaseLamp)
        page = window.findChild(MessagesPage)
        queue = window.findChild(QueuePanel)
        assert lamp is not None and page is not None and queue is not None
        model = window.lamp_field.model  # read from the database by the start's second step
        taken["rooms"] = [e for e in model.extensions() if (f := model.lamp_of(e)) and f.occupied]
        room = taken["rooms"][-1]
        meter = StallMeter()
        meter.begin("up")
        yield 3.0  # pages refresh, calls ring (the trainer's traffic and the VIP caller at 0.8 s)
        report["up"] = meter.figures("up")

        meter.begin("away")
        _loopback(False)  # from now on every packet is dropped
        yield 1.5  # the pages' timers meet the silent server
        fields = (page.room, page.caller_name, page.callback, page.text)
        for field, value in zip(fields, (room, *TYPED), strict=True):
            field.setFocus()
            QTest.keyClicks(field, value)
            yield 0.05
        page.take()
        report["said_while_away"] = page.message.text()
        report["kept_while_away"] = [page.caller_name.text(), page.callback.text(), page.text.text()]
        yield 1.0
        taken["pbx"].offer_call(taken["rooms"][0])
        yield 0.5
        report["ringing"] = len(queue.queue.waiting())
        window.activateWindow()
        pressed = time.monotonic()
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
        for _ in range(80):
            if queue.queue.active() is not None:
                break
            yield 0.1
        report["answered"] = queue.queue.active() is not None
        report["answered_after_s"] = round(time.monotonic() - pressed, 2)
        yield 4.0  # more refreshes, the probe's rounds, still no packets
        report["lamp_while_away"] = lamp.text()
        report["away"] = meter.figures("away")

        meter.begin("back")
        _loopback(True)
        for _ in range(300):  # the probe finds it again: every 5 s, each round bounded by 2 s time-outs
            if lamp.text() == "DATABASE: OK":
                break
            yield 0.1
        report["lamp_back"] = lamp.text()
        report["back_after_s"] = round(time.monotonic() - meter.started["back"], 1)
        yield 1.0
        page.take()
        report["said_back"] = page.message.text()
        yield 2.0
        report["back"] = meter.figures("back")
        report["stacks"] = meter.stacks
        report["in_database"] = _messages_for(room)
        print(json.dumps(report), flush=True)
        faulthandler.dump_traceback_later(20, exit=True)  # a console that does not close says where it hangs
        app.exit(0)  # not quit(): the window would ask whether to close with a caller on the line

    def run_steps(steps: Iterator[float]) -> Callable[[], None]:
        def step() -> None:
            try:
                wait = next(steps)
            except StopIteration:
                return
            except Exception:
                traceback.print_exc()
                app.exit(3)
                return
            QTimer.singleShot(int(wait * 1000), step)

        return step

    QTimer.singleShot(2000, run_steps(scenario()))  # after the window's first show and pages' reads
    return startup.run(["--settings", str(settings), "--data-dir", str(folder / "data")])


def _messages_for(room: str) -> list[str]:
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={PORT} user=postgres dbname=hotel", connect_timeout=5) as c:
        rows = c.execute(
            "SELECT m.text FROM guest_messages m JOIN rooms r ON r.id = m.room_id WHERE r.number = %s "
            "ORDER BY m.id",
            (room,),
        ).fetchall()
    return [str(row[0]) for row in rows if str(row[0]) in TYPED]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(_console(Path(sys.argv[1])))
