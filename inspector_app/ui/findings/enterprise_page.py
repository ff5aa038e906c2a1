"""Dossier tab: the enterprise's findings (open ones first by deadline)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...storage.db import Store
from ..operations import Change
from ..widgets.messages import error_label
from ..widgets.refresh import RefreshOnChange
from .actions import FindingActions
from .list_model import OPEN_CHOICE, FindingFilter, FindingsModel, findings_table, keep_selection, states_of


class EnterpriseFindingsPage(QWidget, FindingActions):
    """Dossier tab: the enterprise's findings (open ones first by deadline)."""


    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.model = FindingsModel(store, self, filter=FindingFilter(enterprise_id=enterprise_id))
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("Not closed"), OPEN_CHOICE)
        self.state.addItem(self.tr("All states"), "")
        self.state.currentIndexChanged.connect(self._on_state_changed)
        self.count_label = QLabel(self)
        self.message = error_label(self, "findingsMessage")
        self.view = findings_table(self, self.model, widths=(0, 0, 380, 50, 90, 90, 80), name="enterpriseFindings")
        self.view.hideColumn(0)
        self.view.hideColumn(1)
        self.view.activated.connect(self._on_view_activated)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.reinspect_button = QPushButton(self.tr("&Re-inspect selected…"), self)
        self.reinspect_button.setObjectName("reinspectButton")
        self.reinspect_button.clicked.connect(self._on_reinspect_clicked)
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addStretch(1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for w in (self.open_button, self._issue_menu(self), self.reinspect_button):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.refresh()
        self.follow = RefreshOnChange(
            self, {Change.FINDING, Change.INSPECTION, Change.SETTINGS}, self.refresh, daily=True)

    def _on_state_changed(self, _index) -> None:
        self.refresh()

    def refresh(self) -> None:
        f = self.model.filter
        with keep_selection(self.view, self.model):
            self.model.set_filter(replace(f, state=states_of(self.state.currentData()),
                                          enterprise_id=self.enterprise_id))
        self.count_label.setText(self.tr("%n finding(s)", "", self.model.rowCount()))


__all__ = ["EnterpriseFindingsPage"]
