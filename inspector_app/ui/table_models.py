"""A base for the small list tables (events, today's buckets, quarter listings, documents).

Big tables (registry, findings) keep their own SQL-backed models that hold ids and fetch rows
per visible block; these lists are short enough to hold whole.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt


class ListTableModel(QAbstractTableModel):
    """Rows held in a list, shown in ``COLUMNS``.

    Each column is a tuple whose first item is the column key and whose last item is the header
    source text, marked with ``QT_TRANSLATE_NOOP("<ClassName>", …)``: the class name is the
    translation context. Subclasses implement ``data``.
    """

    COLUMNS: tuple = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def key_of(self, column: int) -> str:
        return self.COLUMNS[column][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section][-1])
        return None
