"""The table model of one ledger: the rows ``storage.ledgers.ledger_rows`` returns, shown in the
columns ``core.ledgers.ledgers`` defines (the same ones the exports print).

Rows are held whole (the largest ledger, the people of a 2,000-enterprise township, is ~5,000
rows) and their display text is made on demand; sorting reorders a list of row indexes. Personal
ID numbers are masked unless ``show_ids`` (PIPL).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.dates import parse_datetime
from ...core.ledgers.ledgers import LedgerSpec
from ...core.ledgers.rules import mask_id

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = ("int", "float")
# Statuses that need the officer's attention, drawn in red; those coming up, in amber.
_ALERT = {"逾期未检", "已过期", "复审逾期", "已逾期", "无证", "未培训", "考试未合格"}
_SOON = {"即将到期", "待复审"}


def cell_text(kind: str, value, *, show_ids: bool = False) -> str:
    """A row value as shown and copied: 是/否, masked ID numbers, dates as ISO, no ``.0``."""
    if value is None or value == "":
        return ""
    if kind == "bool":
        return "是" if value else "否"
    if kind == "id_no":
        return str(value) if show_ids else mask_id(str(value))
    if kind == "datetime":
        try:
            return parse_datetime(value).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return str(value)
    if kind == "float":
        return f"{float(value):.2f}".rstrip("0").rstrip(".")
    return str(value)


class LedgerModel(QAbstractTableModel):
    def __init__(self, spec: LedgerSpec, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.columns = spec.columns
        self.rows: list[dict] = []
        self.order: list[int] = []
        self.show_ids = False
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- content ---------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.order = list(range(len(rows)))
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def set_show_ids(self, show: bool) -> None:
        self.show_ids = show
        cols = [i for i, c in enumerate(self.columns) if c.kind == "id_no"]
        if cols and self.rows:
            self.dataChanged.emit(self.index(0, min(cols)), self.index(len(self.rows) - 1, max(cols)))

    def row_at(self, row: int) -> dict | None:
        return self.rows[self.order[row]] if 0 <= row < len(self.order) else None

    def row_of_id(self, record_id: str) -> int:
        for pos, i in enumerate(self.order):
            if self.rows[i].get("id") == record_id:
                return pos
        return -1

    def text(self, row: int, column: int) -> str:
        col = self.columns[column]
        return cell_text(col.kind, self.rows[self.order[row]].get(col.key), show_ids=self.show_ids)

    def tsv(self, rows: list[int], columns: list[int] | None = None, *, header: bool = False) -> str:
        """The rows as tab-separated text (what Ctrl+C copies; pastes into Excel or WPS)."""
        cols = list(range(len(self.columns))) if columns is None else columns
        lines = []
        if header:
            lines.append("\t".join(self.columns[c].header for c in cols))
        for r in rows:
            lines.append("\t".join(self.text(r, c).replace("\t", " ").replace("\n", " ") for c in cols))
        return "\n".join(lines)

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(index.row(), index.column())
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 12 else None
            return text
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            value = self.rows[self.order[index.row()]].get(col.key)
            if value in _ALERT or (col.key == "overdue_days" and value):
                return QBrush(QColor("#b00020"))
            if value in _SOON:
                return QBrush(QColor("#a15c00"))
        if role == ROW_ROLE:
            return self.row_at(index.row())
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort(column, order)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        col = self.columns[column]
        numeric = col.kind in _NUMERIC or col.kind == "bool"

        def key(i):
            v = self.rows[i].get(col.key)
            if numeric:
                return (v is None or v == "", float(v or 0))
            return (v in (None, ""), str(v or ""))

        self.order.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


__all__ = ["LedgerModel", "ROW_ROLE", "cell_text"]
