"""作废: void an issued document; its number stays in the register with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from ...storage import documents as doc_store
from ...storage.db import Store
from ..widgets.messages import HINT_STYLE, error_label, inline_failure
from . import ops


class VoidDialog(QDialog):
    def __init__(self, store: Store, document_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.document_id = document_id
        row = doc_store.require_document(store, document_id)
        self.setWindowTitle(self.tr("Void document — %1").replace("%1", row["doc_no"]))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("Why is this document void? (e.g. wrong party, printed twice)"))
        self.error = error_label(self, "voidError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.void_button = buttons.addButton(self.tr("Void"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.void_button.setObjectName("voidButton")
        buttons.accepted.connect(self._on_void_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The number stays in the register marked void; it is never reused."), self)
        note.setStyleSheet(HINT_STYLE)
        layout.addWidget(QLabel(f"{row['title']}  {row['doc_no']}  {row['party']}", self))
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Reason"), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_void_clicked(self) -> None:
        ops.void_document(self, self.store, self.document_id, reason=self.reason.toPlainText()) \
            .success(lambda _row: self.accept()) \
            .failure(inline_failure(self.error, self)) \
            .run()


__all__ = ["VoidDialog"]
