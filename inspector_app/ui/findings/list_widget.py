"""The township's findings: filters, counts, the list, and the quarter's listed major findings."""

from __future__ import annotations

from ...storage import sqlite as sqlite3  # both drivers' error classes

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from ...core import findings as rules
from ...storage import enterprises as enterprise_store
from ...storage import township
from ...storage.db import Store
from ..operations import Change
from ..widgets.messages import error_label, set_message
from ..widgets.pickers import EnterprisePickerDialog
from ..widgets.refresh import RefreshOnChange
from .actions import FindingActions
from .labels import state_label
from .list_model import OPEN_CHOICE, FindingFilter, FindingsModel, findings_table, keep_selection, states_of
from .quarter import QuarterListingDialog


class FindingsWidget(QWidget, FindingActions):
    """The township's findings with filters, counts and the quarter's listed major findings."""

    # Finalising an inspection registers findings (Change.INSPECTION).

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model = FindingsModel(store, self, count_overdue=True)
        self.enterprise_id: str | None = None

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
        self.enterprise_clear.clicked.connect(self._on_enterprise_clear_clicked)
        self.enterprise_clear.setVisible(False)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("findingsCount")
        self._overdue_timer = QTimer(self, singleShot=True, interval=0)
        self._overdue_timer.timeout.connect(self._on_overdue_timer_timeout)
        self.message = error_label(self, "findingsMessage")
        self.view = findings_table(self, self.model, name="findingsView")
        self.view.activated.connect(self._on_view_activated)
        # Opens on what needs doing: open findings, most overdue first.
        self.state.setCurrentIndex(self.state.findData(OPEN_CHOICE))
        self.view.sortByColumn(FindingsModel.column_of("days_overdue"), Qt.SortOrder.DescendingOrder)

        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.reinspect_button = QPushButton(self.tr("&Re-inspect selected…"), self)
        self.reinspect_button.setObjectName("reinspectButton")
        self.reinspect_button.clicked.connect(self._on_reinspect_clicked)
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
        for w in (self.open_button, self._issue_menu(self), self.reinspect_button, self.quarter_button):
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
        self.follow = RefreshOnChange(
            self, {Change.FINDING, Change.INSPECTION, Change.ENTERPRISE, Change.SETTINGS}, self.refresh, daily=True)

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
            set_message(self.message, str(e))
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

    def set_enterprise(self, enterprise_id: str | None) -> None:
        self._set_enterprise_button(enterprise_id)
        self.apply_filters()

    def _set_enterprise_button(self, enterprise_id: str | None) -> None:
        self.enterprise_id = enterprise_id
        name = enterprise_store.name_of(self.store, enterprise_id)
        self.enterprise_button.setText(name or self.tr("All enterprises"))
        self.enterprise_clear.setVisible(bool(enterprise_id))

    def _on_enterprise_clear_clicked(self) -> None:
        self.set_enterprise(None)

    def enterprise_picker(self) -> EnterprisePickerDialog:
        return EnterprisePickerDialog(self.store, self)

    def _on_enterprise_clicked(self) -> None:
        dlg = self.enterprise_picker()
        if dlg.exec() and dlg.chosen_id:
            self.set_enterprise(dlg.chosen_id)

    def quarter_dialog(self) -> QuarterListingDialog:
        dlg = QuarterListingDialog(self.store, self)
        dlg.finding_activated.connect(self.open_finding)
        return dlg

    def _on_quarter_clicked(self) -> None:
        self.quarter_dialog().exec()


__all__ = ["FindingsWidget"]
