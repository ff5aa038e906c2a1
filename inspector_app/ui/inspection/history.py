"""The dossier's Inspections page: an enterprise's inspections, newest first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...storage import inspections as ins
from ...storage.db import Store
from ..operations import Change
from ..widgets.badges import GREY
from ..widgets.refresh import RefreshOnChange
from ..widgets.tables import table_view
from .record import show_inspection_record
from .rows import RowsModel, history_columns
from .start_dialog import start_inspection_interactive
from .window import open_inspection_window


class EnterpriseInspectionsPage(QWidget):
    """An enterprise's inspections, newest first: open (read-only) or resume, start a new one,
    view the record."""

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.model = RowsModel(history_columns(with_enterprise=False), self)
        self.view = table_view(self, self.model, name="historyView", widths=(130, 110, 170, 95, 75, 60, 70))
        self.view.activated.connect(lambda _i: self._on_open_clicked())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel(self.tr("No inspections of this enterprise yet."), self)
        self.empty.setStyleSheet(f"color: {GREY};")
        self.new_button = QPushButton(self.tr("&New inspection…"), self)
        self.new_button.setObjectName("newInspection")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openInspection")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.record_button = QPushButton(self.tr("Inspection &record (PDF)…"), self)
        self.record_button.setObjectName("inspectionRecord")
        self.record_button.clicked.connect(self._on_record_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.reload()
        RefreshOnChange(self, {Change.INSPECTION, Change.FINDING, Change.DOCUMENT}, self.reload)

    def reload(self) -> None:
        selected = self.selected_id()
        self.model.set_rows(ins.history(self.store, self.enterprise_id))
        self.empty.setVisible(not self.model.rows)
        ids = [r["id"] for r in self.model.rows]
        row = ids.index(selected) if selected in ids else (0 if ids else -1)
        if row >= 0:
            self.view.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> str | None:
        idx = self.view.currentIndex() if hasattr(self, "view") else QModelIndex()
        return self.model.id_at(idx.row()) if idx.isValid() else None

    def _selected_row(self) -> dict | None:
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def _update_buttons(self) -> None:
        row = self._selected_row()
        self.open_button.setEnabled(row is not None)
        self.open_button.setText(self.tr("&Resume draft") if row and row["status"] == "draft"
                                 else self.tr("&Open (read-only)"))
        self.record_button.setEnabled(bool(row) and row["status"] == "final")

    def _on_new_clicked(self) -> None:
        start_inspection_interactive(self.store, self.enterprise_id, self)

    def _on_open_clicked(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id:
            open_inspection_window(self.store, inspection_id, self)

    def _on_record_clicked(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id:
            show_inspection_record(self.store, inspection_id, self)
