"""The shift report: which period, where to save it, and the system viewer to print it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from console.context import Console
from db.shift_stats import SqlShiftStats
from switchboard.errors import ConsoleError
from switchboard.shifts import shift_at
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")


def report_periods(now: datetime) -> list[tuple[str, datetime, datetime]]:
    """The periods a report is usually asked for: this shift, the one before, today, yesterday."""
    this = shift_at(now)
    before = shift_at(this.starts_at - timedelta(minutes=31))  # past the overlap
    midnight = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)
    return [
        (f"{this.business_date:%Y-%m-%d} {this.kind.value}", this.starts_at, this.ends_at),
        (f"{before.business_date:%Y-%m-%d} {before.kind.value}", before.starts_at, before.ends_at),
        (f"{now:%Y-%m-%d}", midnight, midnight + timedelta(days=1)),
        (f"{now - timedelta(days=1):%Y-%m-%d}", midnight - timedelta(days=1), midnight),
    ]


def save_report(console: Console, window: MainWindow) -> None:
    periods = report_periods(console.clock.now())
    title, ok = QInputDialog.getItem(
        window,
        QCoreApplication.translate("Console", "Shift report"),
        QCoreApplication.translate("Console", "Report for"),
        [p[0] for p in periods],
        0,
        False,
    )
    if not ok:
        return
    _title, since, until = next(p for p in periods if p[0] == title)
    name, _filter = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Console", "Save the shift report"),
        str(Path.home() / f"shift-report-{title.replace(' ', '-')}.pdf"),
        "PDF (*.pdf)",
    )
    if not name:
        return
    from ui.shift_report import render  # reportlab loads when a report is asked for, not at start

    try:
        figures = SqlShiftStats(console.store, console.clock).figures(title, since, until)
        render(figures, Path(name), console.hotel_name(), console.clock.now())
    except (OSError, ConsoleError) as exc:
        log.exception("report not written")
        QMessageBox.warning(window, QCoreApplication.translate("Console", "Shift report"), str(exc))
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(name))  # the system's viewer prints it
