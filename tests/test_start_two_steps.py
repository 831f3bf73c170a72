"""The training start in two steps (issue 13): the window is drawn before the database layer is
imported, and F5 pressed the moment it is first drawn answers the call that is ringing; the database,
the pages and the sign-in follow right after.

The whole console (``console.startup.run`` as ``main.py`` runs it, training mode, no settings file, a
new data folder) runs in a child process; the training PBX is the real one, quiet (no traffic of its
own) and given one guest's call before the window shows. On the turn of the event loop after the
window's first paint, before the start's second step, the child notes which modules are loaded,
presses F5 and, once the second step has filled the window and the queue has shown the answered call
(the database is opened on a worker thread and the window built in short turns, so the queue shows
the answer at once and the caller panel, built later, shows it too), reports what the queue and the window
show as one JSON line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ROOM = "301"  # a room of the demo hotel


def test_f5_answers_a_training_call_the_moment_the_window_is_first_drawn(tmp_path: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-m", "tests.test_start_two_steps", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    assert child.returncode == 0 and lines, (
        f"rc {child.returncode}\n{child.stdout[-3000:]}\n{child.stderr[-4000:]}"
    )
    report = json.loads(lines[-1])
    at_paint = report["at_paint"]
    # the first step: the window drawn, the database layer not even imported, the call ringing
    assert at_paint["sqlalchemy"] is False and at_paint["db.rows"] is False, report
    assert at_paint["pages"] == 0, report
    assert at_paint["waiting"] == [ROOM], report
    assert at_paint["status"] == "Opening the database…", report
    # F5 there answered it: the PBX connected the guest, the queue had it on the headset, and the caller
    # panel (built by the second step) showed it
    assert report["pbx_state"] == ["connected"], report
    assert report["active"] == ROOM, report
    assert report["caller_panel"] == ROOM, report
    # the second step came after and filled the window: lamps, pages, the sign-in beside the cover
    assert report["lamps"] > 700, report
    assert report["pages"] >= 7, report
    assert report["sign_in_open"] is True, report
    assert report["status"] == "", report


# ------------------------------------------------------------------ the console, in the child


def _console(folder: Path) -> int:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from console import shell as shell_module
    from console import startup
    from ui.caller_panel import CallerPanel
    from ui.signin_dialog import SignInDialog

    app = QApplication(["switchboard"])
    made: dict[str, Any] = {}
    report: dict[str, Any] = {}

    def quiet_pbx(clock: Any) -> Any:
        pbx = shell_module.training_pbx(clock)
        pbx._traffic = False  # only the test's caller rings
        real_start = pbx.start

        def start(sink: Any) -> None:
            real_start(sink, threaded=False)
            pbx.offer_call(ROOM)
            pbx.pump()  # the guest's call is handed to the window's event bridge before it shows
            real_start(sink)  # and the PBX runs on its own thread from now on

        pbx.start = start  # type: ignore[method-assign,assignment]
        made["pbx"] = pbx
        return pbx

    real_build_shell = startup.build_shell

    def build_shell(*args: Any, **kwargs: Any) -> Any:
        made["shell"] = real_build_shell(*args, **kwargs)
        return made["shell"]

    real_first_paint = startup.FirstPaint

    class Pressing(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() is QEvent.Type.Paint and "at_paint" not in report:
                report["at_paint"] = {}
                QTimer.singleShot(0, press)  # before the second step's own turn (its timer was set after)
            return False

    def first_paint(window: Any, then: Any, *, say: bool = False) -> Any:
        hook = real_first_paint(window, then, say=say)
        window.installEventFilter(Pressing(window))  # installed last: it sees the paint first
        return hook

    def press() -> None:
        shell = made["shell"]
        report["at_paint"] = {
            "sqlalchemy": "sqlalchemy" in sys.modules,
            "db.rows": "db.rows" in sys.modules,
            "pages": shell.window.pages.count() - 1,  # the lamp field is the first
            "waiting": [call.caller for call in shell.queue.queue.waiting()],
            "status": shell.window.statusBar().currentMessage(),
        }

        def connected(_call_id: str, number: str) -> None:  # the guest may hang up later in the simulation
            report.setdefault("active", number)

        shell.queue.connected.connect(connected)
        shell.window.activateWindow()
        QTest.keyClick(QApplication.focusWidget() or shell.window, Qt.Key.Key_F5)
        QTimer.singleShot(3000, finish)  # at the earliest; ``finish`` waits on for the second step

    def shown(panel: Any) -> str | None:
        return panel.info.number if panel is not None and panel.info is not None else None

    waited = [0]

    def finish() -> None:
        shell = made["shell"]
        settled = "active" in report and shell.window.pages.count() > 1
        if not settled and waited[0] < 60:  # up to 30 s more, in half seconds
            waited[0] += 1
            QTimer.singleShot(500, finish)
            return
        try:
            report_what_shows()
        except Exception:  # said, and the child ends instead of waiting for the time-out
            traceback.print_exc()
            app.exit(3)

    def report_what_shows() -> None:
        shell = made["shell"]
        pbx = made["pbx"]
        calls = list(pbx._calls.values())
        report.update(
            pbx_state=[call.state.value for call in calls if call.caller == ROOM],
            lamps=len(shell.model.extensions()),
            pages=shell.window.pages.count() - 1,
            sign_in_open=any(isinstance(w, SignInDialog) and w.isVisible() for w in app.topLevelWidgets()),
            status=shell.window.statusBar().currentMessage(),
            caller_panel=shown(shell.window.findChild(CallerPanel)),  # built after the answer: shows it too
        )
        print(json.dumps(report), flush=True)
        app.exit(0)  # not quit(): the window would ask whether to close with a caller on the line

    startup.training_pbx = quiet_pbx  # type: ignore[assignment]
    startup.build_shell = build_shell
    startup.FirstPaint = first_paint
    return startup.run(
        ["--settings", str(folder / "console.ini"), "--data-dir", str(folder / "data"), "--language", "en"]
    )


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(_console(Path(sys.argv[1])))
