"""The inspection's officers: the message under the one officer picker and the dialog that
changes a draft's officers (at least two, counted by the rule in core/officers.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ...core.officers import distinct_officers
from ...storage.db import Store
from ..widgets.badges import RED
from ..widgets.officers import OfficerPicker
from .labels import wrap_label


def officer_picker(store: Store, parent, checked: list[str]) -> OfficerPicker:
    """The inspection screens' picker: exactly ``checked`` ticked, found by tests as officerList."""
    return OfficerPicker(store, parent, checked=checked, name="officerList")


def officer_message(picker: OfficerPicker) -> str:
    """Why the ticked officers cannot carry out an inspection, or "" when they can."""
    active = len(distinct_officers(picker.officers))
    if active < 2:
        return QCoreApplication.translate(
            "Inspection", "Only %n active officer(s) registered. An inspection needs at least two officers: "
                  "add officers under Settings → Township, authority and officers.", "", active)
    if len(distinct_officers(picker.checked_ids())) < 2:
        return QCoreApplication.translate(
            "Inspection", "Check at least two officers: an inspection is carried out by two or more officers.")
    return ""


class OfficersDialog(QDialog):
    """Change the officers of a draft inspection."""

    def __init__(self, store: Store, checked: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Officers"))
        self.list = officer_picker(store, self, checked)
        self.message = wrap_label(self, "officersMessage", selectable=False)
        self.message.setStyleSheet(f"color: {RED};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.list.selection_changed.connect(self._on_list_changed)
        self._on_list_changed()

    def _on_list_changed(self) -> None:
        msg = officer_message(self.list)
        self.message.setText(msg)
        self.message.setVisible(bool(msg))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not msg)
