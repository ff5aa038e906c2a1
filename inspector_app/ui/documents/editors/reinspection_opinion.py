"""整改复查意见书 issued by hand: the order it reviews, the items and the opinion.

(The usual way is the re-inspection dialog, ``ui.findings.reinspection``; this editor serves
corrections and an opinion written without findings on record.)
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHeaderView, QPlainTextEdit, QTableWidget, QTableWidgetItem

from ....core import documents as docs
from ....storage import documents as doc_store
from .base import DocumentEditor, register

REVIEWABLE_KINDS = (docs.RECTIFICATION_ORDER, docs.ONSITE_MEASURES, docs.HAZARD_NOTICE)


def decision_of(kind: str) -> str:
    # 复查意见书 cites 责令限期整改 or 现场处理措施; a township notice is a request to rectify.
    return "现场处理措施" if kind == docs.ONSITE_MEASURES else "责令限期整改"


@register
class ReinspectionOpinionEditor(DocumentEditor):
    KIND = docs.REINSPECTION_OPINION

    def build(self) -> None:
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
                                  (d["doc_no"], d["issued_on"], decision_of(d["kind"])))
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
        self.add_box(self.tr("Re-inspection"), form)

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

    def prefill(self, c: dict) -> None:
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

    def content(self) -> dict:
        data = self.original.currentData()
        if not data:
            raise ValueError("该企业没有可复查的责令整改或现场处理文书，请先出具。")
        c: dict = {}
        c["original_doc_no"], c["original_date"], c["original_decision"] = data
        c["items"] = [{"description": self.review.item(r, 0).text().strip(),
                       "result": self.review.cellWidget(r, 1).currentData()}
                      for r in range(self.review.rowCount()) if self.review.item(r, 0).text().strip()]
        c["opinion"] = self.opinion.toPlainText().strip()
        return c


__all__ = ["REVIEWABLE_KINDS", "ReinspectionOpinionEditor", "decision_of"]
