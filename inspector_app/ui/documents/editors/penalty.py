"""当场行政处罚决定书 (简易程序): the person or unit penalised, facts, basis, fine and payment.

The fine is checked against the on-the-spot limit (行政处罚法第51条) next to the amount, as the
officer types, and again before issuing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QSpinBox, QVBoxLayout)

from ....core import documents as docs
from ....core import settings as S
from ....core.dates import as_datetime
from ....storage import settings
from ...widgets.dates import now_qdatetime, to_datetime, to_qdatetime
from ...widgets.messages import HINT_STYLE, set_message
from .base import DocumentEditor, register


@register
class SpotPenaltyEditor(DocumentEditor):
    KIND = docs.SPOT_PENALTY

    def build(self) -> None:
        self.max_individual = settings.get(self.store, S.MAX_FINE_INDIVIDUAL)
        self.max_unit = settings.get(self.store, S.MAX_FINE_UNIT)
        self.variant_unit = QRadioButton(self.tr("Unit (the enterprise)"), self)
        self.variant_unit.setObjectName("variantUnit")
        self.variant_person = QRadioButton(self.tr("Individual"), self)
        self.variant_person.setObjectName("variantPerson")
        self.variant_unit.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.variant_unit)
        group.addButton(self.variant_person)
        variant = QHBoxLayout()
        variant.addWidget(self.variant_unit)
        variant.addWidget(self.variant_person)
        variant.addStretch(1)

        self.person_box = QGroupBox(self.tr("Person penalised"), self)
        pf = QFormLayout(self.person_box)
        self.person: dict = {}
        for key, label in (("name", self.tr("Name")), ("gender", self.tr("Gender")), ("age", self.tr("Age")),
                           ("id_no", self.tr("ID card no.")), ("home_address", self.tr("Home address")),
                           ("employer", self.tr("Employer")), ("title", self.tr("Position")),
                           ("employer_address", self.tr("Employer address")), ("phone", self.tr("Phone"))):
            if key == "age":
                w = QSpinBox(self)
                w.setRange(0, 120)
                w.setSpecialValueText(" ")
            elif key == "gender":
                w = QComboBox(self)
                for g in ("", "男", "女"):
                    w.addItem(g, g)
            else:
                w = QLineEdit(self)
            w.setObjectName("person_" + key)
            self.person[key] = w
            pf.addRow(label, w)
        self.person["employer"].setText(self.enterprise["name"])
        self.person["employer_address"].setText(self.enterprise["address"] or "")
        self.person_box.setVisible(False)
        self.variant_person.toggled.connect(self._on_variant_person_toggled)

        self.decided_at = QDateTimeEdit(now_qdatetime(), self)
        self.decided_at.setCalendarPopup(True)
        self.decided_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.decided_at.setObjectName("decidedAt")
        self.decided_at.setMaximumWidth(180)
        self.place = QLineEdit(self.enterprise["address"] or "", self)
        self.place.setObjectName("place")
        self.facts = QPlainTextEdit(self)
        self.facts.setObjectName("facts")
        self.facts.setMaximumHeight(90)
        self.facts.setPlainText("\n".join(f["description"] for f in self.findings))
        self.violated = QLineEdit(self)
        self.violated.setObjectName("violated")
        self.violated.setPlaceholderText("《中华人民共和国安全生产法》第二十八条第一款")
        self.violated.setText("；".join(dict.fromkeys(f["legal_basis"] for f in self.findings if f["legal_basis"])))
        self.penalty_basis = QLineEdit(self)
        self.penalty_basis.setObjectName("penaltyBasis")
        self.penalty_basis.setPlaceholderText("《中华人民共和国安全生产法》第九十七条第（三）项")
        self.penalty = QComboBox(self)
        self.penalty.setObjectName("penaltyType")
        for p in docs.PENALTY_TYPES:
            self.penalty.addItem(p, p)
        self.penalty.setCurrentIndex(self.penalty.findData("罚款"))
        self.amount = QSpinBox(self)
        self.amount.setObjectName("amount")
        self.amount.setRange(0, 10_000_000)
        self.amount.setSuffix(" " + self.tr("yuan"))
        self.amount.setSingleStep(100)
        self.amount_message = QLabel(self)
        self.amount_message.setObjectName("amountMessage")
        self.amount_message.setWordWrap(True)
        self.amount.valueChanged.connect(self._on_amount_changed)
        self.penalty.currentIndexChanged.connect(self._on_amount_changed)
        self.payment = QComboBox(self)
        self.payment.setObjectName("payment")
        for p in docs.PAYMENT_MODES:
            self.payment.addItem(p, p)
        self.hard_to_enforce = QCheckBox(self.tr("Hard to enforce later unless collected on the spot (第68条)"), self)
        self.statement = QPlainTextEdit(self)
        self.statement.setObjectName("statement")
        self.statement.setPlaceholderText(self.tr("Leave empty to print blank lines for handwriting"))
        self.statement.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Penalised"), variant)
        form.addRow(self.person_box)
        form.addRow(self.tr("Time"), self.decided_at)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Facts and evidence"), self.facts)
        form.addRow(self.tr("Provision violated"), self.violated)
        form.addRow(self.tr("Penalty basis"), self.penalty_basis)
        form.addRow(self.tr("Penalty"), self.penalty)
        amount = QVBoxLayout()
        amount.addWidget(self.amount)
        amount.addWidget(self.amount_message)
        form.addRow(self.tr("Fine"), amount)
        form.addRow(self.tr("Payment"), self.payment)
        form.addRow("", self.hard_to_enforce)
        form.addRow(self.tr("Statement of the party"), self.statement)
        self.add_box(self.tr("On-the-spot penalty (simplified procedure)"), form)
        self.check_amount()

    def _on_variant_person_toggled(self, on: bool) -> None:
        self.person_box.setVisible(on)
        self.check_amount()

    def _on_amount_changed(self, _value) -> None:
        self.check_amount()

    def fine_limit(self) -> int:
        return self.max_individual if self.variant_person.isChecked() else self.max_unit

    def check_amount(self) -> bool:
        """Show the on-the-spot limit next to the amount; False when the amount exceeds it."""
        limit = self.fine_limit()
        amount = self.amount.value()
        fines = self.penalty.currentData() != "警告"
        if fines and amount > limit:
            who = self.tr("an individual") if self.variant_person.isChecked() else self.tr("a unit")
            set_message(self.amount_message, self.tr(
                "An on-the-spot fine on %1 may not exceed %2 yuan (行政处罚法第51条). "
                "Use the ordinary procedure for %3 yuan.").replace("%1", who).replace("%2", str(limit))
                .replace("%3", str(amount)))
            return False
        self.amount_message.setStyleSheet(HINT_STYLE)
        self.amount_message.setText(self.tr("Limit on the spot: %1 yuan").replace("%1", str(limit)))
        self.amount_message.setVisible(True)
        return True

    def check(self) -> None:
        if not self.check_amount():
            raise ValueError(self.amount_message.text())

    def prefill(self, c: dict) -> None:
        individual = c.get("variant") == "individual"
        self.variant_person.setChecked(individual)
        self.variant_unit.setChecked(not individual)
        for key, w in self.person.items():
            value = (c.get("person") or {}).get(key)
            if isinstance(w, QSpinBox):
                w.setValue(int(value or 0))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value or "")))
            elif value is not None:
                w.setText(str(value))
        if c.get("decided_at"):
            self.decided_at.setDateTime(to_qdatetime(as_datetime(c["decided_at"], "处罚决定时间").replace(second=0, microsecond=0)))
        self.place.setText(c.get("place", ""))
        self.facts.setPlainText(c.get("facts", ""))
        self.violated.setText(c.get("violated", ""))
        self.penalty_basis.setText(c.get("basis", ""))
        self.penalty.setCurrentIndex(max(0, self.penalty.findData(c.get("penalty", "罚款"))))
        self.amount.setValue(int(c.get("amount") or 0))
        self.payment.setCurrentIndex(max(0, self.payment.findData(c.get("payment", "银行缴纳"))))
        self.hard_to_enforce.setChecked(bool(c.get("hard_to_enforce")))
        self.statement.setPlainText(c.get("statement", ""))

    def content(self) -> dict:
        c: dict = {}
        individual = self.variant_person.isChecked()
        c["variant"] = "individual" if individual else "unit"
        if individual:
            p = {}
            for key, w in self.person.items():
                if isinstance(w, QSpinBox):
                    p[key] = w.value() or None
                elif isinstance(w, QComboBox):
                    p[key] = w.currentData()
                else:
                    p[key] = w.text().strip()
            c["person"] = p
        c["decided_at"] = to_datetime(self.decided_at.dateTime()).isoformat(timespec="minutes")
        c["place"] = self.place.text().strip()
        c["facts"] = self.facts.toPlainText().strip()
        c["violated"] = self.violated.text().strip()
        c["basis"] = self.penalty_basis.text().strip()
        c["penalty"] = self.penalty.currentData()
        c["amount"] = 0 if c["penalty"] == "警告" else self.amount.value()
        c["payment"] = self.payment.currentData()
        c["hard_to_enforce"] = self.hard_to_enforce.isChecked()
        c["statement"] = self.statement.toPlainText().strip()
        return c


__all__ = ["SpotPenaltyEditor"]
