"""How long the console takes to start: from process start to its first drawn window (training mode,
demo hotel, an existing SQLite database, as on every morning after the first), against, in the same
run, a bare PySide6 window with a 2,000-row table drawn once. Each side is started five times; the
median counts.

Last line: ``startup: seconds=N reference_seconds=N ratio=N``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

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


def time_to_drawn(command: list[str]) -> float:
    """Seconds from starting ``command`` to the moment it prints that its window was drawn."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("drawn ")]
    if not lines:
        raise SystemExit(f"no window drawn by {command[1]}: {done.stderr[-2000:]}")
    return float(lines[0].split()[1]) - started


def main() -> None:
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
        ours, theirs = [], []
        for _ in range(RUNS):
            ours.append(time_to_drawn(console))
            theirs.append(time_to_drawn(reference))
    seconds = statistics.median(ours)
    reference_seconds = statistics.median(theirs)
    print(f"first start (new database, demo hotel loaded): {first:.2f} s")
    print("console:", ", ".join(f"{s:.2f}" for s in ours))
    print("reference:", ", ".join(f"{s:.2f}" for s in theirs))
    print(
        f"startup: seconds={seconds:.2f} reference_seconds={reference_seconds:.2f} "
        f"ratio={seconds / reference_seconds:.2f}"
    )


if __name__ == "__main__":
    main()
