"""Kept only for screens not yet converted to ``operations.Op(background=True)``.

The registry export moved to ``ui/registry/export_dialog.py`` and runs through ``Op``; the
findings and document screens still import ``run_with_progress`` from here. Delete this module
once nothing imports it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

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
