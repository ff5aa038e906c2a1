"""Dialogs that issue enforcement documents (执法文书) and record what happens to them later.

``IssueDocumentDialog`` gathers the content of one document kind, shows the number it WILL get,
and on "Issue" stores it through ``storage.documents.issue_document`` (plus, for orders, moves
the findings it names to "ordered" in the SAME transaction: a failure un-allocates the number).
The legal wording stays Chinese (it is printed verbatim); labels go through ``tr()``.

Everything modal in here (message boxes, the PDF preview) goes through the small module-level
functions below, so tests can replace them and the dialogs stay scriptable.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QSettings,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import documents as docs
from ..core.findings import as_date
from ..core.i18n import QT_TRANSLATE_NOOP
from ..storage import documents as doc_store
from ..storage import findings as findings_store
from ..storage import township
from ..storage.db import Store

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #555;"

# 安全生产法(2021) 第六十五条第一款第（三）项: the power to order on-site measures (REFERENCE §1.5 [K]).
DEFAULT_ONSITE_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
# Decision checkboxes: (English label for tr(), printed Chinese wording).
ONSITE_DECISIONS = (
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Remove the hidden danger immediately"), "责令立即排除事故隐患"),
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Withdraw the workers from the danger area"),
     "责令从危险区域内撤出作业人员"),
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Suspend production and business temporarily"), "责令暂时停产停业"),
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Stop using the related facilities and equipment"),
     "责令暂时停止使用相关设施、设备"),
)
ORDER_KINDS = findings_store.ORDER_DOCUMENT_KINDS
REVIEWABLE_KINDS = (docs.RECTIFICATION_ORDER, docs.ONSITE_MEASURES, docs.HAZARD_NOTICE)


# ---------------------------------------------------------------------------------------------
# modal helpers (tests replace these)

def show_pdf(parent: QWidget | None, data: bytes, title: str):
    """Preview a PDF (printing from the preview). Non-modal: the officer can keep working."""
    from .pdf_view import PdfPreviewDialog  # the preview engineer's module

    dlg = PdfPreviewDialog(data, title, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg


def print_pdf(parent: QWidget | None, data: bytes):
    from .pdf_view import print_pdf_bytes

    return print_pdf_bytes(data, parent)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def preview_document(parent: QWidget | None, store: Store, document_id: str):
    """Render a stored document from its frozen content and preview it."""
    from ..reports.pdf_documents import render_document

    row = doc_store.get_document(store, document_id)
    if row is None:
        raise ValueError("找不到该文书，请刷新后重试。")
    return show_pdf(parent, render_document(store, document_id), f"{row['title']} {row['doc_no']}")


def print_document(parent: QWidget | None, store: Store, document_id: str):
    from ..reports.pdf_documents import render_document

    return print_pdf(parent, render_document(store, document_id))


# ---------------------------------------------------------------------------------------------
# small widgets

def to_qdate(value) -> QDate:
    d = as_date(value) or date.today()
    return QDate(d.year, d.month, d.day)


def to_date(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def issued_at_for(day: date):
    """Issued today: the real time (the register sorts a day's documents by it); else the day."""
    return datetime.now().replace(microsecond=0) if day == date.today() else day


def date_edit(parent: QWidget, value=None, *, name: str = "") -> QDateEdit:
    w = QDateEdit(to_qdate(value), parent)
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setMaximumWidth(150)
    if name:
        w.setObjectName(name)
    return w


def error_label(parent: QWidget, name: str = "") -> QLabel:
    lab = QLabel(parent)
    lab.setStyleSheet(ERROR_STYLE)
    lab.setWordWrap(True)
    lab.setVisible(False)
    if name:
        lab.setObjectName(name)
    return lab


def set_message(label: QLabel, text: str, *, ok: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setVisible(bool(text))


class OfficerChecklist(QListWidget):
    """The township's officers as a checked list; the last pair used is checked by default."""

    SETTINGS_KEY = "persist/document_officers"

    def __init__(self, store: Store, parent=None, *, minimum: int = 2):
        super().__init__(parent)
        self.setObjectName("officers")
        self.minimum = minimum
        self.officer_list = township.list_officers(store)
        no_cert = self.tr("no certificate")
        for o in self.officer_list:
            item = QListWidgetItem(f"{o.name}（{o.cert_no or no_cert}）", self)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        remembered = QSettings().value(self.SETTINGS_KEY) or []
        if isinstance(remembered, str):
            remembered = [remembered]
        known = {o.id for o in self.officer_list}
        chosen = [i for i in remembered if i in known]
        if len(chosen) < minimum:
            current = str(store.setting("current_officer_id", "") or "")
            chosen = [current] if current in known else []
            for o in self.officer_list:
                if len(chosen) >= minimum:
                    break
                if o.id not in chosen:
                    chosen.append(o.id)
        self.set_checked_ids(chosen)
        self.setMaximumHeight(max(60, min(6, self.count()) * 22 + 8))

    def set_checked_ids(self, ids) -> None:
        wanted = set(ids)
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in wanted
                             else Qt.CheckState.Unchecked)

    def set_checked_names(self, names) -> None:
        wanted = set(names)
        self.set_checked_ids([o.id for o in self.officer_list if o.name in wanted])

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def officers(self) -> list[dict]:
        by_id = {o.id: o for o in self.officer_list}
        return [{"name": by_id[i].name, "cert_no": by_id[i].cert_no} for i in self.checked_ids()]

    def remember(self) -> None:
        QSettings().setValue(self.SETTINGS_KEY, self.checked_ids())


class ServiceBox(QGroupBox):
    """送达: when, how, refusal with its note, and a witness (留置送达)."""

    def __init__(self, parent=None, *, checkable: bool = True, issued_on: date | None = None):
        super().__init__(parent)
        self.setObjectName("serviceBox")
        self.setTitle(self.tr("Service (送达)"))
        self.setCheckable(checkable)
        if checkable:
            self.setTitle(self.tr("Served now — handed over on the spot or otherwise (送达)"))
            self.setChecked(False)
        self.served_at = QDateTimeEdit(QDateTime.currentDateTime(), self)
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
        self.refused.toggled.connect(self._on_refused_toggled)
        form = QFormLayout(self)
        form.addRow(self.tr("Served at"), self.served_at)
        form.addRow(self.tr("How"), self.how)
        form.addRow("", self.refused)
        form.addRow(self.tr("Note"), self.note)
        wit = QHBoxLayout()
        wit.addWidget(self.witness, 1)
        wit.addWidget(QLabel(self.tr("ID no."), self))
        wit.addWidget(self.witness_id, 1)
        form.addRow(self.tr("Witness"), wit)

    def _on_refused_toggled(self, on: bool) -> None:
        # 拒收 → 留置送达 (Service refuses 直接送达 with a refusal); save the officer a step.
        if on and self.how.currentData() == "直接送达":
            self.how.setCurrentIndex(self.how.findData("留置送达"))

    def service(self) -> dict | None:
        """The service as ``record_service`` keyword arguments, or None when not ticked."""
        if self.isCheckable() and not self.isChecked():
            return None
        dt = self.served_at.dateTime()
        served = datetime(dt.date().year(), dt.date().month(), dt.date().day(),
                          dt.time().hour(), dt.time().minute())
        witness = None
        if self.witness.text().strip():
            witness = {"name": self.witness.text().strip(), "id_no": self.witness_id.text().strip()}
        return {"served_at": served, "served_how": self.how.currentData(), "refused": self.refused.isChecked(),
                "note": self.note.text().strip(), "witness": witness}


# ---------------------------------------------------------------------------------------------
# after issue: service, void

class ServiceDialog(QDialog):
    """Record the service (送达) of an issued document; serving an order starts the findings'
    rectification period."""

    served = Signal(str)

    def __init__(self, store: Store, document_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.document_id = document_id
        row = doc_store.get_document(store, document_id)
        if row is None:
            raise ValueError("找不到该文书，请刷新后重试。")
        self.setWindowTitle(self.tr("Record service — %1").replace("%1", row["doc_no"]))
        self.box = ServiceBox(self, checkable=False)
        self.error = error_label(self, "serviceError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{row['title']}  {row['doc_no']}  {row['party']}", self))
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            doc_store.record_service(self.store, self.document_id, **self.box.service())
        except (ValueError, RuntimeError, sqlite3.Error) as e:
            set_message(self.error, str(e))
            return False
        self.served.emit(self.document_id)
        return True

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()


class VoidDialog(QDialog):
    """作废: the number stays in the register with the reason."""

    voided = Signal(str)

    def __init__(self, store: Store, document_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.document_id = document_id
        row = doc_store.get_document(store, document_id)
        if row is None:
            raise ValueError("找不到该文书，请刷新后重试。")
        self.setWindowTitle(self.tr("Void document — %1").replace("%1", row["doc_no"]))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("Why is this document void? (e.g. wrong party, printed twice)"))
        self.error = error_label(self, "voidError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.void_button = buttons.addButton(self.tr("Void"), QDialogButtonBox.ButtonRole.AcceptRole)
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

    def void(self) -> bool:
        try:
            doc_store.void_document(self.store, self.document_id, reason=self.reason.toPlainText())
        except (ValueError, RuntimeError, sqlite3.Error) as e:
            set_message(self.error, str(e))
            return False
        self.voided.emit(self.document_id)
        return True

    def _on_void_clicked(self) -> None:
        if self.void():
            self.accept()


class DateNoteDialog(QDialog):
    """A date and an optional note (mark rectified, close, de-list)."""

    def __init__(self, title: str, date_label: str, parent=None, *, note_label: str = "", value=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date = date_edit(self, value, name="date")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        form = QFormLayout(self)
        form.addRow(date_label, self.date)
        form.addRow(note_label or self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[date, str]:
        return to_date(self.date.date()), self.note.text().strip()


# ---------------------------------------------------------------------------------------------
# issuing

class IssueDocumentDialog(QDialog):
    """Gather, number and issue one document of ``kind`` for an enterprise (and findings).

    Kinds: rectification_order, onsite_measures, reinspection_opinion, spot_penalty,
    hazard_notice. ``supersedes_id`` issues a correction (更正: a new number referring to the
    old document); :meth:`for_correction` prefills it from the old content.
    """

    document_issued = Signal(str)

    def __init__(self, store: Store, kind: str, *, enterprise_id: str, finding_ids=(), inspection_id=None,
                 parent=None, supersedes_id: str | None = None, prefill: dict | None = None):
        super().__init__(parent)
        if kind not in docs.CONTENT_TYPES or kind == docs.INSPECTION_RECORD:
            raise ValueError(f"未知的文书类型：{kind}")
        self.store = store
        self.kind = kind
        self.enterprise_id = enterprise_id
        self.supersedes_id = supersedes_id
        self.document: dict | None = None
        self.findings: list[dict] = []
        for fid in dict.fromkeys(finding_ids):
            f = findings_store.get_finding(store, fid)
            if f is None:
                raise ValueError("找不到所选隐患，可能已被删除，请刷新后重试。")
            if f["enterprise_id"] != enterprise_id:
                raise ValueError("所选隐患不属于该企业，请分别出具文书。")
            self.findings.append(f)
        if inspection_id is None and self.findings:
            found = {f["inspection_id"] for f in self.findings}
            inspection_id = found.pop() if len(found) == 1 else None
        self.inspection_id = inspection_id
        self.enterprise = self._enterprise_row()
        self.inspected_on = self._inspected_on()
        self.setObjectName("issueDocumentDialog")
        title = docs.TITLES[kind]
        self.setWindowTitle((self.tr("Correct %1") if supersedes_id else self.tr("Issue %1")).replace("%1", title))
        self._build()
        if prefill:
            self._prefill(prefill)
        self._update_number()
        self.resize(820, 720)

    # -- construction -----------------------------------------------------------------------
    def _enterprise_row(self) -> dict:
        cur = self.store.conn.execute(
            "SELECT id, name, address, legal_rep, principal FROM enterprise WHERE id = ? AND deleted = 0",
            [self.enterprise_id])
        row = cur.fetchone()
        if row is None:
            raise ValueError("所选企业不存在或已删除，请重新选择企业。")
        return dict(zip([d[0] for d in cur.description], row))

    def _inspected_on(self) -> date:
        if self.inspection_id:
            row = self.store.conn.execute("SELECT started_at FROM inspection WHERE id = ?",
                                          [self.inspection_id]).fetchone()
            if row and row[0]:
                return as_date(row[0])
        if self.findings:
            return min(as_date(f["found_on"]) for f in self.findings)
        return date.today()

    def _build(self) -> None:
        title = QLabel(docs.TITLES[self.kind], self)
        f = QFont(title.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        title.setFont(f)
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issued_on = date_edit(self, date.today(), name="issuedOn")
        self.issued_on.dateChanged.connect(self._on_issued_on_changed)
        ent = self.enterprise
        rep_label = self.tr("Legal representative")  # not inside the f-string: lupdate skips those
        party = QLabel(f"<b>{ent['name']}</b><br>{ent['address'] or ''}"
                       + (f"　{rep_label}：{ent['legal_rep'] or ent['principal']}"
                          if (ent['legal_rep'] or ent['principal']) else ""), self)
        party.setObjectName("partyLabel")
        party.setWordWrap(True)
        head = QFormLayout()
        head.addRow(self.tr("Number on issue"), self.number_label)
        head.addRow(self.tr("Party"), party)
        head.addRow(self.tr("Date of issue"), self.issued_on)
        if self.supersedes_id:
            old = doc_store.get_document(self.store, self.supersedes_id)
            head.addRow(self.tr("Corrects"), QLabel(f"{old['doc_no']}（{old['issued_on']}）", self))

        body = QWidget(self)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        builders = {
            docs.RECTIFICATION_ORDER: self._build_items,
            docs.HAZARD_NOTICE: self._build_items,
            docs.ONSITE_MEASURES: self._build_onsite,
            docs.REINSPECTION_OPINION: self._build_reinspection,
            docs.SPOT_PENALTY: self._build_penalty,
        }
        builders[self.kind]()
        self._build_order_check()

        enforcement = self.kind in docs.ENFORCEMENT_KINDS
        self.officers = OfficerChecklist(self.store, self, minimum=2 if enforcement else 1)
        officers_box = QGroupBox(self.tr("Officers (at least two with certificates)") if enforcement
                                 else self.tr("Inspectors"), self)
        QVBoxLayout(officers_box).addWidget(self.officers)
        self.body_layout.addWidget(officers_box)
        self.service_box = ServiceBox(self)
        self.body_layout.addWidget(self.service_box)
        self.body_layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = error_label(self, "issueError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.issue_button = buttons.addButton(
            self.tr("Issue correction") if self.supersedes_id else self.tr("Issue"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("issueButton")
        buttons.accepted.connect(self._on_issue_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _add_box(self, title: str, inner) -> QGroupBox:
        box = QGroupBox(title, self)
        if isinstance(inner, QWidget):
            QVBoxLayout(box).addWidget(inner)
        else:
            box.setLayout(inner)
        self.body_layout.addWidget(box)
        return box

    # rectification order / hazard notice: items with their own deadlines
    def _build_items(self) -> None:
        self.items = QTableWidget(0, 3, self)
        self.items.setObjectName("items")
        self.items.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Legal basis"), self.tr("Deadline")])
        self.items.verticalHeader().setDefaultSectionSize(28)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 120)
        self.items.setWordWrap(True)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for f in self.findings:
            text = f["description"] + (f"（{f['location']}）" if f.get("location") else "")
            self.add_item(text, f["legal_basis"], proposed_deadline(f), finding_id=f["id"])
        add = QPushButton(self.tr("Add item"), self)
        add.clicked.connect(lambda: self.add_item("", "", date.today()))
        remove = QPushButton(self.tr("Remove item"), self)
        remove.clicked.connect(self._on_remove_item_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.inspected_edit = date_edit(self, self.inspected_on, name="inspectedOn")
        form = QFormLayout()
        form.addRow(self.tr("Inspected on"), self.inspected_edit)
        if self.kind == docs.HAZARD_NOTICE:
            self.report_to = QLineEdit(self)
            self.report_to.setObjectName("reportTo")
            self.report_to.setPlaceholderText(self.tr("Whom the unit reports to (default: the township)"))
            form.addRow(self.tr("Report rectification to"), self.report_to)
        inner = QVBoxLayout()
        inner.addLayout(form)
        inner.addWidget(QLabel(self.tr("Problems to rectify, each with its own deadline:"), self))
        inner.addWidget(self.items)
        inner.addLayout(buttons)
        self._add_box(self.tr("Problems"), inner)

    def add_item(self, description: str, basis: str, deadline, *, finding_id: str | None = None) -> int:
        row = self.items.rowCount()
        self.items.insertRow(row)
        desc = QTableWidgetItem(description)
        desc.setData(Qt.ItemDataRole.UserRole, finding_id)
        if finding_id:
            desc.setToolTip(self.tr("From the registered finding"))
        self.items.setItem(row, 0, desc)
        self.items.setItem(row, 1, QTableWidgetItem(basis or ""))
        self.items.setCellWidget(row, 2, date_edit(self.items, deadline))
        return row

    def _on_remove_item_clicked(self) -> None:
        rows = sorted({i.row() for i in self.items.selectedIndexes()}, reverse=True)
        for r in rows:
            self.items.removeRow(r)

    def item_rows(self) -> list[dict]:
        out = []
        for r in range(self.items.rowCount()):
            desc = self.items.item(r, 0)
            basis = self.items.item(r, 1)
            out.append({
                "finding_id": desc.data(Qt.ItemDataRole.UserRole) if desc else None,
                "description": desc.text().strip() if desc else "",
                "legal_basis": basis.text().strip() if basis else "",
                "deadline": to_date(self.items.cellWidget(r, 2).date()),
            })
        return out

    def set_item_deadline(self, row: int, value) -> None:
        self.items.cellWidget(row, 2).setDate(to_qdate(value))

    # onsite measures
    def _build_onsite(self) -> None:
        self.inspected_edit = date_edit(self, self.inspected_on, name="inspectedOn")
        self.dangers = QPlainTextEdit(self)
        self.dangers.setObjectName("dangers")
        self.dangers.setMaximumHeight(110)
        self.dangers.setPlaceholderText(self.tr("One violation or hidden danger per line"))
        self.dangers.setPlainText("\n".join(f["description"] for f in self.findings))
        self.basis = QLineEdit(DEFAULT_ONSITE_BASIS, self)
        self.basis.setObjectName("legalBasis")
        self.decision_checks: list[tuple[QCheckBox, str]] = []
        decisions = QVBoxLayout()
        for label, wording in ONSITE_DECISIONS:
            box = QCheckBox(QCoreApplication.translate("IssueDocumentDialog", label), self)
            box.setToolTip(wording)
            decisions.addWidget(box)
            self.decision_checks.append((box, wording))
        other = QHBoxLayout()
        self.other_check = QCheckBox(self.tr("Other:"), self)
        self.other_text = QLineEdit(self)
        self.other_text.setObjectName("otherDecision")
        self.other_text.setPlaceholderText(docs.ONSITE_MEASURE_CHOICES[-1])
        self.other_text.textEdited.connect(lambda t: self.other_check.setChecked(bool(t.strip())))
        other.addWidget(self.other_check)
        other.addWidget(self.other_text, 1)
        decisions.addLayout(other)
        if any(f["grade"] == "重大" for f in self.findings):
            # A major danger that cannot be kept safe while it is removed (安全生产法第65条).
            self.decision_checks[1][0].setChecked(True)
            self.decision_checks[2][0].setChecked(True)
        else:
            self.decision_checks[0][0].setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Inspected on"), self.inspected_edit)
        form.addRow(self.tr("Violations and hidden dangers"), self.dangers)
        form.addRow(self.tr("Legal basis"), self.basis)
        form.addRow(self.tr("Decision"), decisions)
        self._add_box(self.tr("On-site measures"), form)

    def decisions(self) -> list[str]:
        out = [wording for box, wording in self.decision_checks if box.isChecked()]
        if self.other_check.isChecked() and self.other_text.text().strip():
            out.append(self.other_text.text().strip())
        return out

    # re-inspection opinion
    def _build_reinspection(self) -> None:
        self.original = QComboBox(self)
        self.original.setObjectName("originalDocument")
        cited = self._cited_order_ids()
        rows = self.store.conn.execute(
            "SELECT id FROM document WHERE enterprise_id = ? AND deleted = 0 AND status = 'issued' "
            f"AND kind IN ({', '.join('?' * len(REVIEWABLE_KINDS))}) ORDER BY issued_at DESC",
            [self.enterprise_id, *REVIEWABLE_KINDS]).fetchall()
        for (doc_id,) in rows:
            d = doc_store.get_document(self.store, doc_id)
            self.original.addItem(f"{d['doc_no']}　{d['title']}　{d['issued_on']}",
                                  (d["doc_no"], d["issued_on"], _decision_of(d["kind"])))
            if doc_id in cited:
                self.original.setCurrentIndex(self.original.count() - 1)
        self.review = QTableWidget(0, 2, self)
        self.review.setObjectName("reviewItems")
        self.review.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Result")])
        self.review.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.review.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.review.horizontalHeader().resizeSection(1, 110)
        for f in self.findings:
            self.add_review_item(f["description"], "已整改")
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("opinion")
        self.opinion.setPlaceholderText("经复查，你单位已按要求整改完毕。")
        form = QFormLayout()
        form.addRow(self.tr("Original decision"), self.original)
        form.addRow(self.tr("Items re-inspected"), self.review)
        form.addRow(self.tr("Opinion"), self.opinion)
        self._add_box(self.tr("Re-inspection"), form)

    def _cited_order_ids(self) -> set[str]:
        ids = set()
        for f in self.findings:
            row = self.store.conn.execute(
                "SELECT document_id FROM finding_event WHERE finding_id = ? AND kind = 'order' AND deleted = 0 "
                "AND document_id IS NOT NULL ORDER BY hlc DESC LIMIT 1", [f["id"]]).fetchone()
            if row:
                ids.add(row[0])
        return ids

    def add_review_item(self, description: str, result: str) -> None:
        row = self.review.rowCount()
        self.review.insertRow(row)
        self.review.setItem(row, 0, QTableWidgetItem(description))
        combo = QComboBox(self.review)
        for r in docs.REVIEW_RESULTS:
            combo.addItem(r, r)
        combo.setCurrentIndex(max(0, combo.findData(result)))
        self.review.setCellWidget(row, 1, combo)

    # spot penalty
    def _build_penalty(self) -> None:
        self.max_individual = int(self.store.setting("max_fine_individual", doc_store.DEFAULT_MAX_FINE_INDIVIDUAL))
        self.max_unit = int(self.store.setting("max_fine_unit", doc_store.DEFAULT_MAX_FINE_UNIT))
        self.variant_unit = QRadioButton(self.tr("Unit (the enterprise)"), self)
        self.variant_person = QRadioButton(self.tr("Individual"), self)
        self.variant_unit.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.variant_unit)
        group.addButton(self.variant_person)
        variant = QHBoxLayout()
        variant.addWidget(self.variant_unit)
        variant.addWidget(self.variant_person)
        variant.addStretch(1)

        self.person_box = QGroupBox(self.tr("Person penalised"), self)
        pf = QFormLayout(self.person_box)
        self.person = {}
        for key, label in (("name", self.tr("Name")), ("gender", self.tr("Gender")), ("age", self.tr("Age")),
                           ("id_no", self.tr("ID card no.")), ("home_address", self.tr("Home address")),
                           ("employer", self.tr("Employer")), ("title", self.tr("Position")),
                           ("employer_address", self.tr("Employer address")), ("phone", self.tr("Phone"))):
            if key == "age":
                w = QSpinBox(self)
                w.setRange(0, 120)
                w.setSpecialValueText(" ")
            elif key == "gender":
                w = QComboBox(self)
                for g in ("", "男", "女"):
                    w.addItem(g, g)
            else:
                w = QLineEdit(self)
            w.setObjectName("person_" + key)
            self.person[key] = w
            pf.addRow(label, w)
        self.person["employer"].setText(self.enterprise["name"])
        self.person["employer_address"].setText(self.enterprise["address"] or "")
        self.person_box.setVisible(False)
        self.variant_person.toggled.connect(self.person_box.setVisible)
        self.variant_person.toggled.connect(lambda _on: self._check_amount())

        now = QDateTime.currentDateTime()
        self.decided_at = QDateTimeEdit(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())), self)
        self.decided_at.setCalendarPopup(True)
        self.decided_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.decided_at.setObjectName("decidedAt")
        self.decided_at.setMaximumWidth(180)
        self.place = QLineEdit(self.enterprise["address"] or "", self)
        self.place.setObjectName("place")
        self.facts = QPlainTextEdit(self)
        self.facts.setObjectName("facts")
        self.facts.setMaximumHeight(90)
        self.facts.setPlainText("\n".join(f["description"] for f in self.findings))
        self.violated = QLineEdit(self)
        self.violated.setObjectName("violated")
        self.violated.setPlaceholderText("《中华人民共和国安全生产法》第二十八条第一款")
        basis = "；".join(dict.fromkeys(f["legal_basis"] for f in self.findings if f["legal_basis"]))
        self.violated.setText(basis)
        self.penalty_basis = QLineEdit(self)
        self.penalty_basis.setObjectName("penaltyBasis")
        self.penalty_basis.setPlaceholderText("《中华人民共和国安全生产法》第九十七条第（三）项")
        self.penalty = QComboBox(self)
        self.penalty.setObjectName("penaltyType")
        for p in docs.PENALTY_TYPES:
            self.penalty.addItem(p, p)
        self.penalty.setCurrentIndex(self.penalty.findData("罚款"))
        self.amount = QSpinBox(self)
        self.amount.setObjectName("amount")
        self.amount.setRange(0, 10_000_000)
        self.amount.setSuffix(" " + self.tr("yuan"))
        self.amount.setSingleStep(100)
        self.amount_message = QLabel(self)
        self.amount_message.setObjectName("amountMessage")
        self.amount_message.setWordWrap(True)
        self.amount.valueChanged.connect(lambda _v: self._check_amount())
        self.penalty.currentIndexChanged.connect(lambda _i: self._check_amount())
        self.payment = QComboBox(self)
        self.payment.setObjectName("payment")
        for p in docs.PAYMENT_MODES:
            self.payment.addItem(p, p)
        self.hard_to_enforce = QCheckBox(self.tr("Hard to enforce later unless collected on the spot (第68条)"), self)
        self.statement = QPlainTextEdit(self)
        self.statement.setObjectName("statement")
        self.statement.setPlaceholderText(self.tr("Leave empty to print blank lines for handwriting"))
        self.statement.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Penalised"), variant)
        form.addRow(self.person_box)
        form.addRow(self.tr("Time"), self.decided_at)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Facts and evidence"), self.facts)
        form.addRow(self.tr("Provision violated"), self.violated)
        form.addRow(self.tr("Penalty basis"), self.penalty_basis)
        form.addRow(self.tr("Penalty"), self.penalty)
        amount = QVBoxLayout()
        amount.addWidget(self.amount)
        amount.addWidget(self.amount_message)
        form.addRow(self.tr("Fine"), amount)
        form.addRow(self.tr("Payment"), self.payment)
        form.addRow("", self.hard_to_enforce)
        form.addRow(self.tr("Statement of the party"), self.statement)
        self._add_box(self.tr("On-the-spot penalty (simplified procedure)"), form)
        self._check_amount()

    def fine_limit(self) -> int:
        return self.max_individual if self.variant_person.isChecked() else self.max_unit

    def _check_amount(self) -> bool:
        """Show the on-the-spot limit next to the amount; False when the amount exceeds it."""
        limit = self.fine_limit()
        amount = self.amount.value()
        fines = self.penalty.currentData() != "警告"
        if fines and amount > limit:
            who = self.tr("an individual") if self.variant_person.isChecked() else self.tr("a unit")
            set_message(self.amount_message, self.tr(
                "An on-the-spot fine on %1 may not exceed %2 yuan (行政处罚法第51条). "
                "Use the ordinary procedure for %3 yuan.").replace("%1", who).replace("%2", str(limit))
                .replace("%3", str(amount)))
            return False
        self.amount_message.setStyleSheet(HINT_STYLE)
        self.amount_message.setText(self.tr("Limit on the spot: %1 yuan").replace("%1", str(limit)))
        self.amount_message.setVisible(True)
        return True

    # orders: which findings the document starts the rectification period for
    def _build_order_check(self) -> None:
        self.order_check = QCheckBox(self)
        self.order_check.setObjectName("orderFindings")
        self.order_check.setVisible(False)
        self._can_order = False
        if self.kind not in ORDER_KINDS or not self.findings or self.supersedes_id:
            return
        registered = [f for f in self.findings if f["state"] == "registered"]
        self._can_order = bool(registered)
        self.order_check.setVisible(True)
        self.order_check.setText(self.tr("Start the rectification period of the %n finding(s) named here", "",
                                         len(registered)))
        if not registered:
            self.order_check.setEnabled(False)
            self.order_check.setText(self.tr("The findings are already ordered; this document does not change their state"))
        else:
            # 现场处理措施 are usually followed by a 责令限期整改指令书 with the deadlines.
            self.order_check.setChecked(self.kind != docs.ONSITE_MEASURES)
        self.body_layout.addWidget(self.order_check)

    # -- prefill (corrections) ----------------------------------------------------------------
    @classmethod
    def for_correction(cls, store: Store, document_id: str, parent=None) -> IssueDocumentDialog:
        row = doc_store.get_document(store, document_id)
        if row is None:
            raise ValueError("找不到要更正的原文书。")
        if row["register_status"] != "issued":
            raise ValueError(f"文书{row['doc_no']}已作废或已被更正，不能再更正。")
        return cls(store, row["kind"], enterprise_id=row["enterprise_id"], inspection_id=row["inspection_id"],
                   parent=parent, supersedes_id=document_id, prefill=row["content"])

    def _prefill(self, c: dict) -> None:
        names = [o["name"] if isinstance(o, dict) else o[0] for o in c.get("officers") or []]
        if names:
            self.officers.set_checked_names(names)
        if self.kind in (docs.RECTIFICATION_ORDER, docs.HAZARD_NOTICE):
            self.items.setRowCount(0)
            for it in c.get("items") or []:
                self.add_item(it.get("description", ""), it.get("legal_basis", ""), it.get("deadline"))
            if c.get("inspected_on"):
                self.inspected_edit.setDate(to_qdate(c["inspected_on"]))
            if self.kind == docs.HAZARD_NOTICE:
                self.report_to.setText(c.get("report_to", ""))
        elif self.kind == docs.ONSITE_MEASURES:
            self.inspected_edit.setDate(to_qdate(c.get("inspected_on")))
            self.dangers.setPlainText("\n".join(c.get("dangers") or []))
            self.basis.setText(c.get("legal_basis", ""))
            chosen = list(c.get("decisions") or [])
            for box, wording in self.decision_checks:
                box.setChecked(wording in chosen)
            other = [x for x in chosen if x not in {w for _b, w in self.decision_checks}]
            self.other_check.setChecked(bool(other))
            self.other_text.setText("；".join(other))
        elif self.kind == docs.REINSPECTION_OPINION:
            data = (c.get("original_doc_no", ""), str(c.get("original_date", "")),
                    c.get("original_decision", "责令限期整改"))
            idx = next((i for i in range(self.original.count()) if self.original.itemData(i)[0] == data[0]), -1)
            if idx < 0:
                self.original.addItem(f"{data[0]}　{data[1]}", data)
                idx = self.original.count() - 1
            self.original.setCurrentIndex(idx)
            self.review.setRowCount(0)
            for it in c.get("items") or []:
                self.add_review_item(it.get("description", ""), it.get("result", "已整改"))
            self.opinion.setPlainText(c.get("opinion", ""))
        elif self.kind == docs.SPOT_PENALTY:
            individual = c.get("variant") == "individual"
            self.variant_person.setChecked(individual)
            self.variant_unit.setChecked(not individual)
            for key, w in self.person.items():
                value = (c.get("person") or {}).get(key)
                if isinstance(w, QSpinBox):
                    w.setValue(int(value or 0))
                elif isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value or "")))
                elif value is not None:
                    w.setText(str(value))
            if c.get("decided_at"):
                self.decided_at.setDateTime(QDateTime.fromString(str(c["decided_at"])[:16], "yyyy-MM-ddTHH:mm"))
            self.place.setText(c.get("place", ""))
            self.facts.setPlainText(c.get("facts", ""))
            self.violated.setText(c.get("violated", ""))
            self.penalty_basis.setText(c.get("basis", ""))
            self.penalty.setCurrentIndex(max(0, self.penalty.findData(c.get("penalty", "罚款"))))
            self.amount.setValue(int(c.get("amount") or 0))
            self.payment.setCurrentIndex(max(0, self.payment.findData(c.get("payment", "银行缴纳"))))
            self.hard_to_enforce.setChecked(bool(c.get("hard_to_enforce")))
            self.statement.setPlainText(c.get("statement", ""))

    # -- numbers -------------------------------------------------------------------------------
    def issue_date(self) -> date:
        return to_date(self.issued_on.date())

    def _update_number(self) -> None:
        try:
            number = doc_store.peek_doc_no(self.store, self.kind, year=self.issue_date().year)
        except ValueError as e:
            self.number_label.setText(str(e))
            self.number_label.setStyleSheet(ERROR_STYLE)
            return
        self.number_label.setText(number)
        self.number_label.setStyleSheet("font-weight: bold;")

    def peek_number(self) -> str:
        return self.number_label.text()

    def _on_issued_on_changed(self, _d) -> None:
        self._update_number()

    # -- content ---------------------------------------------------------------------------
    def content(self) -> dict:
        """The content dict for ``issue_document`` (authority and party come from storage)."""
        c: dict = {"officers": self.officers.officers()}
        if self.kind in (docs.RECTIFICATION_ORDER, docs.HAZARD_NOTICE):
            c["items"] = [{"description": r["description"], "deadline": r["deadline"].isoformat(),
                           "legal_basis": r["legal_basis"]} for r in self.item_rows()]
            c["inspected_on"] = to_date(self.inspected_edit.date()).isoformat()
            if self.kind == docs.HAZARD_NOTICE and self.report_to.text().strip():
                c["report_to"] = self.report_to.text().strip()
        elif self.kind == docs.ONSITE_MEASURES:
            c["inspected_on"] = to_date(self.inspected_edit.date()).isoformat()
            c["dangers"] = [x.strip() for x in self.dangers.toPlainText().splitlines() if x.strip()]
            c["legal_basis"] = self.basis.text().strip()
            c["decisions"] = self.decisions()
        elif self.kind == docs.REINSPECTION_OPINION:
            data = self.original.currentData()
            if not data:
                raise ValueError("该企业没有可复查的责令整改或现场处理文书，请先出具。")
            c["original_doc_no"], c["original_date"], c["original_decision"] = data
            c["items"] = [{"description": self.review.item(r, 0).text().strip(),
                           "result": self.review.cellWidget(r, 1).currentData()}
                          for r in range(self.review.rowCount()) if self.review.item(r, 0).text().strip()]
            c["opinion"] = self.opinion.toPlainText().strip()
        elif self.kind == docs.SPOT_PENALTY:
            individual = self.variant_person.isChecked()
            c["variant"] = "individual" if individual else "unit"
            if individual:
                p = {}
                for key, w in self.person.items():
                    if isinstance(w, QSpinBox):
                        p[key] = w.value() or None
                    elif isinstance(w, QComboBox):
                        p[key] = w.currentData()
                    else:
                        p[key] = w.text().strip()
                c["person"] = p
            dt = self.decided_at.dateTime()
            c["decided_at"] = datetime(dt.date().year(), dt.date().month(), dt.date().day(),
                                       dt.time().hour(), dt.time().minute()).isoformat(timespec="minutes")
            c["place"] = self.place.text().strip()
            c["facts"] = self.facts.toPlainText().strip()
            c["violated"] = self.violated.text().strip()
            c["basis"] = self.penalty_basis.text().strip()
            c["penalty"] = self.penalty.currentData()
            c["amount"] = 0 if c["penalty"] == "警告" else self.amount.value()
            c["payment"] = self.payment.currentData()
            c["hard_to_enforce"] = self.hard_to_enforce.isChecked()
            c["statement"] = self.statement.toPlainText().strip()
        return c

    def order_deadlines(self) -> dict[str, date]:
        """Per-finding deadlines of the items that come from findings."""
        if self.kind not in (docs.RECTIFICATION_ORDER, docs.HAZARD_NOTICE):
            return {}
        return {r["finding_id"]: r["deadline"] for r in self.item_rows() if r["finding_id"]}

    def ordered_finding_ids(self) -> list[str]:
        if not (self._can_order and self.order_check.isChecked()):
            return []
        listed = set(self.order_deadlines()) if self.kind != docs.ONSITE_MEASURES else None
        return [f["id"] for f in self.findings if f["state"] == "registered"
                and (listed is None or f["id"] in listed)]

    # -- issuing ---------------------------------------------------------------------------
    def issue(self) -> dict | None:
        """Number and store the document (and order its findings); None with the error shown."""
        set_message(self.error, "")
        try:
            if self.kind == docs.SPOT_PENALTY and not self._check_amount():
                raise ValueError(self.amount_message.text())
            content = self.content()
            day = self.issue_date()
            served = self.service_box.service()
            ordered = self.ordered_finding_ids()
            deadlines = {k: v for k, v in self.order_deadlines().items() if k in ordered}
            with self.store.write():  # one transaction: a failed order un-allocates the number
                if self.supersedes_id:
                    row = doc_store.correct_document(self.store, self.supersedes_id, content=content,
                                                     issued_at=issued_at_for(day),
                                                     deadlines=self.order_deadlines())
                    if served:
                        row = doc_store.record_service(self.store, row["id"], **served)
                else:
                    row = doc_store.issue_document(
                        self.store, kind=self.kind, content=content, enterprise_id=self.enterprise_id,
                        inspection_id=self.inspection_id, issued_at=issued_at_for(day), served=served)
                if ordered:
                    findings_store.order_rectification(self.store, ordered, document_id=row["id"],
                                                       deadlines=deadlines)
        except (ValueError, RuntimeError, sqlite3.Error) as e:
            set_message(self.error, str(e))
            self._update_number()
            return None
        self.document = row
        self.officers.remember()
        self.document_issued.emit(row["id"])
        return row

    def _on_issue_clicked(self) -> None:
        row = self.issue()
        if row is None:
            return
        self.accept()
        parent = self.parentWidget()
        try:
            preview_document(parent, self.store, row["id"])
        except (ValueError, OSError, ImportError) as e:
            warn(parent, self.tr("Preview"), str(e))


def proposed_deadline(finding: dict, today: date | None = None) -> date:
    """The finding's deadline; when that has already passed (the order comes later than
    planned), the same rectification period counted from today."""
    today = today or date.today()
    deadline = as_date(finding["deadline"])
    if deadline >= today:
        return deadline
    period = max(1, (deadline - as_date(finding["found_on"])).days)
    return today + timedelta(days=period)


def _decision_of(kind: str) -> str:
    # 复查意见书 cites 责令限期整改 or 现场处理措施; a township notice is a request to rectify.
    return "现场处理措施" if kind == docs.ONSITE_MEASURES else "责令限期整改"


__all__ = [
    "DEFAULT_ONSITE_BASIS",
    "ONSITE_DECISIONS",
    "DateNoteDialog",
    "IssueDocumentDialog",
    "OfficerChecklist",
    "ServiceBox",
    "ServiceDialog",
    "VoidDialog",
    "confirm",
    "preview_document",
    "print_document",
    "print_pdf",
    "proposed_deadline",
    "show_pdf",
    "warn",
]
