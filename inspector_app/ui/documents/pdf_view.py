"""Preview, print and save a PDF held in memory (an issued document rendered by ``reports``).

Printing goes through ``QPdfDocument.render`` page by page onto a ``QPrinter`` (A4), the way
Qt's own PDF viewer example does it: no external viewer, and the same path works for a batch of
documents (:func:`print_pdf_bytes`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

# Pages are rasterised for the printer. 600 dpi is what office laser printers print; above it
# a single A4 page image would need hundreds of MB for no visible gain.
MAX_PRINT_DPI = 600


def load_pdf(pdf_bytes: bytes, parent=None) -> QPdfDocument:
    """A ``QPdfDocument`` reading from an in-memory buffer (kept alive as its child)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(bytes(pdf_bytes)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise ValueError("无法打开该PDF文件，文件可能已损坏，请重新生成文书。")
    return document


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    # The PDF pages carry their own margins: paint on the whole sheet, 1:1.
    printer.setFullPage(True)
    return printer


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the pages (the printer's page range, or all) onto ``printer``; return the count."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(max(first, 1) - 1, min(last, count)) if first and last else range(count)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("无法连接打印机，请检查打印机是否已开启并连接。")
    printed = 0
    try:
        for page in pages:
            if printed:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            image = document.render(page, QSize(round(size_pt.width() * dpi / 72),
                                                round(size_pt.height() * dpi / 72)))
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(target.x() + (target.width() - w) / 2, target.y(), w, h), image)
            printed += 1
    finally:
        painter.end()
    return printed


def print_pdf_bytes(pdf_bytes: bytes, parent: QWidget | None, *, printer: QPrinter | None = None,
                    title: str = "") -> bool:
    """Ask for a printer (A4) and print the PDF; False when the officer cancelled.

    Reusable for a batch: pass the PDF of several documents rendered together.
    """
    document = load_pdf(pdf_bytes, parent)
    try:
        printer = printer or a4_printer()
        if title:
            printer.setDocName(title)
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        paint_pdf(document, printer)
        return True
    finally:
        document.deleteLater()


class PdfPreviewDialog(QDialog):
    """A PDF on screen (all pages, fit to width) with Print… and Save as PDF…."""

    def __init__(self, pdf_bytes: bytes, title: str, parent=None):
        super().__init__(parent)
        self.pdf_bytes = bytes(pdf_bytes)
        self.title = title
        self.saved_path: str | None = None
        self.setWindowTitle(title)
        self.document = load_pdf(self.pdf_bytes, self)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self.tr("%n page(s)", "", self.document.pageCount()), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.fit_page_button = QPushButton(self.tr("Whole page"), self)
        self.fit_page_button.setCheckable(True)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.accept)
        self.fit_page_button.toggled.connect(self._on_fit_page_toggled)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._on_print_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        buttons.addWidget(self.fit_page_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.resize(820, 940)
        # Closed is done with: the parsed PDF and the view's rendered pages go now, not when Qt
        # gets round to deleting the dialog (a child of a long-lived window may never be).
        self.finished.connect(self._release)

    def _release(self, _result: int = 0) -> None:
        self.document.close()  # the view then shows nothing and drops its rendered pages

    def page_count(self) -> int:
        return self.document.pageCount()

    def _on_fit_page_toggled(self, checked: bool) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if checked else QPdfView.ZoomMode.FitToWidth)

    def _on_print_clicked(self) -> None:
        try:
            print_pdf_bytes(self.pdf_bytes, self, title=self.title)
        except (RuntimeError, ValueError) as e:
            QMessageBox.warning(self, self.tr("Print"), str(e))

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), f"{self.title}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.pdf_bytes)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save as PDF"),
                                self.tr("Could not save the file:\n%1").replace("%1", str(e)))
            return
        self.saved_path = path


__all__ = ["PdfPreviewDialog", "a4_printer", "load_pdf", "paint_pdf", "print_pdf_bytes"]
