"""The registry list (一企一档): search as you type, filters, sortable columns, the count.

The model holds only the ids of the current result (filtered and sorted in SQL) and fetches
display rows in blocks as the view asks for them, like Anki's browser: a 20,000-row township
costs one id query per keystroke, not 20,000 Python objects.
"""

from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, QTimer, Signal)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.enterprise import RISK_TAGS, SCALES, SECTORS, STATUSES, SUPERVISION_CLASSES
from ...storage import enterprises as repo
from ...storage import township
from ...storage.db import Store
from ..operations import Change
from ..widgets.refresh import RefreshOnChange
from ..widgets.tables import table_view

BLOCK = 64  # rows fetched at a time: a screenful or two, so a keystroke loads little
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_USER = Qt.ItemDataRole.UserRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RegistryModel(QAbstractTableModel):
    # (key in list row, sort key or None, header source string)
    COLUMNS = (
        ("name", "name", QT_TRANSLATE_NOOP("RegistryModel", "Name")),
        ("uscc", "uscc", QT_TRANSLATE_NOOP("RegistryModel", "Credit code")),
        ("village", "village", QT_TRANSLATE_NOOP("RegistryModel", "Village")),
        ("sector", "sector", QT_TRANSLATE_NOOP("RegistryModel", "Sector")),
        ("scale", "scale", QT_TRANSLATE_NOOP("RegistryModel", "Scale")),
        ("employees", "employees", QT_TRANSLATE_NOOP("RegistryModel", "Employees")),
        ("risk_tags", None, QT_TRANSLATE_NOOP("RegistryModel", "Risk tags")),
        ("supervision_class", "supervision_class", QT_TRANSLATE_NOOP("RegistryModel", "Class")),
        ("status", "status", QT_TRANSLATE_NOOP("RegistryModel", "Status")),
        ("principal", "principal", QT_TRANSLATE_NOOP("RegistryModel", "Responsible person")),
        ("principal_phone", None, QT_TRANSLATE_NOOP("RegistryModel", "Phone")),
    )

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.query = repo.SearchQuery()
        self._count = 0
        # Pages of the result, fetched as the view shows them: block number → display rows.
        self._blocks: dict[int, list[tuple]] = {}
        self._loaded = False

    # -- queries ---------------------------------------------------------------------------
    def set_query(self, query: repo.SearchQuery) -> None:
        first, count = repo.first_page(self.store, query, limit=BLOCK)
        self.beginResetModel()
        self.query = query
        self._count = count
        self._blocks.clear()
        self._blocks[0] = self._load(first)
        self._loaded = True
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query)

    def id_at(self, row: int) -> str | None:
        if not 0 <= row < self._count:
            return None
        return self._row(row)[-1]

    def row_of(self, enterprise_id: str) -> int:
        """Position of an enterprise in the current result (-1 if filtered out). Rare path."""
        hit = self.store.conn.execute("SELECT rowid FROM enterprise WHERE id = ?", [enterprise_id]).fetchone()
        if hit is None:
            return -1
        if self._count <= BLOCK:  # one page, possibly in relevance order
            rows = [r[-1] for r in self._blocks.get(0, [])]
            return rows.index(enterprise_id) if enterprise_id in rows else -1
        sql, params = repo._search_sql(self.query, "e.rowid", relevance=False)
        try:
            return [r[0] for r in self.store.conn.execute(sql, params)].index(hit[0])
        except ValueError:
            return -1

    def _row(self, row: int) -> tuple:
        """Display strings of a row, one per column, then the enterprise id."""
        block, pos = divmod(row, BLOCK)
        rows = self._blocks.get(block)
        if rows is None:
            rowids = repo.search_page(self.store, self.query, offset=block * BLOCK, limit=BLOCK)
            rows = self._blocks[block] = self._load(rowids)
        return rows[pos] if pos < len(rows) else ("",) * len(self.COLUMNS) + (None,)

    def _load(self, rowids: list[int]) -> list[tuple]:
        by_rowid = repo.list_rows_by_rowid(self.store, rowids)
        return [self._display(by_rowid[r]) for r in rowids if r in by_rowid]

    def _display(self, r: dict) -> tuple:
        out = []
        for key, _sort, _header in self.COLUMNS:
            value = r.get(key)
            if key == "risk_tags":
                value = "、".join(t for t in (value or "").split("|") if t)
            elif key == "uscc" and not value:
                value = r.get("legacy_reg_no") or ""
            elif key == "name" and r.get("landlord_id"):
                value = f"{value}（厂中厂）"
            out.append("" if value is None else value)
        out.append(r["id"])
        return tuple(out)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Called thousands of times per repaint: the display strings are precomputed per row.
        if role in (_DISPLAY, _TOOLTIP):  # the tooltip: the whole text of a cut-off cell (risk tags)
            return self._row(index.row())[index.column()] if index.isValid() else None
        if role == _ALIGN and index.column() == _EMPLOYEES_COL:
            return _RIGHT
        if role == _USER and index.isValid():
            return self._row(index.row())[-1]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RegistryModel", self.COLUMNS[section][2])
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1]
        if key is None:
            return
        q = self.query
        query = repo.SearchQuery(**{**q.__dict__, "order_by": key,
                                    "descending": order == Qt.SortOrder.DescendingOrder})
        if not self._loaded:  # the view announcing its initial sort: the first load follows
            self.query = query
            return
        if query != q:
            self.set_query(query)


_EMPLOYEES_COL = [c[0] for c in RegistryModel.COLUMNS].index("employees")


class RegistryWidget(QWidget):
    """Search box, filters, the table and the count."""

    enterprise_activated = Signal(str)
    new_requested = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model = RegistryModel(store, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("registrySearch")
        self.search.setPlaceholderText(self.tr("Search by name, pinyin initials (e.g. jyhg) or credit code"))
        self.search.setClearButtonEnabled(True)

        self.village = self._combo(self.tr("All villages"),
                                   [(v.name, v.id) for v in township.list_villages(store)])
        self.sector = self._combo(self.tr("All sectors"), [(s, s) for s in SECTORS])
        self.tag = self._combo(self.tr("All risk tags"), [(t, t) for t in RISK_TAGS])
        self.klass = self._combo(self.tr("All classes"), [(c, c) for c in SUPERVISION_CLASSES])
        self.status = self._combo(self.tr("All statuses"), [(s, s) for s in STATUSES])
        self.scale = self._combo(self.tr("All scales"), [(s, s) for s in SCALES])

        self.count_label = QLabel(self)
        self.count_label.setObjectName("registryCount")
        self.new_button = QPushButton(self.tr("&New enterprise"), self)
        self.new_button.clicked.connect(self.new_requested)

        self.view = table_view(self, self.model, name="registryView", sort_column=0,
                               widths=(260, 170, 90, 60, 50, 70, 180, 50, 50, 80, 110),
                               resize_mode=QHeaderView.ResizeMode.Interactive)
        self.view.activated.connect(self._on_view_activated)

        filters = QHBoxLayout()
        for w in (self.village, self.sector, self.tag, self.klass, self.scale, self.status):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        # Debounce keystrokes a little: the query is fast, but repainting per key is wasted work.
        self._timer = QTimer(self, singleShot=True, interval=60)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._on_search_return)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, activated=self.search.clear)
        self.apply_filters()
        self._villages_refresh = RefreshOnChange(self, {Change.TOWNSHIP}, self.reload_villages)
        self._rows_refresh = RefreshOnChange(self, {Change.ENTERPRISE}, self.apply_filters)

    def _combo(self, all_label: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.addItem(all_label, None)
        for text, data in items:
            box.addItem(text, data)
        box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        return box

    def current_query(self) -> repo.SearchQuery:
        q = self.model.query
        return repo.SearchQuery(
            text=self.search.text().strip(),
            village_id=self.village.currentData(), sector=self.sector.currentData(),
            tag=self.tag.currentData(), supervision_class=self.klass.currentData(),
            status=self.status.currentData(), scale=self.scale.currentData(),
            order_by=q.order_by, descending=q.descending,
        )

    def apply_filters(self) -> None:
        self.model.set_query(self.current_query())
        self.count_label.setText(self.tr("%n enterprise(s)", "", self.model.rowCount()))

    def reload_villages(self) -> None:
        current = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("All villages"), None)
        for v in township.list_villages(self.store):
            self.village.addItem(v.name, v.id)
        idx = self.village.findData(current)
        self.village.setCurrentIndex(max(idx, 0))
        self.village.blockSignals(False)

    def select_enterprise(self, enterprise_id: str) -> None:
        self._rows_refresh.refresh_if_stale()
        row = self.model.row_of(enterprise_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def selected_id(self) -> str | None:
        idx = self.view.currentIndex()
        return self.model.id_at(idx.row()) if idx.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_return(self) -> None:
        self._timer.stop()
        self.apply_filters()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def _on_view_activated(self, index) -> None:
        eid = self.model.id_at(index.row())
        if eid:
            self.enterprise_activated.emit(eid)
