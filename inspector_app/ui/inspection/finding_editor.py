"""One finding to register while finalising: from a failed item (its question, a preset grade and
deadline) or added by hand (category, legal basis and requirement too)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton)

from ..widgets.badges import RED
from ..widgets.dates import to_date, to_qdate
from .labels import CATEGORY_LABELS, GRADE_LABELS, bold, label_of, wrap_label


class FindingEditor(QFrame):
    """One finding to register: from a failed item (question, preset grade) or added by hand."""

    remove_requested = Signal(object)

    def __init__(self, proposal: dict | None, *, found_on: date, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.proposal = proposal
        self.item_key = proposal["item_key"] if proposal else ""
        self.preset_grade = proposal["grade"] if proposal else "一般"
        self.major_ref = proposal["major_ref"] if proposal else ""
        self.auto_description = proposal["description"] if proposal else ""
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head = wrap_label(self, "findingQuestion")
        bold(head)
        head.setText(proposal["question"] if proposal else self.tr("A problem not on the checklist"))
        form.addRow(head)
        self.category = self.legal_basis = self.requirement = None
        if proposal is None:
            self.category = QComboBox(self)
            self.legal_basis = QLineEdit(self)
            self.requirement = QLineEdit(self)
            for c in ("人", "物", "管理", "环境"):
                self.category.addItem(label_of(CATEGORY_LABELS, c), c)
            self.category.setCurrentIndex(1)
            form.addRow(self.tr("Category:"), self.category)
            form.addRow(self.tr("Legal basis:"), self.legal_basis)
            form.addRow(self.tr("Rectification required:"), self.requirement)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("findingDescription")
        self.description.setTabChangesFocus(True)
        self.description.setPlainText(self.auto_description)
        self.description.setFixedHeight(72)
        form.addRow(self.tr("Description:"), self.description)
        self.grade = QComboBox(self)
        self.grade.setObjectName("findingGrade")
        for g in ("一般", "重大"):
            self.grade.addItem(label_of(GRADE_LABELS, g), g)
        self.grade.setCurrentIndex(self.grade.findData(self.preset_grade))
        self.grade.currentIndexChanged.connect(self._on_grade_changed)
        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade)
        self.major_label = wrap_label(self, "findingMajorRef")
        self.major_label.setStyleSheet(f"color: {RED};")
        self.major_label.setText(self.tr("Major hazard criterion: %1").replace("%1", self.major_ref))
        self.major_label.setVisible(bool(self.major_ref))
        grade_row.addWidget(self.major_label, 1)
        form.addRow(self.tr("Grade:"), grade_row)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("findingReason")
        self.reason_label = QLabel(self.tr("Reason for the grade:"), self)
        form.addRow(self.reason_label, self.reason)
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("findingDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(to_qdate(found_on))
        self.deadline.setDate(to_qdate(proposal["deadline"] if proposal else found_on + timedelta(days=15)))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        if proposal is None:
            remove = QPushButton(self.tr("Remove"), self)
            remove.clicked.connect(lambda: self.remove_requested.emit(self))
            deadline_row.addWidget(remove)
        form.addRow(self.tr("Rectify by:"), deadline_row)
        self.message = wrap_label(self, "findingMessage", selectable=False)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()
        form.addRow(self.message)
        self._on_grade_changed()

    def _on_grade_changed(self) -> None:
        # A grade other than the checklist's classification needs a reason (and 重大 for an
        # item outside the criteria, or 一般 for one inside them).
        needs = self.grade.currentData() != self.preset_grade or (
            self.proposal is None and self.grade.currentData() == "重大")
        self.needs_reason = needs
        self.reason.setVisible(needs)
        self.reason_label.setVisible(needs)

    def value(self) -> dict:
        out = {"item_key": self.item_key, "description": self.description.toPlainText().strip(),
               "grade": self.grade.currentData(),
               "grade_override_reason": self.reason.text().strip() if self.needs_reason else "",
               "deadline": to_date(self.deadline.date()).isoformat()}
        if self.proposal is None:
            out.update(category=self.category.currentData(), legal_basis=self.legal_basis.text().strip(),
                       requirement=self.requirement.text().strip())
        return out

    def problem(self) -> str:
        v = self.value()
        if not v["description"]:
            return self.tr("Describe the problem.")
        if self.needs_reason and not v["grade_override_reason"]:
            return self.tr("Give the reason for this grade.")
        return ""

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.setStyleSheet(f"FindingEditor {{ border: 2px solid {RED}; }}" if text else "")

    def set_edits(self, values: dict) -> None:
        if "description" in values:
            self.description.setPlainText(values["description"])
        if "grade" in values:
            self.grade.setCurrentIndex(max(self.grade.findData(values["grade"]), 0))
        if values.get("grade_override_reason"):
            self.reason.setText(values["grade_override_reason"])
        if values.get("deadline"):
            self.deadline.setDate(to_qdate(values["deadline"]))
        if self.proposal is None:
            self.category.setCurrentIndex(max(self.category.findData(values.get("category")), 0))
            self.legal_basis.setText(values.get("legal_basis", ""))
            self.requirement.setText(values.get("requirement", ""))
