"""Choosing the officers of an inspection (at least two, with certificate numbers).

This is the inspection screens' own officer checklist; ui/document_dialogs.py has a second one.
The two are to be unified into a shared widget after the UI regrouping is merged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout

from ...storage import township
from ...storage.db import Store
from ..registry.badges import AMBER, RED
from .labels import wrap_label


class OfficerChecklist(QListWidget):
    """Active officers with a check box each; the check state is the selection."""

    selection_changed = Signal()

    def __init__(self, store: Store, parent=None, *, checked: list[str] = ()):
        super().__init__(parent)
        self.setObjectName("officerList")
        self.officers = township.list_officers(store)
        known = {o.id for o in self.officers}
        # Officers of an older record who were since deactivated stay listed (and checked).
        extra = [o for o in township.get_officers(store, [i for i in checked if i not in known])]
        for o in self.officers + extra:
            text = f"{o.name}（{o.cert_no}）" if o.cert_no else o.name
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if o.id in checked else Qt.CheckState.Unchecked)
            if not o.cert_no:
                item.setToolTip(self.tr("No certificate number recorded: add it under Settings before "
                                        "this officer signs a document."))
                item.setForeground(QBrush(QColor(AMBER)))
        self.itemChanged.connect(lambda _i: self.selection_changed.emit())
        self.setMaximumHeight(max(60, min(180, 24 * (self.count() + 1))))

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: list[str]) -> None:
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in ids
                             else Qt.CheckState.Unchecked)


def officer_message(checklist: OfficerChecklist) -> str:
    active = len(checklist.officers)
    if active < 2:
        return QCoreApplication.translate(
            "Inspection", "Only %n active officer(s) registered. An inspection needs at least two officers: "
                  "add officers under Settings → Township, authority and officers.", "", active)
    if len(checklist.checked_ids()) < 2:
        return QCoreApplication.translate(
            "Inspection", "Check at least two officers: an inspection is carried out by two or more officers.")
    return ""


class OfficersDialog(QDialog):
    """Change the officers of a draft inspection."""

    def __init__(self, store: Store, checked: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Officers"))
        self.list = OfficerChecklist(store, self, checked=checked)
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


