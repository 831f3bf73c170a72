"""The shift report's list of emergency calls: when, from which room, the number, how the console
heard of it, who acknowledged it and how soon, and whether the duty manager had to be called out."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from switchboard.shift_figures import ShiftFigures

Table = Callable[..., Flowable]


def emergency_calls(
    f: ShiftFigures, font: str, h2: ParagraphStyle, small: ParagraphStyle, table: Table
) -> list[Flowable]:
    """``table`` is the report's own table maker (``ui.shift_report.pdf_table``)."""
    if not f.emergencies:
        return []

    rows: list[list[object]] = [
        [
            QCoreApplication.translate("ShiftReport", "Time"),
            QCoreApplication.translate("ShiftReport", "Room"),
            QCoreApplication.translate("ShiftReport", "Number"),
            QCoreApplication.translate("ShiftReport", "Acknowledged"),
            QCoreApplication.translate("ShiftReport", "Called out"),
        ]
    ]
    for line in f.emergencies:
        if line.acknowledged_at is not None:
            after = int((line.acknowledged_at - line.at).total_seconds())
            acknowledged = f"{line.acknowledged_by} {line.acknowledged_at:%H:%M:%S} (+{after} s)"
        else:
            acknowledged = QCoreApplication.translate("ShiftReport", "not acknowledged")
        late = (
            QCoreApplication.translate("ShiftReport", " (from the call records)")
            if line.source == "records"
            else ""
        )
        rows.append(
            [
                f"{line.at:%H:%M:%S}",
                line.where,
                f"{line.number}{late}",
                Paragraph(escape(acknowledged), small),
                f"{line.called_out_at:%H:%M:%S}" if line.called_out_at else "",
            ]
        )
    return [
        Paragraph(escape(QCoreApplication.translate("ShiftReport", "Emergency calls")), h2),
        table(rows, [20 * mm, 18 * mm, 46 * mm, 72 * mm, 22 * mm], font, numbers=False),
    ]
