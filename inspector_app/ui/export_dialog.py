"""Registry ledger export: choose a file, write it in the background with a progress bar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..storage import open_db
from ..storage import township
from ..storage.db import Store
from ..storage.enterprises import SearchQuery
from .tasks import Task



def run_with_progress(parent: QWidget, title: str, fn, *, on_success, label: str = "") -> Task:
    """Run ``fn(progress=…)`` in the pool behind a modal progress dialog; errors are shown."""
    dlg = QProgressDialog(label or title, None, 0, 0, parent)
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(0)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.show()
    task = Task(fn)

    def progressed(done: int, total: int) -> None:
        dlg.setMaximum(max(total, 1))
        dlg.setValue(done)

    def failed(message: str) -> None:
        dlg.close()
        QMessageBox.critical(parent, title, message)

    def succeeded(result) -> None:
        dlg.close()
        on_success(result)

    task.signals.progressed.connect(progressed)
    task.signals.failed.connect(failed)
    task.signals.succeeded.connect(succeeded)
    task.start()
    return task


def export_registry_interactive(parent: QWidget, store: Store, query: SearchQuery | None) -> Task | None:
    s = township.settings(store)
    default = f"{s['township']}企业基本情况台账_{date.today():%Y%m%d}.xlsx"
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportDialog", "Export registry ledger"), default,
                                          QCoreApplication.translate("ExportDialog", "Excel workbooks (*.xlsx)"))
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return export_registry_to(parent, store, path, query)


def export_registry_to(parent: QWidget, store: Store, path: str, query: SearchQuery | None) -> Task:
    db_path = store.path

    def work(progress):
        from ..reports.registry_xlsx import export_registry

        worker_store = open_db(db_path)  # connections are bound to their thread
        try:
            return export_registry(worker_store, path, query=query, progress=progress)
        finally:
            worker_store.close()

    def done(count):
        QMessageBox.information(parent, QCoreApplication.translate("ExportDialog", "Export registry ledger"),
                                QCoreApplication.translate("ExportDialog", "%1 enterprises exported to\n%2").replace("%1", str(count)).replace("%2", path))

    return run_with_progress(parent, QCoreApplication.translate("ExportDialog", "Export registry ledger"), work, on_success=done)
