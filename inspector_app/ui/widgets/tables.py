"""The one base for small list tables and the one factory for read-only table views.

Big tables (registry, findings) keep their own SQL-backed models that hold ids and fetch rows
per visible block; the lists built on ``ListTableModel`` (events, today's buckets, quarter
listings, documents) are short enough to hold whole. Every list view is made by
:func:`table_view`, so rows, selection and headers look and behave the same on every screen.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROW_HEIGHT = 24


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


_SELECTION = {
    "single": QAbstractItemView.SelectionMode.SingleSelection,
    "extended": QAbstractItemView.SelectionMode.ExtendedSelection,
    "none": QAbstractItemView.SelectionMode.NoSelection,
}


def table_view(parent: QWidget, model: QAbstractItemModel, *, name: str = "", widths: Iterable[int] = (),
               selection: str = "single", sort_column: int | None = None,
               row_height: int | None = ROW_HEIGHT, word_wrap: bool | None = None,
               resize_mode: QHeaderView.ResizeMode | None = None,
               stretch_column: int | None = None) -> QTableView:
    """A read-only table of whole rows: no row numbers, alternating colours, ``widths`` for the
    first columns and the last one stretched (or ``stretch_column`` instead). ``sort_column``:
    sorting by the header, starting on that column (the model sorts; a new order is shown from
    its top)."""
    view = QTableView(parent)
    if name:
        view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(_SELECTION[selection])
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    if word_wrap is not None:
        view.setWordWrap(word_wrap)
    view.verticalHeader().hide()
    if row_height:
        view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    if resize_mode is not None:
        header.setSectionResizeMode(resize_mode)
    if sort_column is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        # After the model has sorted, before the view repaints.
        header.sortIndicatorChanged.connect(lambda *_: view.scrollToTop())
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def selected_rows(view: QTableView) -> list[int]:
    """The selected rows in order, or the current row when none is selected (a keyboard user
    moves the current row without selecting)."""
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    return rows


__all__ = ["ROW_HEIGHT", "ListTableModel", "selected_rows", "table_view"]
