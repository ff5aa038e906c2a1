"""Issue an enforcement document (执法文书): the frame every kind shares.

``IssueDocumentDialog`` shows the party, the number the document WILL get, the date, the
officers and service, and hosts the editor of its kind (``editors.EDITORS[kind]``) for the rest.
"Issue" runs ``ops.issue_document``: the document and, for orders, moving the findings it names
to "ordered" in ONE transaction (a failure un-allocates the number); then it is previewed.
The legal wording stays Chinese (it is printed verbatim); labels go through ``tr()``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from ...core import clock
from ...core import documents as docs
from ...core.dates import as_date
from ...storage import documents as doc_store
from ...storage import findings as findings_store
from ...storage.db import Store, require
from ..widgets.dates import date_edit, to_date
from ..widgets.messages import ERROR_STYLE, error_label, inline_failure, set_message
from ..widgets.officers import DOCUMENT_OFFICERS_KEY, OfficerPicker
from . import modal, ops
from .editors import DocumentEditor, editor_for
from .service import ServiceBox


class IssueDocumentDialog(QDialog):
    """Gather, number and issue one document of ``kind`` for an enterprise (and findings).

    ``supersedes_id`` issues a correction (更正: a new number referring to the old document);
    :meth:`for_correction` prefills it from the old content.
    """

    def __init__(self, store: Store, kind: str, *, enterprise_id: str, finding_ids=(), inspection_id=None,
                 parent=None, supersedes_id: str | None = None, prefill: dict | None = None):
        super().__init__(parent)
        editor_class = editor_for(kind)
        self.store = store
        self.kind = kind
        self.enterprise_id = enterprise_id
        self.supersedes_id = supersedes_id
        self.document: dict | None = None
        self.findings: list[dict] = []
        for fid in dict.fromkeys(finding_ids):
            f = findings_store.require_finding(store, fid)
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
        self._build(editor_class)
        if prefill:
            self._prefill(prefill)
        self._update_number()
        self.resize(820, 720)

    # -- construction -----------------------------------------------------------------------
    def _enterprise_row(self) -> dict:
        columns = ("id", "name", "address", "legal_rep", "principal")
        row = require(self.store, "enterprise", self.enterprise_id, "所选企业", columns=columns,
                      hint="请重新选择企业。")
        return dict(zip(columns, row))

    def _inspected_on(self) -> date:
        if self.inspection_id:
            row = self.store.conn.execute("SELECT started_at FROM inspection WHERE id = ?",
                                          [self.inspection_id]).fetchone()
            if row and row[0]:
                return as_date(row[0])
        if self.findings:
            return min(as_date(f["found_on"]) for f in self.findings)
        return clock.today()

    def _build(self, editor_class: type[DocumentEditor]) -> None:
        title = QLabel(docs.TITLES[self.kind], self)
        f = QFont(title.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        title.setFont(f)
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issued_on = date_edit(self, clock.today(), name="issuedOn")
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
        self.editor = editor_class(self)
        self.body_layout.addWidget(self.editor)
        self._build_order_check()

        enforcement = self.editor.enforcement
        self.officers = OfficerPicker(self.store, self, minimum=2 if enforcement else 1,
                                      remember_key=DOCUMENT_OFFICERS_KEY)
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

    def _build_order_check(self) -> None:
        """Orders: whether the document starts the rectification period of its findings."""
        self.order_check = QCheckBox(self)
        self.order_check.setObjectName("orderFindings")
        self.order_check.setVisible(False)
        self._can_order = False
        if not self.editor.orders_findings or not self.findings or self.supersedes_id:
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
            self.order_check.setChecked(self.editor.ORDER_BY_DEFAULT)
        self.body_layout.addWidget(self.order_check)

    # -- prefill (corrections) ----------------------------------------------------------------
    @classmethod
    def for_correction(cls, store: Store, document_id: str, parent=None) -> IssueDocumentDialog:
        row = doc_store.require_document(store, document_id, "要更正的原文书")
        if row["register_status"] != "issued":
            raise ValueError(f"文书{row['doc_no']}已作废或已被更正，不能再更正。")
        return cls(store, row["kind"], enterprise_id=row["enterprise_id"], inspection_id=row["inspection_id"],
                   parent=parent, supersedes_id=document_id, prefill=row["content"])

    def _prefill(self, c: dict) -> None:
        names = [o["name"] if isinstance(o, dict) else o[0] for o in c.get("officers") or []]
        if names:
            self.officers.set_checked_names(names)
        self.editor.prefill(c)

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
        return {"officers": self.officers.checked_officers(), **self.editor.content()}

    def ordered_finding_ids(self) -> list[str]:
        if not (self._can_order and self.order_check.isChecked()):
            return []
        listed = self.editor.listed_finding_ids()
        return [f["id"] for f in self.findings if f["state"] == "registered"
                and (listed is None or f["id"] in listed)]

    # -- issuing ---------------------------------------------------------------------------
    def issue(self) -> dict | None:
        """Number and store the document (and order its findings); None with the error shown."""
        set_message(self.error, "")
        self.document = None
        try:
            self.editor.check()
            content = self.content()
        except ValueError as e:
            set_message(self.error, str(e))
            return None
        ops.issue_document(self, self.store, kind=self.kind, content=content, enterprise_id=self.enterprise_id,
                           inspection_id=self.inspection_id, day=self.issue_date(),
                           served=self.service_box.service(), ordered=self.ordered_finding_ids(),
                           deadlines=self.editor.order_deadlines(), supersedes_id=self.supersedes_id) \
            .success(self._on_issued) \
            .failure(self._on_issue_failed) \
            .run()
        return self.document

    def _on_issued(self, row: dict) -> None:
        self.document = row
        self.officers.remember()

    def _on_issue_failed(self, exc: BaseException) -> None:
        inline_failure(self.error, self)(exc)
        self._update_number()

    def _on_issue_clicked(self) -> None:
        row = self.issue()
        if row is None:
            return
        self.accept()
        parent = self.parentWidget()
        try:
            modal.preview_document(parent, self.store, row["id"])
        except (ValueError, OSError, ImportError) as e:
            modal.warn(parent, self.tr("Preview"), str(e))


__all__ = ["IssueDocumentDialog"]
