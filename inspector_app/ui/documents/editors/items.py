"""Problems to rectify, each with its own deadline (责令限期整改指令书, 隐患整改通知书)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from ....core import clock
from ....core.dates import as_date
from ...widgets.dates import date_edit, to_date, to_qdate
from .base import DocumentEditor


def proposed_deadline(finding: dict, today: date | None = None) -> date:
    """The finding's deadline; when that has already passed (the order comes later than
    planned), the same rectification period counted from today."""
    today = today or clock.today()
    deadline = as_date(finding["deadline"])
    if deadline >= today:
        return deadline
    period = max(1, (deadline - as_date(finding["found_on"])).days)
    return today + timedelta(days=period)


class ItemsEditor(DocumentEditor):
    """The shared body of the two kinds that list problems with deadlines."""

    def build(self) -> None:
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
        self.add_button = QPushButton(self.tr("Add item"), self)
        self.add_button.setObjectName("addItemButton")
        self.add_button.clicked.connect(self._on_add_item_clicked)
        self.remove_button = QPushButton(self.tr("Remove item"), self)
        self.remove_button.setObjectName("removeItemButton")
        self.remove_button.clicked.connect(self._on_remove_item_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.inspected_edit = date_edit(self, self.inspected_on, name="inspectedOn")
        form = QFormLayout()
        form.addRow(self.tr("Inspected on"), self.inspected_edit)
        self.add_rows(form)
        inner = QVBoxLayout()
        inner.addLayout(form)
        inner.addWidget(QLabel(self.tr("Problems to rectify, each with its own deadline:"), self))
        inner.addWidget(self.items)
        inner.addLayout(buttons)
        self.add_box(self.tr("Problems"), inner)

    def add_rows(self, form: QFormLayout) -> None:
        """Rows of a kind's own below the date of inspection."""

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

    def _on_add_item_clicked(self) -> None:
        self.add_item("", "", clock.today())

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

    def prefill(self, c: dict) -> None:
        self.items.setRowCount(0)
        for it in c.get("items") or []:
            self.add_item(it.get("description", ""), it.get("legal_basis", ""), it.get("deadline"))
        if c.get("inspected_on"):
            self.inspected_edit.setDate(to_qdate(c["inspected_on"]))

    def content(self) -> dict:
        return {
            "items": [{"description": r["description"], "deadline": r["deadline"].isoformat(),
                       "legal_basis": r["legal_basis"]} for r in self.item_rows()],
            "inspected_on": to_date(self.inspected_edit.date()).isoformat(),
        }

    def order_deadlines(self) -> dict[str, date]:
        return {r["finding_id"]: r["deadline"] for r in self.item_rows() if r["finding_id"]}


__all__ = ["ItemsEditor", "proposed_deadline"]
