"""A date and an optional note (mark rectified, close a finding)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from .dates import date_edit, to_date


class DateNoteDialog(QDialog):
    def __init__(self, title: str, date_label: str, parent=None, *, note_label: str = "", value=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date = date_edit(self, value, name="date")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        form = QFormLayout(self)
        form.addRow(date_label, self.date)
        form.addRow(note_label or self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def values(self) -> tuple[date, str]:
        return to_date(self.date.date()), self.note.text().strip()


__all__ = ["DateNoteDialog"]
