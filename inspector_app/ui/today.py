"""Today (今日待办): what needs doing now, from ``storage.findings.today_view``.

Re-inspections due this week, re-inspections and rectifications already overdue, and listings
for supervision about to expire (or expired). A row opens its finding; the re-inspection lists
start the re-inspection of the selected findings. The view refreshes whenever it is shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import findings as rules
from ..core.i18n import QT_TRANSLATE_NOOP
from ..storage import findings as findings_store
from ..storage.db import Store
from . import document_dialogs as dd
from .findings_ui import FindingDialog, state_label
from .table_models import ListTableModel

HORIZON_DAYS = 7

# (key, today_view buckets shown together, title, action) — the order is the order of urgency.
SECTIONS = (
    ("overdue_reinspections", ("overdue_reinspections",),
     QT_TRANSLATE_NOOP("TodayWidget", "Re-inspections overdue"), "reinspect"),
    ("reinspections_due", ("reinspections_due",),
     QT_TRANSLATE_NOOP("TodayWidget", "Re-inspections due this week"), "reinspect"),
    ("overdue_rectifications", ("overdue_rectifications",),
     QT_TRANSLATE_NOOP("TodayWidget", "Rectifications overdue"), "open"),
    ("listings", ("listings_expired", "listings_expiring"),
     QT_TRANSLATE_NOOP("TodayWidget", "Supervision listings expired or about to expire"), "open"),
)


class TodayModel(ListTableModel):
    """Rows of one today bucket (small lists)."""

    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("TodayModel", "Enterprise")),
        ("village_name", QT_TRANSLATE_NOOP("TodayModel", "Village")),
        ("description", QT_TRANSLATE_NOOP("TodayModel", "Description")),
        ("grade", QT_TRANSLATE_NOOP("TodayModel", "Grade")),
        ("state", QT_TRANSLATE_NOOP("TodayModel", "State")),
        ("when", QT_TRANSLATE_NOOP("TodayModel", "Due")),
        ("late", QT_TRANSLATE_NOOP("TodayModel", "Days")),
    )

    def __init__(self, section: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.today = date.today()

    def set_rows(self, rows: list[dict], today: date) -> None:
        self.today = today  # before the reset: the views re-read days against it
        super().set_rows(rows)

    def due(self, r: dict) -> str:
        if self.section in ("reinspections_due", "overdue_reinspections"):
            return r.get("reinspection_due_by") or ""
        if self.section == "listings":
            return r.get("listing_deadline") or ""
        return r.get("deadline") or ""

    def days(self, r: dict) -> int:
        """Days left (positive) or overdue (negative) against the row's due date."""
        due = rules.as_date(self.due(r))
        return 0 if due is None else (due - self.today).days

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "state":
                return state_label(r["state"])
            if key == "when":
                return self.due(r)
            if key == "late":
                n = self.days(r)
                if n < 0:
                    return self.tr("%n day(s) late", "", -n)
                return self.tr("today") if n == 0 else self.tr("in %n day(s)", "", n)
            value = r.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "description":
            return r["description"]
        if role == Qt.ItemDataRole.ForegroundRole and key in ("when", "late") and self.days(r) < 0:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.FontRole and key == "grade" and r["grade"] == "重大":
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None



class TodayWidget(QWidget):
    """The officer's start page: today's re-inspections, overdue work and expiring listings."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.today = date.today()
        self.models: dict[str, TodayModel] = {}
        self.views: dict[str, QTableView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.empty_labels: dict[str, QLabel] = {}
        self.button_rows: dict[str, QHBoxLayout] = {}
        self.finding_dialog = None
        self.child_dialog = None

        self.summary = QLabel(self)
        self.summary.setObjectName("todaySummary")
        f = QFont(self.summary.font())
        f.setPointSize(f.pointSize() + 2)
        self.summary.setFont(f)
        refresh = QPushButton(self.tr("&Refresh"), self)
        refresh.clicked.connect(self.refresh)
        self.message = dd.error_label(self, "todayMessage")
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        for key, _buckets, title, action in SECTIONS:
            model = TodayModel(key, self)
            view = QTableView(self)
            view.setObjectName(f"today_{key}")
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.verticalHeader().hide()
            view.verticalHeader().setDefaultSectionSize(24)
            view.setAlternatingRowColors(True)
            for col, width in enumerate((230, 80, 340, 50, 100, 90)):
                view.horizontalHeader().resizeSection(col, width)
            view.horizontalHeader().setStretchLastSection(True)
            view.activated.connect(lambda index, k=key: self._on_row_activated(k, index))
            box = QGroupBox(self)
            lay = QVBoxLayout(box)
            empty = QLabel(self.tr("Nothing here."), box)
            empty.setObjectName(f"empty_{key}")
            empty.setStyleSheet(dd.HINT_STYLE)
            lay.addWidget(empty)
            lay.addWidget(view)
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            open_button = QPushButton(self.tr("Open"), box)
            open_button.clicked.connect(lambda _c=False, k=key: self._on_open_clicked(k))
            buttons.addWidget(open_button)
            if action == "reinspect":
                start = QPushButton(self.tr("Start re-inspection"), box)
                start.setObjectName(f"reinspect_{key}")
                start.clicked.connect(lambda _c=False, k=key: self._on_reinspect_clicked(k))
                buttons.addWidget(start)
            lay.addLayout(buttons)
            inner.addWidget(box)
            self.models[key], self.views[key], self.boxes[key] = model, view, box
            self.empty_labels[key], self.button_rows[key] = empty, buttons
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.refresh()

    def refresh(self) -> None:
        self.today = date.today()
        view = findings_store.today_view(self.store, today=self.today,
                                         window_days=findings_store.reinspection_window(self.store),
                                         horizon_days=HORIZON_DAYS)
        total = 0
        for key, buckets, title, _action in SECTIONS:
            rows = [r for b in buckets for r in view[b]]
            self.models[key].set_rows(rows, self.today)
            self.boxes[key].setTitle(QCoreApplication.translate("TodayWidget", title) + f"（{len(rows)}）")
            view_widget = self.views[key]
            # Each list as tall as its rows (up to 8), so the page reads top to bottom.
            shown = max(1, min(len(rows), 8))
            view_widget.setFixedHeight(view_widget.horizontalHeader().height() + shown * 24 + 6)
            view_widget.setVisible(bool(rows))
            self.empty_labels[key].setVisible(not rows)
            buttons = self.button_rows[key]
            for i in range(buttons.count()):
                w = buttons.itemAt(i).widget()
                if w is not None:
                    w.setVisible(bool(rows))
            total += len(rows)
        d = self.today
        head = self.tr("Today, %1").replace("%1", f"{d.year}年{d.month}月{d.day}日")
        self.summary.setText(head + " — " + (self.tr("%n item(s) need attention", "", total) if total
                                             else self.tr("nothing is due")))

    def showEvent(self, event) -> None:  # Qt override: refreshes whenever the module is shown
        super().showEvent(event)
        self.refresh()

    def selected_ids(self, key: str) -> list[str]:
        view, model = self.views[key], self.models[key]
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        return [model.rows[r]["id"] for r in rows]

    def open_finding(self, finding_id: str) -> FindingDialog:
        dlg = FindingDialog(self.store, finding_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self.refresh())
        self.finding_dialog = dlg
        dlg.open()
        return dlg

    def reinspection_dialog(self, finding_ids: list[str]):
        """The re-inspection of the given findings, extended to every finding due for re-inspection
        under the same order (one opinion per order, as it is printed)."""
        from .reinspection import ReinspectionDialog, original_order

        ids = list(dict.fromkeys(finding_ids))
        if len(ids) == 1:
            order = original_order(self.store, ids[0])
            if order:
                f = findings_store.get_finding(self.store, ids[0])
                for other in findings_store.query_finding_ids(
                        self.store, state=rules.REINSPECTION_STATES, enterprise_id=f["enterprise_id"]):
                    if other not in ids and (original_order(self.store, other) or {}).get("id") == order["id"]:
                        ids.append(other)
        dlg = ReinspectionDialog(self.store, ids, self)
        dlg.reinspected.connect(lambda _ids: self.refresh())
        return dlg

    def _on_row_activated(self, key: str, index) -> None:
        r = self.models[key].rows[index.row()]
        self.open_finding(r["id"])

    def _on_open_clicked(self, key: str) -> None:
        ids = self.selected_ids(key)
        if ids:
            self.open_finding(ids[0])

    def _on_reinspect_clicked(self, key: str) -> None:
        ids = self.selected_ids(key)
        if not ids:
            dd.set_message(self.message, self.tr("Select the findings to re-inspect."))
            return
        try:
            self.child_dialog = self.reinspection_dialog(ids)
        except ValueError as e:
            dd.set_message(self.message, str(e))
            return
        dd.set_message(self.message, "")
        self.child_dialog.exec()


__all__ = ["SECTIONS", "TodayModel", "TodayWidget"]
