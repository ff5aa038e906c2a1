"""The inspections module: unfinished inspections to resume first, then the recent ones."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from ...storage import inspections as ins
from ...storage.db import Store
from ..operations import Change, Op
from ..widgets.refresh import RefreshOnChange
from ..widgets.tables import table_view
from .labels import KIND_LABELS, bold, fmt_time, label_of
from .record import show_inspection_record
from .rows import Column, RowsModel, history_columns
from .start_dialog import start_inspection_interactive
from .window import _open_windows, open_inspection_window


class InspectionsWidget(QWidget):
    """The inspections module: drafts to resume first (after a crash or a flat battery the
    officer finds the unfinished inspection here), then recent inspections, and New inspection…"""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.new_button = QPushButton(self.tr("&New inspection…"), self)
        self.new_button.setObjectName("newInspection")
        self.new_button.clicked.connect(self._on_new_clicked)
        title = QLabel(self.tr("Inspections"), self)
        bold(title, 1.3)

        self.drafts_box = QGroupBox(self)
        self.drafts_box.setObjectName("draftsBox")
        self.drafts_box.setStyleSheet(
            "QGroupBox#draftsBox { background: #fff8e6; border: 2px solid #e0a030; border-radius: 4px; "
            "margin-top: 1.4em; font-weight: bold; } "
            "QGroupBox#draftsBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }")
        self.drafts_model = RowsModel([
            Column(self.tr("Enterprise"), lambda r: r["enterprise_name"]),
            Column(self.tr("Kind"), lambda r: label_of(KIND_LABELS, r["kind"])),
            Column(self.tr("Started"), lambda r: fmt_time(r["started_at"])),
            Column(self.tr("Answered"), lambda r: r["answered_count"], None, True),
            Column(self.tr("Last saved"), lambda r: fmt_time(r["last_saved"])),
        ], self)
        self.drafts_view = table_view(self.drafts_box, self.drafts_model, name="draftsView",
                                      widths=(300, 110, 130, 80, 130))
        self.drafts_view.activated.connect(lambda _i: self._on_resume_clicked())
        self.drafts_view.setStyleSheet("font-weight: normal;")
        self.resume_button = QPushButton(self.tr("&Resume"), self.drafts_box)
        self.resume_button.setObjectName("resumeDraft")
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.discard_button = QPushButton(self.tr("&Discard draft…"), self.drafts_box)
        self.discard_button.setObjectName("discardDraft")
        self.discard_button.clicked.connect(self._on_discard_clicked)
        for b in (self.resume_button, self.discard_button):
            b.setStyleSheet("font-weight: normal;")
        drafts_buttons = QHBoxLayout()
        drafts_buttons.addStretch(1)
        drafts_buttons.addWidget(self.discard_button)
        drafts_buttons.addWidget(self.resume_button)
        box_layout = QVBoxLayout(self.drafts_box)
        box_layout.addWidget(self.drafts_view)
        box_layout.addLayout(drafts_buttons)

        self.recent_label = QLabel(self.tr("Recent inspections"), self)
        bold(self.recent_label, 1.1)
        self.recent_model = RowsModel(history_columns(with_enterprise=True), self)
        self.recent_view = table_view(self, self.recent_model, name="recentView",
                                      widths=(130, 280, 110, 170, 95, 75, 60))
        self.recent_view.activated.connect(lambda _i: self._on_open_clicked())
        self.open_button = QPushButton(self.tr("&Open (read-only)"), self)
        self.open_button.setObjectName("openInspection")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.record_button = QPushButton(self.tr("Inspection &record (PDF)…"), self)
        self.record_button.setObjectName("inspectionRecord")
        self.record_button.clicked.connect(self._on_record_clicked)

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.new_button)
        recent_buttons = QHBoxLayout()
        recent_buttons.addStretch(1)
        recent_buttons.addWidget(self.open_button)
        recent_buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.drafts_box)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_view, 1)
        layout.addLayout(recent_buttons)
        self.reload()
        RefreshOnChange(self, {Change.INSPECTION, Change.FINDING, Change.ENTERPRISE}, self.reload)

    def reload(self) -> None:
        from ...storage.inspection_record import recent_inspections

        self.drafts_model.set_rows(ins.drafts(self.store))
        n = len(self.drafts_model.rows)
        self.drafts_box.setTitle(self.tr("Unfinished inspections (%n) — resume here", "", n))
        self.drafts_box.setVisible(n > 0)
        self.drafts_view.setFixedHeight(min(6, max(n, 1)) * 24 + 30)
        if n and not self.drafts_view.currentIndex().isValid():
            self.drafts_view.selectRow(0)
        self.recent_model.set_rows(recent_inspections(self.store))
        if self.recent_model.rows and not self.recent_view.currentIndex().isValid():
            self.recent_view.selectRow(0)
        self.open_button.setEnabled(bool(self.recent_model.rows))
        self.record_button.setEnabled(bool(self.recent_model.rows))

    def _selected(self, view: QTableView, model: RowsModel) -> str | None:
        idx = view.currentIndex()
        return model.id_at(idx.row()) if idx.isValid() else None

    def _on_new_clicked(self) -> None:
        from ..widgets.pickers import EnterprisePickerDialog

        picker = EnterprisePickerDialog(self.store, self)
        picker.setWindowTitle(self.tr("New inspection: choose the enterprise"))
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen_id:
            return
        start_inspection_interactive(self.store, picker.chosen_id, self)

    def _on_resume_clicked(self) -> None:
        inspection_id = self._selected(self.drafts_view, self.drafts_model)
        if inspection_id:
            open_inspection_window(self.store, inspection_id, self)

    def _on_discard_clicked(self) -> None:
        inspection_id = self._selected(self.drafts_view, self.drafts_model)
        if not inspection_id:
            return
        row = self.drafts_model.row_at(self.drafts_view.currentIndex().row())
        answer = QMessageBox.question(
            self, self.tr("Discard draft"),
            self.tr("Discard the unfinished inspection of %1 started %2, with its answers and "
                    "photos? This cannot be undone.")
            .replace("%1", row["enterprise_name"]).replace("%2", fmt_time(row["started_at"])),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        win = _open_windows.get(inspection_id)
        if win is not None:
            win.close()
        Op(self, lambda: ins.discard_draft(self.store, inspection_id), changes={Change.INSPECTION},
           failure_title=self.tr("Discard draft")).run()

    def _on_open_clicked(self) -> None:
        inspection_id = self._selected(self.recent_view, self.recent_model)
        if inspection_id:
            open_inspection_window(self.store, inspection_id, self)

    def _on_record_clicked(self) -> None:
        inspection_id = self._selected(self.recent_view, self.recent_model)
        if inspection_id:
            show_inspection_record(self.store, inspection_id, self)
