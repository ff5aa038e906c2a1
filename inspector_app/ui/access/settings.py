"""Settings → Password and screen lock: the idle time before the window locks, and a new password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox

from ...core import settings as S
from ...storage import crypt, encryption, settings
from ...storage.db import Store
from ..widgets.messages import error_label, set_message
from .dialogs import form_dialog


class AccessSettingsDialog(QDialog):
    def __init__(self, store: Store, parent=None, *, idle_lock=None):
        super().__init__(parent)
        self.store = store
        self.idle_lock = idle_lock
        self.setWindowTitle(self.tr("Password and screen lock"))
        env = crypt.read_envelope(crypt.keys_path(store.path)) if store.path is not None else None
        status = QLabel(self.tr("The database and photos are encrypted (SQLCipher, AES-256).") if env is not None
                        else self.tr("This database is not encrypted."), self)
        status.setWordWrap(True)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("idleMinutes")
        self.minutes.setRange(S.IDLE_LOCK_MINUTES.minimum, S.IDLE_LOCK_MINUTES.maximum)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("never"))
        self.minutes.setValue(settings.get(store, S.IDLE_LOCK_MINUTES))
        self.old = self._pw("oldPassword")
        self.new1 = self._pw("changePassword1")
        self.new2 = self._pw("changePassword2")
        form = QFormLayout()
        form.addRow(self.tr("Lock after no use for:"), self.minutes)
        if env is not None:
            form.addRow(QLabel(self.tr("Change the password (leave empty to keep it):"), self))
            form.addRow(self.tr("Current password:"), self.old)
            form.addRow(self.tr("New password:"), self.new1)
            form.addRow(self.tr("New password again:"), self.new2)
        self.error = error_label(self, "accessError")
        form_dialog(self, status, form, self.error, ok_name="accessSave", width=480,
                    ok=QDialogButtonBox.StandardButton.Save)

    def _pw(self, name: str) -> QLineEdit:
        e = QLineEdit(self)
        e.setObjectName(name)
        e.setEchoMode(QLineEdit.EchoMode.Password)
        return e

    def accept(self) -> None:  # Qt override: save, then close
        try:
            if self.new1.text() or self.old.text():
                if self.new1.text() != self.new2.text():
                    raise ValueError(self.tr("The two new passwords differ."))
                encryption.change_password(self.store.path, self.new1.text(), old_password=self.old.text())
            settings.put(self.store, S.IDLE_LOCK_MINUTES, self.minutes.value())
        except (ValueError, RuntimeError) as e:
            set_message(self.error, str(e))
            return
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(self.minutes.value())
        super().accept()


__all__ = ["AccessSettingsDialog"]
