"""Dossier tab: the enterprise's documents, newest first, and issuing a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget

from ...core import documents as docs
from ...storage.db import Store
from ..operations import Change
from ..widgets.messages import error_label, set_message
from ..widgets.refresh import RefreshOnChange
from .actions import DocumentActions, receipt_button
from .issue_dialog import IssueDocumentDialog
from .list_model import DocumentListModel, document_table, documents_of_enterprise


class EnterpriseDocumentsPage(QWidget, DocumentActions):

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.model = DocumentListModel(self)
        self.view = document_table(self, self.model, name="enterpriseDocuments")
        self.view.activated.connect(self._on_view_activated)
        self.message = error_label(self, "documentsMessage")
        self.count_label = QLabel(self)
        self.preview_button = QPushButton(self.tr("Pre&view"), self)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.service_button = QPushButton(self.tr("Record &service…"), self)
        self.service_button.clicked.connect(self._on_service_clicked)
        self.receipt_button = receipt_button(self)
        self.receipt_button.clicked.connect(self._on_receipt_clicked)
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("newDocumentButton")
        self.new_button.setText(self.tr("&New document"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self.new_button)
        for kind in (docs.SPOT_PENALTY, docs.HAZARD_NOTICE, docs.RECTIFICATION_ORDER, docs.ONSITE_MEASURES):
            action = self.new_menu.addAction(docs.TITLES[kind])
            action.setData(kind)
        self.new_menu.triggered.connect(self._on_new_menu_triggered)
        self.new_button.setMenu(self.new_menu)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.service_button, self.receipt_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.refresh()
        self.follow = RefreshOnChange(
            self, {Change.DOCUMENT, Change.INSPECTION, Change.ENTERPRISE}, self.refresh, daily=True)

    def refresh(self) -> None:
        self.model.set_entries(documents_of_enterprise(self.store, self.enterprise_id))
        self.count_label.setText(self.tr("%n document(s)", "", self.model.rowCount()))

    reload = refresh

    def new_document_dialog(self, kind: str) -> IssueDocumentDialog:
        return IssueDocumentDialog(self.store, kind, enterprise_id=self.enterprise_id, parent=self)

    def _on_new_menu_triggered(self, action) -> None:
        try:
            dlg = self.new_document_dialog(action.data())
        except ValueError as e:
            set_message(self.message, str(e))
            return
        dlg.exec()


__all__ = ["EnterpriseDocumentsPage"]
