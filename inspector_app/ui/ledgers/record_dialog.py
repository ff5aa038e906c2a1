"""Add or edit one hand-kept ledger record (an activity, a unit of equipment, a certificate…).

The fields come from :mod:`.fields`; the record's ``clean()`` validates on save, so a mistake is
shown under the form in the officer's words and nothing is written. Saving runs as an ``Op``
announcing ``Change.LEDGER``. Enter in a one-line field saves; Esc cancels.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QLineEdit, QPlainTextEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from ...core.ledgers import rules as R
from ...core.ledgers.rules import mask_id
from ...storage import enterprises as enterprise_store
from ...storage import ledgers
from ...storage import township
from ...storage.db import Store
from ..operations import Change, Op
from ..widgets.messages import error_label, inline_failure
from .fields import FIELDS, options

def _title(kind) -> str:
    names = {
        "Activity": QCoreApplication.translate("RecordDialog", "Education or training activity"),
        "Equipment": QCoreApplication.translate("RecordDialog", "Special equipment"),
        "Person": QCoreApplication.translate("RecordDialog", "Person and certificate"),
        "HazardSource": QCoreApplication.translate("RecordDialog", "Major hazard source"),
        "Accident": QCoreApplication.translate("RecordDialog", "Accident"),
        "TownshipAction": QCoreApplication.translate("RecordDialog", "Drill or joint action"),
        "Supervisor": QCoreApplication.translate("RecordDialog", "Village safety supervisor"),
        "Referral": QCoreApplication.translate("RecordDialog", "Referral"),
        "QuarterReport": QCoreApplication.translate("RecordDialog", "Enterprise's quarterly report"),
    }
    return names.get(kind.__name__, kind.__name__)


class RecordDialog(QDialog):
    """``record`` None: a new record of ``kind`` with ``defaults`` filled in."""

    def __init__(self, store: Store, kind, record=None, parent=None, *, defaults: dict | None = None,
                 show_ids: bool = False):
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record = record if record is not None else kind(**(defaults or {}))
        self.saved_id: str | None = None
        self.widgets: dict[str, QWidget] = {}
        self.id_fields = {f[0] for f in FIELDS[kind] if f[1] in ("enterprise", "village")}
        self.show_ids = show_ids
        self.reveal: QCheckBox | None = None
        self.setObjectName("recordDialog")
        head = _title(kind)
        self.setWindowTitle((self.tr("Edit: %1") if record is not None else self.tr("New: %1")).replace("%1", head))
        rules = R.rules()
        fields = FIELDS[kind]
        body = QWidget(self)
        columns = QHBoxLayout(body)
        short = [f for f in fields if f[1] != "long"]
        longs = [f for f in fields if f[1] == "long"]
        left, right = QFormLayout(), QFormLayout()
        half = (len(short) + 1) // 2 if len(fields) > 9 else len(short)
        for i, f in enumerate(short):
            (left if i < half else right).addRow(QCoreApplication.translate("LedgerForm", f[2]), self._widget(f, rules))
        columns.addLayout(left, 1)
        if right.rowCount():
            columns.addLayout(right, 1)
        long_form = QFormLayout()
        for f in longs:
            long_form.addRow(QCoreApplication.translate("LedgerForm", f[2]), self._widget(f, rules))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        holder = QWidget(scroll)
        lay = QVBoxLayout(holder)
        lay.addWidget(body)
        lay.addLayout(long_form)
        lay.addStretch(1)
        scroll.setWidget(holder)
        self.message = error_label(self, "recordMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("saveButton")
        save.setDefault(True)  # Enter in a one-line field saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(900 if right.rowCount() else 560, min(700, 110 + 31 * half + 76 * len(longs)))
        first = self.widgets[fields[0][0]]
        first.setFocus()

    # -- widgets ---------------------------------------------------------------------------
    def _widget(self, f, rules) -> QWidget:
        name, kind, _label, opts = f
        value = getattr(self.record, name)
        if kind == "long":
            w = QPlainTextEdit(self)
            w.setTabChangesFocus(True)
            w.setPlainText(str(value or ""))
            w.setFixedHeight(64)
        elif kind in ("choice", "editable_choice"):
            w = QComboBox(self)
            choices = options(opts, rules)
            w.addItems(list(choices))
            w.setEditable(kind == "editable_choice")
            text = str(value or "")
            if text and w.findText(text) < 0:
                w.addItem(text)
            w.setCurrentText(text) if w.isEditable() else w.setCurrentIndex(max(0, w.findText(text)))
        elif kind == "int":
            w = QSpinBox(self)
            w.setRange(0, 10_000_000 if name != "year" else 2100)
            if name == "interval_months":
                w.setSpecialValueText(self.tr("category default"))
            w.setValue(int(value or 0))
        elif kind == "float":
            w = QDoubleSpinBox(self)
            w.setRange(0, 1e9)
            w.setDecimals(2)
            w.setValue(float(value or 0))
        elif kind == "bool":
            w = QCheckBox(self)
            w.setChecked(bool(value))
        elif kind in ("enterprise", "village"):
            w = QComboBox(self)
            w.addItem("", "")
            if kind == "enterprise":
                for e in enterprise_store.list_all(self.store):
                    w.addItem(e.name, e.id)
                w.setEditable(True)
                w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                w.completer().setFilterMode(Qt.MatchFlag.MatchContains)
                w.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            else:
                for v in township.list_villages(self.store, include_retired=True):
                    w.addItem(v.name, v.id)
            w.setCurrentIndex(max(0, w.findData(value or "")))
        elif name == "id_no" and not self.show_ids and value:
            # PIPL: the number masked until the officer asks to see (and change) it
            w = QLineEdit(mask_id(str(value)), self)
            w.setReadOnly(True)
            w.setObjectName(f"field_{name}")
            self.widgets[name] = w
            self.reveal = QCheckBox(self.tr("Show"), self)
            self.reveal.setObjectName("revealId")
            self.reveal.toggled.connect(lambda on, w=w, v=str(value): (w.setText(v if on else mask_id(v)),
                                                                      w.setReadOnly(not on)))
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(w, 1)
            row.addWidget(self.reveal)
            return box
        else:  # text, date, datetime: typed; the record parses them
            w = QLineEdit(str(value or ""), self)
            if kind == "date":
                w.setPlaceholderText("YYYY-MM-DD")
                w.setMaximumWidth(160)
            elif kind == "datetime":
                w.setPlaceholderText("YYYY-MM-DD HH:MM")
                w.setMaximumWidth(200)
                w.setText(str(value or "").replace("T", " "))
        w.setObjectName(f"field_{name}")
        self.widgets[name] = w
        return w

    def value_of(self, name: str):
        w = self.widgets[name]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            if name in self.id_fields:
                # an enterprise or village: the id of the chosen name (a typed name must match one)
                idx = w.findText(w.currentText()) if w.isEditable() else w.currentIndex()
                return w.itemData(idx) if idx >= 0 else w.currentText()
            return w.currentText()
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if name == "id_no" and self.reveal is not None and not self.reveal.isChecked():
            return getattr(self.record, name)  # still masked: unchanged
        return w.text()

    def set_value(self, name: str, value) -> None:
        """Fill one field as the officer would (tests, and defaults after construction)."""
        w = self.widgets[name]
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QComboBox):
            idx = w.findData(value) if name in self.id_fields else -1
            if idx < 0:
                idx = w.findText(str(value))
            if idx >= 0:
                w.setCurrentIndex(idx)
            elif w.isEditable():
                w.setCurrentText(str(value))
        elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
            w.setValue(value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        else:
            w.setText(str(value))

    def gathered(self):
        values = {f[0]: self.value_of(f[0]) for f in FIELDS[self.kind]}
        if "interval_months" in values and not values["interval_months"]:
            values["interval_months"] = None
        return dataclasses.replace(self.record, **values)

    def save(self) -> None:
        record = self.gathered()

        def done(saved) -> None:
            self.saved_id = saved.id
            self.accept()

        Op(self, lambda: ledgers.save(self.store, record), changes={Change.LEDGER}) \
            .success(done).failure(inline_failure(self.message, self)).run()


__all__ = ["RecordDialog"]
