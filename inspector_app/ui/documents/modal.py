"""Everything modal about documents (the PDF preview, printing, a warning) goes through these
module-level functions, so tests can replace them and the dialogs stay scriptable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...storage import documents as doc_store
from ...storage.db import Store


def show_pdf(parent: QWidget | None, data: bytes, title: str):
    """Preview a PDF (printing from the preview). Non-modal: the officer can keep working."""
    from .pdf_view import PdfPreviewDialog

    dlg = PdfPreviewDialog(data, title, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg


def print_pdf(parent: QWidget | None, data: bytes):
    from .pdf_view import print_pdf_bytes

    return print_pdf_bytes(data, parent)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def preview_document(parent: QWidget | None, store: Store, document_id: str):
    """Render a stored document from its frozen content and preview it."""
    from ...reports.pdf_documents import render_document  # reportlab stays off the start-up path

    row = doc_store.require_document(store, document_id)
    return show_pdf(parent, render_document(store, document_id), f"{row['title']} {row['doc_no']}")


def print_document(parent: QWidget | None, store: Store, document_id: str):
    from ...reports.pdf_documents import render_document

    return print_pdf(parent, render_document(store, document_id))


def preview_receipt(parent: QWidget | None, store: Store, document_id: str):
    """The document's 文书送达回执 (blank, or with the service recorded), previewed for printing."""
    from ...reports.receipt import TITLE, render_receipt

    row = doc_store.require_document(store, document_id)
    return show_pdf(parent, render_receipt(store, document_id), f"{TITLE} {row['doc_no']}")


__all__ = ["preview_document", "preview_receipt", "print_document", "print_pdf", "show_pdf", "warn"]
