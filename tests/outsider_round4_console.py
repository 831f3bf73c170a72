"""The whole training console (``console.startup.run``, as ``main.py`` runs it) in a child process, worked
as an operator works it: screenshots at the first paint and after the start's second step, F5 at the
first paint, a damaged database file, and signing out with callers ringing. One JSON line reports
what the window showed; the pictures go to the folder given."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

ROOM = "301"
LATER = "302"


def run(folder: Path, scenario: str, language: str, shots: Path) -> int:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from console import shell as shell_module
    from console import startup
    from ui.signin_dialog import SignInDialog

    app = QApplication(["switchboard"])
    made: dict[str, Any] = {}
    report: dict[str, Any] = {"scenario": scenario, "language": language}
    shots.mkdir(parents=True, exist_ok=True)

    def grab(widget: Any, name: str) -> None:
        path = shots / f"{scenario}-{name}-{language}.png"
        widget.grab().save(str(path))
        report.setdefault("shots", []).append(str(path))

    def quiet_pbx(clock: Any) -> Any:
        pbx = shell_module.training_pbx(clock)
        pbx._traffic = False
        real_start = pbx.start

        def start(sink: Any) -> None:
            real_start(sink, threaded=False)
            pbx.offer_call(ROOM)
            pbx.pump()
            real_start(sink)

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
                QTimer.singleShot(0, at_paint)
            return False

    def first_paint(window: Any, then: Any, *, say: bool = False) -> Any:
        hook = real_first_paint(window, then, say=say)
        window.installEventFilter(Pressing(window))
        return hook

    def key(k: Any, mod: Any = Qt.KeyboardModifier.NoModifier) -> None:
        shell = made["shell"]
        shell.window.activateWindow()
        QTest.keyClick(QApplication.focusWidget() or shell.window, k, mod)

    def at_paint() -> None:
        shell = made["shell"]
        report["at_paint"] = {
            "sqlalchemy": "sqlalchemy" in sys.modules,
            "pages": shell.window.pages.count() - 1,
            "tabs": [shell.window.pages.tabText(i) for i in range(shell.window.pages.count())],
            "waiting": [c.caller for c in shell.queue.queue.waiting()],
            "status": shell.window.statusBar().currentMessage(),
            "title": shell.window.windowTitle(),
            "menus": [a.text() for a in shell.window.menuBar().actions()],
        }
        if scenario == "corrupt":
            QTimer.singleShot(50, watch_box)
        report["at_paint"]["focus"] = type(QApplication.focusWidget()).__name__
        key(Qt.Key.Key_F5)
        report["at_paint"]["pbx_after_f5"] = [c.state.value for c in made["pbx"]._calls.values()]
        grab(shell.window, "first-paint")
        report["at_paint"]["active_after_f5"] = active()
        import time as _t

        t0 = _t.monotonic()

        def shows() -> None:
            if active() == ROOM or _t.monotonic() - t0 > 30:
                report["shown_after_s"] = round(_t.monotonic() - t0, 2)
                return
            QTimer.singleShot(20, shows)

        QTimer.singleShot(0, shows)
        if scenario == "double":  # the screen still says ringing: the operator presses F5 again
            QTimer.singleShot(200, lambda: key(Qt.Key.Key_F5))
        QTimer.singleShot(1500, settled)

    def active() -> str | None:
        call = made["shell"].queue.queue.active()
        return call.caller if call is not None else None

    boxes: list[Any] = []

    def watch_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box)
            report["box"] = {"text": box.text(), "title": box.windowTitle(), "active": active()}
            grab(box, "box")
            made["pbx"].offer_call(LATER)
            QTimer.singleShot(400, lambda: box_f5(box))
            return
        QTimer.singleShot(50, watch_box)

    def box_f5(box: Any) -> None:
        QTest.keyClick(box, Qt.Key.Key_F6)  # release the first caller, as the operator would try
        QTest.keyClick(box, Qt.Key.Key_F5)
        import time as _t

        t0 = _t.monotonic()

        def noted() -> None:  # the PBX acts on its own thread: its answer reaches the queue a turn later
            if active() != LATER and _t.monotonic() - t0 < 2.0:
                QTimer.singleShot(20, noted)
                return
            report["box"]["after_f6_f5_active"] = active()
            report["box"]["waiting"] = [c.caller for c in made["shell"].queue.queue.waiting()]
            box.accept()

        QTimer.singleShot(0, noted)

    waited = [0]

    def settled() -> None:
        shell = made["shell"]
        if (shell.window.pages.count() <= 1 or "shown_after_s" not in report) and waited[0] < 60:
            waited[0] += 1
            QTimer.singleShot(500, settled)
            return
        try:
            after_start()
        except Exception:
            traceback.print_exc()
            app.exit(3)

    def sign_in_dialog() -> Any:
        found = [w for w in app.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        return found[-1] if found else None

    def after_start() -> None:
        shell = made["shell"]
        report["pbx_end"] = [(c.caller, c.state.value) for c in made["pbx"]._calls.values()]
        report["after"] = {
            "pages": shell.window.pages.count() - 1,
            "status": shell.window.statusBar().currentMessage(),
            "active": active(),
            "lamps": len(shell.model.extensions()),
        }
        shell.model.flush()
        grab(shell.window, "after-start")
        dialog = sign_in_dialog()
        report["after"]["sign_in_open"] = dialog is not None
        if dialog is not None:
            grab(dialog, "sign-in")
        if scenario != "signout":
            finish()
            return
        dialog.username.setText("operator")
        dialog.password.setText("training-op")
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)
        QTimer.singleShot(500, signed_in)

    def signed_in() -> None:
        shell = made["shell"]
        report["signed_in"] = {"user": shell.window.user_label.text(), "covered": shell.window.covered}
        shell.window.show_page(2)  # the last operator's work on the page: the directory/logbook
        grab(shell.window, "signed-in")
        key(Qt.Key.Key_F9)  # park the guest on the headset
        report["signed_in"]["after_f9_active"] = active()
        made["pbx"].offer_call(LATER)
        made["pbx"].offer_call("303")
        QTimer.singleShot(300, sign_out)

    def sign_out() -> None:
        shell = made["shell"]
        shell.window.sign_out_requested.emit()
        QTimer.singleShot(500, covered)

    def covered() -> None:
        shell = made["shell"]
        dialog = sign_in_dialog()
        r: dict[str, Any] = {
            "covered": shell.window.covered,
            "user": shell.window.user_label.text(),
            "waiting": [c.caller for c in shell.queue.queue.waiting()],
            "sign_in_open": dialog is not None,
            "cover_text": shell.window._cover.waiting.text(),
        }
        report["signed_out"] = r
        grab(shell.window, "covered")
        steps = [
            ("after_f5", Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
            ("after_f7", Qt.Key.Key_F7, Qt.KeyboardModifier.NoModifier),
            ("after_second_f5", Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
            ("after_f6", Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier),
            ("after_f9", Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier),
        ]

        def step() -> None:
            if not steps:
                before = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
                key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
                key(Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
                QTimer.singleShot(800, lambda: opened_while_covered(before))
                return
            name, k, mod = steps.pop(0)
            key(k, mod)

            def note() -> None:
                r[name] = {
                    "active": active(),
                    "held": [c.caller for c in shell.queue.queue.held()],
                    "waiting": [c.caller for c in shell.queue.queue.waiting()],
                    "cover": shell.window._cover.waiting.text(),
                }
                grab(shell.window, f"covered-{name}")
                step()

            QTimer.singleShot(800, note)

        step()

    def opened_while_covered(before: set[int]) -> None:
        shell = made["shell"]
        r = report["signed_out"]
        new = [w for w in app.topLevelWidgets() if w.isVisible() and id(w) not in before]
        r["opened_by_ctrl_keys"] = [type(w).__name__ + ":" + w.windowTitle() for w in new]
        for i, w in enumerate(new):
            grab(w, f"covered-opened-{i}")
        r["status"] = shell.window.statusBar().currentMessage()
        grab(shell.window, "covered-after-keys")
        finish()

    def finish() -> None:
        print(json.dumps(report, ensure_ascii=False), flush=True)
        app.exit(0)

    startup.training_pbx = quiet_pbx
    startup.build_shell = build_shell
    startup.FirstPaint = first_paint  # type: ignore[misc,assignment]
    rc = startup.run(
        [
            "--settings",
            str(folder / "console.ini"),
            "--data-dir",
            str(folder / "data"),
            "--language",
            language,
        ]
    )
    if scenario == "corrupt":
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return rc


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(run(Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])))
