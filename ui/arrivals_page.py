"""VIP and expected arrivals (EA) for today and tomorrow, VIPs first: the list
the mid shift works from, and a PDF of it for the front desk and the duty manager."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

from switchboard.board import Arrival, BoardSource
from switchboard.desk import RoomView
from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor
from ui.errors import explain, shown_to_role
from ui.print_lists import arrivals_html
from ui.rows_model import RowsModel

if TYPE_CHECKING:  # QtPrintSupport loads when something is printed, not at start
    from PySide6.QtPrintSupport import QPrintDialog


def arrivals_pdf(arrivals: list[Arrival], path: Path, hotel: str, printed_at: datetime) -> Path:
    # reportlab loads when a list is saved, not when the console starts
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from ui.shift_report import cjk_font, pdf_table

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
        self,
        board: BoardSource,
        actor: Callable[[], Actor],
        now: Callable[[], datetime],
        hotel: str,
        parent: Any = None,
        *,
        in_house: Callable[[Actor], Sequence[RoomView]] = lambda _actor: (),
    ) -> None:
        super().__init__(parent)
        self._in_house = in_house
        self._board = board
        self._actor = actor
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
        print_button = QPushButton(self.tr("&Print the list…"))
        print_button.setObjectName("arrivalsPrint")
        print_button.clicked.connect(self.print_list)
        self.print_dialog: QPrintDialog | None = None
        self.message = QLabel()
        self.view = QTableView()
        self.view.setObjectName("arrivalsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.vip_model: RowsModel[RoomView] = RowsModel(
            [self.tr("Room"), self.tr("VIP"), self.tr("Guest")],
            lambda r: [
                r.number,
                "★" * r.vip_level,
                self.tr("(privacy)") if r.privacy else f"{r.guest} {r.title}",
            ],
            None,
            self,
        )
        self.vip_view = QTableView()
        self.vip_view.setObjectName("vipInHouseView")
        self.vip_view.setModel(self.vip_model)
        self.vip_view.verticalHeader().hide()
        self.vip_view.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(self.vip_only)
        bar.addWidget(save)
        bar.addWidget(print_button)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(QLabel(self.tr("Expected arrivals today and tomorrow")))
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel(self.tr("VIPs in house")))
        layout.addWidget(self.vip_view, 1)
        self.refresh()

    def arrivals(self) -> list[Arrival]:
        listed = list(self._board.today(self._actor()).arrivals)
        return [a for a in listed if a.vip_level] if self.vip_only.isChecked() else listed

    def _on_paper(self) -> tuple[list[Arrival], Sequence[RoomView]]:
        """What a printout or PDF lists; a role refused it is told why on the page's message line."""
        try:
            return self.arrivals(), self._in_house(self._actor())
        except PermissionDenied as exc:
            raise OSError(explain(exc)) from exc

    def _html(self) -> str:
        arrivals, in_house = self._on_paper()
        return arrivals_html(arrivals, self._hotel, self._now(), in_house)

    def refresh(self) -> None:
        shown = shown_to_role(
            self.message,
            self.tr("The arrivals and VIPs in house are not shown to your role."),
            lambda: (self.arrivals(), self._in_house(self._actor())),
        )
        arrivals, in_house = shown if shown is not None else ([], ())
        self.model.set_rows(arrivals)
        vips = sorted((r for r in in_house if r.vip_level), key=lambda r: (-r.vip_level, r.number))
        self.vip_model.set_rows(vips)
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
                arrivals_pdf(self._on_paper()[0], Path(name), self._hotel, self._now())
            except OSError as exc:
                self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
                return
            self.message.setText(self.tr("Saved %1").replace("%1", name))

    def print_list(self) -> None:
        """The list on paper through the print dialog (not modal: the call keys keep working)."""
        from ui.print_job import offer_print

        self.print_dialog = offer_print(
            self,
            self.tr("VIP and arrivals list"),
            self._html,
            lambda error: self.message.setText(
                self.tr("Not printed: %1").replace("%1", error) if error else self.tr("Sent to the printer.")
            ),
            landscape=True,
        )
