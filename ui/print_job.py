"""Printing a list or report through Qt's print dialog.

The page is drawn by Qt from HTML (``QTextDocument``), so what reaches the printer is text, not a
picture of text: it stays sharp on any printer, and a PDF printer keeps it searchable. The dialog is
never modal: the operator can answer a call (F5) with the print dialog open, and print afterwards.
The dialog offers the system's printers and printing to a PDF file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

log = logging.getLogger(__name__)

STYLE = """
body { font-size: 9pt; }
h1 { font-size: 14pt; margin-bottom: 2px; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 3px; }
table { border-collapse: collapse; }
th { background: #e0e0e0; text-align: left; }
td, th { border: 1px solid #9e9e9e; padding: 2px 4px; vertical-align: top; }
.small { font-size: 8pt; color: #424242; }
"""


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet(STYLE)
    font = QFont()
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc


def print_html(html: str, printer: QPrinter, title: str, *, landscape: bool = False) -> None:
    """Print one document on the printer as it is set up (the dialog's choice, or a test's queue)."""
    printer.setDocName(title)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    document(html).print_(printer)
    log.info("printed %r on %r", title, printer.printerName() or printer.outputFileName())


def offer_print(
    parent: Any,
    title: str,
    html: Callable[[], str],
    done: Callable[[str], None],
    *,
    landscape: bool = False,
) -> QPrintDialog:
    """The print dialog beside the console (not modal); printing starts when the operator says Print.
    ``done`` hears what happened, in a sentence for the page's message line."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle(title)
    dialog.setModal(False)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    # The printer lives as long as the dialog that points at it (closed, not deleted: the page keeps it).
    dialog.setProperty("printer", printer)

    def chosen() -> None:
        try:
            print_html(html(), printer, title, landscape=landscape)
        except (OSError, RuntimeError) as exc:  # the page's sentence, not a crash
            log.exception("not printed")
            done(str(exc))
            return
        done("")

    dialog.accepted.connect(chosen)
    dialog.show()
    return dialog
