"""Export the quarter's ledgers: the workbook and/or the PDFs, written off the UI thread with a
progress bar (``Op(background=True)``: the worker opens its own connection). A closed quarter is
exported from its snapshot, so the files are the same whenever they are made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout)

from ...core import settings as S
from ...core.ledgers.quarter import Quarter
from ...storage import open_db
from ...storage import settings
from ...storage.db import Store
from ..operations import Op
from ..widgets.messages import HINT_STYLE, error_label, inline_failure, set_message


def export_files(db_path, q: Quarter, paths: dict[str, str], *, unmask: bool, progress=None) -> dict[str, str]:
    """Write the chosen files (``xlsx``, ``pdf``, ``figures``) for the quarter; the worker's work."""
    from ...reports.ledgers_pdf import write_figures_pdf, write_ledgers_pdf
    from ...reports.ledgers_xlsx import write_ledgers_xlsx
    from ...storage import ledgers

    store = open_db(db_path)  # connections are bound to their thread
    try:
        snap = ledgers.export_snapshot(store, q)
    finally:
        store.close()
    steps = [k for k in ("xlsx", "pdf", "figures") if k in paths]
    scale = 1000

    def part(i: int):
        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(i * scale + (done * scale // max(total, 1)), len(steps) * scale)
        return report

    for i, k in enumerate(steps):
        if k == "xlsx":
            write_ledgers_xlsx(snap, paths[k], unmask=unmask, progress=part(i))
        elif k == "pdf":
            write_ledgers_pdf(snap, paths[k], unmask=unmask, progress=part(i))
        else:
            write_figures_pdf(snap, paths[k])
            part(i)(1, 1)
    return paths


class ExportDialog(QDialog):
    def __init__(self, store: Store, q: Quarter, parent=None, *, show_ids: bool = False):
        super().__init__(parent)
        self.store = store
        self.q = q
        self.written: dict[str, str] = {}
        self.op = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export %1").replace("%1", q.label))
        self.xlsx = QCheckBox(self.tr("Excel workbook (a summary sheet and one sheet per ledger)"), self)
        self.xlsx.setObjectName("exportXlsx")
        self.xlsx.setChecked(True)
        self.pdf = QCheckBox(self.tr("PDF of the ledgers (landscape A4, for signing)"), self)
        self.pdf.setObjectName("exportPdf")
        self.pdf.setChecked(True)
        self.figures = QCheckBox(self.tr("One-page PDF of the figures with charts"), self)
        self.figures.setObjectName("exportFigures")
        self.unmask = QCheckBox(self.tr("Print ID numbers in full (masked by default, PIPL)"), self)
        self.unmask.setObjectName("exportUnmask")
        self.unmask.setChecked(show_ids)
        state = QLabel(self)
        state.setStyleSheet(HINT_STYLE)
        state.setWordWrap(True)
        from ...storage import ledgers

        closed = ledgers.quarter_state(store, q).is_closed
        state.setText(self.tr("Closed: exported from the snapshot frozen at the close.") if closed else
                      self.tr("Not closed: exported from the records as they stand now."))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = error_label(self, "exportMessage")
        self.go = QPushButton(self.tr("Choose the file and e&xport…"), self)
        self.go.setObjectName("exportGo")
        self.go.setDefault(True)
        self.go.clicked.connect(self.choose_and_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.go, QDialogButtonBox.ButtonRole.ActionRole)
        lay = QVBoxLayout(self)
        for w in (self.xlsx, self.pdf, self.figures, self.unmask, state, self.result_label, self.message):
            lay.addWidget(w)
        lay.addWidget(buttons)
        self.resize(520, 260)

    def default_name(self) -> str:
        return f"{settings.get(self.store, S.TOWNSHIP)}{self.q.label}安全生产台账"

    def choose_and_export(self):
        chosen = [w for w in (self.xlsx, self.pdf, self.figures) if w.isChecked()]
        if not chosen:
            set_message(self.message, self.tr("Tick at least one file to export."))
            return None
        first_xlsx = self.xlsx.isChecked()
        suffix, pattern = (".xlsx", self.tr("Excel workbooks (*.xlsx)")) if first_xlsx else (".pdf", self.tr("PDF files (*.pdf)"))
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.default_name() + suffix, pattern)
        if not path:
            return None
        return self.export_to(path)

    def paths_for(self, path: str) -> dict[str, str]:
        """The files next to the chosen one, sharing its name: 台账.xlsx, 台账.pdf, 台账_统计图表.pdf."""
        base = Path(path)
        if base.suffix.lower() in (".xlsx", ".pdf"):
            base = base.with_suffix("")
        out = {}
        if self.xlsx.isChecked():
            out["xlsx"] = str(base.with_suffix(".xlsx"))
        if self.pdf.isChecked():
            out["pdf"] = str(base.with_suffix(".pdf"))
        if self.figures.isChecked():
            out["figures"] = str(base.parent / (base.name + "_统计图表.pdf"))
        return out

    def export_to(self, path: str) -> Op:
        paths = self.paths_for(path)
        db_path, q, unmask = self.store.path, self.q, self.unmask.isChecked()
        set_message(self.message, "")
        self.go.setEnabled(False)

        def done(written: dict[str, str]) -> None:
            self.written = written
            self.go.setEnabled(True)
            self.result_label.setText(self.tr("Exported to:") + "\n" + "\n".join(written.values()))

        def failed(exc) -> None:
            self.go.setEnabled(True)
            inline_failure(self.message, self)(exc)

        title = self.tr("Exporting %1…").replace("%1", q.label)
        self.op = Op(self, lambda progress: export_files(db_path, q, paths, unmask=unmask, progress=progress),
                     background=True, progress_label=title).success(done).failure(failed).run()
        return self.op


__all__ = ["ExportDialog", "export_files"]
