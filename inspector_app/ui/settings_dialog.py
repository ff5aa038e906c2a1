"""Settings for documents and deadlines: who uses this laptop, the re-inspection window, the
simple-procedure fine limits and the payment details printed on penalty decisions.

The window and the limits are [K] facts in REFERENCE (not confirmed against the official text),
which is why they are settings and not constants.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout)

from ..core.findings import DEFAULT_REINSPECTION_WINDOW_DAYS
from ..storage import township
from ..storage.db import Store
from ..storage.documents import DEFAULT_MAX_FINE_INDIVIDUAL, DEFAULT_MAX_FINE_UNIT
from .operations import Change, Op

NOTE_STYLE = "color: #666;"


class DocumentSettingsDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Documents and deadlines"))
        s = township.settings(store)

        self.officer = QComboBox(self)
        self.officer.addItem(self.tr("(not set)"), "")
        for o in township.list_officers(store):
            self.officer.addItem(f"{o.name}（{o.cert_no}）", o.id)
        self.officer.setCurrentIndex(max(self.officer.findData(s["current_officer_id"]), 0))

        self.window_days = QSpinBox(self)
        self.window_days.setRange(1, 60)
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setValue(int(store.setting("reinspection_window_days", DEFAULT_REINSPECTION_WINDOW_DAYS)))

        self.max_individual = QSpinBox(self)
        self.max_individual.setRange(0, 100000)
        self.max_individual.setSuffix(self.tr(" yuan"))
        self.max_individual.setValue(int(store.setting("max_fine_individual", DEFAULT_MAX_FINE_INDIVIDUAL)))
        self.max_unit = QSpinBox(self)
        self.max_unit.setRange(0, 1000000)
        self.max_unit.setSuffix(self.tr(" yuan"))
        self.max_unit.setValue(int(store.setting("max_fine_unit", DEFAULT_MAX_FINE_UNIT)))

        self.bank = QLineEdit(s["bank_name"], self)
        self.account = QLineEdit(s["bank_account"], self)
        self.address = QLineEdit(s["authority_address"], self)

        form = QFormLayout()
        form.addRow(self.tr("Officer using this laptop:"), self.officer)
        form.addRow(self.tr("Re-inspection within, after the deadline:"), self.window_days)
        form.addRow(self.tr("On-the-spot fine limit, individual:"), self.max_individual)
        form.addRow(self.tr("On-the-spot fine limit, organisation:"), self.max_unit)
        form.addRow(self.tr("Bank for fines:"), self.bank)
        form.addRow(self.tr("Account number:"), self.account)
        form.addRow(self.tr("Authority address:"), self.address)
        note = QLabel(self.tr(
            "The re-inspection window (commonly 10 days) and the fine limits (Administrative Penalty Law "
            "art. 51: 200 yuan for individuals, 3000 yuan for organisations) are not confirmed against the "
            "official texts: check them with the county emergency management bureau."), self)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def accept(self) -> None:  # Qt override: save, then close
        values = {
            "current_officer_id": self.officer.currentData() or "",
            "reinspection_window_days": self.window_days.value(),
            "max_fine_individual": self.max_individual.value(),
            "max_fine_unit": self.max_unit.value(),
            "bank_name": self.bank.text().strip(),
            "bank_account": self.account.text().strip(),
            "authority_address": self.address.text().strip(),
        }

        def save() -> None:
            with self.store.write():
                for key, value in values.items():
                    self.store.set_setting(key, value)

        saved: list[bool] = []
        Op(self, save, changes={Change.SETTINGS}).success(lambda _r: saved.append(True)).run()
        if saved:
            super().accept()
