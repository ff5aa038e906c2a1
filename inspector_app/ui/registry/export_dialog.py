"""Registry ledger export: choose a file, write it in the background with a progress bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core import clock
from ...core import settings as S
from ...storage import open_db
from ...storage import settings
from ...storage.db import Store
from ...storage.enterprises import SearchQuery
from ..operations import Op


def export_registry_interactive(parent: QWidget, store: Store, query: SearchQuery | None) -> Op | None:
    default = f"{settings.get(store, S.TOWNSHIP)}企业基本情况台账_{clock.today():%Y%m%d}.xlsx"
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportDialog", "Export registry ledger"), default,
                                          QCoreApplication.translate("ExportDialog", "Excel workbooks (*.xlsx)"))
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return export_registry_to(parent, store, path, query)


def export_registry_to(parent: QWidget, store: Store, path: str, query: SearchQuery | None) -> Op:
    db_path = store.path

    def work(progress):
        from ...reports.registry_xlsx import export_registry

        worker_store = open_db(db_path)  # connections are bound to their thread
        try:
            return export_registry(worker_store, path, query=query, progress=progress)
        finally:
            worker_store.close()

    def done(count):
        QMessageBox.information(parent, QCoreApplication.translate("ExportDialog", "Export registry ledger"),
                                QCoreApplication.translate("ExportDialog", "%1 enterprises exported to\n%2").replace("%1", str(count)).replace("%2", path))

    title = QCoreApplication.translate("ExportDialog", "Export registry ledger")
    # Reads only: nothing to announce.
    return Op(parent, work, background=True, progress_label=title, failure_title=title).success(done).run()
