"""The document register (执法文书登记簿).

Every number ever issued stays listed: valid, void (with its reason) or corrected (pointing at
the correcting number). From here an officer previews and prints, voids, corrects, records
service, and prints all documents of one day in one go (rendered off the UI thread).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ...core import clock
from ...core import documents as docs
from ...storage import documents as doc_store
from ...storage.db import Store
from ..operations import Change
from ..widgets.messages import ERROR_STYLE, OK_STYLE, error_label, set_message
from ..widgets.refresh import RefreshOnChange
from . import modal, ops
from .actions import DocumentActions, receipt_button
from .issue_dialog import IssueDocumentDialog
from .list_model import DocumentListModel, document_table
from .print_day import PrintDayDialog, day_documents
from .void import VoidDialog


class DocumentRegisterWidget(QWidget, DocumentActions):
    """执法文书登记簿: every number by year and kind, with the numbering check."""

    # Finalising an inspection issues its 现场检查记录 (Change.INSPECTION).

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model = DocumentListModel(self)
        self._all: list[dict] = []

        this_year = clock.today().year
        first = store.conn.execute("SELECT min(year) FROM document WHERE deleted = 0").fetchone()[0] or this_year
        self.year = QSpinBox(self)
        self.year.setObjectName("registerYear")
        self.year.setRange(min(first, this_year) - 1, this_year + 1)
        self.year.setValue(this_year)
        self.year.setSuffix(self.tr(" (year)"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("registerKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in docs.KINDS:
            self.kind.addItem(docs.TITLES[kind], kind)
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Filter by number, party or officer"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("registerCount")
        self.gaps_label = QLabel(self)
        self.gaps_label.setObjectName("gapsLabel")
        self.gaps_label.setWordWrap(True)
        self.message = error_label(self, "registerMessage")

        self.view = document_table(self, self.model, name="registerView")
        self.view.activated.connect(self._on_view_activated)

        self.preview_button = QPushButton(self.tr("Pre&view"), self)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.service_button = QPushButton(self.tr("Record &service…"), self)
        self.service_button.clicked.connect(self._on_service_clicked)
        self.receipt_button = receipt_button(self)
        self.receipt_button.clicked.connect(self._on_receipt_clicked)
        self.void_button = QPushButton(self.tr("Vo&id…"), self)
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(self._on_void_clicked)
        self.correct_button = QPushButton(self.tr("&Correct…"), self)
        self.correct_button.setObjectName("correctButton")
        self.correct_button.setToolTip(
            self.tr("Issue a new document that corrects the selected one (the old number stays)"))
        self.correct_button.clicked.connect(self._on_correct_clicked)
        self.print_day_button = QPushButton(self.tr("Print a &day's documents…"), self)
        self.print_day_button.setObjectName("printDayButton")
        self.print_day_button.clicked.connect(self._on_print_day_clicked)

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.service_button, self.receipt_button,
                  self.void_button, self.correct_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.print_day_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self.year.valueChanged.connect(self._on_year_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.search.textChanged.connect(self._on_search_changed)
        self.reload()
        self.follow = RefreshOnChange(
            self, {Change.DOCUMENT, Change.INSPECTION, Change.TOWNSHIP}, self.refresh, daily=True)

    def reload(self) -> None:
        self._all = doc_store.register(self.store, year=self.year.value(), kind=self.kind.currentData())
        self._apply_search()
        self._check_gaps()

    def refresh(self) -> None:
        """Reload after a change, keeping the selected document selected."""
        selected = self.selected_id()
        self.reload()
        if selected:
            self.select_document(selected)

    def _on_year_changed(self, _value) -> None:
        self.reload()

    def _on_kind_changed(self, _index) -> None:
        self.reload()

    def _on_search_changed(self, _text) -> None:
        self._apply_search()

    def _apply_search(self) -> None:
        words = self.search.text().split()
        rows = [e for e in self._all
                if all(w in f"{e['doc_no']} {e['party']} {e['officers']} {e['title']}" for w in words)]
        self.model.set_entries(rows)
        valid = sum(1 for e in rows if e["status"] == "issued")
        self.count_label.setText(self.tr("%n number(s)", "", len(rows)) + " · "
                                 + self.tr("%n valid", "", valid))

    def _check_gaps(self) -> None:
        gaps = doc_store.numbering_gaps(self.store)
        if gaps:
            self.gaps_label.setText(self.tr("Numbering check: numbers are missing — ") + "；".join(gaps))
            self.gaps_label.setStyleSheet(ERROR_STYLE)
        else:
            self.gaps_label.setText(self.tr("Numbering check: every number of this laptop's series is accounted for."))
            self.gaps_label.setStyleSheet(OK_STYLE)

    # -- void and correct ----------------------------------------------------------------------
    def void_dialog(self, document_id: str) -> VoidDialog:
        return VoidDialog(self.store, document_id, self)

    def _on_void_clicked(self) -> None:
        doc_id = self._need_selection()
        if not doc_id:
            return
        try:
            dlg = self.void_dialog(doc_id)
        except ValueError as e:
            set_message(self.message, str(e))
            return
        if dlg.exec():
            set_message(self.message, "")
            self.select_document(doc_id)

    def correction_dialog(self, document_id: str) -> IssueDocumentDialog:
        return IssueDocumentDialog.for_correction(self.store, document_id, self)

    def _on_correct_clicked(self) -> None:
        doc_id = self._need_selection()
        if not doc_id:
            return
        try:
            dlg = self.correction_dialog(doc_id)
        except ValueError as e:
            set_message(self.message, str(e))
            return
        if dlg.exec() and dlg.document:
            self.select_document(dlg.document["id"])

    # -- a day's printing --------------------------------------------------------------------
    def print_day(self, day: date):
        """Render every valid document issued on ``day`` into one PDF (off the UI thread), then
        preview it (the preview prints). Returns the operation, or None when nothing to print."""
        found = day_documents(self.store, day)
        if not found:
            set_message(self.message, self.tr("No valid documents were issued on %1.").replace("%1", day.isoformat()))
            return None
        set_message(self.message, "")
        ids = [r[0] for r in found]
        title = f"执法文书 {day.isoformat()}（{len(ids)}份）"
        return ops.render_day(self, self.store, ids, label=self.tr("Printing %n document(s)", "", len(ids))) \
            .success(lambda data: modal.show_pdf(self, data, title)) \
            .run()

    def print_day_dialog(self) -> PrintDayDialog:
        return PrintDayDialog(self)

    def _on_print_day_clicked(self) -> None:
        dlg = self.print_day_dialog()
        if dlg.exec():
            self.print_day(dlg.chosen_day())


__all__ = ["DocumentRegisterWidget"]
