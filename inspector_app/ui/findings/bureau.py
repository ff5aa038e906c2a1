"""The county bureau's outcome of a referred case (案件移送, issue 9).

Two outcomes: the bureau dealt with the case and the danger is removed (the finding passes, then
销号), or it returned the case to the township with a new rectification deadline (the finding is
rectifying again under that deadline: Today's overdue lists, the re-inspection and a further
escalation all follow it).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QRadioButton, QVBoxLayout)

from ...core import clock
from ...storage import escalation
from ...storage.db import Store
from ..operations import Change, Op
from ..widgets.dates import date_edit, to_date
from ..widgets.messages import HINT_STYLE, error_label, inline_failure, set_message

DEFAULT_RETURN_DAYS = 15  # a suggestion for the new deadline; the officer sets the real one


def outcome_op(parent, store: Store, finding_id: str, **values) -> Op:
    return Op(parent, lambda: escalation.record_bureau_outcome(store, finding_id, **values),
              changes={Change.FINDING})


class BureauOutcomeDialog(QDialog):
    def __init__(self, store: Store, finding: dict, parent=None):
        super().__init__(parent)
        self.store = store
        self.finding = finding
        self.setObjectName("bureauOutcomeDialog")
        self.setWindowTitle(self.tr("The bureau's outcome — %1").replace("%1", finding["enterprise_name"]))
        head = QLabel(finding["description"], self)
        head.setWordWrap(True)
        self.date = date_edit(self, name="outcomeDate")
        self.resolved = QRadioButton(self.tr("Dealt with by the bureau: the danger is removed (the finding may "
                                             "then be closed)"), self)
        self.resolved.setObjectName("outcomeResolved")
        self.returned = QRadioButton(self.tr("Returned to the township with a new rectification deadline"), self)
        self.returned.setObjectName("outcomeReturned")
        group = QButtonGroup(self)
        group.addButton(self.resolved)
        group.addButton(self.returned)
        self.resolved.setChecked(True)
        self.new_deadline = date_edit(self, clock.today() + timedelta(days=DEFAULT_RETURN_DAYS), name="newDeadline")
        self.outcome = QLineEdit(self)
        self.outcome.setObjectName("outcomeText")
        self.outcome.setPlaceholderText(self.tr("e.g. case filed, fine imposed, danger removed; or why it was "
                                                "returned"))
        self.bureau_doc_no = QLineEdit(self)
        self.bureau_doc_no.setObjectName("bureauDocNo")
        self.bureau_doc_no.setPlaceholderText(self.tr("The bureau's decision or letter number, if any"))
        hint = QLabel(self.tr("Returned: the finding is under rectification again until the new deadline; "
                              "when that passes it is overdue and may be re-inspected, penalised or referred "
                              "again."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.error = error_label(self, "outcomeError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveOutcomeButton")
        self.save_button.setText(self.tr("&Record the outcome"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.returned.toggled.connect(self._on_returned_toggled)

        form = QFormLayout()
        form.addRow(self.tr("Recorded on"), self.date)
        form.addRow(self.tr("Outcome"), self.resolved)
        form.addRow("", self.returned)
        form.addRow(self.tr("New deadline"), self.new_deadline)
        form.addRow(self.tr("What the bureau did"), self.outcome)
        form.addRow(self.tr("Bureau document no."), self.bureau_doc_no)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._on_returned_toggled(False)
        self.resize(620, 340)

    def _on_returned_toggled(self, on: bool) -> None:
        self.new_deadline.setEnabled(on)

    def values(self) -> dict:
        returned = self.returned.isChecked()
        return {"on": to_date(self.date.date()), "resolved": not returned, "outcome": self.outcome.text().strip(),
                "bureau_doc_no": self.bureau_doc_no.text().strip(),
                "new_deadline": to_date(self.new_deadline.date()) if returned else None}

    def _on_save_clicked(self) -> None:
        set_message(self.error, "")
        outcome_op(self, self.store, self.finding["id"], **self.values()) \
            .success(lambda _r: self.accept()).failure(inline_failure(self.error, self)).run()


__all__ = ["BureauOutcomeDialog", "outcome_op"]
