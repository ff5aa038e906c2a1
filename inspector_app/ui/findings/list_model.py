"""The township's findings as a table model over SQL pages, and the filter it shows.

The model holds the size of the current result and the pages of it the view has shown, like
the registry: storage filters, sorts and pages in SQL (``storage.findings``), so a filter change
on 30,000 findings reads one page of 64 rows (and counts only when it overflows).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QItemSelection, QItemSelectionModel, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ...core import clock
from ...core import findings as rules
from ...core.dates import as_date
from ...core.i18n import QT_TRANSLATE_NOOP
from ...storage import findings as findings_store
from ...storage.db import Store
from ..widgets.tables import table_view
from .labels import state_label

BLOCK = 64  # rows fetched at a time: a screenful or two, so a filter change loads little
OVERDUE_COLOR = QColor("#b00020")
LATE_REINSPECTION_COLOR = QColor("#a15c00")
CLOSED_COLOR = QColor("#757575")


# ---------------------------------------------------------------------------------------------
# the query

@dataclass(frozen=True)
class FindingFilter:
    state: tuple[str, ...] | None = None
    overdue: str = ""              # "", "any", "rectification", "reinspection"
    major: bool | None = None
    enterprise_id: str | None = None
    village_id: str | None = None
    text: str = ""
    order_by: str = "deadline"     # one of storage.findings.ORDERS
    descending: bool = False


OPEN_CHOICE = "open"  # state filter: every state but closed


def states_of(choice: str | None) -> tuple[str, ...] | None:
    """The state combo's value (a state code, "open" or "") as the filter's states."""
    if not choice:
        return None
    if choice == OPEN_CHOICE:
        return tuple(s for s in rules.STATES if s != "closed")
    return (choice,)


# ---------------------------------------------------------------------------------------------
# the list model

_DISPLAY = Qt.ItemDataRole.DisplayRole
_USER = Qt.ItemDataRole.UserRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Row(NamedTuple):
    """A list row as the view reads it: everything data() returns, computed once per row."""

    display: tuple
    tooltips: tuple
    brush: QBrush | None       # the whole row (closed, overdue)
    major: bool                # 重大: the grade cell is bold (and red when the row is not coloured)
    id: str | None
    raw: dict


class FindingsModel(QAbstractTableModel):
    """The findings matching a filter, in pages fetched as the view shows them.

    It holds the result's size and blocks of display rows (like the registry): a filter change
    costs one page query (and a count when the page overflows), never the whole id list.
    """

    COLUMNS = (
        ("enterprise_name", "enterprise", QT_TRANSLATE_NOOP("FindingsModel", "Enterprise")),
        ("village_name", "village", QT_TRANSLATE_NOOP("FindingsModel", "Village")),
        ("description", "description", QT_TRANSLATE_NOOP("FindingsModel", "Description")),
        ("grade", "grade", QT_TRANSLATE_NOOP("FindingsModel", "Grade")),
        ("state", "state", QT_TRANSLATE_NOOP("FindingsModel", "State")),
        ("deadline", "deadline", QT_TRANSLATE_NOOP("FindingsModel", "Deadline")),
        ("days_overdue", "days_overdue", QT_TRANSLATE_NOOP("FindingsModel", "Days overdue")),
        ("listed", "listed", QT_TRANSLATE_NOOP("FindingsModel", "Listed (挂牌)")),
    )

    @classmethod
    def column_of(cls, key: str) -> int:
        return [c[0] for c in cls.COLUMNS].index(key)

    def __init__(self, store: Store, parent=None, *, filter: FindingFilter | None = None,
                 count_overdue: bool = False):
        super().__init__(parent)
        self.store = store
        self.filter = filter or FindingFilter()
        # Also count the overdue findings among the result (the list's "· n overdue"), in the
        # same pass as the total.
        self.count_overdue = count_overdue
        self.overdue = 0
        self._count = 0
        # Pages of the result fetched as the view shows them: block number → rows, each a
        # storage row until the view first asks for it, then its _Row.
        self._blocks: dict[int, list[dict | _Row]] = {}
        self._texts: dict[str, str] = {}
        self._loaded = False
        self.today = clock.today()
        self.window_days = findings_store.reinspection_window(store)

    # -- queries ---------------------------------------------------------------------------
    def query_args(self, flt: FindingFilter | None = None) -> dict:
        """``flt`` (default: the current filter) as arguments of the storage list queries."""
        flt = flt or self.filter
        return {"state": flt.state, "overdue": True if flt.overdue == "any" else (flt.overdue or False),
                "major": flt.major, "enterprise_id": flt.enterprise_id, "village_id": flt.village_id,
                "text": flt.text, "today": self.today, "window_days": self.window_days,
                "order_by": flt.order_by, "descending": flt.descending}

    def set_filter(self, flt: FindingFilter) -> None:
        """Load the first page of ``flt`` (raises the storage's Chinese ValueError on a bad filter)."""
        self.today = clock.today()
        self.window_days = findings_store.reinspection_window(self.store)
        args = self.query_args(flt)
        rows, count = findings_store.first_finding_page(self.store, limit=BLOCK, **args)
        overdue = count if flt.overdue == "any" else 0  # otherwise load_overdue() follows
        self.beginResetModel()
        self.filter = flt
        self._count = count
        self.overdue = overdue
        self._blocks = {0: rows}
        self._texts = {}
        self._loaded = True
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def load_overdue(self) -> int:
        """How many findings of the current result are overdue: a scan of its own, run after the
        list has painted (the widget defers it) so the rows never wait for the count."""
        if self.count_overdue and not self.filter.overdue:
            args = {**self.query_args(self.filter), "overdue": True}
            self.overdue = findings_store.count_findings(self.store, **args)
        return self.overdue

    def id_at(self, row: int) -> str | None:
        return self._row(row).id if 0 <= row < self._count else None

    def row_dict(self, row: int) -> dict:
        """The storage row (see ``storage.findings.query_findings``) shown at ``row``."""
        return self._row(row).raw if 0 <= row < self._count else {}

    def row_of(self, finding_id: str) -> int:
        """Position of a finding in the current result (-1 if filtered out). Rare path."""
        return self.rows_of([finding_id]).get(finding_id, -1)

    def rows_of(self, finding_ids) -> dict[str, int]:
        """Positions of findings in the current result (absent ones left out): the pages
        already loaded, then one query numbering the result for the others."""
        want = set(finding_ids)
        found: dict[str, int] = {}
        for block, rows in self._blocks.items():
            for pos, r in enumerate(rows):
                fid = r["id"] if type(r) is dict else r.id
                if fid in want:
                    found[fid] = block * BLOCK + pos
        rest = want - set(found)
        if rest and self._count:
            found.update(findings_store.finding_positions(self.store, rest, **self.query_args()))
        return found

    def _row(self, row: int) -> _Row:
        block, pos = divmod(row, BLOCK)
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._blocks[block] = findings_store.finding_page(
                self.store, offset=block * BLOCK, limit=BLOCK, total=self._count, **self.query_args())
        if pos >= len(rows):  # a finding deleted since the count: a blank row until the next refresh
            return _EMPTY
        r = rows[pos]
        if type(r) is dict:
            r = rows[pos] = self._display(r)
        return r

    def _display(self, r: dict) -> _Row:
        texts = self._texts
        if not texts:  # translated once per load, not per row
            texts = self._texts = {s: state_label(s) for s in rules.STATES}
            texts["late"] = self.tr("re-inspection +%1")
            texts["due"] = self.tr("Re-inspection due by %1")
        late = rules.days_overdue(r, self.today)
        if not late and r.get("overdue_reinspection") and r.get("reinspection_due_by"):
            days = (self.today - as_date(r["reinspection_due_by"])).days
            late = texts["late"].replace("%1", str(days))
        listed = "挂牌" if r["listed"] else ("已摘牌" if r.get("delisted_on") else "")
        values = {"state": texts.get(r["state"], r["state"]), "days_overdue": late or "", "listed": listed}
        display = tuple(values[k] if k in values else ("" if r.get(k) is None else r[k])
                        for k, _sort, _header in self.COLUMNS)
        due = texts["due"].replace("%1", r["reinspection_due_by"]) if r.get("reinspection_due_by") else None
        tips = {
            "description": r["description"] + (f"\n{r['location']}" if r.get("location") else ""),
            "deadline": due, "days_overdue": due,
            "listed": (f"{r['listing_body']} {r['listing_doc_no']} {r['listed_on']}→{r['listing_deadline']}"
                       if r["listed"] else None),
        }
        # Every cell shows its whole text on hover (a long description or name is cut off).
        tooltips = tuple(tips.get(k) or (str(d) if d not in ("", None) else None)
                         for (k, _sort, _header), d in zip(self.COLUMNS, display))
        brush = None
        if r["state"] == "closed":
            brush = _CLOSED
        elif r.get("overdue_rectification"):
            brush = _OVERDUE
        elif r.get("overdue_reinspection"):
            brush = _LATE
        return _Row(display, tooltips, brush, r["grade"] == "重大", r["id"], r)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Called thousands of times per repaint: everything is precomputed per row.
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        col = index.column()
        if role == _DISPLAY:
            return self._row(index.row()).display[col]
        if role == _FOREGROUND:
            r = self._row(index.row())
            if r.brush is None and r.major and col == _GRADE_COL:
                return _OVERDUE
            return r.brush
        if role == _TOOLTIP:
            return self._row(index.row()).tooltips[col]
        if role == _USER:
            return self._row(index.row()).id
        if role == _FONT and col == _GRADE_COL and self._row(index.row()).major:
            return _bold()
        if role == _ALIGN and col == _DAYS_COL:
            return _RIGHT
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FindingsModel", self.COLUMNS[section][2])
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        flt = replace(self.filter, order_by=self.COLUMNS[column][1],
                      descending=order == Qt.SortOrder.DescendingOrder)
        if not self._loaded:  # the view announcing its initial sort: the first load follows
            self.filter = flt
            return
        if flt != self.filter:
            self.set_filter(flt)


_EMPTY = _Row(("",) * len(FindingsModel.COLUMNS), (None,) * len(FindingsModel.COLUMNS), None, False, None, {})
_KEYS = [c[0] for c in FindingsModel.COLUMNS]
_GRADE_COL = _KEYS.index("grade")
_DAYS_COL = _KEYS.index("days_overdue")
_OVERDUE = QBrush(OVERDUE_COLOR)
_LATE = QBrush(LATE_REINSPECTION_COLOR)
_CLOSED = QBrush(CLOSED_COLOR)


@cache
def _bold() -> QFont:  # made on first use: a QFont wants the application to exist
    font = QFont()
    font.setBold(True)
    return font


def findings_table(parent: QWidget, model: FindingsModel, widths=(230, 80, 330, 50, 100, 90, 100), *,
                   name: str = "") -> QTableView:
    return table_view(parent, model, name=name, widths=widths, selection="extended",
                      sort_column=_KEYS.index("deadline"), word_wrap=False,
                      resize_mode=QHeaderView.ResizeMode.Interactive)


@contextmanager
def keep_selection(view: QTableView, model: FindingsModel):
    """Put the selected findings (and the current one) back after the model reloads, where
    they still are in the result. (A selection of hundreds of rows keeps the current one only:
    naming them all would read every page they span.)"""
    selected = view.selectionModel().selectedRows()
    chosen = [model.id_at(i.row()) for i in selected] if len(selected) <= 4 * BLOCK else []
    current = model.id_at(view.currentIndex().row()) if view.currentIndex().isValid() else None
    column = max(view.currentIndex().column(), 0)
    yield
    wanted = [i for i in dict.fromkeys(chosen + [current]) if i]
    if not wanted:
        return
    rows = model.rows_of(wanted)
    selection = QItemSelection()
    last = model.columnCount() - 1
    for fid in chosen:
        if fid in rows:
            selection.select(model.index(rows[fid], 0), model.index(rows[fid], last))
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
    if current in rows:
        index = model.index(rows[current], column)
        view.selectionModel().setCurrentIndex(index, flags.NoUpdate)
        view.scrollTo(index)


__all__ = ["BLOCK", "OPEN_CHOICE", "FindingFilter", "FindingsModel", "findings_table", "keep_selection",
           "states_of"]
