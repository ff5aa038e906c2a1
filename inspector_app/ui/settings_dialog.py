"""Settings for documents and deadlines: who uses this laptop, the re-inspection window, the
simple-procedure fine limits and the payment details printed on penalty decisions.

The window and the limits are [K] facts in REFERENCE (not confirmed against the official text),
which is why they are settings and not constants.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout)

from ..core import settings as S
from ..storage import settings, township
from ..storage.db import Store
from .operations import Change, Op

NOTE_STYLE = "color: #666;"

# The settings this dialog edits.
EDITED = (S.CURRENT_OFFICER, S.REINSPECTION_WINDOW, S.MAX_FINE_INDIVIDUAL, S.MAX_FINE_UNIT,
          S.FOCUSED_MAX_EMPLOYEES, S.BANK_NAME, S.BANK_ACCOUNT, S.AUTHORITY_ADDRESS)


def _spin_box(parent, option: S.Option, values: dict, suffix: str) -> QSpinBox:
    """A spin box over an integer option: its range is the option's, so the box cannot offer a
    value the option refuses."""
    box = QSpinBox(parent)
    box.setRange(option.minimum, option.maximum)
    box.setSuffix(suffix)
    box.setValue(values[option.key])
    return box


class DocumentSettingsDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Documents and deadlines"))
        s = settings.get_many(store, EDITED)

        self.officer = QComboBox(self)
        self.officer.addItem(self.tr("(not set)"), "")
        for o in township.list_officers(store):
            self.officer.addItem(f"{o.name}（{o.cert_no}）", o.id)
        self.officer.setCurrentIndex(max(self.officer.findData(s[S.CURRENT_OFFICER.key]), 0))

        self.window_days = _spin_box(self, S.REINSPECTION_WINDOW, s, self.tr(" days"))
        self.max_individual = _spin_box(self, S.MAX_FINE_INDIVIDUAL, s, self.tr(" yuan"))
        self.max_unit = _spin_box(self, S.MAX_FINE_UNIT, s, self.tr(" yuan"))
        self.focused_max = _spin_box(self, S.FOCUSED_MAX_EMPLOYEES, s, self.tr(" people"))
        self.focused_max.setObjectName("focusedMaxEmployees")
        self.focused_note = QLabel(self)
        self.focused_note.setObjectName("focusedNote")
        self.focused_note.setWordWrap(True)
        self.focused_note.setStyleSheet(NOTE_STYLE)
        self.focused_max.valueChanged.connect(self._explain_focused)
        self._explain_focused(self.focused_max.value())

        self.bank = QLineEdit(s[S.BANK_NAME.key], self)
        self.account = QLineEdit(s[S.BANK_ACCOUNT.key], self)
        self.address = QLineEdit(s[S.AUTHORITY_ADDRESS.key], self)

        form = QFormLayout()
        form.addRow(self.tr("Officer using this laptop:"), self.officer)
        form.addRow(self.tr("Re-inspection within, after the deadline:"), self.window_days)
        form.addRow(self.tr("On-the-spot fine limit, individual:"), self.max_individual)
        form.addRow(self.tr("On-the-spot fine limit, organisation:"), self.max_unit)
        form.addRow(self.tr("Small firm, up to:"), self.focused_max)
        form.addRow("", self.focused_note)
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
        self.resize(560, 400)

    def _explain_focused(self, people: int) -> None:
        # One line that says what the number does, in the number's own terms.
        if people == 0:
            text = self.tr("Every inspection starts with the full checklist; focused can still be chosen.")
        else:
            text = self.tr("Firms of up to %1 people start with the focused checklist; the full one can "
                           "still be chosen.").replace("%1", str(people))
        self.focused_note.setText(text)

    def accept(self) -> None:  # Qt override: save, then close
        values = {
            S.CURRENT_OFFICER: self.officer.currentData() or "",
            S.REINSPECTION_WINDOW: self.window_days.value(),
            S.MAX_FINE_INDIVIDUAL: self.max_individual.value(),
            S.MAX_FINE_UNIT: self.max_unit.value(),
            S.FOCUSED_MAX_EMPLOYEES: self.focused_max.value(),
            S.BANK_NAME: self.bank.text().strip(),
            S.BANK_ACCOUNT: self.account.text().strip(),
            S.AUTHORITY_ADDRESS: self.address.text().strip(),
        }

        def save() -> None:
            settings.put_many(self.store, values)

        saved: list[bool] = []
        Op(self, save, changes={Change.SETTINGS}).success(lambda _r: saved.append(True)).run()
        if saved:
            super().accept()
