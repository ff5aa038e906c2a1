"""Re-inspection (复查) of the findings of one order.

Per finding: passed or not (已整改 / 部分整改 / 未整改), a note, after-photos (kind 复查) and,
when it failed, a new deadline. On accept, in ONE transaction: the 整改复查意见书 is issued
citing the original order's number and date, and every finding's result is recorded against it.
Photos are then stored, passed findings closed (销号) on request, and the opinion previewed.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core import clock
from ...core import documents as docs
from ...core.dates import as_date
from ...core.findings import REINSPECTION_STATES
from ...storage import documents as doc_store
from ...storage import findings as findings_store
from ...storage.db import Store
from ..documents import modal
from ..documents.editors.reinspection_opinion import decision_of
from ..widgets.dates import date_edit, to_date, to_qdate
from ..widgets.messages import error_label, inline_failure, set_message
from ..widgets.officers import DOCUMENT_OFFICERS_KEY, OfficerPicker
from . import ops

PASSED = "已整改"
COL_DESC, COL_RESULT, COL_NOTE, COL_DEADLINE, COL_PHOTOS = range(5)


def original_order(store: Store, finding_id: str) -> dict | None:
    """The document that ordered the finding's rectification (its latest 'order' event), followed
    to its newest correction if it was corrected; None when the finding was never ordered."""
    row = store.conn.execute(
        "SELECT document_id FROM finding_event WHERE finding_id = ? AND kind = 'order' AND deleted = 0 "
        "AND document_id IS NOT NULL ORDER BY hlc DESC LIMIT 1", [finding_id]).fetchone()
    if row is None:
        return None
    doc = doc_store.get_document(store, row[0])
    seen = set()
    while doc and doc.get("superseded_by_id") and doc["id"] not in seen:
        seen.add(doc["id"])
        doc = doc_store.get_document(store, doc["superseded_by_id"])
    return doc


def opinion_text(rows: list[dict]) -> str:
    """The opinion sentence from the per-item results, e.g.
    经复查，第1项已整改完毕，符合要求；第2项未整改到位，责令你单位于2026年4月1日前整改完毕。"""
    def nums(sel):
        return "、".join(str(i) for i, r in enumerate(rows, 1) if sel(r))

    parts = []
    done = nums(lambda r: r["result"] == PASSED)
    if done:
        parts.append(f"第{done}项已整改完毕，符合要求")
    by_deadline: dict = {}
    for i, r in enumerate(rows, 1):
        if r["result"] != PASSED:
            by_deadline.setdefault(r["new_deadline"], []).append((i, r["result"]))
    for deadline, items in sorted(by_deadline.items(), key=lambda p: p[0] or date.max):
        label = "、".join(str(i) for i, _ in items)
        how = "部分整改" if all(res == "部分整改" for _, res in items) else "未整改到位"
        when = f"于{docs.cn_date(deadline)}前" if deadline else ""
        parts.append(f"第{label}项{how}，责令你单位{when}整改完毕")
    if not parts:
        return ""
    if all(r["result"] == PASSED for r in rows):
        return "经复查，你单位已按要求将上述问题整改完毕，符合要求。"
    return "经复查，" + "；".join(parts) + "。整改期间，你单位应当采取措施，确保安全生产。"


class ReinspectionDialog(QDialog):
    """Re-inspect the findings of one order and issue the 整改复查意见书."""

    _setting_opinion = False  # True while the opinion text is generated (not typed)

    def __init__(self, store: Store, finding_ids, parent=None):
        super().__init__(parent)
        self.store = store
        self.findings: list[dict] = []
        for fid in dict.fromkeys(finding_ids):
            f = findings_store.require_finding(store, fid)
            if f["state"] not in REINSPECTION_STATES:
                raise ValueError(f"隐患“{f['description'][:30]}”当前不需要复查（已复查合格或已销号）。")
            self.findings.append(f)
        if not self.findings:
            raise ValueError("请选择需要复查的隐患。")
        if len({f["enterprise_id"] for f in self.findings}) > 1:
            raise ValueError("所选隐患属于不同企业，请分别复查。")
        orders = {f["id"]: original_order(store, f["id"]) for f in self.findings}
        doc_ids = {o["id"] if o else None for o in orders.values()}
        if len(doc_ids) > 1:
            raise ValueError("所选隐患由不同的文书责令整改，请按文书分别复查。")
        self.order = next(iter(orders.values()))
        self.enterprise_id = self.findings[0]["enterprise_id"]
        self.document: dict | None = None
        self.close_errors: list[str] = []
        self.photo_files: dict[str, list[str]] = {f["id"]: [] for f in self.findings}
        self._opinion_edited = False
        self.setWindowTitle(self.tr("Re-inspection — %1").replace("%1", self.findings[0]["enterprise_name"]))
        self._build()
        self._refresh_opinion()
        self.resize(980, 700)

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        head = QFormLayout()
        head.addRow(self.tr("Enterprise"), QLabel(f"<b>{self.findings[0]['enterprise_name']}</b>", self))
        if self.order:
            cited = QLabel(f"{self.order['title']} {self.order['doc_no']}（{self.order['issued_on']}）", self)
        else:
            cited = QLabel(self.tr("No order was issued for these findings: the re-inspection is recorded "
                                   "without a re-inspection opinion."), self)
            cited.setWordWrap(True)
        cited.setObjectName("originalOrder")
        head.addRow(self.tr("Original decision"), cited)
        self.date = date_edit(self, clock.today(), name="reinspectedOn")
        head.addRow(self.tr("Re-inspected on"), self.date)

        self.table = QTableWidget(len(self.findings), 5, self)
        self.table.setObjectName("reinspectionItems")
        self.table.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Result"), self.tr("Note"),
                                              self.tr("New deadline"), self.tr("After-photos")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DESC, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_RESULT, 100), (COL_NOTE, 200), (COL_DEADLINE, 120), (COL_PHOTOS, 120)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        default_deadline = clock.today() + timedelta(days=15)
        for r, f in enumerate(self.findings):
            item = QTableWidgetItem(f"{f['description']}（{f['grade']}，原期限 {f['deadline']}）")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(f["description"])
            self.table.setItem(r, COL_DESC, item)
            result = QComboBox(self.table)
            for res in docs.REVIEW_RESULTS:
                result.addItem(res, res)
            result.currentIndexChanged.connect(lambda _i, row=r: self._on_result_changed(row))
            self.table.setCellWidget(r, COL_RESULT, result)
            note = QLineEdit(self.table)
            note.setPlaceholderText(self.tr("What was seen"))
            self.table.setCellWidget(r, COL_NOTE, note)
            deadline = date_edit(self.table, default_deadline)
            deadline.setEnabled(False)
            deadline.dateChanged.connect(lambda _d: self._refresh_opinion())
            self.table.setCellWidget(r, COL_DEADLINE, deadline)
            photos = QPushButton(self.tr("Add…"), self.table)
            photos.clicked.connect(lambda _c=False, fid=f["id"], row=r: self._on_photos_clicked(fid, row))
            self.table.setCellWidget(r, COL_PHOTOS, photos)

        self.officers = OfficerPicker(self.store, self, minimum=2, remember_key=DOCUMENT_OFFICERS_KEY)
        officers_box = QGroupBox(self.tr("Officers (at least two with certificates)"), self)
        QVBoxLayout(officers_box).addWidget(self.officers)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("opinion")
        self.opinion.setMaximumHeight(90)
        self.opinion.textChanged.connect(self._on_opinion_edited)
        self.close_passed = QCheckBox(self.tr("Close the passed findings now (销号)"), self)
        self.close_passed.setObjectName("closePassed")
        self.close_passed.setChecked(True)
        self.served = QCheckBox(self.tr("Opinion handed over on the spot (直接送达)"), self)
        self.served.setObjectName("servedOnSpot")
        self.served.setChecked(True)
        if not self.order:
            self.opinion.setEnabled(False)
            self.served.setEnabled(False)
            self.served.setChecked(False)
            self.officers.setEnabled(False)
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        try:
            self.number_label.setText(self.tr("The opinion will be numbered %1").replace(
                "%1", doc_store.peek_doc_no(self.store, docs.REINSPECTION_OPINION, year=clock.today().year)))
        except ValueError as e:
            self.number_label.setText(str(e))
        self.error = error_label(self, "reinspectionError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(
            self.tr("Record and issue the opinion") if self.order else self.tr("Record the re-inspection"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("okButton")
        buttons.accepted.connect(self._on_accept_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(officers_box)
        layout.addWidget(QLabel(self.tr("Opinion (printed on the 整改复查意见书)"), self))
        layout.addWidget(self.opinion)
        options = QHBoxLayout()
        options.addWidget(self.close_passed)
        options.addWidget(self.served)
        options.addStretch(1)
        options.addWidget(self.number_label)
        layout.addLayout(options)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # -- per-row values ----------------------------------------------------------------------
    def set_result(self, row: int, result: str, *, note: str = "", new_deadline=None) -> None:
        """Fill one row (tests and keyboard-free use)."""
        combo = self.table.cellWidget(row, COL_RESULT)
        combo.setCurrentIndex(combo.findData(result))
        self.table.cellWidget(row, COL_NOTE).setText(note)
        if new_deadline is not None:
            self.table.cellWidget(row, COL_DEADLINE).setDate(to_qdate(new_deadline))

    def rows(self) -> list[dict]:
        out = []
        for r, f in enumerate(self.findings):
            result = self.table.cellWidget(r, COL_RESULT).currentData()
            out.append({
                "finding_id": f["id"], "description": f["description"], "result": result,
                "passed": result == PASSED, "note": self.table.cellWidget(r, COL_NOTE).text().strip(),
                "new_deadline": None if result == PASSED else to_date(self.table.cellWidget(r, COL_DEADLINE).date()),
            })
        return out

    def _on_result_changed(self, row: int) -> None:
        passed = self.table.cellWidget(row, COL_RESULT).currentData() == PASSED
        self.table.cellWidget(row, COL_DEADLINE).setEnabled(not passed)
        self._refresh_opinion()

    def _on_opinion_edited(self) -> None:
        if not self._setting_opinion:
            self._opinion_edited = True

    def _refresh_opinion(self) -> None:
        if self._opinion_edited:
            return  # the officer wrote their own; keep it
        self._setting_opinion = True
        self.opinion.setPlainText(opinion_text(self.rows()))
        self._setting_opinion = False

    def add_photos(self, finding_id: str, files: list[str]) -> None:
        """Check the pictures now (a broken file is reported here, not after the record is saved)."""
        from ...storage.photos import normalise_image

        row = next(i for i, f in enumerate(self.findings) if f["id"] == finding_id)
        for path in files:
            try:
                with open(path, "rb") as fh:
                    normalise_image(fh.read())
            except (OSError, ValueError) as e:
                set_message(self.error, f"{path}：{e}")
                continue
            self.photo_files[finding_id].append(path)
        n = len(self.photo_files[finding_id])
        self.table.cellWidget(row, COL_PHOTOS).setText(self.tr("%n photo(s)…", "", n) if n else self.tr("Add…"))

    def _on_photos_clicked(self, finding_id: str, _row: int) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("After-photos"), "",
                                                self.tr("Pictures (*.jpg *.jpeg *.png *.heic *.bmp)"))
        if files:
            self.add_photos(finding_id, files)

    # -- accept ------------------------------------------------------------------------------
    def opinion_content(self, rows: list[dict]) -> dict:
        o = self.order
        return {
            "officers": self.officers.checked_officers(),
            "original_doc_no": o["doc_no"],
            "original_date": o["issued_on"],
            "original_decision": decision_of(o["kind"]),
            "items": [{"description": r["description"], "result": r["result"]} for r in rows],
            "opinion": self.opinion.toPlainText().strip(),
        }

    def apply(self) -> dict | None:
        """Record everything; returns the opinion document (or {} without an order), None on error."""
        set_message(self.error, "")
        day = to_date(self.date.date())
        rows = self.rows()
        if self.order and day < as_date(self.order["issued_on"]):
            set_message(self.error, "复查日期不能早于原文书的出具日期。")
            return None
        self.document = None
        ops.record_reinspection(self, self.store, order=self.order, enterprise_id=self.enterprise_id, day=day,
                                rows=rows, opinion=self.opinion_content(rows) if self.order else None,
                                served=self.served.isChecked(), photo_files=self.photo_files,
                                close_passed=self.close_passed.isChecked()) \
            .success(self._on_recorded) \
            .failure(inline_failure(self.error, self)) \
            .run()
        return self.document

    def _on_recorded(self, result) -> None:
        self.document, self.close_errors = result
        self.officers.remember()

    def _on_accept_clicked(self) -> None:
        document = self.apply()
        if document is None:
            return
        self.accept()
        parent = self.parentWidget()
        if self.close_errors:
            modal.warn(parent, self.tr("Re-inspection recorded"),
                       self.tr("The re-inspection is recorded, but:") + "\n" + "\n".join(self.close_errors))
        if document:
            try:
                modal.preview_document(parent, self.store, document["id"])
            except (ValueError, OSError, ImportError) as e:
                modal.warn(parent, self.tr("Preview"), str(e))


__all__ = ["ReinspectionDialog", "opinion_text", "original_order"]
