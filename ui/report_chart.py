"""The shift report's chart of calls per hour (reportlab)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from switchboard.shift_figures import ShiftFigures


def calls_per_hour_chart(figures: ShiftFigures, font: str) -> Drawing:
    drawing = Drawing(170 * mm, 55 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, 150 * mm, 38 * mm
    chart.data = [[n for _h, n in figures.calls_per_hour] or [0]]
    chart.categoryAxis.categoryNames = [h[:2] for h, _n in figures.calls_per_hour] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#1e63b5")
    drawing.add(chart)
    drawing.add(
        String(
            12 * mm,
            51 * mm,
            QCoreApplication.translate("ShiftReport", "Calls per hour"),
            fontName=font,
            fontSize=9,
        )
    )
    return drawing
