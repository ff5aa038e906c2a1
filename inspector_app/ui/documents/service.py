"""送达: the service box of the issue dialog and the dialog that records a later service."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout)

from ...core import documents as docs
from ...storage import documents as doc_store
from ...storage.db import Store
from ..widgets.dates import now_qdatetime, to_datetime
from ..widgets.messages import error_label, inline_failure, set_message
from . import ops


class ServiceBox(QGroupBox):
    """送达: when, how, refusal with its note, and a witness (留置送达)."""

    def __init__(self, parent=None, *, checkable: bool = True):
        super().__init__(parent)
        self.setObjectName("serviceBox")
        self.setTitle(self.tr("Service (送达)"))
        self.setCheckable(checkable)
        if checkable:
            self.setTitle(self.tr("Served now — handed over on the spot or otherwise (送达)"))
            self.setChecked(False)
        self.served_at = QDateTimeEdit(now_qdatetime(), self)
        self.served_at.setCalendarPopup(True)
        self.served_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.served_at.setObjectName("servedAt")
        self.served_at.setMaximumWidth(180)
        self.how = QComboBox(self)
        self.how.setObjectName("servedHow")
        for m in docs.SERVICE_METHODS:
            self.how.addItem(m, m)
        self.refused = QCheckBox(self.tr("The party refused to sign for it"), self)
        self.refused.setObjectName("refused")
        self.note = QLineEdit(self)
        self.note.setObjectName("serviceNote")
        self.note.setPlaceholderText(self.tr("How it was served; for a refusal: reason and what was done"))
        self.witness = QLineEdit(self)
        self.witness.setObjectName("witness")
        self.witness_id = QLineEdit(self)
        self.witness_id.setObjectName("witnessId")
        # As the signed 文书送达回执 records them.
        self.place = QLineEdit(self)
        self.place.setObjectName("servicePlace")
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("serviceRecipient")
        self.recipient.setPlaceholderText(self.tr("Who signed the receipt"))
        self.refused.toggled.connect(self._on_refused_toggled)
        form = QFormLayout(self)
        form.addRow(self.tr("Served at"), self.served_at)
        form.addRow(self.tr("How"), self.how)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Signed by"), self.recipient)
        form.addRow("", self.refused)
        form.addRow(self.tr("Note"), self.note)
        wit = QHBoxLayout()
        wit.addWidget(self.witness, 1)
        wit.addWidget(QLabel(self.tr("ID no."), self))
        wit.addWidget(self.witness_id, 1)
        form.addRow(self.tr("Witness"), wit)

    def _on_refused_toggled(self, on: bool) -> None:
        # 拒收 → 留置送达 (storage refuses 直接送达 with a refusal); save the officer a step.
        if on and self.how.currentData() == "直接送达":
            self.how.setCurrentIndex(self.how.findData("留置送达"))

    def service(self) -> dict | None:
        """The service as ``record_service`` keyword arguments, or None when not ticked."""
        if self.isCheckable() and not self.isChecked():
            return None
        witness = None
        if self.witness.text().strip():
            witness = {"name": self.witness.text().strip(), "id_no": self.witness_id.text().strip()}
        return {"served_at": to_datetime(self.served_at.dateTime()), "served_how": self.how.currentData(),
                "refused": self.refused.isChecked(), "note": self.note.text().strip(), "witness": witness,
                "place": self.place.text().strip(), "recipient": self.recipient.text().strip()}


class ServiceDialog(QDialog):
    """Record the service (送达) of an issued document; serving an order starts the findings'
    rectification period."""

    def __init__(self, store: Store, document_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.document_id = document_id
        row = doc_store.require_document(store, document_id)
        self.setWindowTitle(self.tr("Record service — %1").replace("%1", row["doc_no"]))
        self.box = ServiceBox(self, checkable=False)
        self.error = error_label(self, "serviceError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveServiceButton")
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        # The blank receipt goes with the document; its signed copy is what this dialog records.
        from .actions import receipt_button

        self.receipt_button = receipt_button(self)
        self.buttons.addButton(self.receipt_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.receipt_button.clicked.connect(self._on_receipt_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{row['title']}  {row['doc_no']}  {row['party']}", self))
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _on_receipt_clicked(self) -> None:
        from . import modal

        try:
            modal.preview_receipt(self, self.store, self.document_id)
        except (ValueError, OSError) as e:
            set_message(self.error, str(e))

    def _on_save_clicked(self) -> None:
        ops.record_service(self, self.store, self.document_id, **self.box.service()) \
            .success(lambda _row: self.accept()) \
            .failure(inline_failure(self.error, self)) \
            .run()


__all__ = ["ServiceBox", "ServiceDialog"]
