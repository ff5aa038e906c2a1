"""Unlocking at start, the recovery-key path, the first password and the idle lock (ui/access)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from inspector_app.storage import crypt, open_db
from inspector_app.ui import app as app_mod
from inspector_app.ui import setup_wizard
from inspector_app.ui.access import dialogs
from inspector_app.ui.access.idle_lock import IdleLock, LockPanel
from tests.fixtures.ui_hands import click, drive


@pytest.fixture
def locked_db(tmp_path):
    path = tmp_path / "data" / "inspector.sqlite"
    s = open_db(path, create=True, password="open sesame")
    s.close()
    crypt.forget(path)
    yield path
    crypt.forget(path)


def _type(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_a_wrong_password_is_told_in_the_dialog_and_the_right_one_unlocks(qtbot, locked_db):
    dlg = dialogs.UnlockDialog(locked_db)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.findChild(QLabel, "unlockDemoHint") is None  # only a demo database shows its password
    _type(qtbot, dlg.password, "open sesam")
    click(qtbot, dlg.ok)
    assert dlg.isVisible() and dlg.error.isVisible() and dlg.key is None
    assert "Wrong password" in dlg.error.text() or "密码" in dlg.error.text()
    _type(qtbot, dlg.password, "open sesame")
    click(qtbot, dlg.ok)
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.key is not None
    open_db(locked_db, key=dlg.key).close()


def test_the_recovery_key_unlocks_and_sets_a_new_password(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "inspector.sqlite"
    s = open_db(path, create=True, password="forgotten pw")
    rk = s.recovery_key
    s.close()
    crypt.forget(path)
    dlg = dialogs.UnlockDialog(path)
    qtbot.addWidget(dlg)

    def in_recovery(r):
        _type(qtbot, r.recovery, "BAD")
        _type(qtbot, r.new1, "brand new pw")
        _type(qtbot, r.new2, "brand new pw")
        click(qtbot, r.findChild(type(dlg.ok), "recoveryOk"))
        assert r.error.isVisible() and r.isVisible()
        _type(qtbot, r.recovery, rk)
        click(qtbot, r.findChild(type(dlg.ok), "recoveryOk"))

    drive(monkeypatch, dialogs.RecoveryUnlockDialog, in_recovery)
    dlg.show()
    click(qtbot, dlg.forgot)
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.key is not None
    crypt.forget(path)
    with pytest.raises(crypt.WrongPasswordError):
        open_db(path, password="forgotten pw")
    open_db(path, password="brand new pw").close()
    crypt.forget(path)


def test_the_app_asks_for_the_password_before_the_main_window(qapp, locked_db, monkeypatch):
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", lambda self: 0)  # not set up: stops after the unlock
    shown = []

    def wrong_then_cancel(dlg):
        shown.append(dlg)
        _type_plain(dlg.password, "nope nope")
        dlg.ok.click()
        assert dlg.error.isVisible()
        dlg.reject()

    def _type_plain(edit, text):
        edit.setText(text)

    drive(monkeypatch, dialogs.UnlockDialog, wrong_then_cancel)
    assert app_mod.main(["--db", str(locked_db), "--lang", "en"]) == 1
    assert shown and crypt.key_for(locked_db) is None  # nothing opened

    def right(dlg):
        dlg.password.setText("open sesame")
        dlg.ok.click()

    drive(monkeypatch, dialogs.UnlockDialog, right)
    assert app_mod.main(["--db", str(locked_db), "--lang", "en"]) == 1  # unlocked; the wizard then cancelled
    assert crypt.key_for(locked_db) is not None


def test_a_demo_database_shows_its_password_on_the_unlock_screen(qtbot, tmp_path):
    path = tmp_path / "demo.sqlite"
    open_db(path, create=True, password=crypt.DEMO_PASSWORD, demo=True).close()
    crypt.forget(path)
    dlg = dialogs.UnlockDialog(path)
    qtbot.addWidget(dlg)
    hint = dlg.findChild(QLabel, "unlockDemoHint")
    assert hint is not None and crypt.DEMO_PASSWORD in hint.text()
    dlg.show()
    click(qtbot, dlg.ok)  # pre-filled
    assert dlg.key is not None
    crypt.forget(path)


def test_a_new_password_must_be_typed_twice_alike(qtbot):
    dlg = dialogs.SetPasswordDialog(upgrading=True)
    qtbot.addWidget(dlg)
    dlg.show()
    _type(qtbot, dlg.new1, "abcdefg")
    _type(qtbot, dlg.new2, "abcdefh")
    dlg.accept()
    assert dlg.error.isVisible() and dlg.result() != dlg.DialogCode.Accepted
    _type(qtbot, dlg.new1, "abc")
    _type(qtbot, dlg.new2, "abc")
    dlg.accept()
    assert "6" in dlg.error.text()
    _type(qtbot, dlg.new1, "abcdefg")
    _type(qtbot, dlg.new2, "abcdefg")
    dlg.accept()
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.password == "abcdefg"


def test_the_window_locks_after_idle_time_and_unlocks_with_the_password(qtbot, locked_db):
    win = QMainWindow()
    secret = QLabel("企业联系电话 13800000000", win)
    win.setCentralWidget(secret)
    qtbot.addWidget(win)
    win.resize(800, 500)
    win.show()
    qtbot.waitExposed(win)
    lock = IdleLock(locked_db, 0.005, win)  # 0.3 s for the test (the setting is in minutes)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    (panel,) = [p for p in win.findChildren(LockPanel)]
    assert panel.isVisible() and panel.geometry() == win.rect()  # the content is covered
    assert win.grab().toImage().pixelColor(10, 60) == panel.grab().toImage().pixelColor(10, 60)
    fired = []
    from PySide6.QtGui import QAction, QKeySequence

    act = QAction("probe", win)
    act.setShortcut(QKeySequence("Ctrl+J"))
    act.triggered.connect(lambda: fired.append(1))
    win.addAction(act)
    qtbot.keyClick(win, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not fired  # no shortcut reaches the covered window
    qtbot.keyClicks(panel.password, "wrong")
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert lock.locked and panel.error.isVisible()
    panel.password.clear()
    qtbot.keyClicks(panel.password, "open sesame")
    click(qtbot, panel.unlock)
    assert not lock.locked
    qtbot.keyClick(win, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert fired  # unlocked: the shortcut works again
    qtbot.waitUntil(lambda: not win.findChildren(LockPanel) or not any(p.isVisible() for p in win.findChildren(LockPanel)))
    # input keeps it open: keys pressed more often than the idle time
    lock.set_minutes(0.01)  # 0.6 s
    for _ in range(6):
        qtbot.wait(200)
        qtbot.keyClick(win, Qt.Key.Key_Shift)
    assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    lock.set_minutes(0)


def test_zero_minutes_never_locks(qtbot, locked_db):
    win = QMainWindow()
    qtbot.addWidget(win)
    win.show()
    lock = IdleLock(locked_db, 0, win)
    qtbot.wait(300)
    assert not lock.locked and not lock.timer.isActive()


def test_settings_change_the_idle_time_and_the_password(qtbot, locked_db):
    from inspector_app.core import settings as S
    from inspector_app.storage import settings
    from inspector_app.ui.access.settings import AccessSettingsDialog

    s = open_db(locked_db, password="open sesame")
    try:
        dlg = AccessSettingsDialog(s)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.minutes.setValue(3)
        _type(qtbot, dlg.old, "wrong")
        _type(qtbot, dlg.new1, "another pw")
        _type(qtbot, dlg.new2, "another pw")
        dlg.accept()
        assert dlg.error.isVisible() and settings.get(s, S.IDLE_LOCK_MINUTES) == 15
        _type(qtbot, dlg.old, "open sesame")
        dlg.accept()
        assert settings.get(s, S.IDLE_LOCK_MINUTES) == 3
    finally:
        s.close()
    crypt.forget(locked_db)
    open_db(locked_db, password="another pw").close()


def test_a_new_database_gets_a_password_and_shows_the_recovery_key_once(qapp, tmp_path, monkeypatch):
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # create it
    keys = []

    def set_pw(dlg):
        dlg.new1.setText("first password")
        dlg.new2.setText("first password")
        dlg.accept()

    def note_key(dlg):
        keys.append(dlg.recovery_key)
        assert not dlg.ok.isEnabled()  # not before it was written down
        dlg.reject()
        assert dlg.result() != dlg.DialogCode.Accepted
        dlg.confirm.setChecked(True)
        dlg.ok.click()

    drive(monkeypatch, dialogs.SetPasswordDialog, set_pw)
    drive(monkeypatch, dialogs.RecoveryKeyDialog, note_key)
    db = tmp_path / "new" / "inspector.sqlite"
    assert app_mod.main(["--db", str(db), "--lang", "en"]) == 1  # the wizard is cancelled
    assert keys and not db.read_bytes().startswith(b"SQLite format 3")
    crypt.forget(db)
    env = crypt.read_envelope(crypt.keys_path(db))
    assert env.unlock("first password") == env.unlock_recovery(keys[0])


def test_a_known_password_is_derived_while_qt_loads(locked_db, monkeypatch):
    # INSPECTOR_PASSWORD (or a demo database under --smoke): the key is derived on a thread
    # before the window exists, and open_db finds it; nothing when the officer must type it.
    monkeypatch.setenv(crypt.PASSWORD_ENV, "open sesame")
    t = app_mod._unlock_early(locked_db, smoke=False)
    assert t is not None
    t.join()
    assert crypt.key_for(locked_db) is not None
    s = open_db(locked_db)  # no password given: the remembered key opens it
    s.close()
    crypt.forget(locked_db)
    monkeypatch.setenv(crypt.PASSWORD_ENV, "wrong one")
    app_mod._unlock_early(locked_db, smoke=False).join()
    assert crypt.key_for(locked_db) is None  # a wrong password is reported by open_db as usual
    with pytest.raises(crypt.WrongPasswordError):
        open_db(locked_db, password="wrong one")
    monkeypatch.delenv(crypt.PASSWORD_ENV)
    assert app_mod._unlock_early(locked_db, smoke=True) is None  # not a demo database: typed
