"""Import the county's enterprise list: read and check in the background, preview every row
with its reason, import the good rows, and save the rejected ones for correction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QVBoxLayout)

from ...core.i18n import QT_TRANSLATE_NOOP
from ...storage import open_db
from ...storage.db import Store
from ..operations import Change, Op, show_failure
from ..widgets.tables import ListTableModel, table_view

ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("PlanModel", "New"),
    "update": QT_TRANSLATE_NOOP("PlanModel", "Update"),
    "unchanged": QT_TRANSLATE_NOOP("PlanModel", "Unchanged"),
    "error": QT_TRANSLATE_NOOP("PlanModel", "Error"),
}


class PlanModel(ListTableModel):
    COLUMNS = (("row", QT_TRANSLATE_NOOP("PlanModel", "Row")), ("action", QT_TRANSLATE_NOOP("PlanModel", "Action")),
               ("name", QT_TRANSLATE_NOOP("PlanModel", "Name")),
               ("reasons", QT_TRANSLATE_NOOP("PlanModel", "Reasons / warnings")))

    @staticmethod
    def action_of(r) -> str:
        return "unchanged" if r.action == "update" and not r.changed else r.action

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return "\n".join(r.errors + r.warnings) or None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.row_number
            if col == 1:
                return QCoreApplication.translate("PlanModel", ACTION_LABELS[self.action_of(r)])
            if col == 2:
                return r.name
            return "；".join(r.errors + r.warnings)
        if role == Qt.ItemDataRole.ForegroundRole and r.action == "error":
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and r.warnings:
            return QColor("#8a5a00")
        return None


class ImportDialog(QDialog):
    imported = Signal(object)

    def __init__(self, store: Store, path: str, parent=None, *, start: bool = True):
        super().__init__(parent)
        self.store = store
        self.path = path
        self.plan = None
        self.report = None
        self.setWindowTitle(self.tr("Import enterprises"))
        self.summary = QLabel(self.tr("Reading the workbook…"), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.columns = QLabel(self)
        self.columns.setWordWrap(True)
        self.model = PlanModel(self)
        self.view = table_view(self, self.model, name="importPreview", widths=(60, 80, 300))
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.errors_button = QPushButton(self.tr("Save rejected rows…"), self)
        self.errors_button.setEnabled(False)
        self.errors_button.clicked.connect(self._on_save_errors_clicked)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.columns)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(980, 620)
        if start:
            self.read()

    # -- phase 1: read and check -----------------------------------------------------------
    def read(self) -> Op:
        db_path, path = self.store.path, self.path

        def work(progress):
            from ...importers.enterprise_xlsx import read_workbook

            s = open_db(db_path)  # connections are bound to their thread
            try:
                return read_workbook(path, s, progress=progress)
            finally:
                s.close()

        def failed(exc: BaseException) -> None:
            self.summary.setText(str(exc) or exc.__class__.__name__)
            show_failure(self, exc, self.tr("Import enterprises"))

        self._op = Op(self, work, background=True, progress_label=self.tr("Reading and checking the workbook…"),
                      failure_title=self.tr("Import enterprises")).success(self.show_plan).failure(failed).run()
        return self._op

    def show_plan(self, plan) -> None:
        self.plan = plan
        rows = sorted(plan.rows, key=lambda r: (r.action != "error", r.row_number))
        self.model.set_rows(rows)
        n_err = len(plan.error_rows)
        self.summary.setText(
            self.tr("%1 rows read: %2 new, %3 to update, %4 unchanged, %5 with errors (listed first, not imported).")
            .replace("%1", str(len(plan.rows))).replace("%2", str(plan.inserts))
            .replace("%3", str(plan.updates)).replace("%4", str(plan.unchanged)).replace("%5", str(n_err)))
        recognised = "、".join(f"{h}→{self._field_label(f)}" for h, f in plan.mapping.items())
        text = self.tr("Columns recognised: ") + recognised
        if plan.unmapped:
            text += "\n" + self.tr("Columns not imported: ") + "、".join(plan.unmapped)
        self.columns.setText(text)
        good = plan.inserts + plan.updates
        self.import_button.setText(self.tr("&Import %1 good rows").replace("%1", str(good)))
        self.import_button.setEnabled(good > 0)
        self.errors_button.setEnabled(n_err > 0)

    @staticmethod
    def _field_label(field: str) -> str:
        from ...core.enterprise import LABELS_ZH

        return LABELS_ZH.get(field, field)

    # -- phase 2: write --------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        self.apply()

    def apply(self) -> Op:
        db_path, plan = self.store.path, self.plan
        self.import_button.setEnabled(False)

        def work(progress):
            from ...importers.enterprise_xlsx import apply_plan

            s = open_db(db_path)
            try:
                return apply_plan(s, plan, progress=progress)
            finally:
                s.close()

        def done(report):
            self.report = report
            self.summary.setText(
                self.tr("Imported: %1 new, %2 updated, %3 unchanged. %4 rows rejected — save them, correct and import again.")
                .replace("%1", str(report.inserted)).replace("%2", str(report.updated))
                .replace("%3", str(report.unchanged)).replace("%4", str(len(report.errors))))
            self.imported.emit(report)

        # The registry hears of the new and updated enterprises through the change bus.
        self._op = Op(self, work, changes={Change.ENTERPRISE}, background=True,
                      progress_label=self.tr("Writing enterprises…"),
                      failure_title=self.tr("Import enterprises")).success(done).run()
        return self._op

    def _on_save_errors_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), "导入错误清单.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.save_errors(path)

    def save_errors(self, path: str) -> None:
        from ...importers.enterprise_xlsx import write_error_report

        try:
            write_error_report(self.report or self.plan, path)
        except (OSError, ValueError) as e:
            QMessageBox.critical(self, self.tr("Save rejected rows"), str(e))
