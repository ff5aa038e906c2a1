"""The document register (执法文书登记簿) and an enterprise's documents.

Every number ever issued stays listed: valid, void (with its reason) or corrected (pointing at
the correcting number). From here an officer previews and prints, voids, corrects, records
service, and prints all documents of one day in one go (rendered off the UI thread).
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import clock
from ..core import documents as docs
from ..core.i18n import QT_TRANSLATE_NOOP
from ..storage import documents as doc_store
from ..storage.db import Store
from . import document_dialogs as dd
from .table_models import ListTableModel

VOID_COLOR = QColor("#9e9e9e")
SUPERSEDED_COLOR = QColor("#8a5a00")


def entry_of(row: dict) -> dict:
    """A ``get_document`` row in the shape of a ``register`` entry (what the models show)."""
    return {
        "id": row["id"], "kind": row["kind"], "title": row["title"], "doc_no": row["doc_no"],
        "series": row["series"], "year": row["year"], "seq": row["seq"],
        "issued_at": row["issued_at"], "issued_on": row["issued_on"],
        "status": row["register_status"], "status_label": doc_store.STATUS_LABELS[row["register_status"]],
        "void_reason": row["void_reason"], "enterprise_id": row["enterprise_id"], "party": row["party"],
        "officers": "、".join(f"{o['name']}（{o['cert_no']}）" if o["cert_no"] else o["name"]
                             for o in row["officers"]),
        "served_at": row["served_at"], "served_how": row["served_how"],
        "service_refused": bool(row["service_refused"]), "service_note": row["service_note"],
        "supersedes_doc_no": row["supersedes_doc_no"] or "", "superseded_by_doc_no": row["superseded_by_doc_no"] or "",
        "inspection_id": row.get("inspection_id"),
    }


def documents_of_enterprise(store: Store, enterprise_id: str) -> list[dict]:
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM document WHERE enterprise_id = ? AND deleted = 0 ORDER BY issued_at DESC, series, seq",
        [enterprise_id])]
    return [entry_of(doc_store.get_document(store, i)) for i in ids]


def service_text(e: dict) -> str:
    if not e.get("served_at"):
        return ""
    text = f"{e['served_at'][:16].replace('T', ' ')} {e['served_how']}"
    if e.get("service_refused"):
        text += "（拒收）"
    return text


def note_text(e: dict) -> str:
    parts = []
    if e.get("status") == "void" and e.get("void_reason"):
        parts.append(f"作废原因：{e['void_reason']}")
    if e.get("superseded_by_doc_no"):
        parts.append(f"已被{e['superseded_by_doc_no']}更正")
    if e.get("supersedes_doc_no"):
        parts.append(f"更正{e['supersedes_doc_no']}")
    return "；".join(parts)


def day_documents(store: Store, day) -> list[tuple[str, str, str]]:
    """(id, doc_no, kind) of the valid documents issued on ``day`` (void and corrected ones are
    not printed again), in the order they were issued."""
    return [tuple(r) for r in store.conn.execute(
        """SELECT d.id, d.doc_no, d.kind FROM document d
           WHERE d.deleted = 0 AND d.status = 'issued' AND substr(d.issued_at, 1, 10) = ?
             AND NOT EXISTS (SELECT 1 FROM document n WHERE n.supersedes_id = d.id AND n.deleted = 0)
           ORDER BY d.issued_at, d.series, d.kind, d.seq""", [str(day)[:10]])]


def render_documents(store: Store, ids: list[str], progress=None) -> bytes:
    """One PDF of the given documents (each from its frozen content), for a day's printing."""
    from ..reports import pdf_documents

    rows = []
    for doc_id in ids:
        kind, content, doc_no = store.conn.execute(
            "SELECT kind, content, doc_no FROM document WHERE id = ?", [doc_id]).fetchone()
        rows.append((kind, content, doc_no))
    total = len(rows)

    def batch():
        for i, (kind, content, doc_no) in enumerate(rows):
            if progress:
                progress(i, total)
            yield kind, json.loads(content), doc_no

    data = pdf_documents.render_many(batch())
    if progress:
        progress(total, total)
    return data


class DocumentListModel(ListTableModel):
    """Register entries (small lists: one year, one enterprise, one finding)."""

    COLUMNS = (
        ("doc_no", QT_TRANSLATE_NOOP("DocumentListModel", "Number")),
        ("title", QT_TRANSLATE_NOOP("DocumentListModel", "Document")),
        ("status_label", QT_TRANSLATE_NOOP("DocumentListModel", "Status")),
        ("issued_on", QT_TRANSLATE_NOOP("DocumentListModel", "Date")),
        ("party", QT_TRANSLATE_NOOP("DocumentListModel", "Party")),
        ("officers", QT_TRANSLATE_NOOP("DocumentListModel", "Officers")),
        ("service", QT_TRANSLATE_NOOP("DocumentListModel", "Service")),
        ("note", QT_TRANSLATE_NOOP("DocumentListModel", "Note")),
    )

    @property
    def entries(self) -> list[dict]:
        return self.rows

    def set_entries(self, entries: list[dict]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> dict | None:
        return self.row_at(row)

    def row_of(self, document_id: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e["id"] == document_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "service":
                text = service_text(e)
                if role == Qt.ItemDataRole.DisplayRole and not text and e["status"] != "void":
                    return "未送达"
                return text + (f"\n{e['service_note']}" if role == Qt.ItemDataRole.ToolTipRole
                               and e.get("service_note") else "")
            if key == "note":
                return note_text(e)
            value = e.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if e["status"] == "void":
                return QBrush(VOID_COLOR)
            if e["status"] == "superseded":
                return QBrush(SUPERSEDED_COLOR)
            if key == "service" and not e.get("served_at"):
                return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.FontRole and e["status"] == "void" and key == "doc_no":
            from PySide6.QtGui import QFont

            f = QFont()
            f.setStrikeOut(True)
            return f
        if role == Qt.ItemDataRole.UserRole:
            return e["id"]
        return None



def document_table(parent: QWidget, model: DocumentListModel, widths=(230, 130, 60, 90, 220, 200, 150)) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    header.setStretchLastSection(True)
    return view


class _DocumentActions:
    """Preview / print / service / void / correct on the selected row of ``self.view``."""

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
            dd.set_message(self.message, QCoreApplication.translate("DocumentsUi", "Select a document first."))
        return doc_id

    def preview(self, document_id: str):
        return dd.preview_document(self, self.store, document_id)

    def _on_preview_clicked(self) -> None:
        doc_id = self._need_selection()
        if doc_id:
            self.preview(doc_id)

    def _on_print_clicked(self) -> None:
        doc_id = self._need_selection()
        if doc_id:
            try:
                dd.print_document(self, self.store, doc_id)
            except (RuntimeError, ValueError) as e:
                dd.set_message(self.message, str(e))

    def _on_service_clicked(self) -> None:
        doc_id = self._need_selection()
        if not doc_id:
            return
        try:
            dlg = dd.ServiceDialog(self.store, doc_id, self)
        except ValueError as e:
            dd.set_message(self.message, str(e))
            return
        if dlg.exec():
            self.reload()
            self.select_document(doc_id)

    def _on_view_activated(self, index) -> None:
        e = self.model.entry(index.row())
        if e:
            self.preview(e["id"])


class DocumentRegisterWidget(QWidget, _DocumentActions):
    """执法文书登记簿: every number by year and kind, with the numbering check."""

    document_changed = Signal(str)

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
        self.message = dd.error_label(self, "registerMessage")

        self.view = document_table(self, self.model)
        self.view.setObjectName("registerView")
        self.view.activated.connect(self._on_view_activated)

        preview = QPushButton(self.tr("Pre&view"), self)
        preview.clicked.connect(self._on_preview_clicked)
        print_button = QPushButton(self.tr("&Print…"), self)
        print_button.clicked.connect(self._on_print_clicked)
        service = QPushButton(self.tr("Record &service…"), self)
        service.clicked.connect(self._on_service_clicked)
        void = QPushButton(self.tr("Vo&id…"), self)
        void.clicked.connect(self._on_void_clicked)
        correct = QPushButton(self.tr("&Correct…"), self)
        correct.setToolTip(self.tr("Issue a new document that corrects the selected one (the old number stays)"))
        correct.clicked.connect(self._on_correct_clicked)
        day = QPushButton(self.tr("Print a &day's documents…"), self)
        day.setObjectName("printDayButton")
        day.clicked.connect(self._on_print_day_clicked)

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        for b in (preview, print_button, service, void, correct):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(day)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self.year.valueChanged.connect(lambda _v: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(lambda _t: self._apply_search())
        self.reload()

    def reload(self) -> None:
        self._all = doc_store.register(self.store, year=self.year.value(), kind=self.kind.currentData())
        self._apply_search()
        self._check_gaps()

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
            self.gaps_label.setStyleSheet(dd.ERROR_STYLE)
        else:
            self.gaps_label.setText(self.tr("Numbering check: every number of this laptop's series is accounted for."))
            self.gaps_label.setStyleSheet(dd.OK_STYLE)

    def showEvent(self, event) -> None:  # Qt override: documents are issued from other screens
        super().showEvent(event)
        self.reload()

    # -- actions ---------------------------------------------------------------------------
    def void(self, document_id: str, reason: str) -> bool:
        dlg = dd.VoidDialog(self.store, document_id, self)
        dlg.reason.setPlainText(reason)
        ok = dlg.void()
        if not ok:
            dd.set_message(self.message, dlg.error.text())
        dlg.deleteLater()
        self._after_change(document_id)
        return ok

    def _on_void_clicked(self) -> None:
        doc_id = self._need_selection()
        if not doc_id:
            return
        try:
            dlg = dd.VoidDialog(self.store, doc_id, self)
        except ValueError as e:
            dd.set_message(self.message, str(e))
            return
        if dlg.exec():
            self._after_change(doc_id)

    def correction_dialog(self, document_id: str) -> dd.IssueDocumentDialog:
        dlg = dd.IssueDocumentDialog.for_correction(self.store, document_id, self)
        dlg.document_issued.connect(self._after_change)
        return dlg

    def _on_correct_clicked(self) -> None:
        doc_id = self._need_selection()
        if not doc_id:
            return
        try:
            dlg = self.correction_dialog(doc_id)
        except ValueError as e:
            dd.set_message(self.message, str(e))
            return
        dlg.exec()

    def _after_change(self, document_id: str) -> None:
        self.reload()
        self.select_document(document_id)
        self.document_changed.emit(document_id)

    # -- a day's printing --------------------------------------------------------------------
    def print_day(self, day: date):
        """Render every valid document issued on ``day`` into one PDF off the UI thread, then
        preview it (the preview prints). Returns the task, or None when nothing to print."""
        found = day_documents(self.store, day)
        if not found:
            dd.set_message(self.message, self.tr("No valid documents were issued on %1.").replace("%1", day.isoformat()))
            return None
        ids = [r[0] for r in found]
        title = f"执法文书 {day.isoformat()}（{len(ids)}份）"
        done = lambda data: dd.show_pdf(self, data, title)
        db_path = self.store.path
        if db_path is None:  # an in-memory database cannot be opened from another thread
            done(render_documents(self.store, ids))
            return None

        def work(progress):
            from ..storage import open_db

            worker_store = open_db(db_path)  # connections are bound to their thread
            try:
                return render_documents(worker_store, ids, progress)
            finally:
                worker_store.close()

        from .export_dialog import run_with_progress

        return run_with_progress(self, self.tr("Printing %n document(s)", "", len(ids)), work, on_success=done)

    def _on_print_day_clicked(self) -> None:
        dlg = QDialog(self)
        dlg.setWindowTitle(self.tr("Print a day's documents"))
        edit = dd.date_edit(dlg, date.today())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dlg)
        buttons.accepted.connect(dlg.accept)
        buttons.rejected.connect(dlg.reject)
        form = QFormLayout(dlg)
        form.addRow(self.tr("Documents issued on"), edit)
        form.addRow(buttons)
        if dlg.exec():
            self.print_day(dd.to_date(edit.date()))


class EnterpriseDocumentsPage(QWidget, _DocumentActions):
    """Dossier tab: the enterprise's documents, newest first, and issuing a new one."""

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.model = DocumentListModel(self)
        self.view = document_table(self, self.model)
        self.view.setObjectName("enterpriseDocuments")
        self.view.activated.connect(self._on_view_activated)
        self.message = dd.error_label(self, "documentsMessage")
        self.count_label = QLabel(self)
        preview = QPushButton(self.tr("Pre&view"), self)
        preview.clicked.connect(self._on_preview_clicked)
        print_button = QPushButton(self.tr("&Print…"), self)
        print_button.clicked.connect(self._on_print_clicked)
        service = QPushButton(self.tr("Record &service…"), self)
        service.clicked.connect(self._on_service_clicked)
        new = QToolButton(self)
        new.setText(self.tr("&New document"))
        new.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(new)
        for kind in (docs.SPOT_PENALTY, docs.HAZARD_NOTICE, docs.RECTIFICATION_ORDER, docs.ONSITE_MEASURES):
            menu.addAction(docs.TITLES[kind], lambda k=kind: self._on_new_triggered(k))
        new.setMenu(menu)
        buttons = QHBoxLayout()
        for b in (preview, print_button, service):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(new)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.reload()

    def reload(self) -> None:
        self.model.set_entries(documents_of_enterprise(self.store, self.enterprise_id))
        self.count_label.setText(self.tr("%n document(s)", "", self.model.rowCount()))

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self.reload()

    def new_document_dialog(self, kind: str) -> dd.IssueDocumentDialog:
        dlg = dd.IssueDocumentDialog(self.store, kind, enterprise_id=self.enterprise_id, parent=self)
        dlg.document_issued.connect(lambda _id: self.reload())
        return dlg

    def _on_new_triggered(self, kind: str) -> None:
        try:
            self.new_document_dialog(kind).exec()
        except ValueError as e:
            dd.set_message(self.message, str(e))


__all__ = [
    "DocumentListModel",
    "DocumentRegisterWidget",
    "EnterpriseDocumentsPage",
    "day_documents",
    "documents_of_enterprise",
    "entry_of",
    "render_documents",
]
