"""The shift report box: which period, then print it or save it as a PDF. Not modal: F5 answers a
call while it is open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog


class ShiftReportDialog(QDialog):
    def __init__(
        self,
        periods: Sequence[str],
        html: Callable[[int], str],
        save_pdf: Callable[[int, Path], None],
        folder: Path,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(self.tr("Shift report"))
        self._html = html
        self._save_pdf = save_pdf
        self._folder = folder
        self.print_dialog: QPrintDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.addItems(list(periods))
        print_button = QPushButton(self.tr("&Print…"))
        print_button.setObjectName("reportPrint")
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_report)
        save = QPushButton(self.tr("&Save as PDF…"))
        save.setObjectName("reportSave")
        save.clicked.connect(self.ask_where)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (print_button, save, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Report for")))
        layout.addWidget(self.period)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def print_report(self) -> None:
        from ui.print_job import offer_print  # QtPrintSupport loads when something is printed

        index = self.period.currentIndex()
        self.print_dialog = offer_print(self, self.tr("Shift report"), lambda: self._html(index), self._said)

    def _said(self, error: str) -> None:
        self.message.setText(
            self.tr("Not printed: %1").replace("%1", error) if error else self.tr("Sent to the printer.")
        )

    def default_name(self) -> Path:
        return self._folder / f"shift-report-{self.period.currentText().replace(' ', '-')}.pdf"

    def ask_where(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the shift report"), str(self.default_name()), "PDF (*.pdf)")
        dialog.setObjectName("reportFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setModal(False)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        self.file_dialog = dialog
        dialog.show()

    def save_to(self, path: Path) -> bool:
        try:
            self._save_pdf(self.period.currentIndex(), path)
        except OSError as exc:
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self.message.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True
