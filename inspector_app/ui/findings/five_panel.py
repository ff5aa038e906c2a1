"""五到位 of a major finding: measures, responsibility, funds, deadline and contingency plan,
each with its message next to it (missing before closure, or wrong)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, \
    QWidget

from ...core import findings as rules
from ...storage.db import Store
from ..widgets.dates import OptionalDateEdit
from ..widgets.messages import ERROR_STYLE, HINT_STYLE, inline_failure, set_message
from . import ops
from .labels import five_label

MISSING_STYLE = "color: #8a5a00;"


def field_message(parent: QWidget, key: str) -> QLabel:
    lab = QLabel(parent)
    lab.setObjectName(f"{key}_message")
    lab.setWordWrap(True)
    lab.setVisible(False)
    return lab


class FivePanel(QWidget):
    """The 五到位 tab of the finding dossier; failures go to the dossier's ``message``."""

    saved = Signal()

    def __init__(self, store: Store, finding_id: str, message: QLabel, parent=None):
        super().__init__(parent)
        self.store = store
        self.finding_id = finding_id
        self.message = message
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        hint = QLabel(self.tr("A major hidden danger is closed only when measures, responsibility, funds, "
                              "deadline and contingency plan are all in place."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form.addRow(hint)
        for key in rules.FIVE_FIELDS:
            if key in ("five_measures", "five_contingency"):
                w = QPlainTextEdit(self)
                w.setMaximumHeight(70)
            elif key == "five_deadline":
                w = OptionalDateEdit(self)
            else:
                w = QLineEdit(self)
            if key == "five_funds":
                w.setPlaceholderText(self.tr("yuan, e.g. 12000"))
            w.setObjectName(key)
            self.fields[key] = w
            self.messages[key] = field_message(self, key)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(w)
            cell.addWidget(self.messages[key])
            form.addRow(five_label(key), cell)
        self.save_button = QPushButton(self.tr("&Save five in place"), self)
        self.save_button.setObjectName("saveFive")
        self.save_button.clicked.connect(self._on_save_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)

    def load(self, f: dict) -> None:
        missing = set(rules.five_missing(f))
        for key, w in self.fields.items():
            value = f.get(key)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif isinstance(w, OptionalDateEdit):
                w.set_value(value)
            else:
                w.setText("" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))
            w.setEnabled(f["state"] != "closed")
            lab = self.messages[key]
            if key in missing:
                lab.setText(self.tr("Not yet recorded — required before closure"))
                lab.setStyleSheet(MISSING_STYLE)
                lab.setVisible(True)
            else:
                lab.setVisible(False)
        self.save_button.setEnabled(f["state"] != "closed")

    def values(self) -> dict:
        out = {}
        for key, w in self.fields.items():
            if isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText().strip()
            elif isinstance(w, OptionalDateEdit):
                out[key] = w.value()
            else:
                out[key] = w.text().strip()
        return out

    def _on_save_clicked(self) -> None:
        values = self.values()
        errs = rules.five_errors(values)
        for key, lab in self.messages.items():
            if key in errs:
                lab.setText(errs[key])
                lab.setStyleSheet(ERROR_STYLE)
                lab.setVisible(True)
            else:
                lab.setVisible(False)
        if errs:
            set_message(self.message, self.tr("Please correct the marked fields."))
            return
        ops.set_five(self, self.store, self.finding_id, **values) \
            .success(lambda _r: self.saved.emit()) \
            .failure(inline_failure(self.message, self)) \
            .run()


__all__ = ["FivePanel"]
