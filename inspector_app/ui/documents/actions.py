"""Preview / print / service on the selected document of a list (register, enterprise page)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from ...storage.db import Store
from ..operations import show_failure
from ..widgets.messages import set_message
from . import modal
from .list_model import DocumentListModel
from .service import ServiceDialog


def receipt_button(parent: QWidget) -> QPushButton:
    """打印送达回执 — the one button every document list shows beside 登记送达."""
    b = QPushButton(QCoreApplication.translate("DocumentsUi", "Service rece&ipt…"), parent)
    b.setObjectName("receiptButton")
    b.setToolTip(QCoreApplication.translate(
        "DocumentsUi", "Print the 文书送达回执 of the selected document (blank, or with the service recorded)"))
    return b


class DocumentActions:
    """Mixin over ``self.view`` / ``self.model`` / ``self.message``."""

    store: Store
    model: DocumentListModel
    view: QTableView
    message: QLabel

    def selected_id(self) -> str | None:
        idx = self.view.currentIndex()
        e = self.model.entry(idx.row()) if idx.isValid() else None
        return e["id"] if e else None

    def select_document(self, document_id: str) -> None:
        row = self.model.row_of(document_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _need_selection(self) -> str | None:
        doc_id = self.selected_id()
        if doc_id is None:
            set_message(self.message, QCoreApplication.translate("DocumentsUi", "Select a document first."))
        return doc_id

    def preview(self, document_id: str):
        try:
            return modal.preview_document(self, self.store, document_id)
        except (ValueError, OSError) as e:
            show_failure(self, e)
            return None

    def _on_preview_clicked(self) -> None:
        doc_id = self._need_selection()
        if doc_id:
            self.preview(doc_id)

    def _on_print_clicked(self) -> None:
        doc_id = self._need_selection()
        if doc_id:
            try:
                modal.print_document(self, self.store, doc_id)
            except (RuntimeError, ValueError) as e:
                set_message(self.message, str(e))

    def preview_receipt(self, document_id: str):
        """打印送达回执: the receipt of the document, previewed (print from the preview)."""
        try:
            return modal.preview_receipt(self, self.store, document_id)
        except (ValueError, OSError) as e:
            set_message(self.message, str(e))
            return None

    def _on_receipt_clicked(self) -> None:
        doc_id = self._need_selection()
        if doc_id:
            set_message(self.message, "")
            self.preview_receipt(doc_id)

    def service_dialog(self, document_id: str) -> ServiceDialog:
        return ServiceDialog(self.store, document_id, self)

    def _on_service_clicked(self) -> None:
        doc_id = self._need_selection()
        if not doc_id:
            return
        try:
            dlg = self.service_dialog(doc_id)
        except ValueError as e:
            set_message(self.message, str(e))
            return
        if dlg.exec():  # the list refreshes from the change it announced
            self.select_document(doc_id)

    def _on_view_activated(self, index) -> None:
        e = self.model.entry(index.row())
        if e:
            self.preview(e["id"])


__all__ = ["DocumentActions", "receipt_button"]
