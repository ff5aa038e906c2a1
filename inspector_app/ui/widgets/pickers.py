"""Small dialogs that pick a record from a large table (search-as-you-type, SQL-backed)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ...storage.db import Store


class EnterprisePickerDialog(QDialog):
    def __init__(self, store: Store, parent=None, *, exclude_id: str | None = None):
        super().__init__(parent)
        from ..registry import RegistryWidget  # the registry screen is the picker's body

        self.setWindowTitle(self.tr("Choose an enterprise"))
        self.chosen_id: str | None = None
        self.exclude_id = exclude_id
        self.registry = RegistryWidget(store, self)
        self.registry.new_button.hide()
        self.registry.enterprise_activated.connect(self._on_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(lambda: self._on_chosen(self.registry.selected_id()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.registry)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def _on_chosen(self, enterprise_id: str | None) -> None:
        if enterprise_id and enterprise_id != self.exclude_id:
            self.chosen_id = enterprise_id
            self.accept()


__all__ = ["EnterprisePickerDialog"]
