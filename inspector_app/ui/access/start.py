"""Opening the database at start: unlock it (or set its first password), then the main window.

``INSPECTOR_PASSWORD`` (scripts, tests, the smoke run) unlocks without a dialog; a demo database
shows its documented password on the unlock screen; ``--smoke`` on a demo database uses it.
A database without a key envelope (new, or plain from an earlier version) gets a password
first and is encrypted; the new recovery key is then shown once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from ...storage import crypt, open_db
from ...storage.db import Store
from ...storage.encryption import file_state
from ...storage.errors import StorageError


def open_store(db_path: Path, *, create: bool, smoke: bool = False) -> Store | None:
    """The opened store, or None when the officer cancelled. Raises StorageError / ValueError
    (wrong password from the environment, a damaged file) for the caller's message box."""
    db_path = Path(db_path)
    env_pw = crypt.env_password()
    envelope = crypt.read_envelope(crypt.keys_path(db_path))
    if envelope is not None:
        if env_pw is not None:
            return open_db(db_path, password=env_pw)
        if smoke:
            if envelope.demo:
                return open_db(db_path, password=crypt.DEMO_PASSWORD)
            raise StorageError(f"数据库已加密：无人值守运行（--smoke）需设置环境变量 {crypt.PASSWORD_ENV}。")
        from .dialogs import UnlockDialog

        dlg = UnlockDialog(db_path)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return open_db(db_path, key=dlg.key)
    if env_pw is None and smoke:
        return open_db(db_path, create=create)  # nobody to choose a password: opened as it is
    state = file_state(db_path)
    if env_pw is not None:
        password = env_pw
    else:
        from .dialogs import SetPasswordDialog

        if not create and state == "missing":
            return open_db(db_path)  # says the file is missing
        dlg = SetPasswordDialog(upgrading=state == "plain")
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        password = dlg.password
    store = open_db(db_path, create=create, password=password)
    if store.encryption_postponed and env_pw is None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, QCoreApplication.translate("AccessStart", "Set the password"),
                                QCoreApplication.translate("AccessStart", "The data could not be encrypted now and was "
                                                           "left as it was; it is encrypted at the next start.\n%1")
                                .replace("%1", store.encryption_postponed))
    if store.recovery_key:
        if env_pw is not None:
            print(f"recovery key of {db_path}: {store.recovery_key}", file=sys.stderr)
        else:
            from ...core import settings as S
            from ...storage import settings
            from .dialogs import RecoveryKeyDialog

            RecoveryKeyDialog(store.recovery_key, db_path, settings.get(store, S.TOWNSHIP)).exec()
    return store


__all__ = ["open_store"]
