"""Unlocking the encrypted database at start, setting its password, showing the recovery key.

The password is checked against the key envelope (``storage.crypt``): the data key it unwraps
is what opens the database, so a wrong password is told at once, in the dialog, and nothing is
opened. A forgotten password: the recovery key the county keeps unlocks it and a new password
is set (the data is not re-encrypted).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ...storage import crypt, encryption
from ..widgets.messages import error_label, set_message


def _password_edit(parent, name: str) -> QLineEdit:
    e = QLineEdit(parent)
    e.setObjectName(name)
    e.setEchoMode(QLineEdit.EchoMode.Password)
    return e


def form_dialog(dialog: QDialog, top: QWidget, form: QFormLayout, error: QLabel, *, ok_name: str, width: int,
                ok=QDialogButtonBox.StandardButton.Ok) -> QDialogButtonBox:
    """Lay out ``dialog`` as the password dialogs are: an explanation, a form, the inline error
    line and OK/Cancel (the OK button named ``ok_name`` for the tests' hands)."""
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(ok).setObjectName(ok_name)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(top)
    lay.addLayout(form)
    lay.addWidget(error)
    lay.addWidget(buttons)
    dialog.setMinimumWidth(width)
    return buttons


def _busy(fn):
    """Run ``fn`` (a key derivation, ~0.5 s) with the wait cursor."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn()
    finally:
        QApplication.restoreOverrideCursor()


class UnlockDialog(QDialog):
    """The password at start (before the main window): ``key`` holds the data key once accepted."""

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.envelope = crypt.read_envelope(crypt.keys_path(db_path))
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Unlock the database"))
        intro = QLabel(self.tr("The data on this laptop is encrypted. Type the password to open it.\n%1")
                       .replace("%1", str(self.db_path)), self)
        intro.setWordWrap(True)
        self.password = _password_edit(self, "unlockPassword")
        self.error = error_label(self, "unlockError")
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        if self.envelope is not None and self.envelope.demo:
            demo = QLabel(self.tr("Demo database: the password is %1").replace("%1", crypt.DEMO_PASSWORD), self)
            demo.setObjectName("unlockDemoHint")
            lay.addWidget(demo)
            self.password.setText(crypt.DEMO_PASSWORD)
        lay.addLayout(form)
        lay.addWidget(self.error)
        self.forgot = QPushButton(self.tr("Forgot the password? Use the recovery key…"), self)
        self.forgot.setObjectName("unlockForgot")
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self._on_forgot_clicked)
        lay.addWidget(self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Unlock"))
        self.ok.setObjectName("unlockOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:  # Qt override: check the password first
        try:
            self.key = _busy(lambda: self.envelope.unlock(self.password.text()))
        except crypt.WrongPasswordError:
            set_message(self.error, self.tr("Wrong password. Type it again (mind the keyboard's input method and Caps "
                                             "Lock). If it is forgotten, use the recovery key the county keeps."))
            self.password.selectAll()
            self.password.setFocus()
            return
        super().accept()

    def _on_forgot_clicked(self) -> None:
        dlg = RecoveryUnlockDialog(self.db_path, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.key = dlg.key
            super().accept()


class RecoveryUnlockDialog(QDialog):
    """The recovery key, then a new password (twice): the envelope is rewrapped."""

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Unlock with the recovery key"))
        intro = QLabel(self.tr("Type the recovery key from the sheet the county keeps (8 groups of 4 letters "
                               "and digits), then choose a new password."), self)
        intro.setWordWrap(True)
        self.recovery = QLineEdit(self)
        self.recovery.setObjectName("recoveryKey")
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new1 = _password_edit(self, "recoveryNew1")
        self.new2 = _password_edit(self, "recoveryNew2")
        self.error = error_label(self, "recoveryError")
        form = QFormLayout()
        form.addRow(self.tr("Recovery key:"), self.recovery)
        form.addRow(self.tr("New password:"), self.new1)
        form.addRow(self.tr("New password again:"), self.new2)
        form_dialog(self, intro, form, self.error, ok_name="recoveryOk", width=520)

    def accept(self) -> None:  # Qt override
        if self.new1.text() != self.new2.text():
            return self._fail(self.tr("The two new passwords differ."))
        env = crypt.read_envelope(crypt.keys_path(self.db_path))
        try:
            key = env.unlock_recovery(self.recovery.text())
            crypt.check_password(self.new1.text())
            _busy(lambda: encryption.change_password(self.db_path, self.new1.text(), key=key))
        except (crypt.WrongPasswordError, ValueError) as e:
            return self._fail(str(e))
        self.key = key
        super().accept()

    def _fail(self, text: str) -> None:
        set_message(self.error, text)


class SetPasswordDialog(QDialog):
    """A new password, typed twice: for a new database, or a plain one of an earlier version
    that is now encrypted (``explain`` says which)."""

    def __init__(self, parent=None, *, upgrading: bool = False, title: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Set the password"))
        if upgrading:
            text = self.tr("From this version on, the data on this laptop is kept encrypted. Choose a password "
                           "(at least 6 characters); it is asked for each time the program starts. The data is "
                           "encrypted now; this takes a moment.")
        else:
            text = self.tr("The data on this laptop is kept encrypted. Choose a password (at least 6 characters); "
                           "it is asked for each time the program starts.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.new1 = _password_edit(self, "newPassword1")
        self.new2 = _password_edit(self, "newPassword2")
        self.error = error_label(self, "newPasswordError")
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.new1)
        form.addRow(self.tr("Password again:"), self.new2)
        form_dialog(self, intro, form, self.error, ok_name="newPasswordOk", width=480)

    @property
    def password(self) -> str:
        return self.new1.text()

    def accept(self) -> None:  # Qt override
        problem = None
        if self.new1.text() != self.new2.text():
            problem = self.tr("The two passwords differ.")
        else:
            try:
                crypt.check_password(self.new1.text())
            except ValueError as e:
                problem = str(e)
        if problem:
            set_message(self.error, problem)
            return
        super().accept()


def recovery_sheet_text(recovery_key: str, db_path: Path, township: str = "") -> str:
    """The sheet the county keeps (plain text; printed or saved)."""
    from ...core import clock

    return "\n".join([
        "安全生产检查软件 · 数据恢复密钥单",
        "",
        f"乡镇（街道）：{township or '（未设置）'}",
        f"数据文件：{db_path}",
        f"生成时间：{clock.now_iso()[:16].replace('T', ' ')}",
        "",
        "恢复密钥：",
        f"    {recovery_key}",
        "",
        "忘记密码时：在解锁窗口点“忘记密码？使用恢复密钥”，输入上面的恢复密钥并设置新密码；",
        "命令行：inspector password recover。",
        "本单由县局妥善保管，不要与笔记本电脑放在一起；恢复密钥可打开本机数据和备份。",
    ])


class RecoveryKeyDialog(QDialog):
    """Shows a new recovery key once, in groups, with Save… (a text sheet) and Print…; closes
    only after the officer confirms it was written down or saved."""

    def __init__(self, recovery_key: str, db_path: Path, township: str = "", parent=None):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.sheet = recovery_sheet_text(recovery_key, db_path, township)
        self.setWindowTitle(self.tr("Recovery key"))
        intro = QLabel(self.tr("This recovery key opens the data if the password is forgotten. It is shown only "
                               "now: write it down or save and print the sheet, and hand it to the county to keep "
                               "(not with the laptop)."), self)
        intro.setWordWrap(True)
        key = QLabel(recovery_key, self)
        key.setObjectName("recoveryKeyText")
        f = QFont("monospace")
        f.setStyleHint(QFont.StyleHint.Monospace)
        f.setPointSize(16)
        f.setBold(True)
        key.setFont(f)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        save = QPushButton(self.tr("Save the sheet…"), self)
        save.setObjectName("recoverySave")
        save.clicked.connect(self._on_save_clicked)
        copy = QPushButton(self.tr("Copy"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(recovery_key))
        self.confirm = QCheckBox(self.tr("I have written down or saved the recovery key"), self)
        self.confirm.setObjectName("recoveryConfirm")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("recoveryDone")
        self.ok.setEnabled(False)
        self.confirm.toggled.connect(self.ok.setEnabled)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(key)
        lay.addWidget(self.confirm)
        lay.addWidget(buttons)
        self.setMinimumWidth(600)

    def reject(self) -> None:  # Qt override: Esc does not lose the only showing of the key
        if self.confirm.isChecked():
            super().reject()

    def _on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery sheet"), "恢复密钥单.txt",
                                              self.tr("Text (*.txt)"))
        if name:
            save_sheet(Path(name), self.sheet)
            self.confirm.setChecked(True)


def save_sheet(path: Path, text: str) -> None:
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as e:
        QMessageBox.warning(None, QApplication.translate("RecoveryKeyDialog", "Recovery key"), str(e))


__all__ = ["RecoveryKeyDialog", "RecoveryUnlockDialog", "SetPasswordDialog", "UnlockDialog", "recovery_sheet_text"]
