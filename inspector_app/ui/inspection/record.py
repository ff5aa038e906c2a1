"""The 现场检查记录 of a final inspection: issued on first use, then previewed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...storage.db import Store
from ..operations import Change, Op, show_failure


def show_inspection_record(store: Store, inspection_id: str, parent: QWidget | None) -> bool:
    """Issue the 现场检查记录 if not issued yet, then preview it. False on a problem (shown)."""
    from ...reports.pdf_documents import render_document
    from ...storage.inspection_record import issue_inspection_record
    from ..documents.pdf_view import PdfPreviewDialog

    def issue() -> tuple[dict, bytes]:
        doc = issue_inspection_record(store, inspection_id)
        return doc, render_document(store, doc["id"])

    def failed(exc: BaseException) -> None:
        if isinstance(exc, (ValueError, OSError)):  # e.g. no device code yet, an officer without 证号
            QMessageBox.warning(parent, QCoreApplication.translate("Inspection", "Inspection record"), str(exc))
        else:
            show_failure(parent, exc)

    outcome: dict = {}
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # Issuing numbers a document the first time: the document lists hear of it.
        op = Op(parent, issue, changes={Change.DOCUMENT}).success(lambda r: outcome.setdefault("r", r))
        op.failure(lambda e: outcome.setdefault("error", e)).run()
    finally:
        QApplication.restoreOverrideCursor()
    if "error" in outcome:
        failed(outcome["error"])
        return False
    doc, pdf = outcome["r"]
    PdfPreviewDialog(pdf, f"{doc['title']} {doc['doc_no']}", parent).exec()
    return True
