"""VIP and expected arrivals (EA) for today and tomorrow, VIPs first: the list
the mid shift works from, and a PDF of it for the front desk and the duty manager."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from switchboard.board import Arrival, BoardSource
from ui.rows_model import RowsModel
from ui.shift_report import cjk_font, pdf_table


def arrivals_pdf(arrivals: list[Arrival], path: Path, hotel: str, printed_at: datetime) -> Path:
    font = cjk_font()
    title = ParagraphStyle("t", fontName=font, fontSize=15, leading=19)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=10)
    rows: list[list[object]] = [
        [
            QCoreApplication.translate("ArrivalsPage", "Arrives"),
            QCoreApplication.translate("ArrivalsPage", "VIP"),
            QCoreApplication.translate("ArrivalsPage", "Guest"),
            QCoreApplication.translate("ArrivalsPage", "Room"),
            QCoreApplication.translate("ArrivalsPage", "Companions"),
            QCoreApplication.translate("ArrivalsPage", "Notes"),
        ]
    ]
    for a in arrivals:
        rows.append(
            [
                f"{a.arrival:%m-%d}",
                "★" * a.vip_level,
                Paragraph(escape(f"{a.name} {a.title}"), small),
                a.room or "-",
                Paragraph(escape(a.companions), small),
                Paragraph(escape(a.note), small),
            ]
        )
    story = [
        Paragraph(
            escape(hotel + " — " + QCoreApplication.translate("ArrivalsPage", "VIP and expected arrivals")),
            title,
        ),
        Paragraph(
            escape(
                QCoreApplication.translate("ArrivalsPage", "Printed %1").replace(
                    "%1", f"{printed_at:%Y-%m-%d %H:%M}"
                )
            ),
            small,
        ),
        Spacer(1, 4 * mm),
        pdf_table(rows, [18 * mm, 16 * mm, 70 * mm, 18 * mm, 60 * mm, 80 * mm], font, numbers=False),
    ]
    SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
    ).build(story)
    return path


class ArrivalsPage(QWidget):
    def __init__(
        self, board: BoardSource, now: Callable[[], datetime], hotel: str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._now = now
        self._hotel = hotel
        self.model: RowsModel[Arrival] = RowsModel(
            [
                self.tr("Arrives"),
                self.tr("VIP"),
                self.tr("Guest"),
                self.tr("Room"),
                self.tr("Companions"),
                self.tr("Notes"),
            ],
            lambda a: [
                f"{a.arrival:%m-%d}",
                "★" * a.vip_level,
                f"{a.name} {a.title}",
                a.room or "-",
                a.companions,
                a.note,
            ],
            lambda a: "#fff4d6" if a.vip_level else "",
            self,
        )
        self.vip_only = QCheckBox(self.tr("VIPs only"))
        self.vip_only.setObjectName("arrivalsVipOnly")
        self.vip_only.toggled.connect(self.refresh)
        save = QPushButton(self.tr("Save the list as PDF…"))
        save.setObjectName("arrivalsSave")
        save.clicked.connect(self.save)
        self.message = QLabel()
        self.view = QTableView()
        self.view.setObjectName("arrivalsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        bar = QHBoxLayout()
        bar.addWidget(self.vip_only)
        bar.addWidget(save)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.refresh()

    def arrivals(self) -> list[Arrival]:
        listed = list(self._board.today().arrivals)
        return [a for a in listed if a.vip_level] if self.vip_only.isChecked() else listed

    def refresh(self) -> None:
        self.model.set_rows(self.arrivals())
        self.view.resizeColumnsToContents()

    def save(self) -> None:
        name, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the arrivals list"),
            str(Path.home() / f"arrivals-{self._now():%Y%m%d}.pdf"),
            "PDF (*.pdf)",
        )
        if name:
            try:
                arrivals_pdf(self.arrivals(), Path(name), self._hotel, self._now())
            except OSError as exc:
                self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
                return
            self.message.setText(self.tr("Saved %1").replace("%1", name))
