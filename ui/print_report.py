"""The shift report box: which period, then print it or save it as a PDF. Not modal: F5 answers a
call while it is open, and while the report is read: a busy night's figures take longer than a frame,
so they are read (and the PDF written) off the GUI thread (``ui.off_gui``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from switchboard.errors import ConsoleError
from ui.errors import explain
from ui.off_gui import OffGuiRead, reading_text, said_as_today

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
        self.reads = OffGuiRead(self, "shift-report")

    def print_report(self) -> None:
        """Read the report off the GUI thread, then offer the print dialog with it."""
        index = self.period.currentIndex()
        html = self._html
        self.message.setText(reading_text())
        self.reads.run(lambda: html(index), self._offer_print, self._not_printed)

    def _offer_print(self, html: str) -> None:
        from ui.print_job import offer_print  # QtPrintSupport loads when something is printed

        self.message.clear()
        self.print_dialog = offer_print(self, self.tr("Shift report"), lambda: html, self._said)

    def _not_printed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self._said(str(error))
            return
        self._said(explain(error) if isinstance(error, ConsoleError) else "")
        said_as_today(error)

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

    def save_to(self, path: Path) -> None:
        """Read the report and write the PDF off the GUI thread; the message line says when it is saved."""
        index = self.period.currentIndex()
        save_pdf = self._save_pdf
        self.message.setText(reading_text())
        self.reads.run(
            lambda: save_pdf(index, path),
            lambda _none: self.message.setText(self.tr("Saved %1").replace("%1", str(path))),
            self._not_saved,
        )

    def _not_saved(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            return
        self.message.setText(explain(error) if isinstance(error, ConsoleError) else "")
        said_as_today(error)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reads.stop()  # a report read after the box closed is not shown anywhere
        super().closeEvent(event)
