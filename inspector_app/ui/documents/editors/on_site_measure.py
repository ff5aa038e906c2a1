"""现场处理措施决定书: the dangers found, the legal basis and the measures decided on the spot."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from ....core import documents as docs
from ....core import settings as S
from ....core.i18n import QT_TRANSLATE_NOOP
from ....storage import settings as settings_store
from ...widgets.dates import date_edit, to_date, to_qdate
from .base import DocumentEditor, register

# 安全生产法(2021) 第六十五条第一款第（三）项: the power to order on-site measures (REFERENCE §1.5 [K]).
DEFAULT_ONSITE_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
# Decision checkboxes: (English label for tr(), printed Chinese wording).
ONSITE_DECISIONS = (
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Remove the hidden danger immediately"), "责令立即排除事故隐患"),
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Withdraw the workers from the danger area"),
     "责令从危险区域内撤出作业人员"),
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Suspend production and business temporarily"), "责令暂时停产停业"),
    (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Stop using the related facilities and equipment"),
     "责令暂时停止使用相关设施、设备"),
)
# Only when the authority holds the power in its own name (赋权): 行政强制法第十七条.
SEIZURE_DECISION = (QT_TRANSLATE_NOOP("IssueDocumentDialog", "Seal up or seize the non-compliant equipment"),
                    docs.SEIZURE)


@register
class OnsiteMeasuresEditor(DocumentEditor):
    KIND = docs.ONSITE_MEASURES
    ORDER_BY_DEFAULT = False  # usually followed by a 责令限期整改指令书 with the deadlines

    def build(self) -> None:
        self.inspected_edit = date_edit(self, self.inspected_on, name="inspectedOn")
        self.dangers = QPlainTextEdit(self)
        self.dangers.setObjectName("dangers")
        self.dangers.setMaximumHeight(110)
        self.dangers.setPlaceholderText(self.tr("One violation or hidden danger per line"))
        self.dangers.setPlainText("\n".join(f["description"] for f in self.findings))
        self.basis = QLineEdit(DEFAULT_ONSITE_BASIS, self)
        self.basis.setObjectName("legalBasis")
        self.decision_checks: list[tuple[QCheckBox, str]] = []
        decisions = QVBoxLayout()
        self.own_power = settings_store.get(self.store, S.AUTHORITY_POWER) == S.POWER_CONFERRED
        choices = ONSITE_DECISIONS + ((SEIZURE_DECISION,) if self.own_power else ())
        for label, wording in choices:
            box = QCheckBox(QCoreApplication.translate("IssueDocumentDialog", label), self)
            box.setToolTip(wording)
            decisions.addWidget(box)
            self.decision_checks.append((box, wording))
        other = QHBoxLayout()
        self.other_check = QCheckBox(self.tr("Other:"), self)
        self.other_check.setObjectName("otherCheck")
        self.other_text = QLineEdit(self)
        self.other_text.setObjectName("otherDecision")
        self.other_text.setPlaceholderText("责令立即停止打磨作业")
        self.other_text.textEdited.connect(self._on_other_text_edited)
        other.addWidget(self.other_check)
        other.addWidget(self.other_text, 1)
        decisions.addLayout(other)
        for box, _wording in self.decision_checks:
            box.toggled.connect(self._on_decision_toggled)
        if not self.own_power:
            # Under entrustment 查封、扣押 is not ours to decide: say where it goes instead.
            self.seizure_note = QLabel(self.tr("Sealing up or seizing equipment is an administrative compulsory "
                                               "measure that cannot be entrusted: refer it to the bureau."), self)
            self.seizure_note.setObjectName("seizureNote")
            self.seizure_note.setWordWrap(True)
            decisions.addWidget(self.seizure_note)
        self.scope = QLineEdit(self)
        self.scope.setObjectName("suspensionScope")
        self.scope.setPlaceholderText(self.tr("What is suspended: the whole site, a workshop, a line, equipment"))
        if any(f["grade"] == "重大" for f in self.findings):
            # A major danger that cannot be kept safe while it is removed (安全生产法第65条).
            self.decision_checks[1][0].setChecked(True)
            self.decision_checks[2][0].setChecked(True)
        else:
            self.decision_checks[0][0].setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Inspected on"), self.inspected_edit)
        form.addRow(self.tr("Violations and hidden dangers"), self.dangers)
        form.addRow(self.tr("Legal basis"), self.basis)
        form.addRow(self.tr("Decision"), decisions)
        form.addRow(self.tr("Scope of the suspension"), self.scope)
        self.scope_hint = QLabel(docs.SUSPENSION_SENTENCE, self)
        self.scope_hint.setWordWrap(True)
        form.addRow("", self.scope_hint)
        self.add_box(self.tr("On-site measures"), form)
        self._on_decision_toggled()

    def _on_decision_toggled(self, _checked: bool = False) -> None:
        if not hasattr(self, "scope_hint"):
            return  # still building; build() calls this once at the end
        suspends = any(docs.is_suspension(d) for d in self.decisions())
        self.scope.setEnabled(suspends)
        self.scope_hint.setVisible(suspends)

    def _on_other_text_edited(self, text: str) -> None:
        self.other_check.setChecked(bool(text.strip()))
        self._on_decision_toggled()

    def check(self) -> None:
        if not self.own_power and any(docs.is_seizure(d) for d in self.decisions()):
            raise ValueError(docs.SEIZURE_UNDER_ENTRUSTMENT)

    def decisions(self) -> list[str]:
        out = [wording for box, wording in self.decision_checks if box.isChecked()]
        if self.other_check.isChecked() and self.other_text.text().strip():
            out.append(self.other_text.text().strip())
        return out

    def prefill(self, c: dict) -> None:
        self.inspected_edit.setDate(to_qdate(c.get("inspected_on")))
        self.dangers.setPlainText("\n".join(c.get("dangers") or []))
        self.basis.setText(c.get("legal_basis", ""))
        chosen = list(c.get("decisions") or [])
        for box, wording in self.decision_checks:
            box.setChecked(wording in chosen)
        other = [x for x in chosen if x not in {w for _b, w in self.decision_checks}]
        self.other_check.setChecked(bool(other))
        self.other_text.setText("；".join(other))
        self.scope.setText(c.get("suspension_scope", ""))
        self._on_decision_toggled()

    def content(self) -> dict:
        return {
            "inspected_on": to_date(self.inspected_edit.date()).isoformat(),
            "dangers": [x.strip() for x in self.dangers.toPlainText().splitlines() if x.strip()],
            "legal_basis": self.basis.text().strip(),
            "decisions": self.decisions(),
            "suspension_scope": self.scope.text().strip() if self.scope.isEnabled() else "",
        }

    def listed_finding_ids(self) -> None:
        return None  # the measures concern every finding of the dialog


__all__ = ["DEFAULT_ONSITE_BASIS", "ONSITE_DECISIONS", "OnsiteMeasuresEditor"]
