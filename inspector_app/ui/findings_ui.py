"""Findings (事故隐患) from registration to closure (销号): the township list, one finding's
dialog, the enterprise's findings page and the quarter's listed major hidden dangers.

The list model holds the size of the current result and the pages of it the view has shown,
like the registry: storage filters, sorts and pages in SQL (``storage.findings``), so a filter
change on 30,000 findings reads one page of 64 rows (and counts only when it overflows).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import documents as docs
from ..core import findings as rules
from ..core.i18n import QT_TRANSLATE_NOOP
from ..storage import enterprises as enterprise_store
from ..storage import findings as findings_store
from ..storage import township
from ..storage.db import Store
from . import document_dialogs as dd
from .table_models import ListTableModel

BLOCK = 64  # rows fetched at a time: a screenful or two, so a filter change loads little
OVERDUE_COLOR = QColor("#b00020")
LATE_REINSPECTION_COLOR = QColor("#a15c00")
CLOSED_COLOR = QColor("#757575")
MISSING_STYLE = "color: #8a5a00;"


def state_label(state: str) -> str:
    return QCoreApplication.translate("FindingState", rules.STATE_LABELS.get(state, state))


def event_label(kind: str) -> str:
    return QCoreApplication.translate("FindingEvent", rules.EVENT_LABELS.get(kind, kind))


def five_label(key: str) -> str:
    return QCoreApplication.translate("Finding", rules.FIVE_LABELS[key])


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
        self.today = date.today()
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
        self.today = date.today()
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
            days = (self.today - rules.as_date(r["reinspection_due_by"])).days
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
        tooltips = tuple(tips.get(k) for k, _sort, _header in self.COLUMNS)
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


def findings_table(parent: QWidget, model: FindingsModel, widths=(230, 80, 330, 50, 100, 90, 100)) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSortingEnabled(True)
    view.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    # A new order is shown from its top (after the model has sorted, before the view repaints).
    view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: view.scrollToTop())
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    header.setStretchLastSection(True)
    return view


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


class _FindingActions:
    """Open / order / re-inspect the selected findings of ``self.view`` (list and dossier)."""

    store: Store
    model: FindingsModel
    view: QTableView
    message: QLabel

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [i for i in (self.model.id_at(r) for r in rows) if i]

    def open_finding(self, finding_id: str) -> FindingDialog:
        """Open the finding's dialog (window-modal, non-blocking); the list refreshes on close."""
        dlg = FindingDialog(self.store, finding_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finding_changed.connect(lambda _fid: self.refresh())
        self.finding_dialog = dlg
        dlg.open()
        return dlg

    def _on_view_activated(self, index) -> None:
        fid = self.model.id_at(index.row())
        if fid:
            self.open_finding(fid)

    def _on_open_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_finding(ids[0])
        else:
            dd.set_message(self.message, QCoreApplication.translate("FindingsWidget", "Select a finding first."))

    def issue_dialog(self, kind: str, finding_ids: list[str]) -> dd.IssueDocumentDialog:
        """The document dialog for findings of one enterprise (ValueError otherwise)."""
        rows = findings_store.finding_rows(self.store, finding_ids)
        if not rows:
            raise ValueError("请先选择隐患。")
        if len({r["enterprise_id"] for r in rows}) > 1:
            raise ValueError("所选隐患属于不同企业，请按企业分别出具文书。")
        dlg = dd.IssueDocumentDialog(self.store, kind, enterprise_id=rows[0]["enterprise_id"],
                                     finding_ids=[r["id"] for r in rows], parent=self)
        dlg.document_issued.connect(lambda _id: self.refresh())
        return dlg

    def _on_issue_triggered(self, kind: str) -> None:
        try:
            self.issue_dialog(kind, self.selected_ids()).exec()
        except ValueError as e:
            dd.set_message(self.message, str(e))

    def reinspection_dialog(self, finding_ids: list[str]):
        from .reinspection import ReinspectionDialog

        dlg = ReinspectionDialog(self.store, finding_ids, self)
        dlg.reinspected.connect(lambda _ids: self.refresh())
        return dlg

    def _on_reinspect_clicked(self) -> None:
        try:
            self.reinspection_dialog(self.selected_ids()).exec()
        except ValueError as e:
            dd.set_message(self.message, str(e))

    def _issue_menu(self, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setText(QCoreApplication.translate("FindingsWidget", "&Issue for selected"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for kind in (docs.RECTIFICATION_ORDER, docs.ONSITE_MEASURES, docs.HAZARD_NOTICE, docs.SPOT_PENALTY):
            menu.addAction(docs.TITLES[kind], lambda k=kind: self._on_issue_triggered(k))
        button.setMenu(menu)
        return button


class FindingsWidget(QWidget, _FindingActions):
    """The township's findings with filters, counts and the quarter's listed major findings."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model = FindingsModel(store, self, count_overdue=True)
        self.enterprise_id: str | None = None
        self.finding_dialog = None

        self.search = QLineEdit(self)
        self.search.setObjectName("findingsSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search description, location, enterprise or pinyin initials"))
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("All states"), "")
        self.state.addItem(self.tr("Not closed"), OPEN_CHOICE)
        for s in rules.STATES:
            self.state.addItem(state_label(s), s)
        self.overdue = QComboBox(self)
        self.overdue.setObjectName("overdueFilter")
        for text, data in ((self.tr("Overdue or not"), ""), (self.tr("Overdue (any)"), "any"),
                           (self.tr("Rectification overdue"), "rectification"),
                           (self.tr("Re-inspection overdue"), "reinspection")):
            self.overdue.addItem(text, data)
        self.grade = QComboBox(self)
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(self.tr("All grades"), None)
        self.grade.addItem("重大", True)
        self.grade.addItem("一般", False)
        self.village = QComboBox(self)
        self.village.setObjectName("villageFilter")
        self.village.addItem(self.tr("All villages"), None)
        for v in township.list_villages(store):
            self.village.addItem(v.name, v.id)
        self.enterprise_button = QPushButton(self.tr("All enterprises"), self)
        self.enterprise_button.setObjectName("enterpriseFilter")
        self.enterprise_button.setToolTip(self.tr("Show the findings of one enterprise"))
        self.enterprise_button.clicked.connect(self._on_enterprise_clicked)
        self.enterprise_clear = QToolButton(self)
        self.enterprise_clear.setText("×")
        self.enterprise_clear.setToolTip(self.tr("All enterprises"))
        self.enterprise_clear.clicked.connect(lambda: self.set_enterprise(None))
        self.enterprise_clear.setVisible(False)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("findingsCount")
        self._overdue_timer = QTimer(self, singleShot=True, interval=0)
        self._overdue_timer.timeout.connect(self._on_overdue_timer_timeout)
        self.message = dd.error_label(self, "findingsMessage")
        self.view = findings_table(self, self.model)
        self.view.setObjectName("findingsView")
        self.view.activated.connect(self._on_view_activated)

        open_button = QPushButton(self.tr("&Open"), self)
        open_button.clicked.connect(self._on_open_clicked)
        reinspect = QPushButton(self.tr("&Re-inspect selected…"), self)
        reinspect.clicked.connect(self._on_reinspect_clicked)
        self.quarter_button = QPushButton(self.tr("&Quarter's listed major hidden dangers…"), self)
        self.quarter_button.setObjectName("quarterButton")
        self.quarter_button.clicked.connect(self._on_quarter_clicked)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for w in (self.state, self.overdue, self.grade, self.village, self.enterprise_button):
            filters.addWidget(w)
        filters.addWidget(self.enterprise_clear)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for w in (open_button, self._issue_menu(self), reinspect, self.quarter_button):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self._timer = QTimer(self, singleShot=True, interval=80)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for box in (self.state, self.overdue, self.grade, self.village):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.apply_filters()

    def current_filter(self) -> FindingFilter:
        f = self.model.filter
        return FindingFilter(
            state=states_of(self.state.currentData()), overdue=self.overdue.currentData() or "",
            major=self.grade.currentData(), enterprise_id=self.enterprise_id,
            village_id=self.village.currentData(), text=self.search.text().strip(),
            order_by=f.order_by, descending=f.descending)

    def apply_filters(self, *, keep_place: bool = False) -> None:
        """Show the result of the filter controls from its top (``keep_place``: where the view
        was, as after a change to the findings)."""
        self._timer.stop()
        flt = self.current_filter()
        if not keep_place:  # before the reset: the view then asks for the first page only
            self.view.scrollToTop()
        try:
            self.model.set_filter(flt)
        except ValueError as e:
            dd.set_message(self.message, str(e))
            return
        self._show_count()
        if flt.overdue == "":
            self._overdue_timer.start()  # after the repaint: see FindingsModel.load_overdue

    def _show_count(self) -> None:
        text = self.tr("%n finding(s)", "", self.model.rowCount())
        if self.model.filter.overdue == "" and self.model.overdue:
            text += " · " + self.tr("%n overdue", "", self.model.overdue)
        self.count_label.setText(text)

    def _on_overdue_timer_timeout(self) -> None:
        try:
            self.model.load_overdue()
        except sqlite3.Error:  # e.g. the database was closed as the window went: keep the total
            return
        self._show_count()

    def set_filter(self, flt: FindingFilter) -> None:
        """Show the findings of ``flt``: the filter controls and the sort follow it."""
        boxes = ((self.state, flt.state[0] if flt.state and len(flt.state) == 1 else
                  (OPEN_CHOICE if flt.state == states_of(OPEN_CHOICE) else "")),
                 (self.overdue, flt.overdue), (self.grade, flt.major), (self.village, flt.village_id))
        for box, value in boxes:
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(value), 0))
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        self.model.filter = replace(self.model.filter, order_by=flt.order_by, descending=flt.descending)
        header = self.view.horizontalHeader()
        header.blockSignals(True)  # the indicator only: the query runs once, below
        header.setSortIndicator([c[1] for c in FindingsModel.COLUMNS].index(flt.order_by),
                                Qt.SortOrder.DescendingOrder if flt.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self._set_enterprise_button(flt.enterprise_id)
        self.apply_filters()

    def refresh(self) -> None:
        """Reload after findings changed, keeping the selected findings selected."""
        with keep_selection(self.view, self.model):
            self.apply_filters(keep_place=True)

    def showEvent(self, event) -> None:  # Qt override: other screens change findings
        super().showEvent(event)
        self.refresh()

    def set_enterprise(self, enterprise_id: str | None) -> None:
        self._set_enterprise_button(enterprise_id)
        self.apply_filters()

    def _set_enterprise_button(self, enterprise_id: str | None) -> None:
        self.enterprise_id = enterprise_id
        name = enterprise_store.name_of(self.store, enterprise_id)
        self.enterprise_button.setText(name or self.tr("All enterprises"))
        self.enterprise_clear.setVisible(bool(enterprise_id))

    def _on_enterprise_clicked(self) -> None:
        from .pickers import EnterprisePickerDialog

        dlg = EnterprisePickerDialog(self.store, self)
        if dlg.exec() and dlg.chosen_id:
            self.set_enterprise(dlg.chosen_id)

    def quarter_dialog(self) -> QuarterListingDialog:
        dlg = QuarterListingDialog(self.store, self)
        dlg.finding_activated.connect(self.open_finding)
        return dlg

    def _on_quarter_clicked(self) -> None:
        self.quarter_dialog().exec()


class EnterpriseFindingsPage(QWidget, _FindingActions):
    """Dossier tab: the enterprise's findings (open ones first by deadline)."""

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.finding_dialog = None
        self.model = FindingsModel(store, self, filter=FindingFilter(enterprise_id=enterprise_id))
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("Not closed"), OPEN_CHOICE)
        self.state.addItem(self.tr("All states"), "")
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel(self)
        self.message = dd.error_label(self, "findingsMessage")
        self.view = findings_table(self, self.model, widths=(0, 0, 380, 50, 90, 90, 80))
        self.view.setObjectName("enterpriseFindings")
        self.view.hideColumn(0)
        self.view.hideColumn(1)
        self.view.activated.connect(self._on_view_activated)
        open_button = QPushButton(self.tr("&Open"), self)
        open_button.clicked.connect(self._on_open_clicked)
        reinspect = QPushButton(self.tr("&Re-inspect selected…"), self)
        reinspect.clicked.connect(self._on_reinspect_clicked)
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addStretch(1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for w in (open_button, self._issue_menu(self), reinspect):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.refresh()

    def refresh(self) -> None:
        f = self.model.filter
        with keep_selection(self.view, self.model):
            self.model.set_filter(replace(f, state=states_of(self.state.currentData()),
                                          enterprise_id=self.enterprise_id))
        self.count_label.setText(self.tr("%n finding(s)", "", self.model.rowCount()))

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self.refresh()


# ---------------------------------------------------------------------------------------------
# the quarter's listed major findings

class QuarterListingModel(ListTableModel):
    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("QuarterListingModel", "Enterprise")),
        ("village_name", QT_TRANSLATE_NOOP("QuarterListingModel", "Village")),
        ("description", QT_TRANSLATE_NOOP("QuarterListingModel", "Description")),
        ("listing_body", QT_TRANSLATE_NOOP("QuarterListingModel", "Supervising body")),
        ("listing_doc_no", QT_TRANSLATE_NOOP("QuarterListingModel", "Listing doc. no.")),
        ("listed_on", QT_TRANSLATE_NOOP("QuarterListingModel", "Listed on")),
        ("listing_deadline", QT_TRANSLATE_NOOP("QuarterListingModel", "Deadline")),
        ("state", QT_TRANSLATE_NOOP("QuarterListingModel", "State")),
        ("delisted_on", QT_TRANSLATE_NOOP("QuarterListingModel", "De-listed on")),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "state":
                return state_label(r["state"])
            value = r.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None



class QuarterListingDialog(QDialog):
    """Major findings listed for supervision in a quarter (挂牌督办), with Excel export."""

    finding_activated = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Listed major hidden dangers of a quarter"))
        year, quarter = rules.quarter_of(date.today())
        self.year = QSpinBox(self)
        self.year.setObjectName("quarterYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("quarterNumber")
        for q in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("Q%1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex(quarter - 1)
        self.model = QuarterListingModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("quarterView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        for col, width in enumerate((200, 70, 260, 110, 140, 85, 85, 90)):
            self.view.horizontalHeader().resizeSection(col, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._on_view_activated)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("quarterCount")
        self.message = QLabel(self)
        self.message.setObjectName("quarterMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export to Excel…"), self)
        self.export_button.clicked.connect(self._on_export_clicked)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.quarter)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.quarter.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()
        self.resize(1100, 560)

    def period(self) -> tuple[int, int]:
        return self.year.value(), self.quarter.currentData()

    def reload(self) -> None:
        year, q = self.period()
        self.model.set_rows(findings_store.listed_major_for_quarter(self.store, year, q))
        self.count_label.setText(self.tr("%n listed major hidden danger(s)", "", self.model.rowCount()))

    def _on_view_activated(self, index) -> None:
        self.finding_activated.emit(self.model.rows[index.row()]["id"])

    def export_to(self, path: str):
        """Write the workbook off the UI thread (its own connection); returns the task."""
        from ..reports.quarter_listing_xlsx import export_quarter_listing

        year, q = self.period()
        db_path = self.store.path

        def done(count) -> None:
            self.message.setText(self.tr("%1 row(s) exported to %2").replace("%1", str(count)).replace("%2", path))

        if db_path is None:  # in-memory database: cannot be opened from another thread
            done(export_quarter_listing(self.store, year, q, path))
            return None

        def work(progress):
            from ..storage import open_db

            worker_store = open_db(db_path)
            try:
                return export_quarter_listing(worker_store, year, q, path, progress=progress)
            finally:
                worker_store.close()

        from .export_dialog import run_with_progress

        return run_with_progress(self, self.tr("Export to Excel"), work, on_success=done)

    def _on_export_clicked(self) -> None:
        from ..reports.quarter_listing_xlsx import quarter_title

        year, q = self.period()
        default = quarter_title(township.settings(self.store)["township"] or "", year, q) + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(path)


# ---------------------------------------------------------------------------------------------
# one finding

class EventsModel(ListTableModel):
    COLUMNS = (
        ("at", QT_TRANSLATE_NOOP("EventsModel", "Date")),
        ("kind", QT_TRANSLATE_NOOP("EventsModel", "Event")),
        ("state", QT_TRANSLATE_NOOP("EventsModel", "State")),
        ("new_deadline", QT_TRANSLATE_NOOP("EventsModel", "New deadline")),
        ("document", QT_TRANSLATE_NOOP("EventsModel", "Document")),
        ("note", QT_TRANSLATE_NOOP("EventsModel", "Note")),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if key == "at":
            return e["at"][:16].replace("T", " ")
        if key == "kind":
            return event_label(e["kind"])
        if key == "state":
            if e["from_state"] and e["to_state"] and e["from_state"] != e["to_state"]:
                return f"{state_label(e['from_state'])} → {state_label(e['to_state'])}"
            return state_label(e["to_state"]) if e["to_state"] else ""
        if key == "document":
            return e.get("doc_no") or ""
        value = e.get(key)
        return "" if value is None else str(value)



class OptionalDateEdit(QDateEdit):
    """A date that may be left empty (shown blank)."""

    EMPTY = QDate(2000, 1, 1)

    def __init__(self, parent=None, value=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.EMPTY)
        self.setMaximumWidth(150)
        self.setSpecialValueText(" ")
        self.set_value(value)

    def set_value(self, value) -> None:
        d = rules.as_date(value) if value else None
        self.setDate(QDate(d.year, d.month, d.day) if d else self.EMPTY)

    def value(self) -> str:
        d = self.date()
        return "" if d == self.EMPTY else dd.to_date(d).isoformat()


class FindingDialog(QDialog):
    """One finding: details, history, documents, photos, 五到位, 挂牌督办 and the actions its
    state allows (order, mark rectified, re-inspect, close)."""

    finding_changed = Signal(str)

    def __init__(self, store: Store, finding_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.finding_id = finding_id
        self.finding = findings_store.get_finding(store, finding_id)
        if self.finding is None:
            raise ValueError("找不到该隐患记录，可能已被删除，请刷新列表后重试。")
        self.setObjectName("findingDialog")
        self.child_dialog = None
        self._build()
        self.reload()
        self.resize(940, 720)

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        self.enterprise_label = QLabel(self)
        self.enterprise_label.setObjectName("enterpriseLabel")
        self.description_label = QLabel(self)
        self.description_label.setObjectName("descriptionLabel")
        self.description_label.setWordWrap(True)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f = QFont(self.description_label.font())
        f.setPointSize(f.pointSize() + 2)
        self.description_label.setFont(f)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("findingTabs")
        self.details = QWidget(self)
        self.details_form = QFormLayout(self.details)
        self.tabs.addTab(self.details, self.tr("Details"))

        self.events_model = EventsModel(self)
        self.events_view = QTableView(self)
        self.events_view.setObjectName("eventsView")
        self.events_view.setModel(self.events_model)
        self.events_view.verticalHeader().hide()
        self.events_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for col, width in enumerate((120, 110, 190, 90, 200)):
            self.events_view.horizontalHeader().resizeSection(col, width)
        self.events_view.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.events_view, self.tr("History"))

        from .documents_ui import DocumentListModel, document_table

        docs_page = QWidget(self)
        self.documents_model = DocumentListModel(self)
        self.documents_view = document_table(docs_page, self.documents_model, widths=(230, 130, 50, 90, 0, 160, 150))
        self.documents_view.setObjectName("findingDocuments")
        self.documents_view.hideColumn(4)
        self.documents_view.activated.connect(self._on_document_activated)
        preview = QPushButton(self.tr("Pre&view"), docs_page)
        preview.clicked.connect(self._on_preview_clicked)
        print_button = QPushButton(self.tr("&Print…"), docs_page)
        print_button.clicked.connect(self._on_print_clicked)
        service = QPushButton(self.tr("Record &service…"), docs_page)
        service.clicked.connect(self._on_service_clicked)
        row = QHBoxLayout()
        for b in (preview, print_button, service):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(docs_page)
        lay.addWidget(self.documents_view, 1)
        lay.addLayout(row)
        self.tabs.addTab(docs_page, self.tr("Documents"))

        photos_page = QWidget(self)
        self.before_photos = self._photo_list(photos_page, "beforePhotos")
        self.after_photos = self._photo_list(photos_page, "afterPhotos")
        add_photo = QPushButton(self.tr("Add rectification photos…"), photos_page)
        add_photo.clicked.connect(self._on_add_photos_clicked)
        lay = QVBoxLayout(photos_page)
        lay.addWidget(QLabel(self.tr("Before (found on the inspection)"), photos_page))
        lay.addWidget(self.before_photos, 1)
        lay.addWidget(QLabel(self.tr("After (rectification and re-inspection)"), photos_page))
        lay.addWidget(self.after_photos, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add_photo)
        lay.addLayout(row)
        self.tabs.addTab(photos_page, self.tr("Photos"))

        self.five_page = self._build_five()
        self.five_tab = self.tabs.addTab(self.five_page, self.tr("Five in place (五到位)"))
        self.listing_page = self._build_listing()
        self.listing_tab = self.tabs.addTab(self.listing_page, self.tr("Supervision listing (挂牌督办)"))

        self.order_button = QPushButton(self.tr("Order &rectification…"), self)
        self.order_button.setObjectName("orderButton")
        self.order_button.clicked.connect(lambda: self._on_issue_clicked(docs.RECTIFICATION_ORDER))
        self.measures_button = QPushButton(self.tr("On-site &measures…"), self)
        self.measures_button.setObjectName("measuresButton")
        self.measures_button.clicked.connect(lambda: self._on_issue_clicked(docs.ONSITE_MEASURES))
        self.rectified_button = QPushButton(self.tr("Mark recti&fied…"), self)
        self.rectified_button.setObjectName("rectifiedButton")
        self.rectified_button.clicked.connect(self._on_rectified_clicked)
        self.reinspect_button = QPushButton(self.tr("Re-&inspect…"), self)
        self.reinspect_button.setObjectName("reinspectButton")
        self.reinspect_button.clicked.connect(self._on_reinspect_clicked)
        self.close_button = QPushButton(self.tr("&Close the finding (销号)…"), self)
        self.close_button.setObjectName("closeFindingButton")
        self.close_button.clicked.connect(self._on_close_finding_clicked)
        done = QPushButton(self.tr("Close"), self)
        done.clicked.connect(self.accept)
        self.message = dd.error_label(self, "findingMessage")

        actions = QHBoxLayout()
        for b in (self.order_button, self.measures_button, self.rectified_button, self.reinspect_button,
                  self.close_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enterprise_label)
        layout.addWidget(self.description_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    def _photo_list(self, parent: QWidget, name: str) -> QListWidget:
        w = QListWidget(parent)
        w.setObjectName(name)
        w.setViewMode(QListView.ViewMode.IconMode)
        w.setIconSize(QPixmap(160, 120).size())
        w.setResizeMode(QListView.ResizeMode.Adjust)
        w.setMovement(QListView.Movement.Static)
        w.setSpacing(6)
        return w

    def _field_error(self, parent: QWidget, key: str) -> QLabel:
        lab = QLabel(parent)
        lab.setObjectName(f"{key}_message")
        lab.setWordWrap(True)
        lab.setVisible(False)
        return lab

    def _build_five(self) -> QWidget:
        page = QWidget(self)
        self.five: dict[str, QWidget] = {}
        self.five_messages: dict[str, QLabel] = {}
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        hint = QLabel(self.tr("A major hidden danger is closed only when measures, responsibility, funds, "
                              "deadline and contingency plan are all in place."), page)
        hint.setWordWrap(True)
        hint.setStyleSheet(dd.HINT_STYLE)
        form.addRow(hint)
        for key in rules.FIVE_FIELDS:
            if key in ("five_measures", "five_contingency"):
                w = QPlainTextEdit(page)
                w.setMaximumHeight(70)
            elif key == "five_deadline":
                w = OptionalDateEdit(page)
            else:
                w = QLineEdit(page)
            if key == "five_funds":
                w.setPlaceholderText(self.tr("yuan, e.g. 12000"))
            w.setObjectName(key)
            self.five[key] = w
            self.five_messages[key] = self._field_error(page, key)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(w)
            cell.addWidget(self.five_messages[key])
            form.addRow(five_label(key), cell)
        self.five_save = QPushButton(self.tr("&Save five in place"), page)
        self.five_save.setObjectName("saveFive")
        self.five_save.clicked.connect(self._on_save_five_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.five_save)
        form.addRow(row)
        return page

    def _build_listing(self) -> QWidget:
        page = QWidget(self)
        self.listing: dict[str, QWidget] = {}
        self.listing_messages: dict[str, QLabel] = {}
        self.listing_state = QLabel(page)
        self.listing_state.setObjectName("listingState")
        self.listing_state.setWordWrap(True)
        self.list_box = QGroupBox(self.tr("List for supervision"), page)
        form = QFormLayout(self.list_box)
        for key, w in (("listing_body", QLineEdit(page)), ("listing_doc_no", QLineEdit(page)),
                       ("listed_on", dd.date_edit(page, date.today())),
                       ("listing_deadline", dd.date_edit(page, date.today() + timedelta(days=90)))):
            w.setObjectName(key)
            self.listing[key] = w
            self.listing_messages[key] = self._field_error(page, key)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(w)
            cell.addWidget(self.listing_messages[key])
            form.addRow(QCoreApplication.translate("Finding", rules.LISTING_LABELS[key]), cell)
        self.listing["listing_body"].setPlaceholderText("江阴市安全生产委员会办公室")
        self.listing["listing_doc_no"].setPlaceholderText(self.tr("optional, e.g. 澄安委办〔2026〕3号"))
        self.list_button = QPushButton(self.tr("&List for supervision"), page)
        self.list_button.setObjectName("listButton")
        self.list_button.clicked.connect(self._on_list_clicked)
        form.addRow("", self.list_button)
        self.delist_box = QGroupBox(self.tr("De-list (摘牌)"), page)
        form = QFormLayout(self.delist_box)
        self.delist_on = dd.date_edit(page, date.today(), name="delistedOn")
        self.delist_note = QLineEdit(page)
        self.delist_note.setObjectName("delistNote")
        self.delist_button = QPushButton(self.tr("&De-list"), page)
        self.delist_button.setObjectName("delistButton")
        self.delist_button.clicked.connect(self._on_delist_clicked)
        form.addRow(QCoreApplication.translate("Finding", rules.LISTING_LABELS["delisted_on"]), self.delist_on)
        form.addRow(self.tr("Note"), self.delist_note)
        form.addRow("", self.delist_button)
        lay = QVBoxLayout(page)
        lay.addWidget(self.listing_state)
        lay.addWidget(self.list_box)
        lay.addWidget(self.delist_box)
        lay.addStretch(1)
        return page

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        f = findings_store.get_finding(self.store, self.finding_id)
        if f is None:
            dd.set_message(self.message, "该隐患记录已删除。")
            return
        self.finding = f
        today = date.today()
        window = findings_store.reinspection_window(self.store)
        self.setWindowTitle(self.tr("Finding — %1").replace("%1", f["enterprise_name"]))
        self.enterprise_label.setText(f"<b>{f['enterprise_name']}</b>")
        self.description_label.setText(f["description"])
        # tr() outside the f-strings: lupdate does not look inside them.
        state_text, deadline_text = self.tr("State"), self.tr("Deadline")
        bits = [f"<b style='color:{'#b00020' if f['grade'] == '重大' else '#333'}'>{f['grade']}事故隐患</b>",
                f"{state_text}：<b>{state_label(f['state'])}</b>",
                f"{deadline_text}：{f['deadline']}"]
        late = rules.days_overdue(f, today)
        if late:
            late_text = self.tr("%n day(s) overdue", "", late)
            bits.append(f"<b style='color:#b00020'>{late_text}</b>")
        due = rules.reinspection_due_by(f, window)
        if due:
            colour = "#a15c00" if rules.is_overdue_reinspection(f, today, window) else "#333"
            due_text = self.tr("Re-inspection due by %1").replace("%1", due.isoformat())
            bits.append(f"<span style='color:{colour}'>{due_text}</span>")
        if f["listed"]:
            bits.append("<b style='color:#b00020'>挂牌督办</b>")
        self.status_label.setText("　".join(bits))
        self._load_details(f)
        self._load_events()
        self._load_documents(f)
        self._load_photos()
        self._load_five(f)
        self._load_listing(f)
        self._update_actions(f)

    def _load_details(self, f: dict) -> None:
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        rows = [
            (self.tr("Found on"), f["found_on"]),
            (self.tr("Category"), f["category"]),
            (self.tr("Location"), f["location"]),
            (self.tr("Grade"), f["grade"] + ("（" + self.tr("reason") + f"：{f['grade_override_reason']}）"
                                             if f["grade_override_reason"] else "")),
            (self.tr("Major hidden danger criterion"), f["major_ref"]),
            (self.tr("Legal basis"), f["legal_basis"]),
            (self.tr("Requirement"), f["requirement"]),
            (self.tr("Rectified on"), f["rectified_on"]),
            (self.tr("Closed on"), f["closed_on"]),
        ]
        for label, value in rows:
            if value:
                lab = QLabel(str(value), self.details)
                lab.setWordWrap(True)
                lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.details_form.addRow(label, lab)

    def _load_events(self) -> None:
        self.events_model.set_rows(findings_store.events(self.store, self.finding_id))

    def _load_documents(self, f: dict) -> None:
        from ..storage import documents as doc_store
        from .documents_ui import entry_of

        rows = {d["id"]: d for d in doc_store.documents_for_finding(self.store, self.finding_id)}
        if f["inspection_id"]:
            for d in doc_store.documents_for_inspection(self.store, f["inspection_id"]):
                rows.setdefault(d["id"], d)
        entries = sorted((entry_of(d) for d in rows.values()), key=lambda e: (e["issued_at"], e["doc_no"]))
        self.documents_model.set_entries(entries)

    def _load_photos(self) -> None:
        from .. import paths
        from ..storage.photos import photo_path, photos_for

        root = paths.photos_dir(self.store.path)
        self.before_photos.clear()
        self.after_photos.clear()
        for p in photos_for(self.store, finding_id=self.finding_id):
            target = self.after_photos if p["kind"] in ("整改", "复查") else self.before_photos
            pix = QPixmap(str(photo_path(root, p["sha256"])))
            icon = QIcon(pix.scaled(160, 120, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)) if not pix.isNull() else QIcon()
            item = QListWidgetItem(icon, f"{p['kind']} {p['taken_at'][:10]}", target)
            item.setToolTip(p["caption"] or str(photo_path(root, p["sha256"])))

    def _load_five(self, f: dict) -> None:
        major = f["grade"] == "重大"
        self.tabs.setTabVisible(self.five_tab, major)
        self.tabs.setTabVisible(self.listing_tab, major)
        if not major:
            return
        missing = set(rules.five_missing(f))
        for key, w in self.five.items():
            value = f.get(key)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif isinstance(w, OptionalDateEdit):
                w.set_value(value)
            else:
                w.setText("" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))
            w.setEnabled(f["state"] != "closed")
            lab = self.five_messages[key]
            if key in missing:
                lab.setText(self.tr("Not yet recorded — required before closure"))
                lab.setStyleSheet(MISSING_STYLE)
                lab.setVisible(True)
            else:
                lab.setVisible(False)
        self.five_save.setEnabled(f["state"] != "closed")

    def _load_listing(self, f: dict) -> None:
        if f["grade"] != "重大":
            return
        if f["listed"]:
            self.listing_state.setText(
                "<b>" + self.tr("Listed for supervision") + f"</b>：{f['listing_body']} {f['listing_doc_no']}，"
                f"{f['listed_on']} → {f['listing_deadline']}")
        elif f["delisted_on"]:
            self.listing_state.setText(
                self.tr("De-listed on %1").replace("%1", f["delisted_on"])
                + f"（{f['listing_body']} {f['listing_doc_no']}，{f['listed_on']}）")
        else:
            self.listing_state.setText(self.tr("Not listed for supervision."))
        self.list_box.setVisible(not f["listed"] and not f["delisted_on"] and f["state"] != "closed")
        self.delist_box.setVisible(bool(f["listed"]))
        self.delist_button.setEnabled(f["state"] in ("passed", "closed"))
        self.delist_button.setToolTip("" if self.delist_button.isEnabled()
                                      else self.tr("A listing is removed after a passed re-inspection"))

    def _update_actions(self, f: dict) -> None:
        allowed = set(rules.allowed_events(f["state"]))
        self.order_button.setEnabled("order" in allowed)
        self.measures_button.setEnabled(f["state"] != "closed")
        self.rectified_button.setEnabled("rectified" in allowed)
        self.reinspect_button.setEnabled("reinspection_passed" in allowed)
        self.close_button.setEnabled("close" in allowed)

    def _changed(self) -> None:
        dd.set_message(self.message, "")
        self.reload()
        self.finding_changed.emit(self.finding_id)

    def _fail(self, e: Exception) -> bool:
        dd.set_message(self.message, str(e))
        return False

    # -- actions ---------------------------------------------------------------------------
    def issue_dialog(self, kind: str) -> dd.IssueDocumentDialog:
        f = self.finding
        dlg = dd.IssueDocumentDialog(self.store, kind, enterprise_id=f["enterprise_id"], finding_ids=[f["id"]],
                                     inspection_id=f["inspection_id"], parent=self)
        dlg.document_issued.connect(lambda _id: self._changed())
        return dlg

    def _on_issue_clicked(self, kind: str) -> None:
        try:
            self.child_dialog = self.issue_dialog(kind)
        except ValueError as e:
            self._fail(e)
            return
        self.child_dialog.exec()

    def mark_rectified(self, on, note: str = "") -> bool:
        try:
            findings_store.mark_rectified(self.store, self.finding_id, on=on, note=note)
        except ValueError as e:
            return self._fail(e)
        self._changed()
        return True

    def _on_rectified_clicked(self) -> None:
        dlg = dd.DateNoteDialog(self.tr("Rectification reported"), self.tr("Rectified on"), self,
                                note_label=self.tr("How it was rectified"))
        if dlg.exec():
            self.mark_rectified(*dlg.values())

    def reinspection_dialog(self):
        from .reinspection import ReinspectionDialog

        dlg = ReinspectionDialog(self.store, [self.finding_id], self)
        dlg.reinspected.connect(lambda _ids: self._changed())
        return dlg

    def _on_reinspect_clicked(self) -> None:
        try:
            self.child_dialog = self.reinspection_dialog()
        except ValueError as e:
            self._fail(e)
            return
        self.child_dialog.exec()

    def close_finding(self, on, note: str = "") -> bool:
        try:
            findings_store.close_finding(self.store, self.finding_id, on=on, note=note)
        except ValueError as e:
            return self._fail(e)
        self._changed()
        return True

    def _on_close_finding_clicked(self) -> None:
        f = self.finding
        if f["grade"] == "重大" and rules.five_missing(f):
            self.tabs.setCurrentWidget(self.five_page)
        dlg = dd.DateNoteDialog(self.tr("Close the finding (销号)"), self.tr("Closed on"), self)
        if dlg.exec():
            self.close_finding(*dlg.values())

    def five_values(self) -> dict:
        out = {}
        for key, w in self.five.items():
            if isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText().strip()
            elif isinstance(w, OptionalDateEdit):
                out[key] = w.value()
            else:
                out[key] = w.text().strip()
        return out

    def save_five(self) -> bool:
        values = self.five_values()
        errs = rules.five_errors(values)
        for key, lab in self.five_messages.items():
            if key in errs:
                lab.setText(errs[key])
                lab.setStyleSheet(dd.ERROR_STYLE)
                lab.setVisible(True)
            else:
                lab.setVisible(False)
        if errs:
            return self._fail(ValueError(self.tr("Please correct the marked fields.")))
        try:
            findings_store.set_five(self.store, self.finding_id, **values)
        except ValueError as e:
            return self._fail(e)
        self._changed()
        return True

    def _on_save_five_clicked(self) -> None:
        self.save_five()

    def list_for_supervision(self) -> bool:
        body = self.listing["listing_body"].text().strip()
        doc_no = self.listing["listing_doc_no"].text().strip()
        listed_on = dd.to_date(self.listing["listed_on"].date())
        deadline = dd.to_date(self.listing["listing_deadline"].date())
        errs = rules.listing_errors(grade=self.finding["grade"], body=body, doc_no=doc_no,
                                    listed_on=listed_on, deadline=deadline)
        for key, lab in self.listing_messages.items():
            dd.set_message(lab, errs.get(key, ""))
        if errs:
            return self._fail(ValueError(errs.get("grade") or self.tr("Please correct the marked fields.")))
        try:
            findings_store.list_for_supervision(self.store, self.finding_id, body=body, doc_no=doc_no,
                                                listed_on=listed_on, deadline=deadline)
        except ValueError as e:
            return self._fail(e)
        self._changed()
        return True

    def _on_list_clicked(self) -> None:
        self.list_for_supervision()

    def delist(self, on=None, note: str | None = None) -> bool:
        on = on or dd.to_date(self.delist_on.date())
        note = self.delist_note.text().strip() if note is None else note
        try:
            findings_store.delist(self.store, self.finding_id, on=on, note=note)
        except ValueError as e:
            return self._fail(e)
        self._changed()
        return True

    def _on_delist_clicked(self) -> None:
        self.delist()

    def add_photos(self, files: list[str], kind: str = "整改") -> int:
        from .. import paths
        from ..storage.photos import add_photo

        added = 0
        for path in files:
            try:
                add_photo(self.store, path, finding_id=self.finding_id, kind=kind,
                          photos_root=paths.photos_dir(self.store.path))
                added += 1
            except ValueError as e:
                self._fail(e)
        if added:
            self._load_photos()
            self.finding_changed.emit(self.finding_id)
        return added

    def _on_add_photos_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Rectification photos"), "",
                                                self.tr("Pictures (*.jpg *.jpeg *.png *.heic *.bmp)"))
        if files:
            self.add_photos(files)

    # documents tab
    def _selected_document(self) -> str | None:
        idx = self.documents_view.currentIndex()
        e = self.documents_model.entry(idx.row()) if idx.isValid() else None
        if e is None:
            dd.set_message(self.message, self.tr("Select a document first."))
        return e["id"] if e else None

    def _on_document_activated(self, index) -> None:
        e = self.documents_model.entry(index.row())
        if e:
            dd.preview_document(self, self.store, e["id"])

    def _on_preview_clicked(self) -> None:
        doc_id = self._selected_document()
        if doc_id:
            dd.preview_document(self, self.store, doc_id)

    def _on_print_clicked(self) -> None:
        doc_id = self._selected_document()
        if doc_id:
            try:
                dd.print_document(self, self.store, doc_id)
            except (RuntimeError, ValueError) as e:
                self._fail(e)

    def _on_service_clicked(self) -> None:
        doc_id = self._selected_document()
        if not doc_id:
            return
        try:
            dlg = dd.ServiceDialog(self.store, doc_id, self)
        except ValueError as e:
            self._fail(e)
            return
        if dlg.exec():
            self._changed()


__all__ = [
    "EnterpriseFindingsPage",
    "EventsModel",
    "FindingDialog",
    "FindingFilter",
    "FindingsModel",
    "FindingsWidget",
    "QuarterListingDialog",
    "QuarterListingModel",
    "keep_selection",
    "state_label",
    "states_of",
]
