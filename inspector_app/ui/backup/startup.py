"""What the main window calls once it is shown: number series blocked after a restore, the
incremental verification, the backup reminder and the automatic daily backup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox

from ...core import settings as S
from ...storage import backup, series, settings
from ..tasks import Task



def startup(window, *, auto_backup: bool = True, delay_ms: int = 1500) -> dict:
    """Run the start-up checks for ``window`` (a ``MainWindow``: ``store``, ``statusBar()``).

    Returns what it found (for tests): ``blocked`` series, verification ``problems``, the backup
    ``status``, and the automatic backup ``task`` if one was started.
    """
    from ...storage.verify import verify

    store = window.store
    found: dict = {"blocked": series.blocked(store), "task": None}
    report = verify(store)  # incremental: milliseconds
    found["problems"] = report.problems
    status = backup.backup_status(store)
    found["status"] = status
    window.statusBar().showMessage(status.message, 15000)
    if found["blocked"]:
        from .dialogs import SeriesConfirmDialog

        QTimer.singleShot(0, lambda: SeriesConfirmDialog(store, window).exec())
    if report.problems:
        QMessageBox.warning(window, QCoreApplication.translate("BackupStartup", "Records check"),
                            QCoreApplication.translate("BackupStartup", "The check of the legal records found problems:\n%1\n\n"
                                "Run “inspector verify --full” for the complete list.")
                            .replace("%1", "\n".join(report.problems[:8])))
    elif status.remind and status.last is not None:
        QMessageBox.information(window, QCoreApplication.translate("BackupStartup", "Backup reminder"), status.message)
    if auto_backup and store.path is not None and settings.get(store, S.AUTO_BACKUP):
        found["task"] = _auto_backup(window, delay_ms)
    return found


def _auto_backup(window, delay_ms: int):
    """The daily automatic backup, quietly in the background shortly after start."""
    store = window.store
    db_path = store.path
    keep = settings.get_many(store, [S.BACKUP_KEEP_DAILY, S.BACKUP_KEEP_WEEKLY])
    if not backup.auto_backup_due(db_path):
        return None

    def work(progress=None):
        return backup.run_auto_backup(db_path, keep_daily=keep[S.BACKUP_KEEP_DAILY.key],
                                      keep_weekly=keep[S.BACKUP_KEEP_WEEKLY.key])

    task = Task(work)
    task.signals.succeeded.connect(
        lambda info: info and window.statusBar().showMessage(
            QCoreApplication.translate("BackupStartup", "Automatic backup written: %1").replace("%1", str(info.path)), 10000))
    task.signals.failed.connect(
        lambda msg: window.statusBar().showMessage(QCoreApplication.translate("BackupStartup", "Automatic backup failed: %1").replace("%1", msg)))
    QTimer.singleShot(delay_ms, task.start)
    return task
