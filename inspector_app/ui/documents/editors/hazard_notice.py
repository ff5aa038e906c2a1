"""隐患整改通知书: the township's own notice (not enforcement), with whom to report to."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit

from ....core import documents as docs
from .base import register
from .items import ItemsEditor


@register
class HazardNoticeEditor(ItemsEditor):
    KIND = docs.HAZARD_NOTICE

    def add_rows(self, form: QFormLayout) -> None:
        self.report_to = QLineEdit(self)
        self.report_to.setObjectName("reportTo")
        self.report_to.setPlaceholderText(self.tr("Whom the unit reports to (default: the township)"))
        form.addRow(self.tr("Report rectification to"), self.report_to)

    def prefill(self, c: dict) -> None:
        super().prefill(c)
        self.report_to.setText(c.get("report_to", ""))

    def content(self) -> dict:
        c = super().content()
        if self.report_to.text().strip():
            c["report_to"] = self.report_to.text().strip()
        return c


__all__ = ["HazardNoticeEditor"]
