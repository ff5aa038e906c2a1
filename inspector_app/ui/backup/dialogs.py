"""The backup, restore and series-confirmation dialogs (storage/backup.py, storage/series.py).

Backing up and restoring run off the UI thread (``Op(background=True)``) with a progress bar; the
background functions open their own connections from the database path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...core import settings as S
from ...storage import backup, series, settings
from ...storage.db import Store
from ..operations import Change, Op


class BackupDialog(QDialog):
    """Pick a folder (a USB stick), back up into it, see the last backup's date."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.result_info: backup.BackupInfo | None = None
        self.setWindowTitle(self.tr("Back up data"))
        self.status = QLabel(backup.backup_status(store).message, self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.folder = QLineEdit(settings.get(store, S.BACKUP_DIR), self)
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("Folder on a USB stick or another disk"))
        choose = QPushButton(self.tr("Choose folder…"), self)
        choose.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        hint = QLabel(self.tr("The backup holds the database and every photo in one verified file. "
                              "Keep it on another disk than this laptop's."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = buttons.addButton(self.tr("Back up now"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.backup_button.setObjectName("backupNow")
        buttons.accepted.connect(self._on_backup_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 200)

    def _on_choose_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _on_backup_clicked(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            QMessageBox.warning(self, self.tr("Back up data"), self.tr("Choose a folder for the backup first."))
            return
        source = self.store.path if self.store.path is not None else self.store

        def work(progress=None):
            return backup.create_backup(source, folder, progress=progress)

        Op(self, work, changes={Change.SETTINGS}, background=self.store.path is not None,
           progress_label=self.tr("Backing up and verifying…")).success(self._on_backed_up).run()

    def _on_backed_up(self, info: backup.BackupInfo) -> None:
        backup.note_backup(self.store, info)
        self.result_info = info
        self.status.setText(backup.backup_status(self.store).message)
        QMessageBox.information(self, self.tr("Back up data"),
                                self.tr("Backup written and verified:\n%1\n\nEject the USB stick safely before "
                                        "removing it.").replace("%1", str(info.path)))
        self.accept()


class RestoreDialog(QDialog):
    """Show what a backup holds and its date; the officer confirms before anything happens."""

    def __init__(self, store: Store, backup_path: str | Path, parent=None):
        super().__init__(parent)
        self.store = store
        self.info = backup.verify_backup(backup_path)  # a damaged or foreign file never gets this far
        self.setWindowTitle(self.tr("Restore from a backup"))
        text = QPlainTextEdit(self)
        text.setObjectName("backupSummary")
        text.setReadOnly(True)
        text.setPlainText(f"{self.info.path}\n\n{self.info.summary()}")
        warn = QLabel(self.tr("Restoring replaces the current data with the backup. A copy of the current "
                              "database is kept first. Afterwards no document can be numbered until the last "
                              "number of each kind is confirmed from the paper register. The program closes "
                              "when the restore is done; start it again."), self)
        warn.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("I have checked the date and want to restore this backup"), self)
        self.confirm.setObjectName("confirmRestore")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreNow")
        self.restore_button.setEnabled(False)
        self.confirm.toggled.connect(self.restore_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(warn)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
        self.resize(620, 380)



def restore_interactive(window, *, backup_path: str | None = None) -> bool:
    """File → Restore: pick a backup, show it, confirm, close the database, restore, quit.

    The database is closed before the restore (the restore refuses while any connection is
    open) and the program then quits, so no screen keeps a view of the replaced data.
    """
    store = window.store
    if store.path is None:
        return False
    if backup_path is None:
        start = str(settings.get(store, S.BACKUP_DIR) or backup.auto_dir(store.path))
        backup_path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("RestoreDialog", "Restore from a backup"), start,
                                                     QCoreApplication.translate("RestoreDialog", "Backups (inspector-backup-*.sqlite)"))
        if not backup_path:
            return False
    try:
        dlg = RestoreDialog(store, backup_path, window)
    except (ValueError, OSError) as e:
        QMessageBox.warning(window, QCoreApplication.translate("RestoreDialog", "Restore from a backup"), str(e))
        return False
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return False
    db_path = store.path
    store.close()

    def work(progress=None):
        return backup.restore(dlg.info.path, db_path, progress=progress)

    def done(result) -> None:
        kept = str(result.kept_copy) if result.kept_copy else "—"
        QMessageBox.information(window, QCoreApplication.translate("RestoreDialog", "Restore from a backup"),
                                QCoreApplication.translate("RestoreDialog", "The backup of %1 was restored. The previous database was kept as:\n%2\n\n"
                                    "The program now closes; start it again and confirm the document numbers.")
                                .replace("%1", dlg.info.created_label).replace("%2", kept))
        QApplication.quit()

    def failed(exc) -> None:
        QMessageBox.warning(window, QCoreApplication.translate("RestoreDialog", "Restore from a backup"),
                            QCoreApplication.translate("RestoreDialog", "The restore did not happen; the current data is unchanged:\n%1\n\n"
                                "The program now closes; start it again.").replace("%1", str(exc)))
        QApplication.quit()

    Op(window, work, background=True, progress_label=QCoreApplication.translate("RestoreDialog", "Restoring…")).success(done).failure(failed).run()
    return True


class SeriesConfirmDialog(QDialog):
    """After a restore: type the last number of each blocked kind from the paper register."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Confirm the document numbers"))
        intro = QLabel(self.tr("This laptop was restored from a backup. Documents issued after the backup was "
                               "taken may already carry numbers. For each kind, enter the last number written in "
                               "the paper register (执法文书登记簿); numbering continues after it."), self)
        intro.setWordWrap(True)
        columns = [self.tr("Year"), self.tr("Document"), self.tr("Series"), self.tr("In the backup"),
                   self.tr("Last number in the register")]
        self.table = QTableWidget(0, len(columns), self)
        self.table.setObjectName("seriesTable")
        self.table.setHorizontalHeaderLabels(columns)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.spins: list[tuple[dict, QSpinBox]] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.confirm_button = buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirmSeries")
        buttons.accepted.connect(self._on_confirm_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._load()
        self.resize(720, 360)

    def _load(self) -> None:
        rows = series.blocked(self.store)
        self.table.setRowCount(len(rows))
        self.spins = []
        for i, r in enumerate(rows):
            for j, text in enumerate((str(r["year"]), r["title"], r["series"], str(r["backup_last"]))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, j, item)
            spin = QSpinBox(self.table)
            spin.setRange(0, 999999)
            spin.setValue(r["highest_known"])
            self.table.setCellWidget(i, 4, spin)
            self.spins.append((r, spin))

    def _on_confirm_clicked(self) -> None:
        def work():
            for r, spin in self.spins:
                series.confirm(self.store, r["kind"], year=r["year"], last=spin.value(), series=r["series"])

        Op(self, work, changes={Change.DOCUMENT}).success(lambda _: self.accept()).failure(self._on_failed).run()

    def _on_failed(self, exc) -> None:
        QMessageBox.warning(self, self.windowTitle(), str(exc))
        self._load()  # the series confirmed before the failing one are done
