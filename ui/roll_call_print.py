"""The roll-call board on paper and in files for the fire brigade: the words for each answer, the
rows as the page shows them, CSV, a PDF (reportlab, with a CJK font) and HTML for the print dialog.

A privacy guest stands on the board as "(privacy)": the book never wrote the name beside the room.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, tzinfo
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from switchboard.roll_call import RollCallRoom, RoomAnswer, board, counts
from ui.wings import wing_text

GUESTS_COLUMN = 3

NEEDS_HELP_RED = "#ffcdd2"
PRIVACY = "(privacy)"  # what db/roll_calls.py writes for a privacy guest


def answer_words() -> dict[RoomAnswer, str]:
    return {
        RoomAnswer.NEEDS_HELP: QCoreApplication.translate("RollCallPrint", "NEEDS HELP"),
        RoomAnswer.NO_ANSWER: QCoreApplication.translate("RollCallPrint", "no answer"),
        RoomAnswer.BUSY: QCoreApplication.translate("RollCallPrint", "busy"),
        RoomAnswer.FAILED: QCoreApplication.translate("RollCallPrint", "call failed"),
        RoomAnswer.WAITING: QCoreApplication.translate("RollCallPrint", "not rung yet"),
        RoomAnswer.CALLING: QCoreApplication.translate("RollCallPrint", "calling"),
        RoomAnswer.ANSWERED: QCoreApplication.translate("RollCallPrint", "answered, no key"),
        RoomAnswer.LEAVING: QCoreApplication.translate("RollCallPrint", "leaving"),
    }


def headers() -> list[str]:
    return [
        QCoreApplication.translate("RollCallPrint", "Room"),
        QCoreApplication.translate("RollCallPrint", "Floor"),
        QCoreApplication.translate("RollCallPrint", "Wing"),
        QCoreApplication.translate("RollCallPrint", "Guests"),
        QCoreApplication.translate("RollCallPrint", "Answer"),
        QCoreApplication.translate("RollCallPrint", "Calls"),
        QCoreApplication.translate("RollCallPrint", "Last call"),
    ]


def guests_text(guests: str) -> str:
    return guests.replace(PRIVACY, QCoreApplication.translate("RollCallPrint", "(privacy guest)"))


def cells(room: RollCallRoom, words: dict[RoomAnswer, str], zone: tzinfo | None = None) -> list[str]:
    """The board's cells for one room; times in the hotel's ``zone``."""
    last = room.last_at.astimezone(zone) if room.last_at is not None else None
    return [
        room.room,
        str(room.floor),
        wing_text(room.wing),
        guests_text(room.guests),
        words[room.answer],
        str(room.attempts),
        f"{last:%H:%M:%S}" if last is not None else "",
    ]


def counts_text(rooms: Sequence[RollCallRoom]) -> str:
    """``rooms 40 · needs help 1 · no answer 3 …`` (the answers that have rooms)."""
    words = answer_words()
    found = counts(rooms)
    parts = [QCoreApplication.translate("RollCallPrint", "rooms %1").replace("%1", str(len(rooms)))]
    parts += [f"{words[a]} {n}" for a, n in found.items() if n]
    return " · ".join(parts)


def _safe(cell: str) -> str:
    """A spreadsheet must not run a guest name as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def csv_text(rooms: Sequence[RollCallRoom], zone: tzinfo | None = None) -> str:
    words = answer_words()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers())
    for room in board(rooms):
        writer.writerow([_safe(c) for c in cells(room, words, zone)])
    return out.getvalue()


def write_pdf(
    path: Path, rooms: Sequence[RollCallRoom], title: str, subtitle: str, zone: tzinfo | None = None
) -> Path:
    # reportlab and the report's fonts load with the first list written, not with the console's start
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from ui.shift_report import cjk_font, pdf_table

    font = cjk_font()
    h1 = ParagraphStyle("h1", fontName=font, fontSize=15, leading=19, spaceAfter=3)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    words = answer_words()
    ordered = board(rooms)
    rows: list[list[object]] = [list(headers())]
    for room in ordered:
        texts: list[object] = list(cells(room, words, zone))
        texts[GUESTS_COLUMN] = Paragraph(escape(str(texts[GUESTS_COLUMN])), cell)  # long guest lists wrap
        rows.append(texts)
    widths = [18 * mm, 14 * mm, 22 * mm, 100 * mm, 38 * mm, 16 * mm, 24 * mm]
    table = pdf_table(rows, widths, font, numbers=False)
    for n, room in enumerate(ordered, start=1):
        if room.answer is RoomAnswer.NEEDS_HELP:
            table.setStyle([("BACKGROUND", (0, n), (-1, n), colors.HexColor(NEEDS_HELP_RED))])
    story = [
        Paragraph(escape(title), h1),
        Paragraph(escape(subtitle), body),
        Paragraph(escape(counts_text(rooms)), body),
        Spacer(1, 4 * mm),
        table,
    ]
    doc = SimpleDocTemplate(
        str(path), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm, title=title
    )
    doc.build(story)
    return path


def board_html(rooms: Sequence[RollCallRoom], title: str, subtitle: str, zone: tzinfo | None = None) -> str:
    words = answer_words()
    head = "".join(f"<th>{escape(h)}</th>" for h in headers())
    body = []
    for room in board(rooms):
        style = f" style='background:{NEEDS_HELP_RED}'" if room.answer is RoomAnswer.NEEDS_HELP else ""
        body.append(
            f"<tr{style}>" + "".join(f"<td>{escape(c)}</td>" for c in cells(room, words, zone)) + "</tr>"
        )
    return (
        f"<h1>{escape(title)}</h1><p class='small'>{escape(subtitle)}</p><p>{escape(counts_text(rooms))}</p>"
        f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{head}</tr>{''.join(body)}</table>"
    )


def subtitle_text(
    started_at: datetime, started_by: str, scope_text: str, stopped_at: datetime | None, printed_at: datetime
) -> str:
    parts = [
        QCoreApplication.translate("RollCallPrint", "%1, started %2 by %3")
        .replace("%1", scope_text)
        .replace("%2", f"{started_at:%Y-%m-%d %H:%M:%S}")
        .replace("%3", started_by)
    ]
    if stopped_at is not None:
        parts.append(
            QCoreApplication.translate("RollCallPrint", "stopped %1").replace("%1", f"{stopped_at:%H:%M:%S}")
        )
    else:
        parts.append(QCoreApplication.translate("RollCallPrint", "still running"))
    parts.append(
        QCoreApplication.translate("RollCallPrint", "as of %1").replace(
            "%1", f"{printed_at:%Y-%m-%d %H:%M:%S}"
        )
    )
    return "; ".join(parts)
