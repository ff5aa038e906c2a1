"""The backup module driven by real clicks: back up into a folder, restore's confirmation, the
series confirmation after a restore, and the start-up hook."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector_app.core import clock
from inspector_app.core import documents as docs
from inspector_app.storage import backup, open_db, series
from inspector_app.ui.backup import BackupDialog, RestoreDialog, SeriesConfirmDialog, startup


def _quiet(monkeypatch):
    seen = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: seen.append((_n, a[2]))))
    return seen


@pytest.mark.calendar
def test_backup_dialog_writes_a_verified_backup(qtbot, demo_db, tmp_path, monkeypatch):
    seen = _quiet(monkeypatch)
    dlg = BackupDialog(demo_db)
    qtbot.addWidget(dlg)
    assert "尚未备份" in dlg.status.text()
    dlg.folder.setText(str(tmp_path / "usb"))
    qtbot.mouseClick(dlg.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result_info is not None, timeout=20000)
    assert backup.verify_backup(dlg.result_info.path)
    assert seen and str(dlg.result_info.path) in seen[-1][1]
    assert backup.backup_status(demo_db).last.path == dlg.result_info.path


def test_restore_needs_the_officers_confirmation(qtbot, demo_db, tmp_path):
    info = backup.create_backup(demo_db, tmp_path / "usb")
    dlg = RestoreDialog(demo_db, info.path)
    qtbot.addWidget(dlg)
    from PySide6.QtWidgets import QPlainTextEdit
    assert "企业60家" in dlg.findChild(QPlainTextEdit, "backupSummary").toPlainText()
    assert not dlg.restore_button.isEnabled()
    qtbot.mouseClick(dlg.confirm, Qt.MouseButton.LeftButton)
    assert dlg.restore_button.isEnabled()


@pytest.mark.calendar
def test_series_confirmation_after_a_restore(qtbot, demo_db, tmp_path, monkeypatch):
    _quiet(monkeypatch)
    info = backup.create_backup(demo_db, tmp_path / "usb")
    path = demo_db.path
    demo_db.close()
    backup.restore(info.path, path)
    s = open_db(path)
    try:
        dlg = SeriesConfirmDialog(s)
        qtbot.addWidget(dlg)
        assert dlg.table.rowCount() == len(docs.KINDS)
        for r, spin in dlg.spins:
            if r["kind"] == docs.RECTIFICATION_ORDER:
                spin.setValue(7)
        qtbot.mouseClick(dlg.confirm_button, Qt.MouseButton.LeftButton)
        assert series.blocked(s) == []
        assert s.conn.execute("SELECT last FROM doc_seq WHERE kind = ? AND year = ?",
                              [docs.RECTIFICATION_ORDER, clock.today().year]).fetchone()[0] == 7
    finally:
        s.close()


@pytest.mark.calendar
def test_startup_reports_blocked_series_and_takes_the_daily_backup(qtbot, demo_db, tmp_path, monkeypatch):
    from inspector_app.ui.main_window import MainWindow

    _quiet(monkeypatch)
    monkeypatch.setattr(SeriesConfirmDialog, "exec", lambda self: 0)
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    found = startup(win, delay_ms=0)
    assert found["blocked"] == [] and found["problems"] == [] and found["status"].remind
    assert "尚未备份" in win.statusBar().currentMessage()
    task = found["task"]
    with qtbot.waitSignal(task.signals.finished, timeout=20000):
        pass
    assert backup.list_backups(backup.auto_dir(demo_db.path))
    assert startup(win)["task"] is None  # once a day
