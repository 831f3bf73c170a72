"""The shift report: which period, then printed through the print dialog or saved as a PDF."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from console.context import Console
from db.anchor_file import Head
from db.chain import current_heads
from db.duties import SqlDuties
from db.shift_stats import SqlShiftStats
from switchboard.duties import Duty
from switchboard.errors import ConsoleError, PermissionDenied
from switchboard.shift_figures import ShiftFigures
from switchboard.shifts import DEFAULT_PATTERNS, ShiftSlot, shift_at, slot
from ui import i18n
from ui.errors import explain
from ui.handover_dialog import shift_name
from ui.main_window import MainWindow
from ui.print_lists import shift_report_html
from ui.print_report import ShiftReportDialog

log = logging.getLogger("switchboard")


def report_periods(now: datetime) -> list[tuple[str, datetime, datetime, list[ShiftSlot]]]:
    """The periods a report is usually asked for: this shift, the one before, today, yesterday; each
    with the shifts whose timed duties it lists."""
    this = shift_at(now)
    before = shift_at(this.starts_at - timedelta(minutes=31))  # past the overlap
    midnight = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)

    def day_shifts(day: date) -> list[ShiftSlot]:
        return [slot(p, day, now.tzinfo) for p in DEFAULT_PATTERNS]

    return [
        (f"{this.business_date:%Y-%m-%d} {this.kind.value}", this.starts_at, this.ends_at, [this]),
        (f"{before.business_date:%Y-%m-%d} {before.kind.value}", before.starts_at, before.ends_at, [before]),
        (f"{now:%Y-%m-%d}", midnight, midnight + timedelta(days=1), day_shifts(now.date())),
        (
            f"{now - timedelta(days=1):%Y-%m-%d}",
            midnight - timedelta(days=1),
            midnight,
            day_shifts(now.date() - timedelta(days=1)),
        ),
    ]


def save_report(console: Console, window: MainWindow) -> ShiftReportDialog:
    """The shift report box (Ctrl+P): print it or save it as a PDF, beside the queue."""
    periods = report_periods(console.clock.now())
    chinese = i18n.is_chinese(console.language)

    def figures(index: int) -> tuple[ShiftFigures, list[Duty]]:
        title, since, until, shifts = periods[index]
        duties = SqlDuties(console.store, console.clock)
        listed = [d for s in shifts for d in duties.for_shift(s)]
        return SqlShiftStats(console.store, console.clock).figures(title, since, until, console.actor), listed

    def html(index: int) -> str:
        try:
            f, duties = figures(index)
        except PermissionDenied as exc:  # the dialog says it as it says a printer's fault
            raise OSError(explain(exc)) from exc
        page = shift_report_html(f, duties, console.hotel_name(), console.clock.now(), chinese=chinese)
        heads = chain_heads(console)
        return page + (f"<p><small>{escape(heads)}</small></p>" if heads else "")

    def save_pdf(index: int, path: Path) -> None:
        from ui.shift_report import render  # reportlab loads when a report is asked for, not at start

        try:
            f, duties = figures(index)
            heads = chain_heads(console)
            render(f, path, console.hotel_name(), console.clock.now(), duties, chinese=chinese, foot=heads)
        except ConsoleError as exc:
            log.exception("report not written")
            raise OSError(str(exc)) from exc

    dialog = ShiftReportDialog([shift_name(p[0]) for p in periods], html, save_pdf, Path.home(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def chain_heads(console: Console) -> str:
    """The chains' heads for the foot of a printed report: typed back as ``main.py --verify-log --head``
    they anchor the audit trail and the logbook on paper (hashes cut to 16 characters)."""
    try:
        with console.store.read() as s:
            heads = current_heads(s)
    except ConsoleError as exc:
        log.warning("chain heads not printed: %s", exc)
        return ""
    words = " ".join(Head(h.table, h.seq, h.hash[:16], h.versions).token() for h in heads)
    return QCoreApplication.translate("Console", "Chain heads: %1").replace("%1", words) if words else ""
