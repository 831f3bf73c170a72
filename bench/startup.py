"""How long the console takes to start: from process start to its first drawn window (training mode,
demo hotel, an existing SQLite database, as on every morning after the first), against, in the same
run, a bare PySide6 window with a 2,000-row table drawn once. Each side is started five times; the
median counts.

Both sides run as installed: the console's modules from their bytecode, as PySide6's are. pip
compiles an installed package's bytecode, and a hotel's second start of the day finds it; a
development checkout run with ``PYTHONDONTWRITEBYTECODE=1`` would compile each of the console's
modules from source on every start, which no installation does. So the bench first compiles the
project's bytecode (``compileall``, into the usual ``__pycache__`` folders) and then times the starts;
the reference is measured as before.

The console's start has two steps in training mode (``console/startup.py``): the window is drawn,
then the database is opened and the pages built. The marker is still the window's first paint; the
process quits once the second step is done, and that moment is printed beside the figures too
(``ready``), so a second step that fails or takes long is seen.

Last line: ``startup: seconds=N reference_seconds=N ratio=N``.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
PROJECT = ("console", "db", "hardware", "switchboard", "ui", "main.py", "dialler.py")

REFERENCE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

app = QApplication(sys.argv[:1])
model = QStandardItemModel(2000, 4)
for row in range(2000):
    for column in range(4):
        model.setItem(row, column, QStandardItem(f"{row}:{column}"))
view = QTableView()
view.setModel(model)
view.resize(1600, 960)


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() is QEvent.Type.Paint:
            print(f"drawn {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


view.viewport().installEventFilter(FirstPaint(view))
view.show()
app.exec()
"""


def compile_project() -> None:
    """The project's bytecode, as pip leaves it in an installation."""
    for name in PROJECT:
        path = ROOT / name
        compile_one = compileall.compile_file if path.is_file() else compileall.compile_dir
        ok = compile_one(path, quiet=1)
        if not ok:
            raise SystemExit(f"{name} does not compile")


def time_to_drawn(command: list[str], ready: list[float] | None = None) -> float:
    """Seconds from starting ``command`` to the moment it prints that its window was drawn; with
    ``ready``, the seconds until the process ended are appended to it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    ended = time.time()
    lines = [line for line in done.stdout.splitlines() if line.startswith("drawn ")]
    if not lines or done.returncode != 0:
        raise SystemExit(f"no window drawn by {command[1]} (exit {done.returncode}): {done.stderr[-2000:]}")
    if ready is not None:
        ready.append(ended - started)
    return float(lines[0].split()[1]) - started


def main() -> None:
    compile_project()
    with tempfile.TemporaryDirectory() as tmp:
        console = [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(Path(tmp) / "data"),
            "--settings",
            str(Path(tmp) / "console.ini"),  # none: training mode
            "--quit-when-drawn",
        ]
        first = time_to_drawn(console)  # creates the database and loads the demo hotel
        reference = [sys.executable, "-c", REFERENCE]
        time_to_drawn(reference)  # the same warm file cache for both
        ours, theirs, ready = [], [], []
        for _ in range(RUNS):
            ours.append(time_to_drawn(console, ready))
            theirs.append(time_to_drawn(reference))
    seconds = statistics.median(ours)
    reference_seconds = statistics.median(theirs)
    print(f"first start (new database, demo hotel loaded): {first:.2f} s")
    print("console:", ", ".join(f"{s:.2f}" for s in ours))
    print("console ready (database open, pages built, process ended):", ", ".join(f"{s:.2f}" for s in ready))
    print("reference:", ", ".join(f"{s:.2f}" for s in theirs))
    print(
        f"startup: seconds={seconds:.2f} reference_seconds={reference_seconds:.2f} "
        f"ratio={seconds / reference_seconds:.2f}"
    )


if __name__ == "__main__":
    main()
