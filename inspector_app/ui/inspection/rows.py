"""A small table model over a list of dicts (drafts, history, recent inspections), its view, and
the columns of an inspection history."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from PySide6.QtCore import (QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

from ...core.i18n import QT_TRANSLATE_NOOP
from ..widgets.badges import AMBER, RED
from ..widgets.tables import ListTableModel
from .labels import KIND_LABELS, STATUS_LABELS, fmt_time, label_of


class Column(NamedTuple):
    header: str
    text: Callable[[dict], Any]
    color: Callable[[dict], str | None] | None = None
    align_right: bool = False


class RowsModel(ListTableModel):
    """Rows (dicts with an ``id``) shown through column getters (headers already translated);
    small lists only."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns

    def id_at(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.text(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        return None


def count_color(value_key: str, color: str):
    return lambda r: color if r.get(value_key) else None


def history_columns(*, with_enterprise: bool) -> list[Column]:
    def h(text: str) -> str:
        return QCoreApplication.translate("InspectionHistory", text)

    # The literals are marked below so lupdate files them under the same context.
    QT_TRANSLATE_NOOP("InspectionHistory", "Date")
    QT_TRANSLATE_NOOP("InspectionHistory", "Enterprise")
    QT_TRANSLATE_NOOP("InspectionHistory", "Kind")
    QT_TRANSLATE_NOOP("InspectionHistory", "Officers")
    QT_TRANSLATE_NOOP("InspectionHistory", "Failed items")
    QT_TRANSLATE_NOOP("InspectionHistory", "Findings")
    QT_TRANSLATE_NOOP("InspectionHistory", "Major")
    QT_TRANSLATE_NOOP("InspectionHistory", "Status")
    cols = [Column(h("Date"), lambda r: fmt_time(r["started_at"]))]
    if with_enterprise:
        cols.append(Column(h("Enterprise"), lambda r: r.get("enterprise_name", "")))
    cols += [
        Column(h("Kind"), lambda r: label_of(KIND_LABELS, r["kind"])),
        Column(h("Officers"), lambda r: "、".join(n for n in r.get("officer_names", []) if n)),
        Column(h("Failed items"), lambda r: r["failed_count"], count_color("failed_count", RED), True),
        Column(h("Findings"), lambda r: r["finding_count"], None, True),
        Column(h("Major"), lambda r: r["major_count"], count_color("major_count", RED), True),
    ]
    if not with_enterprise:  # the module's recent list holds final inspections only
        cols.append(Column(h("Status"), lambda r: label_of(STATUS_LABELS, r["status"]),
                           lambda r: AMBER if r["status"] == "draft" else None))
    return cols
